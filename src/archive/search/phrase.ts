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
import { readPositions } from './positions.ts';
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
  const slots: Slot[] = words.map((word, i) => (prefix && i === words.length - 1
    ? new Forms(source.termsStartingWith(word).map((form) => source.positional(form)))
    : new OneForm(source.positional(word))));
  const most = Math.min(...slots.map((slot) => slot.ids.length));
  if (most === 0) return NONE;

  // Where the phrase may start in the document at hand: slot 0's positions, narrowed slot by slot.
  let starts = new Uint32Array(64);
  let positions = new Uint32Array(64);
  const ids = new Uint32Array(most);
  const weights = new Uint32Array(most);
  let found = 0;
  // The documents every slot holds, walked together; cursors[s] is where slot s is.
  const cursors = new Uint32Array(slots.length);
  for (;;) {
    const id = nextInAll(slots, cursors);
    if (id < 0) break;
    const first = slots[0]!;
    const room = first.room(cursors[0]!, id);
    if (starts.length < room) starts = new Uint32Array(2 * room);
    let alive = first.read(cursors[0]!, id, starts);
    for (let s = 1; s < slots.length && alive > 0; s++) {
      const slot = slots[s]!;
      const needed = slot.room(cursors[s]!, id);
      if (positions.length < needed) positions = new Uint32Array(2 * needed);
      alive = followed(starts, alive, positions, slot.read(cursors[s]!, id, positions), s);
    }
    for (let s = 0; s < slots.length; s++) cursors[s]!++;
    if (alive === 0) continue;
    const titleLength = source.titleLengthOf(id);
    let weight = 0;
    for (let k = 0; k < alive; k++) weight += starts[k]! < titleLength ? TITLE_WEIGHT : 1;
    ids[found] = id;
    weights[found++] = weight;
  }
  return { ids: ids.subarray(0, found), weights: weights.subarray(0, found) };
}

/** Moves every slot's cursor to the next document all of them hold; returns it, or -1 when there is none. */
function nextInAll(slots: Slot[], cursors: Uint32Array): number {
  const first = slots[0]!.ids;
  if (cursors[0]! >= first.length) return -1;
  let target = first[cursors[0]!]!;
  for (;;) {
    let agreed = true;
    for (let s = 0; s < slots.length; s++) {
      const ids = slots[s]!.ids;
      let at = cursors[s]!;
      while (at < ids.length && ids[at]! < target) at++;
      cursors[s] = at;
      if (at === ids.length) return -1;
      if (ids[at]! > target) {
        target = ids[at]!;
        agreed = false;
      }
    }
    if (agreed) return target;
  }
}

/**
 * One place in the phrase: the documents whose words may stand there, in
 * order, and reading a document's positions (`at`: the document's place in
 * `ids`; documents are asked for in increasing order).
 */
interface Slot {
  readonly ids: Uint32Array;
  /** Room enough for the positions (a list of n bytes holds n positions at most). */
  room(at: number, id: number): number;
  /** The document's positions, ascending, into `into`; returns how many. */
  read(at: number, id: number, into: Uint32Array): number;
}

/** A word that has one form. */
class OneForm implements Slot {
  readonly ids: Uint32Array;

  constructor(private readonly form: PositionalPostings) {
    this.ids = form.ids;
  }

  room(at: number): number {
    return this.form.lists.ends[at]! - this.form.lists.starts[at]!;
  }

  read(at: number, _id: number, into: Uint32Array): number {
    const lists = this.form.lists;
    return readPositions(lists.bytesOf(at), lists.starts[at]!, lists.ends[at]!, into);
  }
}

/** A prefix: any of its forms, their positions in a document merged. */
class Forms implements Slot {
  readonly ids: Uint32Array;
  private readonly cursors: Uint32Array;
  /** Where the current document's list is in each form, or -1 when the form is not in it. */
  private readonly at: Int32Array;
  private current = -1;

  constructor(private readonly forms: PositionalPostings[]) {
    this.cursors = new Uint32Array(forms.length);
    this.at = new Int32Array(forms.length);
    const all = new Uint32Array(forms.reduce((sum, form) => sum + form.ids.length, 0));
    let at = 0;
    for (const form of forms) { all.set(form.ids, at); at += form.ids.length; }
    all.sort();
    let unique = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[unique++] = all[i]!;
    this.ids = all.subarray(0, unique);
  }

  room(_at: number, id: number): number {
    this.seek(id);
    let bytes = 0;
    for (let f = 0; f < this.forms.length; f++) {
      const at = this.at[f]!;
      if (at >= 0) bytes += this.forms[f]!.lists.ends[at]! - this.forms[f]!.lists.starts[at]!;
    }
    return bytes;
  }

  read(_at: number, id: number, into: Uint32Array): number {
    this.seek(id);
    let count = 0;
    let forms = 0;
    for (let f = 0; f < this.forms.length; f++) {
      const at = this.at[f]!;
      if (at < 0) continue;
      const lists = this.forms[f]!.lists;
      count += readPositions(lists.bytesOf(at), lists.starts[at]!, lists.ends[at]!, into, count);
      forms++;
    }
    // Forms found in the same document: their positions merged.
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
