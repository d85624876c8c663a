/**
 * Reading a date from words, as reports, forms and CSV files write it: ISO
 * dates, written dates, ranges, approximate and early/mid/late dates, and
 * words that mean a date only against the day they were written ("earlier
 * this month", "in April"). A text is read into a span (event-date.span.ts)
 * and finished there, so words and fields give the same EventDate.
 */
import {
  DateInputError, MONTH_NAMES, dayOf, daySpan, daysInMonth, finish, isoOf, mondayOf, monthSpan, monthSpanOf, readIsoDay, shiftMonths, span, yearSpan, ymdOf,
  type Day, type EventDate, type Span,
} from './event-date.span.ts';

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
