/**
 * What reading, writing and measuring event dates share: the EventDate type
 * and its input error, calendar days counted as whole numbers, and the span a
 * date is read into before it is checked and finished. The rules themselves
 * are explained in event-date.ts.
 */

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'bounded';

export interface EventDate {
  precision: DatePrecision;
  /** `YYYY-MM-DD`: the first day it can have been. */
  earliest: string;
  /** `YYYY-MM-DD`: the last day it can have been; the same as `earliest` for a day. */
  latest: string;
  /** "about March 2002": the true day may fall a little outside earliest..latest. */
  approximate: boolean;
  /** The words as reported, when the date was read from words ("earlier this month"). */
  text?: string;
}

/** The fields of a date as a form or a CSV row gives them. */
export interface EventDateParts {
  precision: DatePrecision;
  /** `YYYY-MM-DD`; `YYYY-MM` or `YYYY` are enough where the precision is a month or a year. */
  earliest: string;
  latest?: string | null;
  approximate?: boolean;
  text?: string | null;
}

/** A date that cannot be read or cannot be; the message says what is wrong, for a form or a CSV row. */
export class DateInputError extends Error {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(message);
    this.name = 'DateInputError';
  }
}

/** Month names as dates are written for people and in messages. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Years run from 1000 to 9999, so that every date is written with four digits. */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;

// ---------------------------------------------------------------- calendar days

/** Days since 1970-01-01: whole numbers, so no time zone or daylight saving can move a date. */
export type Day = number;

/** A day as its year, month (1–12) and day of the month. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** The day number of a calendar day; months count from 1. */
export const dayOf = (year: number, month: number, day: number): Day => Date.UTC(year, month - 1, day) / DAY_MS;
/** 28 to 31: how long a month of that year is. */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar day of a day number. */
export function ymdOf(day: Day): Ymd {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A day number written `YYYY-MM-DD`. */
export function isoOf(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same day `months` months away, kept inside the month when it is shorter (31 March − 1 month = 28 February). */
export function shiftMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return dayOf(y, m, Math.min(d, daysInMonth(y, m)));
}

/** The Monday that starts the week of a day: weeks are counted Monday to Sunday, as ISO 8601 counts them. */
export const mondayOf = (day: Day): Day => day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);

/** A `YYYY-MM-DD` text as a day, or null when it is not written so or is not a day of the calendar. */
export function readIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayOf(year, month, day);
}

// ---------------------------------------------------------------- spans

/** A date while it is being read: its precision and its two edges as day numbers. */
export interface Span {
  precision: DatePrecision;
  earliest: Day;
  latest: Day;
  approximate: boolean;
}

/** A span as it is read; exact unless said otherwise. */
export const span = (precision: DatePrecision, earliest: Day, latest: Day, approximate = false): Span => ({ precision, earliest, latest, approximate });

/** One day: "14 March 2002", "yesterday". */
export const daySpan = (day: Day): Span => span('day', day, day);

/** A whole month: "March 2002", "last month". */
export const monthSpan = (year: number, month: number): Span => span('month', dayOf(year, month, 1), dayOf(year, month, daysInMonth(year, month)));

/** A whole year: "2002", "next year". */
export const yearSpan = (year: number): Span => span('year', dayOf(year, 1, 1), dayOf(year, 12, 31));

/** The whole month a day falls in. */
export const monthSpanOf = (day: Day): Span => monthSpan(ymdOf(day).year, ymdOf(day).month);

/**
 * The finished date. A range or a bounded span whose two edges are one day is
 * that day: "1–1 March" or "earlier this month" on 2 March says nothing more.
 */
export function finish(found: Span, text: string | undefined, fail: (reason: string) => DateInputError): EventDate {
  if (found.earliest > found.latest) {
    throw fail(`it starts (${isoOf(found.earliest)}) after it ends (${isoOf(found.latest)})`);
  }
  for (const edge of [found.earliest, found.latest]) {
    const { year } = ymdOf(edge);
    if (year < FIRST_YEAR || year > LAST_YEAR) throw fail(`the year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  const oneDay = found.earliest === found.latest && (found.precision === 'range' || found.precision === 'bounded');
  const date: EventDate = {
    precision: oneDay ? 'day' : found.precision,
    earliest: isoOf(found.earliest),
    latest: isoOf(found.latest),
    approximate: found.approximate,
  };
  if (text) date.text = text;
  return date;
}
