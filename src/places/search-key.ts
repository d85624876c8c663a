/**
 * The form in which place names are stored for search and queries are
 * compared: lower case, without accents or vowel points, punctuation as
 * single spaces. "São Tomé", "sao tome" and "SAO-TOME" are one key; `吉林省`
 * stays `吉林省`, and Hangul stays composed syllables.
 */

// Letters that carry no combining accent to strip, written as people type them without it.
const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

// Latin, Greek and Cyrillic accents; Hebrew points; Arabic short vowels. Not the
// vowel signs of Indic scripts, which are letters in all but name.
const ACCENTS = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/g;

const ASCII = /^[\x00-\x7f]*$/;

/** The search key of a name or a query. */
export function searchKey(text: string): string {
  // Most names are plain ASCII, and loading keys 170,000 of them: the same result, without Unicode normalisation.
  if (ASCII.test(text)) return text.toLowerCase().replace(/['`]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    // Decomposed before lower-casing: compatibility forms can decompose into capitals (㎒ is "MHz").
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENTS, '')
    .normalize('NFC')
    .replace(/[ßæœøłđðþıħ]/g, (letter) => FOLDED[letter] ?? letter)
    // Apostrophes join: "Xi'an" is searched as "xian", "N’Djamena" as "ndjamena".
    .replace(/['’ʻʼ`´‘]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}
