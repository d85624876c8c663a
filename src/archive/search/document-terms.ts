/**
 * A document's words as the ranking index takes them: each term with its
 * weighted frequency, and the document's length. Made where the document is
 * read (a worker thread, in big imports), so the thread that writes the
 * database only files them.
 */
import { countWords } from './tokens.ts';

/** A word in the title counts as this many in the body, as in FTS5's bm25(…, 5.0, 1.0) before. */
export const TITLE_WEIGHT = 5;

export interface DocumentTerms {
  terms: string[];
  /** The weighted frequency of each term, in the same order. */
  weights: Uint32Array;
  /** Words in the body plus TITLE_WEIGHT for each word of the title. */
  length: number;
}

export function termsOf(title: string, body: string): DocumentTerms {
  const counted = new Map<string, number>();
  const length = countWords(title, TITLE_WEIGHT, counted) + countWords(body, 1, counted);
  return { terms: [...counted.keys()], weights: Uint32Array.from(counted.values()), length };
}
