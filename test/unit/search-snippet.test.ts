/**
 * Snippets: about 28 words of a text around the query's matches, matched
 * words between markers, ellipses where text was left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/archive/search/search-query.ts';
import { makeSnippet } from '../../src/archive/search/snippet.ts';
import { foldWord, words } from '../../src/archive/search/tokens.ts';

const MARKS = { start: '[', end: ']', ellipsis: '…' };
const WINDOW = 28;

function snippet(text: string, query: string): string {
  return makeSnippet(text, parseSearchQuery(query, { indexNumbers: false }).node, MARKS);
}

/** `count` distinct filler words: word0 word1 … */
function filler(count: number, stem = 'word'): string {
  return Array.from({ length: count }, (_, i) => `${stem}${i}`).join(' ');
}

/** The marked stretches of a snippet. */
function marked(text: string): string[] {
  return [...text.matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!);
}

describe('makeSnippet: which words are marked', () => {
  it('marks every occurrence of a word, whatever its case', () => {
    expect(snippet('The border was closed; police at the Border and the BORDER post.', 'border'))
      .toBe('The [border] was closed; police at the [Border] and the [BORDER] post');
  });

  it('marks each word a prefix begins, and no word it does not', () => {
    expect(snippet('Refugees at a refuge; the REFUGEE camp and the reform', 'refug*'))
      .toBe('[Refugees] at a [refuge]; the [REFUGEE] camp and the reform');
  });

  it('marks the words of a phrase only where they stand together and in order', () => {
    expect(snippet('illegal immigrants, then immigrants illegal, then illegal alone', '"illegal immigrants"'))
      .toBe('[illegal] [immigrants], then immigrants illegal, then illegal alone');
  });

  it('marks a phrase across punctuation between its words, as FTS5 matches it', () => {
    expect(snippet('north-korean refugees, north. korean', '"north korean"')).toBe('[north]-[korean] refugees, [north]. [korean]');
  });

  it('marks a phrase ending in a prefix', () => {
    expect(snippet('North Koreans and north korea, north america', '"north kor"*')).toBe('[North] [Koreans] and [north] [korea], north america');
  });

  it('compares words folded: "seoul" finds Séoul and SEOUL, and "Séoul" finds seoul', () => {
    expect(snippet('Séoul, SEOUL and seoul; Seoule', 'seoul')).toBe('[Séoul], [SEOUL] and [seoul]; Seoule');
    expect(snippet('Flights to seoul', 'Séoul')).toBe('Flights to [seoul]');
    expect(snippet('Łódź and LODZ and łodz', 'łódź')).toBe('[Łódź] and LODZ and [łodz]');
  });

  it('marks the words of every part of the query, but not excluded ones', () => {
    expect(snippet('police held refugees near the border camp', 'police OR camp* -refugees')).toBe('[police] held refugees near the border [camp]');
    expect(snippet('police held refugees near the border camp', '(police OR border) camp')).toBe('[police] held refugees near the [border] [camp]');
  });
});

describe('makeSnippet: which part of the text is shown', () => {
  it('shows the whole text, without ellipses, when it fits', () => {
    const text = `${filler(WINDOW - 1)} border`;
    const result = snippet(text, 'border');
    expect(result).toBe(`${filler(WINDOW - 1)} [border]`);
    expect(result).not.toContain('…');
  });

  it('keeps three words before the first match and puts an ellipsis at each end where text was cut', () => {
    const result = snippet(`${filler(10)} border ${filler(40, 'later')}`, 'border');
    expect(result).toBe(`…word7 word8 word9 [border] ${filler(WINDOW - 4, 'later')}…`);
    expect(words(result)).toHaveLength(WINDOW);
  });

  it('leaves out the leading ellipsis when the window starts at the text\'s beginning', () => {
    const result = snippet(`word0 border ${filler(40, 'later')}`, 'border');
    expect(result.startsWith('word0 [border] later0')).toBe(true);
    expect(result.endsWith('…')).toBe(true);
  });

  it('ends at the last word, with no trailing ellipsis, when a match is near the end (the window keeps its full length)', () => {
    const result = snippet(`${filler(40)} border tail0 tail1`, 'border');
    expect(result).toBe(`…${filler(40).split(' ').slice(40 - (WINDOW - 3)).join(' ')} [border] tail0 tail1`);
    expect(words(result)).toHaveLength(WINDOW);
  });

  it('picks the window holding the most distinct query terms over one with more matches of a single term', () => {
    const text = `border border border border border ${filler(60)} border then camps ${filler(30, 'end')}`;
    const result = snippet(text, 'border camps');
    expect(marked(result)).toEqual(['border', 'camps']);
    expect(result.startsWith('…word57 word58 word59 [border] then [camps]')).toBe(true);
  });

  it('among windows with as many distinct terms, picks the one with the most matches', () => {
    const text = `border ${filler(40)} border border camps ${filler(40, 'mid')} border camps ${filler(40, 'end')}`;
    const result = snippet(text, 'border camps');
    expect(marked(result)).toEqual(['border', 'border', 'camps']);
  });

  it('gives the beginning of a text that holds no match, unmarked', () => {
    const result = snippet(`${filler(40)}.`, 'absent');
    expect(result).toBe(`${filler(WINDOW)}…`);
    expect(snippet('Short text here.', 'absent')).toBe('Short text here');
  });

  it('gives nothing for a text with no words', () => {
    expect(snippet('', 'border')).toBe('');
    expect(snippet(' -- ... !!', 'border')).toBe('');
  });
});

describe('makeSnippet: properties', () => {
  const VOCABULARY = ['border', 'Border', 'camps', 'camp', 'police', 'Séoul', 'seoul', 'refugees', 'refuge', 'the', 'a', 'north', 'korea'];
  const text = fc.array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(' ', ', ', '. ', '\n', ' - ')), { maxLength: 80 })
    .map((parts) => parts.map(([word, separator]) => word + separator).join(''));
  const query = fc.oneof(
    fc.constantFrom(...VOCABULARY),
    fc.constantFrom('bor*', 'refug*', 'camp*', 'seo*'),
    fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...VOCABULARY)).map(([a, b]) => `"${a} ${b}"`),
    fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...VOCABULARY)).map(([a, b]) => `${a} OR ${b}`),
  );

  it('is, markers and ellipses taken out, a stretch of the text of at most 28 words, each marked stretch one word of the query', () => {
    fc.assert(fc.property(text, query, (input, q) => {
      const result = snippet(input, q);
      const plain = result.replace(/^…/, '').replace(/…$/, '').replace(/[[\]]/g, '');
      expect(input).toContain(plain);
      expect(words(plain).length).toBeLessThanOrEqual(WINDOW);
      expect(result.startsWith('…')).toBe(plain !== '' && !input.trimStart().startsWith(plain));
      const queryWords = words(q.replace(/\*/g, ''));
      for (const stretch of marked(result)) {
        const word = foldWord(stretch);
        expect(queryWords.some((wanted) => word === wanted || (q.includes('*') && word.startsWith(wanted))), `${stretch} for ${q}`).toBe(true);
      }
      // A text that holds a query word (or, for a prefix, a word it begins) shows at least one mark.
      const prefix = q.endsWith('*') && !q.startsWith('"');
      const single = !q.includes(' ');
      if (single) {
        const wanted = words(q)[0]!;
        const present = words(input).some((word) => (prefix ? word.startsWith(wanted) : word === wanted));
        expect(marked(result).length > 0).toBe(present);
      }
    }), { numRuns: 500 });
  });
});
