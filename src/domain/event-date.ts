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

const PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year', 'range', 'bounded'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

// ---------------------------------------------------------------- calendar days

/** Days since 1970-01-01: whole numbers, so no time zone or daylight saving can move a date. */
type Day = number;
interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const dayOf = (year: number, month: number, day: number): Day => Date.UTC(year, month - 1, day) / DAY_MS;
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function ymdOf(day: Day): Ymd {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isoOf(day: Day): string {
  const { year, month, day: d } = ymdOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The same day `months` months away, kept inside the month when it is shorter (31 March − 1 month = 28 February). */
function shiftMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return dayOf(y, m, Math.min(d, daysInMonth(y, m)));
}

/** The Monday that starts the week of a day: weeks are counted Monday to Sunday, as ISO 8601 counts them. */
const mondayOf = (day: Day): Day => day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);

/** A `YYYY-MM-DD` text as a day, or null when it is not written so or is not a day of the calendar. */
function readIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayOf(year, month, day);
}

// ---------------------------------------------------------------- spans

/** A date while it is being read: its precision and its two edges as day numbers. */
interface Span {
  precision: DatePrecision;
  earliest: Day;
  latest: Day;
  approximate: boolean;
}

const span = (precision: DatePrecision, earliest: Day, latest: Day, approximate = false): Span => ({ precision, earliest, latest, approximate });
const daySpan = (day: Day): Span => span('day', day, day);
const monthSpan = (year: number, month: number): Span => span('month', dayOf(year, month, 1), dayOf(year, month, daysInMonth(year, month)));
const yearSpan = (year: number): Span => span('year', dayOf(year, 1, 1), dayOf(year, 12, 31));
const monthSpanOf = (day: Day): Span => monthSpan(ymdOf(day).year, ymdOf(day).month);

/**
 * The finished date. A range or a bounded span whose two edges are one day is
 * that day: "1–1 March" or "earlier this month" on 2 March says nothing more.
 */
function finish(found: Span, text: string | undefined, fail: (reason: string) => DateInputError): EventDate {
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

// ---------------------------------------------------------------- reading words

/** A date as written, perhaps partly: "1" and "March" are the start of "1–26 March 2002". */
interface Point {
  year?: number;
  month?: number;
  day?: number;
}

interface Context {
  input: string;
  reference?: Day;
  /** "for April": the words look ahead, to the next April. */
  forward: boolean;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const monthNumber = (word: string): number =>
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(word.slice(0, 3)) + 1;
const num = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

const POINT_FORMS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Point]> = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => ({ year: num(m[1]), month: num(m[2]), day: num(m[3]) })],
  [/^(\d{4})-(\d{2})$/, (m) => ({ year: num(m[1]), month: num(m[2]) })],
  [/^(\d{4})$/, (m) => ({ year: num(m[1]) })],
  // Numbers only: day first, as the organisations Vigil serves write them.
  [/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, (m) => ({ day: num(m[1]), month: num(m[2]), year: num(m[3]) })],
  [new RegExp(`^(?:the )?${DAY}(?: of)? ${MONTH},?(?: ${YEAR})?$`), (m) => ({ day: num(m[1]), month: monthNumber(m[2]!), year: num(m[3]) })],
  [new RegExp(`^${MONTH},? ${YEAR}$`), (m) => ({ month: monthNumber(m[1]!), year: num(m[2]) })],
  [new RegExp(`^${MONTH} (?:the )?${DAY},?(?: ${YEAR})?$`), (m) => ({ month: monthNumber(m[1]!), day: num(m[2]), year: num(m[3]) })],
  [new RegExp(`^${MONTH}$`), (m) => ({ month: monthNumber(m[1]!) })],
  [new RegExp(`^${DAY}$`), (m) => ({ day: num(m[1]) })],
];

/** The written date a text is, perhaps partly, by its form alone; null when it is none. */
function readPoint(text: string): Point | null {
  const bare = text.replace(/^(?:mon|tues|wednes|thurs|fri|satur|sun)day,? /, '');
  for (const [form, read] of POINT_FORMS) {
    const match = form.exec(bare);
    if (match) return read(match);
  }
  return null;
}

function needReference(ctx: Context): Day {
  if (ctx.reference === undefined) {
    throw new DateInputError(
      `"${ctx.input}" is relative to when it was written: give the reference date (the date of the report or statement the words come from) to read it.`,
      ctx.input,
    );
  }
  return ctx.reference;
}

/**
 * The year of a month named without one ("in April"), from the reference
 * date. Looking ahead ("for April") it is the next such month on or after the
 * reference's month. Otherwise it is the nearest: "in April" in a March
 * statement is that April, "in January" the January just before, "in
 * November" the November before; at six months either way, the past wins,
 * because reports mostly tell what has happened.
 */
function yearOfMonth(month: number, ctx: Context): number {
  const reference = ymdOf(needReference(ctx));
  const ahead = month - reference.month;
  if (ctx.forward) return ahead >= 0 ? reference.year : reference.year + 1;
  if (ahead >= 6) return reference.year - 1;
  if (ahead < -6) return reference.year + 1;
  return reference.year;
}

function failure(ctx: Context, reason: string): DateInputError {
  return new DateInputError(`Cannot read "${ctx.input}" as a date: ${reason}.`, ctx.input);
}

/** The span of a complete point; a point without a year takes it from the reference date. */
function resolvePoint(point: Point, ctx: Context): Span {
  const { month, day } = point;
  if (month === undefined) {
    if (point.year === undefined) throw failure(ctx, 'a day needs its month and year');
    return yearSpan(point.year);
  }
  if (month < 1 || month > 12) throw failure(ctx, `there is no month ${month}${day !== undefined ? ' (numeric dates are read day first)' : ''}`);
  const year = point.year ?? yearOfMonth(month, ctx);
  if (day === undefined) return monthSpan(year, month);
  if (day < 1 || day > daysInMonth(year, month)) throw failure(ctx, `${MONTH_NAMES[month - 1]!} ${year} has no day ${day}`);
  return daySpan(dayOf(year, month, day));
}

/**
 * The span from one point to another, the first completed from the second:
 * "1–26 March 2002" and "March–May 2002" write the month and year once. A
 * first point that borrows its year and would then fall after the second is
 * in the year before: "28 December – 3 January 2002" crosses the new year.
 */
function spanBetween(start: Point, end: Point, precision: 'range' | 'bounded', ctx: Context): Span | null {
  if (end.month === undefined && (end.year === undefined || start.year === undefined)) return null;
  const last = resolvePoint(end, ctx);
  const lastDay = ymdOf(last.earliest);
  const first: Point = { ...start };
  // Only a first point with its own month may cross into the year before: "26–1 March" is not a year long.
  let mayCrossYear = false;
  if (first.year === undefined) {
    mayCrossYear = first.month !== undefined;
    if (first.month === undefined) {
      if (first.day === undefined) return null;
      first.month = lastDay.month;
    }
    first.year = lastDay.year;
  }
  let opening = resolvePoint(first, ctx);
  if (mayCrossYear && opening.earliest > last.latest) opening = resolvePoint({ ...first, year: first.year - 1 }, ctx);
  if (opening.earliest > last.latest) {
    throw failure(ctx, `it starts (${isoOf(opening.earliest)}) after it ends (${isoOf(last.latest)})`);
  }
  return span(precision, opening.earliest, last.latest);
}

/** Tries every place a separator occurs, for the one that leaves a date on each side. */
function splitSpan(text: string, separator: RegExp, precision: 'range' | 'bounded', ctx: Context): Span | null {
  for (const match of text.matchAll(separator)) {
    const left = text.slice(0, match.index).trim();
    const right = text.slice(match.index + match[0].length).trim();
    const [start, end] = [readPoint(left), readPoint(right)];
    if (!left || !right || !start || !end) continue;
    const found = spanBetween(start, end, precision, ctx);
    if (found) return found;
  }
  return null;
}

const RANGE_SEPARATOR = / ?(?:-|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b) ?/g;
const AND = / and /g;

/** Thirds of a month (1–10, 11–20, 21–end) and of a year (January–April, May–August, September–December). */
function third(which: 'early' | 'mid' | 'late', whole: Span): Span {
  const index = which === 'early' ? 0 : which === 'mid' ? 1 : 2;
  const { year } = ymdOf(whole.earliest);
  if (whole.precision === 'month') {
    const earliest = whole.earliest + index * 10;
    return span('bounded', earliest, index === 2 ? whole.latest : earliest + 9, true);
  }
  return span('bounded', dayOf(year, index * 4 + 1, 1), dayOf(year, index * 4 + 4, daysInMonth(year, index * 4 + 4)), true);
}

const SMALL_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

/**
 * Words that mean a date only against the day they were written. Windows
 * the words leave open are choices, made wide rather than narrow and marked
 * approximate: "recently" and "in recent weeks" are the six weeks up to the
 * reference day, "in recent days" the week, "in recent months" the six
 * months, "over the past few years" the five years up to it.
 */
const RELATIVE: ReadonlyArray<readonly [RegExp, (reference: Day, m: RegExpExecArray) => Span]> = [
  [/^today$/, (r) => daySpan(r)],
  [/^yesterday$/, (r) => daySpan(r - 1)],
  [/^(?:the )?day before yesterday$/, (r) => daySpan(r - 2)],
  [/^this week$/, (r) => span('bounded', mondayOf(r), mondayOf(r) + 6)],
  [/^earlier this week$/, (r) => span('bounded', mondayOf(r), r - 1)],
  [/^(?:last|the previous) week$/, (r) => span('bounded', mondayOf(r) - 7, mondayOf(r) - 1)],
  [/^this month$/, (r) => monthSpanOf(r)],
  [/^earlier (?:this|in the) month$/, (r) => span('bounded', monthSpanOf(r).earliest, r - 1)],
  [/^later this month$/, (r) => span('bounded', r + 1, monthSpanOf(r).latest)],
  [/^(?:last|the previous) month$/, (r) => monthSpanOf(shiftMonths(r, -1))],
  [/^next month$/, (r) => monthSpanOf(shiftMonths(r, 1))],
  [/^this year$/, (r) => yearSpan(ymdOf(r).year)],
  [/^earlier (?:this|in the) year$/, (r) => span('bounded', yearSpan(ymdOf(r).year).earliest, r - 1)],
  [/^later this year$/, (r) => span('bounded', r + 1, yearSpan(ymdOf(r).year).latest)],
  [/^(?:last|the previous) year$/, (r) => yearSpan(ymdOf(r).year - 1)],
  [/^next year$/, (r) => yearSpan(ymdOf(r).year + 1)],
  [/^(?:in recent days|(?:in|over|during) the (?:past|last) few days)$/, (r) => span('bounded', r - 7, r, true)],
  [/^(?:recently|lately|in recent weeks|(?:in|over|during) the (?:past|last) few weeks)$/, (r) => span('bounded', r - 42, r, true)],
  [/^(?:in recent months|(?:in|over|during) the (?:past|last) few months)$/, (r) => span('bounded', shiftMonths(r, -6), r, true)],
  [/^(?:in recent years|(?:in|over|during|for) the (?:past|last) few years)$/, (r) => span('bounded', shiftMonths(r, -60), r, true)],
  [
    /^(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s? ago$/,
    (r, m) => {
      const n = SMALL_NUMBERS[m[1]!] ?? Number(m[1]);
      if (m[2] === 'day') return daySpan(r - n);
      // "Two weeks ago" is a day near that, not that very day.
      if (m[2] === 'week') return span('bounded', r - 7 * n - 3, r - 7 * n + 3, true);
      if (m[2] === 'month') return monthSpanOf(shiftMonths(r, -n));
      return yearSpan(ymdOf(r).year - n);
    },
  ],
  [
    new RegExp(`^(last|next) ${MONTH}$`),
    (r, m) => {
      const month = monthNumber(m[2]!);
      const reference = ymdOf(r);
      if (m[1] === 'last') return monthSpan(month < reference.month ? reference.year : reference.year - 1, month);
      return monthSpan(month > reference.month ? reference.year : reference.year + 1, month);
    },
  ],
];

const APPROXIMATE = /^(?:(?:about|around|circa|approximately|roughly|some ?time around|on or (?:about|around)) |(?:c|ca|approx)\. ?|~ ?)(.+)$/;
const THIRDS = /^(early|mid|late|(?:the )?(?:beginning|start|middle|end) of)[ -](.+)$/;
// "Between 1 and 26 March" is read as the period, like "1–26 March"; only "a day between" (and its kin) is one day inside it.
const BOUNDED = /^(?:a day|some ?time|some day|at some (?:point|time)) between (.+)$/;

/** Reads a normalised text as a span; null when it is no form of date this module knows. */
function readSpan(text: string, ctx: Context): Span | null {
  const approximate = APPROXIMATE.exec(text);
  if (approximate) {
    const inner = readSpan(approximate[1]!, ctx);
    return inner && { ...inner, approximate: true };
  }
  const bounded = BOUNDED.exec(text);
  if (bounded) return splitSpan(bounded[1]!, AND, 'bounded', ctx);
  if (text.startsWith('between ')) return splitSpan(text.slice('between '.length), AND, 'range', ctx);
  if (text.startsWith('from ')) return splitSpan(text.slice('from '.length), RANGE_SEPARATOR, 'range', ctx);

  for (const [form, read] of RELATIVE) {
    const match = form.exec(text);
    if (!match) continue;
    const reference = needReference(ctx);
    const found = read(reference, match);
    if (found.earliest > found.latest) throw failure(ctx, `no day fits the words with the reference date ${isoOf(reference)}`);
    return found;
  }
  const preposition = /^(in|on|during|for) (.+)$/.exec(text);
  if (preposition) return readSpan(preposition[2]!, { ...ctx, forward: ctx.forward || preposition[1] === 'for' });

  const thirds = THIRDS.exec(text);
  if (thirds) {
    const whole = readSpan(thirds[2]!, ctx);
    if (!whole) return null;
    if ((whole.precision !== 'month' && whole.precision !== 'year') || whole.approximate) {
      throw failure(ctx, `"${thirds[1]!}" can only divide a month or a year`);
    }
    const word = thirds[1]!.replace(/^the /, '');
    return third(/^(?:early|beginning|start)/.test(word) ? 'early' : /^(?:mid|middle)/.test(word) ? 'mid' : 'late', whole);
  }

  const point = readPoint(text);
  if (point) return point.month === undefined && point.year === undefined ? null : resolvePoint(point, ctx);
  const iso = /^(\d{4}(?:-\d{2}){0,2})\/(\d{4}(?:-\d{2}){0,2})$/.exec(text);
  if (iso) return spanBetween(readPoint(iso[1]!)!, readPoint(iso[2]!)!, 'range', ctx);
  return splitSpan(text, RANGE_SEPARATOR, 'range', ctx);
}

const PLAIN_ISO = /^\d{4}(?:-\d{2}){0,2}(?:\/\d{4}(?:-\d{2}){0,2})?$/;

/**
 * Reads a date as reports, forms and CSV files write it: ISO dates, months
 * and years, written dates (day first when numeric), ranges, approximate and
 * early/mid/late dates, and, given the date the words were written on,
 * relative words such as "earlier this month" or "in April". The words are
 * kept as `text` unless the input was plain ISO 8601.
 */
export function parseEventDate(input: string, options: { reference?: string } = {}): EventDate {
  const trimmed = input.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw new DateInputError('A date is needed: the input is empty.', input);
  let reference: Day | undefined;
  if (options.reference !== undefined) {
    const day = readIsoDay(options.reference.trim());
    if (day === null) throw new DateInputError(`The reference date "${options.reference}" is not a day written YYYY-MM-DD.`, options.reference);
    reference = day;
  }
  const ctx: Context = { input: trimmed, forward: false, ...(reference === undefined ? {} : { reference }) };
  const text = trimmed
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(?<!\b(?:c|ca|approx))\.$/, '');
  const found = readSpan(text, ctx);
  if (!found) {
    throw new DateInputError(
      `Cannot read "${trimmed}" as a date: write it like 14 March 2002, March 2002, 2002, 1–26 March 2002, about March 2002 or 2002-03-14.`,
      trimmed,
    );
  }
  return finish(found, PLAIN_ISO.test(trimmed) ? undefined : trimmed, (reason) => failure(ctx, reason));
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
