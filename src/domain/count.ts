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
 *
 * Import from here. Words are read in count.words.ts; the type, its error
 * and the checks that reading and fields share are in count.figures.ts.
 */
import { checked, CountInputError, written, type Count, type CountParts, type CountPrecision } from './count.figures.ts';

export { CountInputError, type Count, type CountParts, type CountPrecision } from './count.figures.ts';
export { parseCount } from './count.words.ts';

const PRECISIONS: readonly CountPrecision[] = ['exact', 'at-least', 'at-most', 'range', 'approximate'];

// ---------------------------------------------------------------- building from fields

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
