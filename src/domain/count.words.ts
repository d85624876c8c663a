/**
 * Reading a count from words, as reports and forms write it: figures in
 * digits or words, qualifiers, ranges, approximations and vague words, read
 * token by token into figures (count.figures.ts) and checked there, so words
 * and fields give the same Count. The bands vague words stand for are
 * explained in count.ts.
 */
import { checked, CountInputError, type Count, type Figures } from './count.figures.ts';

type Token = { kind: 'number'; value: number; raw: string } | { kind: 'word' | 'mark'; text: string };

// Digits grouped by thousands with one separator throughout ("1,400", "1 400"), or plain; then words; then any other sign.
const TOKEN = /(\d{1,3}(?:([, '])\d{3})(?:\2\d{3})*(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)|(\p{L}+(?:['’]\p{L}+)*)|(\S)/gu;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[1] !== undefined) tokens.push({ kind: 'number', raw: match[1].replace(/[, ']/g, ''), value: Number(match[1].replace(/[, ']/g, '')) });
    else tokens.push({ kind: match[3] !== undefined ? 'word' : 'mark', text: match[0] });
  }
  return tokens;
}

class Reader {
  pos = 0;
  constructor(readonly tokens: readonly Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  word(offset = 0): string | undefined {
    const token = this.peek(offset);
    return token && token.kind !== 'number' ? token.text : undefined;
  }

  /** Consumes a phrase ("at least", "c .") when the next tokens are its words and signs. */
  accept(phrase: string): boolean {
    const parts = phrase.split(' ');
    if (!parts.every((part, i) => this.word(i) === part)) return false;
    this.pos += parts.length;
    return true;
  }

  /** The first of the phrases that the next tokens spell, consumed; the phrases are tried longest first. */
  acceptAny(phrases: readonly string[]): string | null {
    return phrases.find((phrase) => this.accept(phrase)) ?? null;
  }
}

const byLength = (phrases: string[]): string[] => phrases.sort((a, b) => b.split(' ').length - a.split(' ').length);

const UNITS: Record<string, number> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ').map((w, i) => [w, i]),
);
const TENS: Record<string, number> = Object.fromEntries('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, (i + 2) * 10]));
const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

/**
 * One figure: digits ("1,400"), digits with a unit ("2 million", "1.5
 * million"), or number words ("twenty-five", "two hundred and fifty", "a
 * thousand"). Null, with nothing consumed, when the next tokens are none.
 */
function readFigure(r: Reader, fail: (reason: string) => CountInputError): number | null {
  const start = r.pos;
  const first = r.peek();
  if (first?.kind === 'number') {
    r.pos++;
    const unit = MULTIPLIERS[r.word() ?? ''];
    let n = first.value;
    if (unit !== undefined) {
      r.pos++;
      // Whole and decimal parts multiplied apart, so that 1.15 thousand is 1150 and not 1149.9999….
      const [whole, fraction = ''] = first.raw.split('.');
      n = Number(whole) * unit + (Number(fraction || '0') * unit) / 10 ** fraction.length;
    }
    if (!Number.isInteger(n)) throw fail(`a count is a whole number, not ${first.raw}`);
    return n;
  }
  let [total, current, any, afterUnit] = [0, 0, false, false];
  for (;;) {
    const w = r.word() ?? '';
    if (!any && (w === 'a' || w === 'an') && MULTIPLIERS[r.word(1) ?? ''] !== undefined) {
      [current, any] = [1, true];
    } else if (UNITS[w] !== undefined) {
      current += UNITS[w];
    } else if (TENS[w] !== undefined) {
      current += TENS[w];
      if (r.word(1) === '-' && UNITS[r.word(2) ?? ''] !== undefined) r.pos++;
    } else if (any && (w === 'hundred' || w === 'dozen')) {
      current *= MULTIPLIERS[w]!;
    } else if (any && MULTIPLIERS[w] !== undefined) {
      [total, current] = [total + current * MULTIPLIERS[w], 0];
    } else if (w === 'and' && afterUnit && (UNITS[r.word(1) ?? ''] !== undefined || TENS[r.word(1) ?? ''] !== undefined)) {
      // "two hundred and fifty": "and" only after a unit word, so "between twenty and thirty" stays two figures.
    } else {
      break;
    }
    afterUnit = MULTIPLIERS[w] !== undefined;
    any = true;
    r.pos++;
  }
  if (!any) {
    r.pos = start;
    return null;
  }
  return total + current;
}

const APPROXIMATELY = byLength([
  'about', 'around', 'approximately', 'approx', 'approx .', 'roughly', 'some', 'an estimated', 'estimated', 'est .', 'circa', 'c .', 'ca .',
  '~', '≈', 'in the region of', 'of the order of', 'on the order of', 'more or less', 'an approximate',
]);
// Each qualifier with what it does to the figure that follows: "more than 300" is at least 301.
const QUALIFIERS: ReadonlyArray<readonly [string, 'at-least' | 'at-most', number]> = [
  ...['at least', 'no fewer than', 'no less than', 'not fewer than', 'not less than', 'a minimum of', 'upwards of', 'a total of at least', '≥', '> ='].map(
    (p) => [p, 'at-least', 0] as const,
  ),
  ...['more than', 'over', 'in excess of', 'above', '>'].map((p) => [p, 'at-least', 1] as const),
  ...['up to', 'as many as', 'no more than', 'not more than', 'at most', 'a maximum of', '≤', '< ='].map((p) => [p, 'at-most', 0] as const),
  ...['fewer than', 'less than', 'under', 'below', 'just under', 'nearly', 'almost', '<'].map((p) => [p, 'at-most', -1] as const),
].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length);

type Band = readonly [low: number | null, high: number | null];
const VAGUE: Record<string, Band> = {
  'a couple of': [2, 3],
  'a couple': [2, 3],
  'a few': [2, 5],
  'a handful of': [2, 9],
  'a handful': [2, 9],
  several: [3, 9],
  dozens: [12, 99],
  scores: [20, 99],
  hundreds: [100, 999],
  thousands: [1_000, 9_999],
  'tens of thousands': [10_000, 99_999],
  'hundreds of thousands': [100_000, 999_999],
  millions: [1_000_000, 9_999_999],
  'tens of millions': [10_000_000, 99_999_999],
  'hundreds of millions': [100_000_000, 999_999_999],
};
const UNKNOWN = [
  'some', 'many', 'numerous', 'a number of', 'a large number of', 'large numbers of', 'a great many', 'a lot of', 'lots of', 'countless',
  'an unknown number of', 'an unknown number', 'unknown', 'an undisclosed number of', 'an unspecified number of', 'various', 'multiple',
];
const VAGUE_PHRASES = byLength([...Object.keys(VAGUE), ...UNKNOWN]);

/** Vague words: a band, a dozen, or nothing known but the words. */
function readVague(r: Reader): Figures | null {
  const start = r.pos;
  if (r.acceptAny(['several', 'a few'])) {
    const unit = MULTIPLIERS[r.word() ?? ''];
    if (unit !== undefined && r.word() !== 'billion') {
      r.pos++;
      return { precision: 'approximate', low: 2 * unit, high: 10 * unit - 1 };
    }
    r.pos = start;
  }
  if (r.accept('a dozen')) return { precision: 'approximate', low: null, high: null, value: 12 };
  const phrase = r.acceptAny(VAGUE_PHRASES);
  if (phrase === null) return null;
  const [low, high] = VAGUE[phrase] ?? [null, null];
  return { precision: 'approximate', low, high };
}

/** What "about" makes of the count it qualifies: its figures become a central figure or a band. */
function approximately(inner: Figures): Figures {
  switch (inner.precision) {
    case 'exact':
      return { precision: 'approximate', low: null, high: null, value: inner.low! };
    case 'approximate':
      return inner;
    default:
      return { ...inner, precision: 'approximate' };
  }
}

/** The quantity at the reader: qualifiers, figures, ranges and vague words. Null when there is none. */
function readQuantity(r: Reader, fail: (reason: string) => CountInputError): Figures | null {
  const start = r.pos;
  if (r.acceptAny(APPROXIMATELY)) {
    const inner = readQuantity(r, fail);
    if (inner) {
      const result = approximately(inner);
      return r.word() === '(' ? readBand(r, result, fail) : result;
    }
    r.pos = start; // "some women": not "some" before a figure, but a vague word
  }
  if (r.acceptAny(['exactly', 'precisely'])) return exactly(readFigure(r, fail));
  for (const [phrase, precision, shift] of QUALIFIERS) {
    if (!r.accept(phrase)) continue;
    const n = readFigure(r, fail);
    if (n === null) return null;
    if (n + shift < 0) throw fail(`"${phrase} ${n}" leaves no count`);
    return precision === 'at-least' ? { precision, low: n + shift, high: null } : { precision, low: null, high: n + shift };
  }
  if (r.accept('between') || r.accept('from')) {
    const low = readFigure(r, fail);
    if (low === null || !r.acceptAny(['and', 'to', '-'])) return null;
    return between(low, readFigure(r, fail));
  }
  const vague = readVague(r);
  if (vague) return vague;

  const n = readFigure(r, fail);
  if (n === null) return null;
  if (r.acceptAny(['-', 'to'])) return between(n, readFigure(r, fail));
  if (r.acceptAny(['+', 'plus', 'or more', 'or over', 'or above'])) return { precision: 'at-least', low: n, high: null };
  if (r.acceptAny(['or fewer', 'or less', 'or under', 'or below'])) return { precision: 'at-most', low: null, high: n };
  if (r.acceptAny(['or so', '- odd', 'odd'])) return { precision: 'approximate', low: null, high: null, value: n };
  return { precision: 'exact', low: n, high: n };
}

const exactly = (n: number | null): Figures | null => (n === null ? null : { precision: 'exact', low: n, high: n });
const between = (low: number, high: number | null): Figures | null => (high === null ? null : { precision: 'range', low, high });

/** "about 50 (40–60)": the band given in brackets after a central figure. */
function readBand(r: Reader, around: Figures, fail: (reason: string) => CountInputError): Figures | null {
  r.pos++;
  const band = readQuantity(r, fail);
  if (!band || band.precision === 'approximate' || around.value === undefined || around.low !== null || around.high !== null || !r.accept(')')) return null;
  return { ...around, low: band.low, high: band.high };
}

// After the count, words may say what was counted ("25 people", "tens of thousands of refugees"), but none that change it.
const CHANGES_THE_COUNT = new Set(['or', 'at', 'and', 'to', 'plus', 'more', 'less', 'fewer', 'least', 'most', 'odd', 'so', 'about', 'around', 'approximately', 'roughly', 'exactly', 'estimated', 'maximum', 'minimum']);

/**
 * Reads a count as reports and forms write it: figures ("1,400", "1 400",
 * "twenty-five"), qualifiers ("at least", "more than", "up to", "fewer
 * than"), ranges ("10–20", "between 10 and 20"), approximations ("about 50",
 * "~50") and vague words ("tens of thousands", "several", "some"), with the
 * words for what was counted after them ("25 people"). Anything written with
 * words keeps them as `text`.
 */
export function parseCount(input: string): Count {
  const trimmed = input.trim().replace(/\s+/g, ' ');
  const fail = (reason: string): CountInputError => new CountInputError(`Cannot read "${trimmed}" as a count: ${reason}.`, trimmed);
  if (!trimmed) throw new CountInputError('A count is needed: the input is empty.', input);
  const text = trimmed
    .normalize('NFKC')
    .toLowerCase()
    .replace(/["“”‘’«»]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\.$/, '')
    .trim();
  if (/^-\s*\d/.test(text) || /\b(?:between|from|and|to|than|of|about|around|least|most|over|under|approximately)\s+-\s*\d/.test(text)) {
    throw fail('a count cannot be negative');
  }
  const r = new Reader(tokenise(text));
  const found = readQuantity(r, fail);
  const rest = r.tokens.slice(r.pos);
  const restIsWords = rest.every((t) => (t.kind === 'word' && !CHANGES_THE_COUNT.has(t.text)) || (t.kind === 'mark' && /^[-,']$/.test(t.text)));
  if (!found || !restIsWords) {
    throw fail('it is not a figure or a phrase of quantity; write it like 25, 1,400, at least 1,400, up to 900, 10–20, about 50 or tens of thousands');
  }
  return checked(found, /\p{L}/u.test(trimmed) ? trimmed : undefined, fail);
}
