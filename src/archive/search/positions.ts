/**
 * Where a term stands in a document, for phrases. A document's words are
 * numbered from 0, the title's first; the body's begin one after the title's
 * last, so that no phrase runs from the title into the body. A position list
 * is one term's positions in one document, ascending, as unsigned LEB128
 * varints: the first position, then the gap to each next one. A segment keeps,
 * for each term, its postings' lists in posting order, each preceded by its
 * length in bytes, so that a list can be skipped without reading it. Pure.
 */

/** Bytes a value takes as a varint. */
export function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) { value = Math.floor(value / 128); size++; }
  return size;
}

/** Writes `value` as a varint at `at`; returns where the next byte goes. */
export function putVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  bytes[at++] = value;
  return at;
}

/**
 * Encodes a document's positions grouped by term — term t's are
 * `grouped[starts[t]]` up to `grouped[starts[t + 1]]`, ascending — as one
 * position list per term, one after another; `ends[t]` is where term t's ends.
 */
export function encodePositionGroups(grouped: Uint32Array, starts: Uint32Array): { bytes: Uint8Array; ends: Uint32Array } {
  const terms = starts.length - 1;
  const largest = grouped.reduce((max, position) => Math.max(max, position), 0);
  const bytes = new Uint8Array(Math.max(1, grouped.length * varintSize(largest)));
  const ends = new Uint32Array(terms);
  let at = 0;
  for (let t = 0; t < terms; t++) {
    let previous = 0;
    for (let k = starts[t]!; k < starts[t + 1]!; k++) {
      const position = grouped[k]!;
      at = putVarint(bytes, at, k === starts[t] ? position : position - previous);
      previous = position;
    }
    ends[t] = at;
  }
  return { bytes: bytes.slice(0, at), ends };
}

/** Decodes the position list in `bytes[start..end)` into `into` from `offset` on (room for end − start values at least); returns how many. */
export function readPositions(bytes: Uint8Array, start: number, end: number, into: Uint32Array, offset = 0): number {
  let count = offset;
  let position = 0;
  for (let at = start; at < end;) {
    let byte = bytes[at++]!;
    let value = byte & 0x7f;
    // Positions are word numbers, below 2^28: V8 strings hold fewer than 2^29 characters, and a word takes two.
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[at++]!;
      value |= (byte & 0x7f) << shift;
    }
    position += value;
    into[count++] = position;
  }
  return count - offset;
}

/**
 * Position lists gathered for one term's postings, each where its bytes
 * already are (one of `sources`, from `start` to `end`): read for a phrase,
 * or written out in one piece. Room for `capacity` lists is made at once.
 */
export class PositionLists {
  /** Lists held (set it to 0 to use the room again). */
  length = 0;
  readonly source: Uint32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;

  constructor(capacity: number, readonly sources: Uint8Array[] = []) {
    this.source = new Uint32Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }

  /** Where lists can be found from now on; returns its number for `add`. */
  addSource(bytes: Uint8Array): number {
    return this.sources.push(bytes) - 1;
  }

  add(source: number, start: number, end: number): void {
    const at = this.length++;
    this.source[at] = source;
    this.starts[at] = start;
    this.ends[at] = end;
  }

  /** The bytes list `at` is in (from starts[at] to ends[at]). */
  bytesOf(at: number): Uint8Array {
    return this.sources[this.source[at]!]!;
  }

  /** The same lists in the order `order` gives (positions into these). */
  reordered(order: ArrayLike<number>): PositionLists {
    const out = new PositionLists(order.length, this.sources);
    for (let i = 0; i < order.length; i++) out.add(this.source[order[i]!]!, this.starts[order[i]!]!, this.ends[order[i]!]!);
    return out;
  }

  /** A segment's bytes for these lists: each list's length, then the list. */
  encode(): Buffer {
    let size = 0;
    for (let i = 0; i < this.length; i++) {
      const length = this.ends[i]! - this.starts[i]!;
      size += varintSize(length) + length;
    }
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < this.length; i++) {
      const source = this.sources[this.source[i]!]!;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      at = putVarint(bytes, at, end - start);
      // Most lists are a few bytes: a loop is quicker than a view and a copy.
      for (let k = start; k < end; k++) bytes[at++] = source[k]!;
    }
    return bytes;
  }
}
