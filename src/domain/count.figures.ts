/**
 * What reading, writing and adding counts share: the Count type and its input
 * error, the figures a count is read into, and the checks that make them a
 * Count. The rules themselves are explained in count.ts.
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

/** A count while it is being read: the fields, not yet checked. */
export interface Figures {
  precision: CountPrecision;
  low: number | null;
  high: number | null;
  value?: number;
}

/** A figure with its thousands marked, as people read it: 1,400. */
export const written = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Checks the rules every count keeps, and writes a one-number range as the exact count it is. */
export function checked(figures: Figures, text: string | undefined, fail: (reason: string) => CountInputError): Count {
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
