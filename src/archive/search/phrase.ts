/**
 * Phrases over the ranking index's position lists: the documents holding
 * every word of a phrase one after another, each with how often it does so,
 * weighted as a single term's hits are (a time in the title counts
 * TITLE_WEIGHT times). The last word of a phrase written `"…"*` is a prefix:
 * any of its forms stands there. Pure, given a source.
 *
 * Common words make long candidate lists (a two-word phrase of common words
 * reads 30,000 documents' positions at 100,000), so the loop over candidates
 * works in typed arrays only, and reads a word's positions in a document only
 * while some start of the phrase is still possible there.
 */
import { TITLE_WEIGHT } from './document-terms.ts';
import type { PositionalPostings, Postings } from './postings.ts';

export interface PhraseSource {
  positional(term: string): PositionalPostings;
  termsStartingWith(prefix: string): string[];
  /** Words in a document's title: positions below it are the title's. */
  titleLengthOf(id: number): number;
}

const NONE: Postings = { ids: new Uint32Array(0), weights: new Uint32Array(0) };

/** The documents matching the phrase `words` (folded), in id order, with the phrase's weighted frequency in each. */
export function phrasePostings(words: string[], prefix: boolean, source: PhraseSource): Postings {
  const slots = words.map((word, i) => new Slot(
    prefix && i === words.length - 1 ? source.termsStartingWith(word).map((form) => source.positional(form)) : [source.positional(word)],
  ));
  const candidates = slots.map((slot) => slot.ids()).sort((a, b) => a.length - b.length).reduce(intersect);
  if (candidates.length === 0) return NONE;

  // Where the phrase may start in the document at hand: slot 0's positions, narrowed slot by slot.
  let starts = new Uint32Array(64);
  let positions = new Uint32Array(64);
  const ids = new Uint32Array(candidates.length);
  const weights = new Uint32Array(candidates.length);
  let found = 0;
  for (let c = 0; c < candidates.length; c++) {
    const id = candidates[c]!;
    const first = slots[0]!;
    if (starts.length < first.room(id)) starts = new Uint32Array(2 * first.room(id));
    let alive = first.read(id, starts);
    for (let s = 1; s < slots.length && alive > 0; s++) {
      const slot = slots[s]!;
      if (positions.length < slot.room(id)) positions = new Uint32Array(2 * slot.room(id));
      alive = followed(starts, alive, positions, slot.read(id, positions), s);
    }
    if (alive === 0) continue;
    const titleLength = source.titleLengthOf(id);
    let weight = 0;
    for (let k = 0; k < alive; k++) weight += starts[k]! < titleLength ? TITLE_WEIGHT : 1;
    ids[found] = id;
    weights[found++] = weight;
  }
  return { ids: ids.subarray(0, found), weights: weights.subarray(0, found) };
}

/**
 * One place in the phrase: the forms a word there may take, each with its
 * postings and position lists, and a cursor into each (documents are asked
 * for in increasing order).
 */
class Slot {
  private readonly cursors: Uint32Array;
  /** Where the current document's list is in each form (the posting's index), or -1 when the form is not in it. */
  private readonly at: Int32Array;
  private current = -1;

  constructor(private readonly forms: PositionalPostings[]) {
    this.cursors = new Uint32Array(forms.length);
    this.at = new Int32Array(forms.length);
  }

  /** The documents the forms hold, once each, in order. */
  ids(): Uint32Array {
    if (this.forms.length === 1) return this.forms[0]!.ids;
    const all = new Uint32Array(this.forms.reduce((sum, form) => sum + form.ids.length, 0));
    let at = 0;
    for (const form of this.forms) { all.set(form.ids, at); at += form.ids.length; }
    all.sort();
    let unique = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
    return all.subarray(0, unique);
  }

  /** Room enough for document `id`'s positions (a list of n bytes holds n positions at most). */
  room(id: number): number {
    this.seek(id);
    let bytes = 0;
    for (let f = 0; f < this.forms.length; f++) {
      const at = this.at[f]!;
      if (at >= 0) bytes += this.forms[f]!.lists.ends[at]! - this.forms[f]!.lists.starts[at]!;
    }
    return bytes;
  }

  /** Document `id`'s positions of the forms, ascending, into `into`; returns how many. */
  read(id: number, into: Uint32Array): number {
    this.seek(id);
    let count = 0;
    let forms = 0;
    for (let f = 0; f < this.forms.length; f++) {
      const at = this.at[f]!;
      if (at < 0) continue;
      const lists = this.forms[f]!.lists;
      count += readList(lists.bytesOf(at), lists.starts[at]!, lists.ends[at]!, into, count);
      forms++;
    }
    // Forms of a prefix found in the same document: their positions merged.
    if (forms > 1) into.subarray(0, count).sort();
    return count;
  }

  private seek(id: number): void {
    if (id === this.current) return;
    this.current = id;
    for (let f = 0; f < this.forms.length; f++) {
      const ids = this.forms[f]!.ids;
      let at = this.cursors[f]!;
      while (at < ids.length && ids[at]! < id) at++;
      this.cursors[f] = at;
      this.at[f] = ids[at] === id ? at : -1;
    }
  }
}

/** A position list (varints: the first position, then gaps) from `bytes[start..end)` into `into` from `offset`; returns how many. */
function readList(bytes: Uint8Array, start: number, end: number, into: Uint32Array, offset: number): number {
  let count = offset;
  let position = 0;
  let at = start;
  while (at < end) {
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

/** Keeps the `alive` starts (ascending) whose word `s` places on stands in `positions` (ascending); returns how many are left. */
function followed(starts: Uint32Array, alive: number, positions: Uint32Array, count: number, s: number): number {
  let kept = 0;
  let j = 0;
  for (let k = 0; k < alive; k++) {
    const wanted = starts[k]! + s;
    while (j < count && positions[j]! < wanted) j++;
    if (j === count) break;
    if (positions[j] === wanted) starts[kept++] = starts[k]!;
  }
  return kept;
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
