/**
 * A document's words as the ranking index takes them: each term with its
 * weighted frequency and its positions, and the document's length. Made
 * where the document is read (a worker thread, in big imports), so the
 * thread that writes the database only files them.
 */
import { encodePositionGroups } from './positions.ts';
import { scanWords } from './tokens.ts';

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

export function termsOf(title: string, body: string): DocumentTerms {
  const termOf = new Map<string, number>();
  const terms: string[] = [];
  // The term of each word, in reading order.
  let sequence = new Uint32Array(1024);
  let length = 0;
  const visit = (word: string): void => {
    let term = termOf.get(word);
    if (term === undefined) {
      term = terms.length;
      termOf.set(word, term);
      terms.push(word);
    }
    if (length === sequence.length) {
      const grown = new Uint32Array(length * 2);
      grown.set(sequence);
      sequence = grown;
    }
    sequence[length++] = term;
  };
  const titleLength = scanWords(title, visit);
  scanWords(body, visit);

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
