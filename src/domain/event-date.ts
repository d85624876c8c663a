/**
 * Dates with their precision. Reports rarely give a day: they say "March
 * 2002", "1–26 March", "about 2001", or "earlier this month" in a statement
 * dated 27 March 2002. An EventDate keeps the first and the last day the
 * event can have fallen on, so sorting, overlaps and durations carry the
 * uncertainty through instead of guessing a day.
 *
 * Two kinds of span are kept apart: a `range` is a period the event lasted
 * the whole of ("1–26 March 2002"), a `bounded` date is one day somewhere in
 * a span the words allow ("earlier this month" → a day from 1 to 26 March).
 *
 * Dates are calendar days, not instants: every computation is on UTC day
 * numbers, never local time, so a date reads the same in every time zone.
 * Years run from 1000 to 9999, so that every date is written with four digits.
 *
 * Import from here. Words are read in event-date.words.ts; the type, its
 * error and the day arithmetic that reading and writing share are in
 * event-date.span.ts.
 */
import {
  DateInputError, FIRST_YEAR, MONTH_NAMES, dayOf, daySpan, daysInMonth, finish, monthSpan, monthSpanOf, readIsoDay, span, yearSpan, ymdOf,
  type Day, type DatePrecision, type EventDate, type EventDateParts, type Span, type Ymd,
} from './event-date.span.ts';

export { DateInputError, readIsoDay, type DatePrecision, type EventDate, type EventDateParts } from './event-date.span.ts';
export { parseEventDate } from './event-date.words.ts';

const PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year', 'range', 'bounded'];

// ---------------------------------------------------------------- building from fields

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` field as the span of the year, month or day it names. */
function readIsoField(text: string, field: string): Span {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!match) throw new DateInputError(`The ${field} date "${text}" is not written YYYY-MM-DD.`, text);
  const [year, month, day] = [Number(match[1]), match[2] === undefined ? undefined : Number(match[2]), match[3] === undefined ? undefined : Number(match[3])];
  if (year < FIRST_YEAR) throw new DateInputError(`The ${field} date "${text}" is before the year ${FIRST_YEAR}.`, text);
  if (month === undefined) return yearSpan(year);
  if (month < 1 || month > 12) throw new DateInputError(`The ${field} date "${text}" has no month ${month}.`, text);
  if (day === undefined) return monthSpan(year, month);
  if (day < 1 || day > daysInMonth(year, month)) {
    throw new DateInputError(`The ${field} date "${text}" does not exist: ${MONTH_NAMES[month - 1]!} ${year} has no day ${day}.`, text);
  }
  return daySpan(dayOf(year, month, day));
}

/** Checks and normalises a date given as fields: the edges of a month or a year are filled in, a one-day span becomes a day. */
export function eventDate(parts: EventDateParts): EventDate {
  const { precision } = parts;
  if (!PRECISIONS.includes(precision)) {
    throw new DateInputError(`"${String(precision)}" is not a date precision: use one of ${PRECISIONS.join(', ')}.`, String(precision));
  }
  const earliestText = (parts.earliest ?? '').trim();
  if (!earliestText) throw new DateInputError('A date needs its earliest day.', '');
  const first = readIsoField(earliestText, 'earliest');
  const latestText = parts.latest?.trim() ?? '';
  const last = latestText ? readIsoField(latestText, 'latest') : undefined;
  const text = parts.text?.trim() || undefined;
  const fail = (reason: string): DateInputError => new DateInputError(`The date ${earliestText}${latestText ? ` to ${latestText}` : ''} cannot be: ${reason}.`, earliestText);

  let found: Span;
  if (precision === 'range' || precision === 'bounded') {
    if (!last) throw new DateInputError(`A date of precision "${precision}" needs its latest day as well as its earliest.`, earliestText);
    found = span(precision, first.earliest, last.latest);
  } else {
    const unit = precision === 'day' ? first : precision === 'month' ? monthSpanOf(first.earliest) : yearSpan(ymdOf(first.earliest).year);
    if (precision === 'day' && first.precision !== 'day') {
      throw new DateInputError(`A date of precision "day" needs its day written YYYY-MM-DD, not "${earliestText}".`, earliestText);
    }
    if (precision === 'month' && first.precision === 'year') {
      throw new DateInputError(`A date of precision "month" needs its month written YYYY-MM, not "${earliestText}".`, earliestText);
    }
    if (last && (last.earliest < unit.earliest || last.latest > unit.latest)) {
      throw new DateInputError(`A date of precision "${precision}" lies within one ${precision}: ${latestText} is outside ${earliestText}'s.`, latestText);
    }
    found = { ...unit, precision };
  }
  return finish({ ...found, approximate: parts.approximate === true }, text, fail);
}

// ---------------------------------------------------------------- writing

const monthName = (date: Ymd): string => MONTH_NAMES[date.month - 1]!;
const dayText = (date: Ymd): string => `${date.day} ${monthName(date)} ${date.year}`;

function edgesOf(date: EventDate): [Ymd, Ymd] {
  const [earliest, latest] = [readIsoDay(date.earliest), readIsoDay(date.latest)];
  if (earliest === null || latest === null) throw new DateInputError(`The date ${date.earliest}–${date.latest} is not written YYYY-MM-DD.`, date.earliest);
  return [ymdOf(earliest), ymdOf(latest)];
}

function rangeText(a: Ymd, b: Ymd): string {
  const wholeMonths = a.day === 1 && b.day === daysInMonth(b.year, b.month);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthName(a)} ${a.year}`;
  if (a.year === b.year) return wholeMonths ? `${monthName(a)}–${monthName(b)} ${a.year}` : `${a.day} ${monthName(a)} – ${dayText(b)}`;
  if (wholeMonths && a.month === 1 && b.month === 12) return `${a.year}–${b.year}`;
  return wholeMonths ? `${monthName(a)} ${a.year} – ${monthName(b)} ${b.year}` : `${dayText(a)} – ${dayText(b)}`;
}

function boundedText(a: Ymd, b: Ymd): string {
  if (a.year === b.year && a.month === b.month) return `a day between ${a.day} and ${b.day} ${monthName(a)} ${a.year}`;
  if (a.year === b.year) return `a day between ${a.day} ${monthName(a)} and ${dayText(b)}`;
  return `a day between ${dayText(a)} and ${dayText(b)}`;
}

/** "early March 2002", "mid-2002": the words for an approximate third of a month or year, or null. */
function thirdText(a: Ymd, b: Ymd): string | null {
  if (a.year !== b.year) return null;
  const words = ['early ', 'mid-', 'late '];
  if (a.month === b.month) {
    const index = [1, 11, 21].indexOf(a.day);
    const end = index === 2 ? daysInMonth(b.year, b.month) : a.day + 9;
    return index >= 0 && b.day === end ? `${words[index]!}${monthName(a)} ${a.year}` : null;
  }
  const index = [1, 5, 9].indexOf(a.month);
  const whole = a.day === 1 && b.day === daysInMonth(b.year, b.month);
  return index >= 0 && whole && b.month === a.month + 3 ? `${words[index]!}${a.year}` : null;
}

/** Writes a date for people: "14 March 2002", "March 2002", "1–26 March 2002", "about 2001", "a day between 1 and 26 March 2002". */
export function formatEventDate(date: EventDate): string {
  const [a, b] = edgesOf(date);
  if (date.precision === 'bounded' && date.approximate) {
    const words = thirdText(a, b);
    if (words) return words;
  }
  const words =
    date.precision === 'day'
      ? dayText(a)
      : date.precision === 'month'
        ? `${monthName(a)} ${a.year}`
        : date.precision === 'year'
          ? String(a.year)
          : date.precision === 'range'
            ? rangeText(a, b)
            : boundedText(a, b);
  return date.approximate ? `about ${words}` : words;
}

// ---------------------------------------------------------------- comparing and measuring

const PRECISION_ORDER: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, range: 3, bounded: 4 };

/** Orders dates for a timeline: by earliest day, then latest; equal spans, the more precise first, then exact before approximate. */
export function compareEventDates(a: EventDate, b: EventDate): number {
  if (a.earliest !== b.earliest) return a.earliest < b.earliest ? -1 : 1;
  if (a.latest !== b.latest) return a.latest < b.latest ? -1 : 1;
  const byPrecision = PRECISION_ORDER[a.precision] - PRECISION_ORDER[b.precision];
  if (byPrecision !== 0) return Math.sign(byPrecision);
  return Number(a.approximate) - Number(b.approximate);
}

/** Whether two dates can have been the same day: their spans share at least one day. Approximate dates are taken at their stated edges. */
export function overlaps(a: EventDate, b: EventDate): boolean {
  return a.earliest <= b.latest && b.earliest <= a.latest;
}

function edgeDays(date: EventDate): [Day, Day] {
  const [a, b] = edgesOf(date);
  return [dayOf(a.year, a.month, a.day), dayOf(b.year, b.month, b.day)];
}

/**
 * The whole days that can have passed from one date to the other, as the
 * least and the most the two spans allow ("detained earlier this month,
 * released on 14 April": 19 to 44 days). `to` is taken to come on or after
 * `from`, so orders the spans allow the other way round are not counted and
 * `min` is never below 0; a `to` wholly before `from` is measured back from
 * `from`. Approximate dates are taken at their stated edges.
 */
export function daysBetween(from: EventDate, to: EventDate): { min: number; max: number } {
  let [start, end] = [edgeDays(from), edgeDays(to)];
  if (end[1] < start[0]) [start, end] = [end, start];
  return { min: Math.max(0, end[0] - start[1]), max: end[1] - start[0] };
}

const DAYS_PER_YEAR = 365.2425;
const YEARS_FROM = 730;

/**
 * Writes a span of days: "1 day", "43 days", "43–70 days". From two years on
 * a count of days is false precision to a reader, so it turns to years:
 * "about 3 years", "about 3–5 years", "43 days to about 3 years".
 */
export function formatDuration(span: { min: number; max: number }): string {
  const { min, max } = span;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || min > max) {
    throw new RangeError(`A duration runs from a whole number of days to one no smaller, not ${min} to ${max}.`);
  }
  const years = (days: number): number => Math.max(2, Math.round(days / DAYS_PER_YEAR));
  if (min >= YEARS_FROM) {
    const [low, high] = [years(min), years(max)];
    return low === high ? `about ${low} years` : `about ${low}–${high} years`;
  }
  if (max >= YEARS_FROM) return `${min} ${min === 1 ? 'day' : 'days'} to about ${years(max)} years`;
  if (min === max) return `${min} ${min === 1 ? 'day' : 'days'}`;
  return `${min}–${max} days`;
}
