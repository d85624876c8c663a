/**
 * Counts with their precision. Reports say "25", "at least 1,400", "up to
 * 900", "10–20", "about 50" or "tens of thousands", and each of these says
 * something different about the true number. A Count keeps what was said, so
 * that totals and charts carry the uncertainty and nothing is rounded into
 * false precision.
 *
 * Vague words get a band, chosen wide rather than narrow: a band that is too
 * wide only says less, one that is too narrow says something false. Each band
 * starts at one of its unit and ends just below the next word's, so the
 * bands follow one another without gaps or overlaps:
 *
 *   a couple 2–3 · a few 2–5 · a handful 2–9 · several 3–9
 *   dozens 12–99 · scores 20–99 · hundreds 100–999 · thousands 1,000–9,999
 *   tens of thousands 10,000–99,999 · hundreds of thousands 100,000–999,999
 *   millions, tens and hundreds of millions likewise
 *   "several"/"a few" before a unit (hundred, thousand, million, dozen):
 *   two of the unit up to just below ten of them ("several hundred" 200–999)
 *
 * "tens of thousands" thus starts at 10,000, not 20,000: writers use the
 * plural loosely ("thousands" for 1,500), and the band must hold what they
 * meant. "A dozen" is read as about 12 with no band: said of people it is a
 * round figure more often than a count. "Some", "many", "numerous", "an
 * unknown number of" and their kin are approximate with no band at all; the
 * words are kept as `text`.
 */

export type CountPrecision = 'exact' | 'at-least' | 'at-most' | 'range' | 'approximate';

export interface Count {
  precision: CountPrecision;
  /** exact: n; at-least: n; at-most: null; range: the lower figure; approximate: the band's lower edge, or null. */
  low: number | null;
  /** exact: n; at-least: null; at-most: n; range: the higher figure; approximate: the band's upper edge, or null. */
  high: number | null;
  /** approximate only: the central figure when one was said ("about 50"). */
  value?: number;
  /** The words as reported ("tens of thousands"), when the count was read from words. */
  text?: string;
}

/** The fields of a count as a form or a CSV row gives them: numbers, or text such as "1,400". */
export interface CountParts {
  precision: CountPrecision;
  low?: number | string | null;
  high?: number | string | null;
  value?: number | string | null;
  text?: string | null;
}

/** A count that cannot be read or cannot be; the message says what is wrong, for a form or a CSV row. */
export class CountInputError extends Error {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(message);
    this.name = 'CountInputError';
  }
}

const PRECISIONS: readonly CountPrecision[] = ['exact', 'at-least', 'at-most', 'range', 'approximate'];

/** A count while it is being read: the fields, not yet checked. */
interface Figures {
  precision: CountPrecision;
  low: number | null;
  high: number | null;
  value?: number;
}

// ---------------------------------------------------------------- checking

const written = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Checks the rules every count keeps, and writes a one-number range as the exact count it is. */
function checked(figures: Figures, text: string | undefined, fail: (reason: string) => CountInputError): Count {
  const { precision, low, high, value } = figures;
  for (const n of [low, high, value]) {
    if (n === null || n === undefined) continue;
    if (n < 0) throw fail('a count cannot be negative');
    if (!Number.isSafeInteger(n)) throw fail(`a count is a whole number, not ${n}`);
  }
  if (low !== null && high !== null && low > high) throw fail(`the low figure ${written(low)} is above the high figure ${written(high)}`);
  if (value !== undefined && ((low !== null && value < low) || (high !== null && value > high))) {
    throw fail(`the central figure ${written(value)} lies outside its band`);
  }
  let result: Count;
  if (precision === 'range' && low === high) result = { precision: 'exact', low, high };
  else if (precision === 'approximate') result = { precision, low, high, ...(value === undefined ? {} : { value }) };
  else result = { precision, low, high };
  if (text) result.text = text;
  return result;
}

/** One figure of a form: a number, or text such as "1,400" or "1 400"; empty is null. */
function figureField(given: number | string | null | undefined, field: string): number | null {
  if (given === null || given === undefined) return null;
  if (typeof given === 'number') {
    if (given < 0) throw new CountInputError(`The ${field} figure cannot be negative (${given}).`, String(given));
    if (!Number.isSafeInteger(given)) throw new CountInputError(`The ${field} figure must be a whole number, not ${given}.`, String(given));
    return given;
  }
  const text = given.trim();
  if (!text) return null;
  if (/^-\s*\d/.test(text)) throw new CountInputError(`The ${field} figure cannot be negative ("${text}").`, text);
  if (!/^(?:\d{1,3}(?:([, \u00a0\u202f'])\d{3})(?:\1\d{3})*|\d+)$/.test(text)) {
    throw new CountInputError(`The ${field} figure "${text}" is not a whole number.`, text);
  }
  return figureField(Number(text.replace(/\D/g, '')), field);
}

/** Checks and normalises a count given as fields: the figures each precision needs, and no others. */
export function count(parts: CountParts): Count {
  const { precision } = parts;
  if (!PRECISIONS.includes(precision)) {
    throw new CountInputError(`"${String(precision)}" is not a count precision: use one of ${PRECISIONS.join(', ')}.`, String(precision));
  }
  const [low, high, value] = [figureField(parts.low, 'low'), figureField(parts.high, 'high'), figureField(parts.value, 'central')];
  const text = parts.text?.trim() || undefined;
  const fail = (reason: string): CountInputError => new CountInputError(`The count cannot be: ${reason}.`, text);
  const none = (...figures: Array<[number | null, string]>): void => {
    for (const [figure, name] of figures) {
      if (figure !== null) throw fail(`a count of precision "${precision}" has no ${name} figure`);
    }
  };
  switch (precision) {
    case 'exact': {
      const given = [value, low, high].filter((n): n is number => n !== null);
      if (given.length === 0) throw fail('an exact count needs its number');
      if (given.some((n) => n !== given[0])) throw fail(`an exact count has one number, not ${given.map(written).join(' and ')}`);
      return checked({ precision, low: given[0]!, high: given[0]! }, text, fail);
    }
    case 'at-least':
      if (low === null) throw fail('an "at least" count needs its low figure');
      none([high, 'high'], [value, 'central']);
      return checked({ precision, low, high: null }, text, fail);
    case 'at-most':
      if (high === null) throw fail('an "at most" count needs its high figure');
      none([low, 'low'], [value, 'central']);
      return checked({ precision, low: null, high }, text, fail);
    case 'range':
      if (low === null || high === null) throw fail('a range needs both its low and its high figure');
      none([value, 'central']);
      return checked({ precision, low, high }, text, fail);
    default:
      return checked({ precision, low, high, ...(value === null ? {} : { value }) }, text, fail);
  }
}

// ---------------------------------------------------------------- reading words

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

// ---------------------------------------------------------------- writing and adding

/** Writes a count for people: the reported words when there were words, else "25", "at least 1,400", "up to 900", "10–20", "about 50". */
export function formatCount(c: Count): string {
  if (c.text) return c.text;
  const { low, high } = c;
  switch (c.precision) {
    case 'exact':
      return written(low ?? high ?? 0);
    case 'at-least':
      return `at least ${written(low ?? 0)}`;
    case 'at-most':
      return `up to ${written(high ?? 0)}`;
    case 'range':
      return `${written(low ?? 0)}–${high === null ? '' : written(high)}`;
    default: {
      if (c.value !== undefined) {
        const band = low !== null && high !== null ? `${written(low)}–${written(high)}` : low !== null ? `at least ${written(low)}` : high !== null ? `up to ${written(high)}` : '';
        return band ? `about ${written(c.value)} (${band})` : `about ${written(c.value)}`;
      }
      if (low !== null && high !== null) return `about ${written(low)}–${written(high)}`;
      if (low !== null) return `about ${written(low)} or more`;
      if (high !== null) return `about ${written(high)} or fewer`;
      return 'an unknown number';
    }
  }
}

/** The numbers a count allows, for sums and charts: "up to 900" is 0–900, "at least 1,400" has no upper end (null). */
export function countRange(c: Count): { low: number; high: number | null } {
  switch (c.precision) {
    case 'exact':
      return { low: c.low ?? c.high ?? 0, high: c.high ?? c.low };
    case 'at-least':
      return { low: c.low ?? 0, high: null };
    case 'at-most':
      return { low: 0, high: c.high };
    default:
      return { low: c.low ?? 0, high: c.high };
  }
}

/** The central figure a count states, if it states one: an exact count's number or an approximate count's "about" figure. */
const centralOf = (c: Count): number | undefined => (c.precision === 'exact' ? (c.low ?? undefined) : c.precision === 'approximate' ? c.value : undefined);

/**
 * The total of two counts, as uncertain as its parts and no more certain:
 * exact + exact is exact; anything approximate makes it approximate; else
 * anything "at least" makes it at least the sum of the lows; else anything
 * "up to" makes it up to the sum of the highs; else the ranges add edge to
 * edge. The words of either part are not the total's, so it has no text.
 */
export function addCounts(a: Count, b: Count): Count {
  const [ra, rb] = [countRange(a), countRange(b)];
  const low = ra.low + rb.low;
  const high = ra.high === null || rb.high === null ? null : ra.high + rb.high;
  const has = (precision: CountPrecision): boolean => a.precision === precision || b.precision === precision;
  if (has('approximate')) {
    const [ca, cb] = [centralOf(a), centralOf(b)];
    // A band edge that neither part gave stays unknown rather than becoming 0.
    const total: Count = { precision: 'approximate', low: a.low === null && b.low === null ? null : low, high };
    if (ca !== undefined && cb !== undefined) total.value = ca + cb;
    return total;
  }
  if (has('at-least')) return { precision: 'at-least', low, high: null };
  if (has('at-most')) return { precision: 'at-most', low: null, high };
  if (has('range')) return { precision: 'range', low, high };
  return { precision: 'exact', low, high };
}
