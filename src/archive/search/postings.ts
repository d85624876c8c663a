/**
 * A term's postings in one segment of the ranking index: the documents that
 * hold it, in increasing id order, each with the term's weighted frequency
 * (title hits × TITLE_WEIGHT + body hits). Stored as unsigned LEB128 varints,
 * the id as the gap from the previous one: two to three bytes a posting.
 * Their position lists are kept apart (positions.ts), read only for phrases. Pure.
 */
import { PositionLists, putVarint, varintSize } from './positions.ts';

export interface Postings {
  ids: Uint32Array;
  weights: Uint32Array;
}

/** Postings with each one's position list (`lists`, in the same order). */
export interface PositionalPostings extends Postings {
  lists: PositionLists;
}

/**
 * Encodes the first `count` postings (all, by default), whose ids increase,
 * into a buffer of exactly their size (measured first: large lists are common).
 */
export function encodePostings(ids: ArrayLike<number>, weights: ArrayLike<number>, count = ids.length): Buffer {
  let size = 0;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    const previous = i === 0 ? 0 : ids[i - 1]!;
    if (i > 0 && id <= previous) throw new Error(`postings out of order: ${id} after ${previous}`);
    size += varintSize(id - previous) + varintSize(weights[i]!);
  }
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < count; i++) {
    at = putVarint(bytes, at, ids[i]! - (i === 0 ? 0 : ids[i - 1]!));
    at = putVarint(bytes, at, weights[i]!);
  }
  return bytes;
}

/**
 * Decodes segment `segment`'s postings, keeping the documents it still holds
 * (`segmentOf[id] === segment`), appended to `out` from `count` on; returns
 * the new count. Given the segment's position lists too (in posting order),
 * adds where each kept posting's list is to `lists`.
 */
export function decodePostings(
  bytes: Uint8Array, segmentOf: Uint32Array, segment: number, out: Postings, count: number,
  withPositions?: { positions: Uint8Array; lists: PositionLists },
): number {
  const positions = withPositions?.positions;
  const source = withPositions?.lists.addSource(withPositions.positions) ?? 0;
  let at = 0;
  let listAt = 0;
  let id = 0;
  while (at < bytes.length) {
    let gap = 0;
    let scale = 1;
    let byte: number;
    do { byte = bytes[at++]!; gap += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    let weight = 0;
    scale = 1;
    do { byte = bytes[at++]!; weight += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    let length = 0;
    if (positions) {
      scale = 1;
      do { byte = positions[listAt++]!; length += (byte & 0x7f) * scale; scale *= 128; } while (byte & 0x80);
    }
    id += gap;
    if (segmentOf[id] === segment) {
      out.ids[count] = id;
      out.weights[count] = weight;
      withPositions?.lists.add(source, listAt, listAt + length);
      count++;
    }
    listAt += length;
  }
  return count;
}

/** How many postings an encoded segment holds at most (each takes two bytes or more). */
export function maxPostings(bytes: Uint8Array): number {
  return bytes.length >> 1;
}

/** The order that sorts `ids` (positions into it), or null when they already increase (the usual case). */
export function idOrder(ids: Uint32Array): number[] | null {
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) sorted = ids[i - 1]! < ids[i]!;
  return sorted ? null : [...ids.keys()].sort((a, b) => ids[a]! - ids[b]!);
}

/** Postings sorted by id: as given when they already are, sorted copies otherwise. */
export function inIdOrder(ids: Uint32Array, weights: Uint32Array): Postings {
  const order = idOrder(ids);
  if (!order) return { ids, weights };
  return { ids: Uint32Array.from(order, (i) => ids[i]!), weights: Uint32Array.from(order, (i) => weights[i]!) };
}

/** The same for postings with their position lists. */
export function positionalInIdOrder(ids: Uint32Array, weights: Uint32Array, lists: PositionLists): PositionalPostings {
  const order = idOrder(ids);
  if (!order) return { ids, weights, lists };
  return { ids: Uint32Array.from(order, (i) => ids[i]!), weights: Uint32Array.from(order, (i) => weights[i]!), lists: lists.reordered(order) };
}
