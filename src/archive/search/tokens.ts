/**
 * Words as SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer makes
 * them (the archive searched with FTS5 before it had an index of its own,
 * and the tests still check the search against it): letters, digits and
 * private-use characters, with the 25 combining accents SQLite keeps inside
 * a word (any other mark ends it); case folded
 * one character at a time, with SQLite's foldings beyond lower case (final
 * sigma, Greek symbol forms, micro sign); accents removed from letters whose
 * base is a Latin ASCII letter ("Séoul" → "seoul", "Łódź" → "łodz", "ά"
 * stays). Where SQLite's Unicode 6.1 tables differ from today's (newer
 * characters, emoji), the two may differ. Pure.
 */
const JOINING_ACCENTS = '\u0300-\u0304\u0306-\u030c\u030f\u0311\u031b\u0323-\u0328\u032d\u032e\u0330\u0331';
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{Co}${JOINING_ACCENTS}]+`, 'gu');
const ASCII = /^[\x00-\x7f]*$/;
const ACCENTS = /[\u0300-\u036f]/g;
/** Foldings SQLite makes that lower-casing does not. */
const FURTHER_FOLDING: Record<string, string> = {
  'ς': 'σ', 'µ': 'μ', 'ϐ': 'β', 'ϑ': 'θ', 'ϕ': 'φ', 'ϖ': 'π', 'ϰ': 'κ', 'ϱ': 'ρ', 'ϵ': 'ε', 'ẛ': 's', '\u1fbe': 'ι',
};
/** Letters SQLite's accent table leaves as they are. */
const ACCENT_KEPT = new Set(['ǡ']);
const folded = new Map<string, string>();

function foldCharacter(character: string): string {
  let out = folded.get(character);
  if (out !== undefined) return out;
  out = '';
  // Lower case first: "İ" becomes "i" and a dot above, which is then dropped as an accent.
  for (let lower of character === 'ſ' ? 's' : character.toLowerCase()) {
    lower = FURTHER_FOLDING[lower] ?? lower;
    if (ACCENT_KEPT.has(lower)) { out += lower; continue; }
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

const WORD_CHARACTER = new RegExp(`[\\p{L}\\p{N}\\p{Co}${JOINING_ACCENTS}]`, 'u');
const inWords = new Map<number, boolean>();

/** Whether a character outside ASCII belongs in a word (remembered: a text repeats its few scripts). */
function isWordCharacter(codePoint: number): boolean {
  let answer = inWords.get(codePoint);
  if (answer === undefined) inWords.set(codePoint, answer = WORD_CHARACTER.test(String.fromCodePoint(codePoint)));
  return answer;
}

/**
 * Calls `visit` with where each word of a text stands in the text
 * lower-cased (`lower`, the same string for every call) and whether it is
 * all ASCII: such a word is already folded; any other is folded by
 * `foldWord`, which may leave nothing. The hot path of indexing, so it scans
 * character codes rather than matching WORD (a final sigma lower-casing
 * makes is folded back with the rest); the same words as `words`.
 */
export function scanWordSpans(text: string, visit: (lower: string, start: number, end: number, ascii: boolean) => void): void {
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  let ascii = true;
  for (let i = 0; i < length;) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) {
      // ASCII, nearly every character: a letter or digit, or a word's end.
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
        if (start < 0) {
          start = i;
          ascii = true;
        }
      } else if (start >= 0) {
        visit(lower, start, i, ascii);
        start = -1;
      }
      i++;
      continue;
    }
    const point = code < 0xd800 || code > 0xdbff ? code : lower.codePointAt(i)!;
    if (isWordCharacter(point)) {
      if (start < 0) start = i;
      ascii = false;
    } else if (start >= 0) {
      visit(lower, start, i, ascii);
      start = -1;
    }
    i += point > 0xffff ? 2 : 1;
  }
  if (start >= 0) visit(lower, start, length, ascii);
}

/** Calls `visit` with each word of a text, folded, in order; returns how many there are. */
export function scanWords(text: string, visit: (word: string) => void): number {
  let count = 0;
  scanWordSpans(text, (lower, start, end, ascii) => {
    const word = ascii ? lower.slice(start, end) : foldWord(lower.slice(start, end));
    if (word !== '') {
      visit(word);
      count++;
    }
  });
  return count;
}

/** Adds `weight` to each word's count in `into`, once per occurrence; returns how many words the text holds. */
export function countWords(text: string, weight: number, into: Map<string, number>): number {
  return scanWords(text, (word) => into.set(word, (into.get(word) ?? 0) + weight));
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
  // The scanner's offsets are the lower-cased text's: the same as the text's unless lower-casing
  // lengthened a character (İ), when the words are matched in the text itself.
  if (text.toLowerCase().length === text.length) {
    scanWordSpans(text, (lower, start, end, ascii) => {
      const word = ascii ? lower.slice(start, end) : foldWord(lower.slice(start, end));
      if (word !== '') out.push({ word, start, end });
    });
    return out;
  }
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word !== '') out.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return out;
}
