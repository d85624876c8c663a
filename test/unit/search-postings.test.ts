/**
 * A term's postings in one segment: ids as gaps and weights, as varints.
 * Decoding keeps only the documents whose current version the segment holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings, inIdOrder, maxPostings, type Postings } from '../../src/archive/search/postings.ts';

const MAX_ID = 1 << 20;

/** Strictly increasing ids below MAX_ID (0 included), each with a weight up to 2³² − 1. */
const postings = fc
  .uniqueArray(fc.integer({ min: 0, max: MAX_ID - 1 }), { maxLength: 200 })
  .chain((ids) => {
    ids.sort((a, b) => a - b);
    return fc.tuple(
      fc.constant(ids),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(127, 128, 16383, 16384, 0x7fffffff, 0x80000000, 0xffffffff)), {
        minLength: ids.length,
        maxLength: ids.length,
      }),
    );
  });

/** An output buffer for decoding `bytes` after `prefill` entries already there. */
function outputFor(bytes: Uint8Array, prefill: number): Postings {
  const capacity = maxPostings(bytes) + prefill;
  return { ids: new Uint32Array(capacity), weights: new Uint32Array(capacity) };
}

/** Every id in segment `segment`. */
function allIn(segment: number): Uint32Array {
  return new Uint32Array(MAX_ID).fill(segment);
}
const SEGMENT_7 = allIn(7);
const SCRATCH = new Uint32Array(MAX_ID);

describe('encodePostings / decodePostings', () => {
  it('gives back the ids and weights it was given, in order', () => {
    fc.assert(fc.property(postings, ([ids, weights]) => {
      const bytes = encodePostings(ids, weights);
      const out = outputFor(bytes, 0);
      const count = decodePostings(bytes, SEGMENT_7, 7, out, 0);
      expect(count).toBe(ids.length);
      expect(Array.from(out.ids.subarray(0, count))).toEqual(ids);
      expect(Array.from(out.weights.subarray(0, count))).toEqual(weights);
    }), { numRuns: 300 });
  });

  it('takes at least two bytes a posting, so maxPostings is never too small', () => {
    fc.assert(fc.property(postings, ([ids, weights]) => {
      const bytes = encodePostings(ids, weights);
      expect(maxPostings(bytes)).toBeGreaterThanOrEqual(ids.length);
      expect(bytes.length).toBeGreaterThanOrEqual(2 * ids.length);
    }), { numRuns: 300 });
  });

  it('takes two bytes a posting for close ids and small weights', () => {
    const ids = Array.from({ length: 100 }, (_, i) => 1000 + 3 * i);
    // The first gap (1000) takes two bytes.
    expect(encodePostings(ids, ids.map(() => 6)).length).toBe(201);
  });

  it('encodes no postings as no bytes, and decoding them adds nothing', () => {
    const bytes = encodePostings([], []);
    expect(bytes.length).toBe(0);
    const out = { ids: new Uint32Array(2), weights: new Uint32Array(2) };
    expect(decodePostings(bytes, SEGMENT_7, 7, out, 2)).toBe(2);
  });

  it('keeps only the documents whose current segment is the one decoded', () => {
    fc.assert(fc.property(
      postings.chain(([ids, weights]) => fc.tuple(
        fc.constant(ids), fc.constant(weights),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: ids.length, maxLength: ids.length }),
        fc.integer({ min: 1, max: 3 }),
      )),
      ([ids, weights, segments, segment]) => {
        const segmentOf = SCRATCH.fill(0);
        ids.forEach((id, i) => { segmentOf[id] = segments[i]!; });
        const bytes = encodePostings(ids, weights);
        const out = outputFor(bytes, 0);
        const count = decodePostings(bytes, segmentOf, segment, out, 0);
        const kept = ids.flatMap((id, i) => (segments[i] === segment ? [[id, weights[i]!]] : []));
        expect(count).toBe(kept.length);
        expect(Array.from(out.ids.subarray(0, count))).toEqual(kept.map(([id]) => id));
        expect(Array.from(out.weights.subarray(0, count))).toEqual(kept.map(([, weight]) => weight));
      },
    ), { numRuns: 300 });
  });

  it('leaves out ids beyond the end of the segment array (documents it does not know)', () => {
    const bytes = encodePostings([1, 5, 9], [1, 2, 3]);
    const segmentOf = new Uint32Array(6).fill(4);
    const out = outputFor(bytes, 0);
    expect(decodePostings(bytes, segmentOf, 4, out, 0)).toBe(2);
    expect(Array.from(out.ids.subarray(0, 2))).toEqual([1, 5]);
  });

  it('appends after the postings already decoded, leaving them untouched', () => {
    fc.assert(fc.property(postings, postings, ([ids1, weights1], [ids2, weights2]) => {
      const first = encodePostings(ids1, weights1);
      const second = encodePostings(ids2, weights2);
      const out: Postings = {
        ids: new Uint32Array(maxPostings(first) + maxPostings(second)),
        weights: new Uint32Array(maxPostings(first) + maxPostings(second)),
      };
      let count = decodePostings(first, SEGMENT_7, 7, out, 0);
      count = decodePostings(second, SEGMENT_7, 7, out, count);
      expect(count).toBe(ids1.length + ids2.length);
      expect(Array.from(out.ids.subarray(0, count))).toEqual([...ids1, ...ids2]);
      expect(Array.from(out.weights.subarray(0, count))).toEqual([...weights1, ...weights2]);
    }), { numRuns: 200 });
  });

  it('refuses ids that do not strictly increase', () => {
    expect(() => encodePostings([3, 3], [1, 1])).toThrow(/out of order/);
    expect(() => encodePostings([1, 5, 4], [1, 1, 1])).toThrow(/out of order: 4 after 5/);
    expect(() => encodePostings([0, 0], [1, 1])).toThrow(/out of order/);
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: MAX_ID }), { minLength: 2, maxLength: 50 }).filter((ids) => ids.some((id, i) => i > 0 && id < ids[i - 1]!)),
      (ids) => {
        expect(() => encodePostings(ids, ids.map(() => 1))).toThrow(/out of order/);
      },
    ), { numRuns: 200 });
  });
});

describe('inIdOrder', () => {
  it('returns postings already in id order as they are, without copying', () => {
    const ids = Uint32Array.of(1, 4, 9);
    const weights = Uint32Array.of(5, 6, 7);
    const result = inIdOrder(ids, weights);
    expect(result.ids).toBe(ids);
    expect(result.weights).toBe(weights);
  });

  it('sorts postings by id, each weight staying with its id', () => {
    fc.assert(fc.property(postings, fc.infiniteStream(fc.nat()), ([ids, weights], randoms) => {
      const order = ids.map((_, i) => i);
      const stream = randoms[Symbol.iterator]();
      for (let i = order.length - 1; i > 0; i--) {
        const j = stream.next().value! % (i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const result = inIdOrder(Uint32Array.from(order, (i) => ids[i]!), Uint32Array.from(order, (i) => weights[i]!));
      expect(Array.from(result.ids)).toEqual(ids);
      expect(Array.from(result.weights)).toEqual(weights);
    }), { numRuns: 200 });
  });
});
