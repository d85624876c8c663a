/**
 * Phrases over the ranking index's position lists: the documents holding
 * every word of a phrase one after another, each with how often it does so,
 * weighted as a single term's hits are (a time in the title counts
 * TITLE_WEIGHT times). The last word of a phrase written `"…"*` is a prefix:
 * any of its forms stands there. Pure, given a source.
 */
import { TITLE_WEIGHT } from './document-terms.ts';
import { readPositions } from './positions.ts';
import type { PositionalPostings, Postings } from './postings.ts';

export interface PhraseSource {
  positional(term: string): PositionalPostings;
  termsStartingWith(prefix: string): string[];
  /** Words in a document's title: positions below it are the title's. */
  titleLengthOf(id: number): number;
}

/** One place in the phrase: the forms a word there may take, each with its postings. */
type Slot = PositionalPostings[];

const NONE: Postings = { ids: new Uint32Array(0), weights: new Uint32Array(0) };

/** The documents matching the phrase `words` (folded), in id order, with the phrase's weighted frequency in each. */
export function phrasePostings(words: string[], prefix: boolean, source: PhraseSource): Postings {
  const slots: Slot[] = words.map((word, i) =>
    prefix && i === words.length - 1 ? source.termsStartingWith(word).map((form) => source.positional(form)) : [source.positional(word)]);
  const candidates = slots.map(idsOf).sort((a, b) => a.length - b.length).reduce(intersect);
  if (candidates.length === 0) return NONE;

  const cursors = slots.map((slot) => new Uint32Array(slot.length));
  // Each slot's positions in the document at hand, in arrays grown as needed and reused for every document.
  const positions: Uint32Array[] = slots.map(() => new Uint32Array(64));
  const counts = new Uint32Array(slots.length);
  const next = new Uint32Array(slots.length);
  const ids = new Uint32Array(candidates.length);
  const weights = new Uint32Array(candidates.length);
  let found = 0;
  for (const id of candidates) {
    for (let s = 0; s < slots.length; s++) counts[s] = positionsIn(slots[s]!, cursors[s]!, id, positions, s);
    const weight = occurrences(positions, counts, source.titleLengthOf(id), next);
    if (weight > 0) {
      ids[found] = id;
      weights[found++] = weight;
    }
  }
  return { ids: ids.subarray(0, found), weights: weights.subarray(0, found) };
}

/** The documents a slot's forms hold, once each, in order. */
function idsOf(slot: Slot): Uint32Array {
  if (slot.length === 1) return slot[0]!.ids;
  const all = new Uint32Array(slot.reduce((sum, form) => sum + form.ids.length, 0));
  let at = 0;
  for (const form of slot) { all.set(form.ids, at); at += form.ids.length; }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
  return all.subarray(0, unique);
}

function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0, j = 0, k = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (b[j]! < a[i]!) j++;
    else { out[k++] = a[i]!; i++; j++; }
  }
  return out.subarray(0, k);
}

/**
 * Document `id`'s positions of a slot's forms, ascending, read into
 * `positions[s]` (replaced by a larger array when they do not fit); returns
 * how many. `cursors` keeps each form's place: documents are asked for in
 * increasing order.
 */
function positionsIn(slot: Slot, cursors: Uint32Array, id: number, positions: Uint32Array[], s: number): number {
  let into = positions[s]!;
  let count = 0;
  let forms = 0;
  for (let f = 0; f < slot.length; f++) {
    const { ids, lists } = slot[f]!;
    let at = cursors[f]!;
    while (at < ids.length && ids[at]! < id) at++;
    cursors[f] = at;
    if (ids[at] !== id) continue;
    const start = lists.starts[at]!;
    const end = lists.ends[at]!;
    if (into.length < count + end - start) {
      const grown = new Uint32Array(2 * (count + end - start));
      grown.set(into.subarray(0, count));
      into = positions[s] = grown;
    }
    count += readPositions(lists.bytesOf(at), start, end, into, count);
    forms++;
  }
  // Forms of a prefix found in the same document: their positions merged.
  if (forms > 1) into.subarray(0, count).sort();
  return count;
}

/**
 * How often slot 0's word is followed by slot 1's, then slot 2's…, weighted
 * by where (title or body); `next` is scratch space, one place per slot.
 */
function occurrences(positions: Uint32Array[], counts: Uint32Array, titleLength: number, next: Uint32Array): number {
  next.fill(0);
  let weight = 0;
  const first = positions[0]!;
  for (let k = 0; k < counts[0]!; k++) {
    const start = first[k]!;
    let all = true;
    for (let s = 1; s < positions.length && all; s++) {
      const list = positions[s]!;
      let at = next[s]!;
      while (at < counts[s]! && list[at]! < start + s) at++;
      next[s] = at;
      all = at < counts[s]! && list[at] === start + s;
    }
    if (all) weight += start < titleLength ? TITLE_WEIGHT : 1;
  }
  return weight;
}
