/**
 * A document's words as the ranking index takes them: each term with its
 * weighted frequency and its positions, and the document's length. Made
 * where the document is read (a worker thread, in big imports), so the
 * thread that writes the database only files them.
 */
import { encodePositionGroups } from './positions.ts';
import { foldWord, scanWordSpans } from './tokens.ts';

/** A word in the title counts as this many in the body, as in FTS5's bm25(…, 5.0, 1.0) before. */
export const TITLE_WEIGHT = 5;

export interface DocumentTerms {
  terms: string[];
  /** The weighted frequency of each term, in the same order. */
  weights: Uint32Array;
  /** Words in the title and the body, each counted once (bm25's document length). */
  length: number;
  /** Words in the title: positions below it are the title's (positions.ts). */
  titleLength: number;
  /** Each term's position list, one after another, in the order of `terms`. */
  positions: Uint8Array;
  /** Where each term's position list ends in `positions`. */
  positionEnds: Uint32Array;
}

/**
 * A document's distinct terms, numbered in order of first use. A word found
 * where it stands in the text is looked up without being copied out of it:
 * only a term's first occurrence becomes a string of its own.
 */
class TermTable {
  readonly terms: string[] = [];
  private hashes = new Int32Array(512);
  /** Open addressing: a term's number plus one, 0 for an empty slot. */
  private slots = new Int32Array(1024);

  /** The term of the ASCII word `text[start..end)`. */
  ofSpan(text: string, start: number, end: number): number {
    let hash = 0;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return this.add(text.slice(start, end), hash, slot);
      if (this.hashes[held - 1] === hash && spells(this.terms[held - 1]!, text, start, end)) return held - 1;
    }
  }

  /** The term of a word already folded. */
  of(word: string): number {
    let hash = 0;
    for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
    const mask = this.slots.length - 1;
    for (let slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return this.add(word, hash, slot);
      if (this.hashes[held - 1] === hash && this.terms[held - 1] === word) return held - 1;
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const term = this.terms.length;
    this.terms.push(word);
    if (term === this.hashes.length) {
      const grown = new Int32Array(term * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[term] = hash;
    this.slots[slot] = term + 1;
    // Kept at most half full; growing places every term again.
    if (2 * this.terms.length > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      const mask = this.slots.length - 1;
      for (let t = 0; t < this.terms.length; t++) {
        let at = spread(this.hashes[t]!) & mask;
        while (this.slots[at] !== 0) at = (at + 1) & mask;
        this.slots[at] = t + 1;
      }
    }
    return term;
  }
}

/** Whether `text[start..end)` is `word`, compared where it stands. */
function spells(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Mixes a string hash's bits so that its low bits choose a slot well. */
function spread(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return hash ^ (hash >>> 16);
}

export function termsOf(title: string, body: string): DocumentTerms {
  const table = new TermTable();
  // The term of each word, in reading order.
  let sequence = new Uint32Array(1024);
  let length = 0;
  const visit = (lower: string, start: number, end: number, ascii: boolean): void => {
    let term: number;
    if (ascii) {
      term = table.ofSpan(lower, start, end);
    } else {
      const word = foldWord(lower.slice(start, end));
      if (word === '') return;
      term = table.of(word);
    }
    if (length === sequence.length) {
      const grown = new Uint32Array(length * 2);
      grown.set(sequence);
      sequence = grown;
    }
    sequence[length++] = term;
  };
  scanWordSpans(title, visit);
  const titleLength = length;
  scanWordSpans(body, visit);
  const { terms } = table;

  // Positions grouped by term (a counting sort), and the weights on the way.
  const starts = new Uint32Array(terms.length + 1);
  for (let k = 0; k < length; k++) starts[sequence[k]! + 1]!++;
  for (let t = 0; t < terms.length; t++) starts[t + 1]! += starts[t]!;
  const next = starts.slice(0, terms.length);
  const grouped = new Uint32Array(length);
  const weights = new Uint32Array(terms.length);
  for (let k = 0; k < length; k++) {
    const term = sequence[k]!;
    const inTitle = k < titleLength;
    grouped[next[term]!++] = inTitle ? k : k + 1;
    weights[term]! += inTitle ? TITLE_WEIGHT : 1;
  }
  const { bytes, ends } = encodePositionGroups(grouped, starts);
  return { terms, weights, length, titleLength, positions: bytes, positionEnds: ends };
}
