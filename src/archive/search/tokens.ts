/**
 * Words as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer makes
 * them, so that Vigil's own ranking index and FTS5 (phrases) agree on what a
 * word is: letters, digits and private-use characters, with the combining
 * accents U+0300–U+036F; case folded one character at a time (no final-sigma
 * rule); accents removed from letters whose base is a Latin ASCII letter
 * ("Séoul" → "seoul", "Łódź" → "łodz", "ά" stays). Pure.
 */
const WORD = /[\p{L}\p{N}\p{Co}\u0300-\u036f]+/gu;
const ASCII = /^[\x00-\x7f]*$/;
const ACCENTS = /[\u0300-\u036f]/g;
const folded = new Map<string, string>();

function foldCharacter(character: string): string {
  let out = folded.get(character);
  if (out !== undefined) return out;
  out = '';
  // Lower case first: "İ" becomes "i" and a dot above, which is then dropped as an accent.
  for (const lower of character === 'ſ' ? 's' : character.toLowerCase()) {
    const parts = lower.normalize('NFD');
    const base = parts.replace(ACCENTS, '');
    out += base.length === 1 && base < '\x80' ? base : base === '' ? '' : lower.replace(ACCENTS, '');
  }
  folded.set(character, out);
  return out;
}

/** One word's folded form. */
export function foldWord(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  let out = '';
  for (const character of word) out += foldCharacter(character);
  return out;
}

/**
 * Adds `weight` to each word's count in `into`, once per occurrence; returns
 * how many words the text holds. The hot path of indexing: the text is lower-
 * cased at once (word by word only where a capital sigma could end a word) and
 * only words outside ASCII are folded character by character.
 */
export function countWords(text: string, weight: number, into: Map<string, number>): number {
  const wholeLower = !text.includes('Σ');
  const lower = wholeLower ? text.toLowerCase() : text;
  let count = 0;
  for (const match of lower.matchAll(WORD)) {
    const word = wholeLower && ASCII.test(match[0]) ? match[0] : foldWord(match[0]);
    if (word === '') continue;
    into.set(word, (into.get(word) ?? 0) + weight);
    count++;
  }
  return count;
}

/** The words of a text, folded, in order. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word !== '') out.push(word);
  }
  return out;
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with where each stands in it (UTF-16 offsets), for snippets. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word !== '') out.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return out;
}
