/**
 * Where a term stands in a document: position lists encoded per term, a
 * segment's lists written beside its postings, and both read back together,
 * keeping only the documents the segment still holds. termsOf numbers the
 * title's words first and the body's from one after them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { termsOf, TITLE_WEIGHT } from '../../src/archive/search/document-terms.ts';
import { encodePositionGroups, PositionLists, readPositions } from '../../src/archive/search/positions.ts';
import { decodePostings, encodePostings, maxPostings } from '../../src/archive/search/postings.ts';
import { words } from '../../src/archive/search/tokens.ts';

/** A term's ascending positions, small and large (varints of one to four bytes). */
const positionList = fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 5_000_000 })), { minLength: 1, maxLength: 40 })
  .map((list) => list.sort((a, b) => a - b));

/** Every term's positions in a document, decoded from termsOf's lists. */
function positionsOf(terms: ReturnType<typeof termsOf>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const scratch = new Uint32Array(terms.positions.length);
  terms.terms.forEach((term, i) => {
    const count = readPositions(terms.positions, i === 0 ? 0 : terms.positionEnds[i - 1]!, terms.positionEnds[i]!, scratch);
    out.set(term, [...scratch.subarray(0, count)]);
  });
  return out;
}

describe('position lists', () => {
  it('give back each term\'s positions, in order', () => {
    fc.assert(fc.property(fc.array(positionList, { maxLength: 20 }), (lists) => {
      const starts = new Uint32Array(lists.length + 1);
      lists.forEach((list, t) => { starts[t + 1] = starts[t]! + list.length; });
      const { bytes, ends } = encodePositionGroups(Uint32Array.from(lists.flat()), starts);
      const scratch = new Uint32Array(bytes.length);
      lists.forEach((list, t) => {
        const count = readPositions(bytes, t === 0 ? 0 : ends[t - 1]!, ends[t]!, scratch);
        expect([...scratch.subarray(0, count)]).toEqual(list);
      });
    }));
  });

  it('are read back beside their postings, only for the documents the segment still holds', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 60 }).chain((ids) => fc.tuple(
        fc.constant(ids.sort((a, b) => a - b)),
        fc.array(positionList, { minLength: ids.length, maxLength: ids.length }),
        fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
      )),
      ([ids, lists, held]) => {
        // Each document's list in a buffer of its own, as termsOf gives them; the segment's written in one piece.
        const sources = lists.map((list) => encodePositionGroups(Uint32Array.from(list), Uint32Array.of(0, list.length)).bytes);
        const written = new PositionLists(ids.length, sources);
        sources.forEach((bytes, d) => written.add(d, 0, bytes.length));
        const postings = encodePostings(ids, lists.map((list) => list.length));
        const segmentOf = new Uint32Array(5001);
        ids.forEach((id, d) => { segmentOf[id] = held[d] ? 3 : 4; });

        const out = { ids: new Uint32Array(maxPostings(postings)), weights: new Uint32Array(maxPostings(postings)) };
        const read = new PositionLists(out.ids.length);
        const count = decodePostings(postings, segmentOf, 3, out, 0, { positions: written.encode(), lists: read });
        const kept = ids.flatMap((id, d) => held[d] ? [{ id, list: lists[d]! }] : []);
        expect([...out.ids.subarray(0, count)]).toEqual(kept.map((k) => k.id));
        const scratch = new Uint32Array(64 * 4);
        kept.forEach(({ list }, k) => {
          const n = readPositions(read.bytesOf(k), read.starts[k]!, read.ends[k]!, scratch);
          expect([...scratch.subarray(0, n)]).toEqual(list);
        });
        // Reordered, then written again: the same lists in the new order.
        const order = kept.map((_, k) => kept.length - 1 - k);
        const again = new PositionLists(kept.length);
        const reversed = read.reordered(order);
        expect(reversed.length).toBe(kept.length);
        const rewritten = reversed.encode();
        const backwards = encodePostings(kept.map((_, k) => k + 1), kept.map(() => 1));
        const all = new Uint32Array(kept.length + 2).fill(9);
        decodePostings(backwards, all, 9, { ids: new Uint32Array(kept.length), weights: new Uint32Array(kept.length) }, 0, { positions: rewritten, lists: again });
        order.forEach((from, k) => {
          const n = readPositions(again.bytesOf(k), again.starts[k]!, again.ends[k]!, scratch);
          expect([...scratch.subarray(0, n)]).toEqual(kept[from]!.list);
        });
      },
    ));
  });
});

describe('termsOf', () => {
  it('numbers the title\'s words from 0 and the body\'s from one after them, and weights a title word TITLE_WEIGHT', () => {
    const terms = termsOf('Border camps', 'The border was closed; camps stayed at the border.');
    expect(terms.titleLength).toBe(2);
    expect(terms.length).toBe(2 + 9);
    const positions = positionsOf(terms);
    expect(positions.get('border')).toEqual([0, 4, 11]);
    expect(positions.get('camps')).toEqual([1, 7]);
    expect(positions.get('the')).toEqual([3, 10]);
    expect(terms.weights[terms.terms.indexOf('border')]).toBe(TITLE_WEIGHT + 2);
    expect(terms.weights[terms.terms.indexOf('the')]).toBe(2);
  });

  it('places every word of any text where words() reads it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 400 }), (title, body) => {
      const terms = termsOf(title, body);
      const titleWords = words(title);
      const read = [...titleWords, '', ...words(body)];
      const positions = positionsOf(terms);
      const placed: string[] = new Array<string>(read.length).fill('');
      for (const [term, list] of positions) for (const position of list) placed[position] = term;
      expect(placed).toEqual(read);
      expect(terms.titleLength).toBe(titleWords.length);
    }));
  });

  it('keeps each distinct word once, in order of first use, in texts of any script', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'Ł', 'ß', 'Σ', 'ς', 'İ', '\u0301', '東', '𝐀', 'ﬁ', '1', ' ', '-', '\n'), maxLength: 300 });
    fc.assert(fc.property(text, text, (title, body) => {
      const all = [...words(title), ...words(body)];
      expect(termsOf(title, body).terms).toEqual([...new Set(all)]);
    }));
  });

  it('tells apart thousands of distinct words in one document', () => {
    const many = Array.from({ length: 5000 }, (_, n) => `w${n.toString(36)}`);
    const terms = termsOf('w0 title', `${many.join(' ')} ${many.join(' ')}`);
    expect(terms.terms).toEqual(['w0', 'title', ...many.slice(1)]);
    expect(terms.length).toBe(2 + 2 * many.length);
    expect(positionsOf(terms).get('w0')).toEqual([0, 3, 3 + many.length]);
  });
});
