/**
 * The ranking index's words must be the words FTS5 makes: phrases are still
 * asked of FTS5, and BM25 needs the same document lengths. Each property
 * compares `words` with what a real FTS5 table (`unicode61 remove_diacritics
 * 2`, as documents_fts) holds for the same text, read back in order through
 * fts5vocab.
 *
 * Characters left out of the generated text, and why:
 * - characters that SQLite's Unicode 6.1-era tables do not know (assigned
 *   since, e.g. 🥰 U+1F970, skin tones U+1F3FB–U+1F3FF, ₽ U+20BD, Cherokee
 *   small letters): FTS5 counts any code point its table does not list as a
 *   token character (category 0 is always on) and folds no case it does not
 *   list, so there tokens.ts, which follows the current Unicode, differs by
 *   design.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { countWords, foldWord, wordSpans, words } from '../../src/archive/search/tokens.ts';

const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
  CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
const insert = db.prepare<[string]>('INSERT INTO t (rowid, x) VALUES (1, ?)');
const clear = db.prepare('DELETE FROM t');
const terms = db.prepare<[], string>('SELECT term FROM v ORDER BY offset').pluck();
afterAll(() => db.close());

/** The terms FTS5 indexes for a text, in order. */
function fts5Words(text: string): string[] {
  clear.run();
  insert.run(text);
  return terms.all();
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Every combining accent: FTS5 keeps 25 of them inside a word and ends the word at the rest. */
const COMBINING = range(0x300, 0x36f);

/** What generated texts are made of, by kind, so that every kind turns up often. */
const ALPHABET: Record<string, string[]> = {
  ascii: [...range(0x41, 0x5a), ...range(0x61, 0x7a)],
  digits: [...range(0x30, 0x39), '٣', '४', '½', '²', 'Ⅻ', '①'],
  latin1: [...range(0xc0, 0xff), 'ª', 'º', 'µ'],
  latin: ['Ł', 'ł', 'ź', 'Ź', 'ő', 'Ő', 'ǅ', 'ǆ', 'Ĳ', 'ĳ', 'ŉ', 'Ș', 'ț', 'ǖ', 'ǡ', 'ẛ', 'ﬁ', 'K', 'Å'],
  turkish: ['İ', 'ı', 'Ş', 'ş', 'Ğ', 'ğ'],
  sharpS: ['ſ', 'ß', 'ẞ'],
  combining: COMBINING,
  otherMarks: ['\u0483', '\u05b8', '\u064b', '\u0951', '\u093f', '\u1dc0', '\u20d7', '\u20dd', '\ufe20'],
  greek: [...range(0x391, 0x3a1), ...range(0x3a3, 0x3a9), ...range(0x3b1, 0x3c9), 'Σ', 'Σ', 'ς', 'ά', 'έ', 'ή', 'ί', 'ό', 'ύ', 'ώ', 'ΐ', 'ΰ', 'Ά', 'ϊ', 'ἀ', 'ᾳ', 'Ὠ', 'ϐ', 'ϑ', 'ϕ', 'ϖ', 'ϰ', 'ϱ', 'ϵ', 'ι'],
  cyrillic: ['Ж', 'ж', 'Ё', 'ё', 'Й', 'й', 'Ѣ'],
  otherScripts: ['א', 'ש', 'ع', 'ب', 'ह', 'न', 'ก'],
  hangul: ['한', '국', '어', 'ᄀ', 'ᅡ', 'ㄱ'],
  cjk: ['中', '文', '日', '本', 'の', 'カ', 'ﾅ', '、', '。', '\u3000'],
  punctuation: [' ', ' ', '\n', '\t', '-', '_', '.', ',', "'", '"', '’', '«', '»', '—', '\u00a0', '\u200b', '\u00ad', '\u200d', '/', ':', '(', '*', '@', '#', '×', '÷', '€', '\u0000', '\u2028'],
  astral: ['😀', '😂', '🎉', '👍', '\u{1f1eb}', '\u{1f1f7}', '\u{20000}', '\u{2a6d6}', '\u{1d400}', '\u{1d7d8}', '\u{10400}', '\u{10428}', '\u{10330}'],
  privateUse: ['\ue000', '\uf8ff', '\u{f0000}', '\u{10fffd}'],
};

const character = fc.oneof(
  ...Object.values(ALPHABET).map((characters) => fc.constantFrom(...characters)),
);
const text = fc.array(character, { maxLength: 60 }).map((characters) => characters.join(''));
const RUNS = { numRuns: 3000 };

describe('words: the words FTS5 unicode61 remove_diacritics 2 makes', () => {
  it('splits, folds and strips accents exactly as FTS5 does, for any mix of scripts, marks, digits and symbols', () => {
    fc.assert(fc.property(text, (input) => {
      expect(words(input)).toEqual(fts5Words(input));
    }), RUNS);
  });

  it('agrees with FTS5 on the examples the tokenizer is documented by', () => {
    for (const input of ['Séoul', 'Łódź', 'ά', 'İstanbul', 'ſ ß ẞ', 'ΣΑΣ σασ', 'naïve café', 'é\u0301e', '\u0301abc', '한국어 中文', 'x😀y\ue000z', 'ǅ', 'Ⅻ ⓐ', 'a_b', 'can’t']) {
      expect(words(input), JSON.stringify(input)).toEqual(fts5Words(input));
    }
    expect(words('Séoul Łódź ά')).toEqual(['seoul', 'łodz', 'ά']);
  });

  it('folds a word alone as it is folded inside a text', () => {
    fc.assert(fc.property(text, (input) => {
      for (const word of words(input)) expect(foldWord(word)).toBe(word);
    }), RUNS);
  });
});

describe('countWords and wordSpans agree with words', () => {
  it('countWords adds the weight once per occurrence and returns how many words the text holds', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 7 }), (input, weight) => {
      const expected = new Map<string, number>();
      for (const word of words(input)) expected.set(word, (expected.get(word) ?? 0) + weight);
      const counted = new Map<string, number>();
      expect(countWords(input, weight, counted)).toBe(words(input).length);
      expect(counted).toEqual(expected);
    }), RUNS);
  });

  it('countWords splits at a lone surrogate as words does (FTS5 never sees one: the driver replaces it)', () => {
    const withSurrogates = fc.array(fc.oneof(character, fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff')), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(withSurrogates, (input) => {
      const counted = new Map<string, number>();
      expect(countWords(input, 1, counted)).toBe(words(input).length);
      expect([...counted.keys()].sort()).toEqual([...new Set(words(input))].sort());
    }), RUNS);
  });

  it('countWords adds to the counts already in the map (a title, then a body)', () => {
    fc.assert(fc.property(text, text, (title, body) => {
      const counted = new Map<string, number>();
      const length = countWords(title, 5, counted) + countWords(body, 1, counted);
      const expected = new Map<string, number>();
      for (const word of words(title)) expected.set(word, (expected.get(word) ?? 0) + 5);
      for (const word of words(body)) expected.set(word, (expected.get(word) ?? 0) + 1);
      expect(length).toBe(fts5Words(title).length + fts5Words(body).length);
      expect(counted).toEqual(expected);
    }), { numRuns: 1000 });
  });

  it('countWords reads a capital sigma one character at a time, as FTS5 does, not as a final sigma', () => {
    const counted = new Map<string, number>();
    expect(countWords('ΟΔΟΣ ΑΣ', 1, counted)).toBe(2);
    expect([...counted.keys()]).toEqual(fts5Words('ΟΔΟΣ ΑΣ'));
    expect([...counted.keys()]).toEqual(['οδοσ', 'ασ']);
  });

  it('wordSpans gives each word with offsets that slice it back out of the text, in order, with no word between spans', () => {
    fc.assert(fc.property(text, (input) => {
      const spans = wordSpans(input);
      expect(spans.map((span) => span.word)).toEqual(words(input));
      let previousEnd = 0;
      for (const span of spans) {
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        expect(span.end).toBeGreaterThan(span.start);
        expect(foldWord(input.slice(span.start, span.end))).toBe(span.word);
        expect(words(input.slice(span.start, span.end))).toEqual([span.word]);
        expect(words(input.slice(previousEnd, span.start))).toEqual([]);
        previousEnd = span.end;
      }
      expect(words(input.slice(previousEnd))).toEqual([]);
    }), RUNS);
  });

  it('wordSpans keeps the text\'s own offsets when lower-casing lengthens a character (İ becomes i and a dot)', () => {
    const text = 'İzmir and İstanbul, Ankara';
    expect(wordSpans(text).map((span) => text.slice(span.start, span.end))).toEqual(['İzmir', 'and', 'İstanbul', 'Ankara']);
  });

  it('wordSpans counts offsets in UTF-16 units, astral characters as two', () => {
    expect(wordSpans('😀 Séoul 𠀀x')).toEqual([
      { word: 'seoul', start: 3, end: 8 },
      { word: '𠀀x', start: 9, end: 12 },
    ]);
  });
});

/** Cases where lower-casing and Unicode's mark categories are not what FTS5 does: each found by the property above. */
describe('where FTS5 is not plain Unicode', () => {
  it('a combining mark FTS5 does not count as a diacritic (U+0332, U+0313…) ends the word there', () => {
    expect(words('a\u0332b')).toEqual(fts5Words('a\u0332b'));
  });

  it('a decomposed Greek breathing (U+0313) splits the word in FTS5', () => {
    expect(words('α\u0313νθρωπον')).toEqual(fts5Words('α\u0313νθρωπον'));
  });

  it('a final sigma is folded to σ, as FTS5 case-folds it ("της" and "ΤΗΣ" are one word)', () => {
    expect(words('της ΤΗΣ')).toEqual(fts5Words('της ΤΗΣ'));
  });

  it('other characters FTS5 case-folds but toLowerCase keeps (µ ϐ ϑ ϕ ϖ ϰ ϱ ϵ ẛ ι) fold as in FTS5', () => {
    const input = 'µ ϐ ϑ ϕ ϖ ϰ ϱ ϵ ẛ ι';
    expect(words(input)).toEqual(fts5Words(input));
  });

  it('ǡ keeps its accents, as SQLite\'s diacritic table has no entry for it', () => {
    expect(words('ǡ Ǡ')).toEqual(fts5Words('ǡ Ǡ'));
  });
});
