import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DateInputError,
  compareEventDates,
  daysBetween,
  eventDate,
  formatDuration,
  formatEventDate,
  overlaps,
  parseEventDate,
  type DatePrecision,
  type EventDate,
} from '../../src/domain/event-date.ts';

/** The date of the model statement, ASA 17/013/2002. */
const STATEMENT = { reference: '2002-03-27' };

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const FIRST = dayNumber('1900-01-01');
const LAST = dayNumber('2100-12-31');

/** The fields a reading should give, without the words. */
const fields = (date: EventDate): [DatePrecision, string, string, boolean] => [date.precision, date.earliest, date.latest, date.approximate];

function expectDateError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DateInputError);
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment);
}

describe('parseEventDate: ISO dates', () => {
  it.each([
    ['2002-03-14', 'day', '2002-03-14', '2002-03-14'],
    ['2002-03', 'month', '2002-03-01', '2002-03-31'],
    ['2002', 'year', '2002-01-01', '2002-12-31'],
    ['2004-02', 'month', '2004-02-01', '2004-02-29'],
    ['2002-03-01/2002-03-26', 'range', '2002-03-01', '2002-03-26'],
    ['2001-06/2002-05', 'range', '2001-06-01', '2002-05-31'],
    ['2001/2003', 'range', '2001-01-01', '2003-12-31'],
  ])('reads %j', (input, precision, earliest, latest) => {
    const date = parseEventDate(input);
    expect(fields(date)).toEqual([precision, earliest, latest, false]);
    expect(date.text).toBeUndefined();
  });
});

describe('parseEventDate: written dates', () => {
  it.each([
    ['14 March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['March 14, 2002', 'day', '2002-03-14', '2002-03-14'],
    ['14/03/2002', 'day', '2002-03-14', '2002-03-14'],
    ['14.03.2002', 'day', '2002-03-14', '2002-03-14'],
    ['14th March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['the 14th of March, 2002', 'day', '2002-03-14', '2002-03-14'],
    ['Thursday, 14 March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['on 14 March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['14 Mar. 2002', 'day', '2002-03-14', '2002-03-14'],
    ['March 2002', 'month', '2002-03-01', '2002-03-31'],
    ['Mar 2002', 'month', '2002-03-01', '2002-03-31'],
    ['Sept 2002', 'month', '2002-09-01', '2002-09-30'],
    ['in March 2002', 'month', '2002-03-01', '2002-03-31'],
    ['in 2002', 'year', '2002-01-01', '2002-12-31'],
  ])('reads %j', (input, precision, earliest, latest) => {
    const date = parseEventDate(input);
    expect(fields(date)).toEqual([precision, earliest, latest, false]);
    expect(date.text).toBe(input);
  });

  it('reads numeric dates day first', () => {
    expect(parseEventDate('01/02/2000').earliest).toBe('2000-02-01');
  });

  it('keeps the words as reported, with spaces tidied', () => {
    expect(parseEventDate('  14   March 2002 ').text).toBe('14 March 2002');
  });
});

describe('parseEventDate: ranges', () => {
  it.each([
    ['1–26 March 2002', '2002-03-01', '2002-03-26'],
    ['1-26 March 2002', '2002-03-01', '2002-03-26'],
    ['1 - 26 March 2002', '2002-03-01', '2002-03-26'],
    ['March–May 2002', '2002-03-01', '2002-05-31'],
    ['March to May 2002', '2002-03-01', '2002-05-31'],
    ['14 March – 2 April 2002', '2002-03-14', '2002-04-02'],
    ['between 1 and 26 March 2002', '2002-03-01', '2002-03-26'],
    ['between March and May 2002', '2002-03-01', '2002-05-31'],
    ['from 14 March to 2 April 2002', '2002-03-14', '2002-04-02'],
    ['from March 2002 until January 2003', '2002-03-01', '2003-01-31'],
    ['from 2001 to 2003', '2001-01-01', '2003-12-31'],
    ['2001–2003', '2001-01-01', '2003-12-31'],
    ['June 2001 – May 2002', '2001-06-01', '2002-05-31'],
    ['14 December 2001 – 2 January 2002', '2001-12-14', '2002-01-02'],
    ['2002-03-01 - 2002-03-26', '2002-03-01', '2002-03-26'],
  ])('reads %j as the whole period', (input, earliest, latest) => {
    expect(fields(parseEventDate(input))).toEqual(['range', earliest, latest, false]);
  });

  it('reads a range written across the new year with the year once, as crossing it', () => {
    expect(fields(parseEventDate('28 December – 3 January 2002'))).toEqual(['range', '2001-12-28', '2002-01-03', false]);
    expect(fields(parseEventDate('December–February 2002'))).toEqual(['range', '2001-12-01', '2002-02-28', false]);
  });

  it('reads "a day between" as one day inside the span', () => {
    expect(fields(parseEventDate('a day between 1 and 26 March 2002'))).toEqual(['bounded', '2002-03-01', '2002-03-26', false]);
    expect(fields(parseEventDate('sometime between 14 March and 2 April 2002'))).toEqual(['bounded', '2002-03-14', '2002-04-02', false]);
  });

  it('makes a span of one day that day', () => {
    expect(fields(parseEventDate('14–14 March 2002'))).toEqual(['day', '2002-03-14', '2002-03-14', false]);
  });
});

describe('parseEventDate: approximate dates', () => {
  it.each([
    ['about March 2002', 'month', '2002-03-01', '2002-03-31'],
    ['around 14 March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['circa 2001', 'year', '2001-01-01', '2001-12-31'],
    ['c. 2001', 'year', '2001-01-01', '2001-12-31'],
    ['ca. 2001', 'year', '2001-01-01', '2001-12-31'],
    ['approximately 1–26 March 2002', 'range', '2002-03-01', '2002-03-26'],
    ['~2002-03', 'month', '2002-03-01', '2002-03-31'],
    ['~ 14 March 2002', 'day', '2002-03-14', '2002-03-14'],
    ['roughly March 2002', 'month', '2002-03-01', '2002-03-31'],
    ['on or about 14 March 2002', 'day', '2002-03-14', '2002-03-14'],
  ])('reads %j as approximate', (input, precision, earliest, latest) => {
    const date = parseEventDate(input);
    expect(fields(date)).toEqual([precision, earliest, latest, true]);
    expect(date.text).toBe(input);
  });

  it.each([
    ['early March 2002', '2002-03-01', '2002-03-10'],
    ['mid-March 2002', '2002-03-11', '2002-03-20'],
    ['mid March 2002', '2002-03-11', '2002-03-20'],
    ['late March 2002', '2002-03-21', '2002-03-31'],
    ['late February 2002', '2002-02-21', '2002-02-28'],
    ['the end of March 2002', '2002-03-21', '2002-03-31'],
    ['the beginning of March 2002', '2002-03-01', '2002-03-10'],
    ['early 2002', '2002-01-01', '2002-04-30'],
    ['mid-2002', '2002-05-01', '2002-08-31'],
    ['late 2002', '2002-09-01', '2002-12-31'],
  ])('reads %j as a third of the month or year', (input, earliest, latest) => {
    expect(fields(parseEventDate(input))).toEqual(['bounded', earliest, latest, true]);
  });

  it('refuses early/mid/late of a single day', () => {
    expectDateError(() => parseEventDate('early 14 March 2002'), '"early 14 March 2002"', 'month or a year');
  });
});

describe('parseEventDate: words relative to the date of the statement', () => {
  it('reads the model case: "earlier this month" in a statement of 27 March 2002', () => {
    const date = parseEventDate('earlier this month', STATEMENT);
    expect(date).toEqual({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26', approximate: false, text: 'earlier this month' });
  });

  it.each([
    ['this month', 'month', '2002-03-01', '2002-03-31', false],
    ['last month', 'month', '2002-02-01', '2002-02-28', false],
    ['later this month', 'bounded', '2002-03-28', '2002-03-31', false],
    ['earlier this year', 'bounded', '2002-01-01', '2002-03-26', false],
    ['this year', 'year', '2002-01-01', '2002-12-31', false],
    ['last year', 'year', '2001-01-01', '2001-12-31', false],
    ['next year', 'year', '2003-01-01', '2003-12-31', false],
    // 27 March 2002 was a Wednesday: last week ran Monday 18 to Sunday 24 March.
    ['last week', 'bounded', '2002-03-18', '2002-03-24', false],
    ['this week', 'bounded', '2002-03-25', '2002-03-31', false],
    ['earlier this week', 'bounded', '2002-03-25', '2002-03-26', false],
    ['yesterday', 'day', '2002-03-26', '2002-03-26', false],
    ['today', 'day', '2002-03-27', '2002-03-27', false],
    ['3 days ago', 'day', '2002-03-24', '2002-03-24', false],
    ['two weeks ago', 'bounded', '2002-03-10', '2002-03-16', true],
    ['recently', 'bounded', '2002-02-13', '2002-03-27', true],
    ['in recent weeks', 'bounded', '2002-02-13', '2002-03-27', true],
    ['in recent days', 'bounded', '2002-03-20', '2002-03-27', true],
    ['in recent months', 'bounded', '2001-09-27', '2002-03-27', true],
    ['over the past few years', 'bounded', '1997-03-27', '2002-03-27', true],
    ['in recent years', 'bounded', '1997-03-27', '2002-03-27', true],
    ['in April', 'month', '2002-04-01', '2002-04-30', false],
    ['for April', 'month', '2002-04-01', '2002-04-30', false],
    ['in January', 'month', '2002-01-01', '2002-01-31', false],
    ['in November', 'month', '2001-11-01', '2001-11-30', false],
    ['for January', 'month', '2003-01-01', '2003-01-31', false],
    ['last April', 'month', '2001-04-01', '2001-04-30', false],
    ['last January', 'month', '2002-01-01', '2002-01-31', false],
    ['on 14 March', 'day', '2002-03-14', '2002-03-14', false],
    ['1–26 March', 'range', '2002-03-01', '2002-03-26', false],
    ['early April', 'bounded', '2002-04-01', '2002-04-10', true],
    ['about last month', 'month', '2002-02-01', '2002-02-28', true],
  ])('reads %j', (input, precision, earliest, latest, approximate) => {
    const date = parseEventDate(input, STATEMENT);
    expect(fields(date)).toEqual([precision, earliest, latest, approximate]);
    expect(date.text).toBe(input);
  });

  it('reads a month without a year in a December statement as the January after', () => {
    expect(parseEventDate('in January', { reference: '2002-12-10' }).earliest).toBe('2003-01-01');
  });

  it('reads written dates the same with or without a reference', () => {
    expect(parseEventDate('14 March 2002', STATEMENT)).toEqual(parseEventDate('14 March 2002'));
  });

  it.each(['earlier this month', 'last year', 'yesterday', 'recently', 'in April', 'for April', '14 March', 'early April'])(
    'asks for the reference date to read %j',
    (input) => {
      expectDateError(() => parseEventDate(input), `"${input}"`, 'reference date');
    },
  );

  it('says when the words leave no day before the reference', () => {
    expectDateError(() => parseEventDate('earlier this month', { reference: '2002-03-01' }), 'no day', '2002-03-01');
  });

  it('refuses a reference that is not a day', () => {
    expectDateError(() => parseEventDate('last month', { reference: '2002-02-30' }), '"2002-02-30"');
  });
});

describe('parseEventDate: errors', () => {
  it.each([
    ['2002-02-30', 'February 2002 has no day 30'],
    ['31 April 2002', 'April 2002 has no day 31'],
    ['29 February 2001', 'February 2001 has no day 29'],
    ['2002-13', 'no month 13'],
    ['03/14/2002', 'day first'],
    ['26–1 March 2002', 'after it ends'],
    ['2002-03-26/2002-03-01', 'after it ends'],
    ['hello', 'write it like'],
    ['March', 'reference date'],
    ['14', 'write it like'],
    ['0999', '999'],
  ])('refuses %j, naming the problem', (input, problem) => {
    expectDateError(() => parseEventDate(input), `"${input}"`, problem);
  });

  it('reads 29 February of a leap year', () => {
    expect(parseEventDate('29 February 2004').earliest).toBe('2004-02-29');
  });

  it.each(['', '   '])('refuses the empty input %j', (input) => {
    expectDateError(() => parseEventDate(input), 'empty');
  });

  it('keeps the input on the error, for the row at fault', () => {
    expect(() => parseEventDate('2002-02-30')).toThrow(expect.objectContaining({ name: 'DateInputError', input: '2002-02-30' }));
  });
});

describe('eventDate', () => {
  it('fills in the edges of a month or a year', () => {
    expect(eventDate({ precision: 'month', earliest: '2002-03' })).toEqual({ precision: 'month', earliest: '2002-03-01', latest: '2002-03-31', approximate: false });
    expect(eventDate({ precision: 'month', earliest: '2002-03-14' }).latest).toBe('2002-03-31');
    expect(eventDate({ precision: 'year', earliest: '2002', approximate: true })).toEqual({ precision: 'year', earliest: '2002-01-01', latest: '2002-12-31', approximate: true });
  });

  it('makes a day of one day, and of a one-day span', () => {
    expect(eventDate({ precision: 'day', earliest: '2002-03-14', latest: '' })).toEqual({ precision: 'day', earliest: '2002-03-14', latest: '2002-03-14', approximate: false });
    expect(eventDate({ precision: 'range', earliest: '2002-03-14', latest: '2002-03-14' }).precision).toBe('day');
  });

  it('keeps a range and its words', () => {
    expect(eventDate({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26', text: ' earlier this month ' })).toEqual({
      precision: 'bounded',
      earliest: '2002-03-01',
      latest: '2002-03-26',
      approximate: false,
      text: 'earlier this month',
    });
    expect(eventDate({ precision: 'range', earliest: '2001-06', latest: '2002-05' })).toMatchObject({ earliest: '2001-06-01', latest: '2002-05-31' });
  });

  it.each<[Record<string, string>, string, string?]>([
    [{ precision: 'day', earliest: '2002-02-30' }, '"2002-02-30"', 'no day 30'],
    [{ precision: 'day', earliest: '14/03/2002' }, '"14/03/2002"', 'YYYY-MM-DD'],
    [{ precision: 'day', earliest: '2002-03' }, '"2002-03"'],
    [{ precision: 'day', earliest: '2002-03-14', latest: '2002-03-15' }, 'one day'],
    [{ precision: 'month', earliest: '2002-03-01', latest: '2002-04-30' }, 'one month'],
    [{ precision: 'range', earliest: '2002-03-27', latest: '2002-03-01' }, 'after it ends'],
    [{ precision: 'bounded', earliest: '2002-03-01' }, 'latest'],
    [{ precision: 'week', earliest: '2002-03-01' }, '"week"'],
    [{ precision: 'day', earliest: '' }, 'earliest'],
  ])('refuses %j', (parts, problem, detail) => {
    expectDateError(() => eventDate(parts as unknown as Parameters<typeof eventDate>[0]), problem, detail ?? problem);
  });
});

describe('formatEventDate', () => {
  it.each([
    [{ precision: 'day', earliest: '2002-03-14' }, '14 March 2002'],
    [{ precision: 'month', earliest: '2002-03' }, 'March 2002'],
    [{ precision: 'year', earliest: '2002' }, '2002'],
    [{ precision: 'range', earliest: '2002-03-01', latest: '2002-03-26' }, '1–26 March 2002'],
    [{ precision: 'range', earliest: '2002-03-01', latest: '2002-05-31' }, 'March–May 2002'],
    [{ precision: 'range', earliest: '2002-03-14', latest: '2002-04-02' }, '14 March – 2 April 2002'],
    [{ precision: 'range', earliest: '2001-06-01', latest: '2002-05-31' }, 'June 2001 – May 2002'],
    [{ precision: 'range', earliest: '2001-01-01', latest: '2003-12-31' }, '2001–2003'],
    [{ precision: 'range', earliest: '2001-12-14', latest: '2002-01-02' }, '14 December 2001 – 2 January 2002'],
    [{ precision: 'month', earliest: '2002-03', approximate: true }, 'about March 2002'],
    [{ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26' }, 'a day between 1 and 26 March 2002'],
    [{ precision: 'bounded', earliest: '2002-03-14', latest: '2002-04-02' }, 'a day between 14 March and 2 April 2002'],
    [{ precision: 'bounded', earliest: '1997-03-27', latest: '2002-03-27', approximate: true }, 'about a day between 27 March 1997 and 27 March 2002'],
    [{ precision: 'bounded', earliest: '2002-03-11', latest: '2002-03-20', approximate: true }, 'mid-March 2002'],
    [{ precision: 'bounded', earliest: '2002-09-01', latest: '2002-12-31', approximate: true }, 'late 2002'],
  ])('writes %j as %j', (parts, expected) => {
    expect(formatEventDate(eventDate(parts as Parameters<typeof eventDate>[0]))).toBe(expected);
  });

  it('writes the model case as a reader needs it', () => {
    expect(formatEventDate(parseEventDate('earlier this month', STATEMENT))).toBe('a day between 1 and 26 March 2002');
  });
});

describe('comparing and measuring', () => {
  const march = parseEventDate('March 2002');
  const fourteenth = parseEventDate('14 March 2002');
  const april = parseEventDate('April 2002');

  it('sorts by earliest day, then latest', () => {
    const sorted = [april, fourteenth, march, parseEventDate('2002')].sort(compareEventDates);
    expect(sorted.map(formatEventDate)).toEqual(['2002', 'March 2002', '14 March 2002', 'April 2002']);
  });

  it('tells whether two dates can be the same day', () => {
    expect(overlaps(march, fourteenth)).toBe(true);
    expect(overlaps(march, april)).toBe(false);
    expect(overlaps(parseEventDate('earlier this month', STATEMENT), parseEventDate('27 March 2002'))).toBe(false);
  });

  it('counts the days between two dates with both uncertainties', () => {
    expect(daysBetween(fourteenth, parseEventDate('15 March 2002'))).toEqual({ min: 1, max: 1 });
    expect(daysBetween(parseEventDate('earlier this month', STATEMENT), parseEventDate('14 April 2002'))).toEqual({ min: 19, max: 44 });
    expect(daysBetween(march, april)).toEqual({ min: 1, max: 60 });
    expect(daysBetween(march, fourteenth)).toEqual({ min: 0, max: 13 });
    expect(daysBetween(april, march)).toEqual({ min: 1, max: 60 });
  });

  it.each([
    [{ min: 1, max: 1 }, '1 day'],
    [{ min: 0, max: 0 }, '0 days'],
    [{ min: 43, max: 43 }, '43 days'],
    [{ min: 43, max: 70 }, '43–70 days'],
    [{ min: 1096, max: 1096 }, 'about 3 years'],
    [{ min: 1096, max: 1830 }, 'about 3–5 years'],
    [{ min: 43, max: 1096 }, '43 days to about 3 years'],
  ])('writes the duration %j as %j', (span, expected) => {
    expect(formatDuration(span)).toBe(expected);
  });

  it('refuses a duration that cannot be', () => {
    expect(() => formatDuration({ min: 5, max: 2 })).toThrow(RangeError);
    expect(() => formatDuration({ min: -1, max: 2 })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------- properties

const PRECISIONS: DatePrecision[] = ['day', 'month', 'year', 'range', 'bounded'];

/** Any valid date: free spans, and spans on month and third boundaries, where the writing takes other branches. */
const anyDate: fc.Arbitrary<EventDate> = fc.oneof(
  fc
    .record({
      precision: fc.constantFrom(...PRECISIONS),
      start: fc.integer({ min: FIRST, max: LAST }),
      length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3000 })),
      approximate: fc.boolean(),
    })
    .map(({ precision, start, length, approximate }) =>
      eventDate({
        precision,
        earliest: isoOfDay(start),
        latest: precision === 'range' || precision === 'bounded' ? isoOfDay(Math.min(start + length, LAST)) : null,
        approximate,
      }),
    ),
  fc
    .record({
      precision: fc.constantFrom<DatePrecision>('range', 'bounded'),
      year: fc.integer({ min: 1900, max: 2090 }),
      month: fc.integer({ min: 1, max: 12 }),
      months: fc.integer({ min: 0, max: 40 }),
      approximate: fc.boolean(),
    })
    .map(({ precision, year, month, months, approximate }) => {
      const end = new Date(Date.UTC(year, month - 1 + months + 1, 0)).toISOString().slice(0, 10);
      return eventDate({ precision, earliest: `${year}-${String(month).padStart(2, '0')}-01`, latest: end, approximate });
    }),
  fc
    .record({ year: fc.integer({ min: 1900, max: 2090 }), month: fc.integer({ min: 1, max: 12 }), part: fc.constantFrom('early', 'mid', 'late'), ofYear: fc.boolean() })
    .map(({ year, month, part, ofYear }) =>
      parseEventDate(ofYear ? `${part} ${year}` : `${part} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]!} ${year}`),
    ),
);

/** Inputs of every form the reader knows, filled with random numbers (many of them impossible), and plain noise. */
const PREFIXES = ['', 'about ', 'early ', 'mid-', 'late ', 'in ', 'for ', 'between ', 'from ', 'a day between ', '~'];
const anyInput: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('–', ' and ', ' to ', ''),
      fc.integer({ min: 1, max: 28 }),
      fc.constantFrom('March', 'February', 'Dec', ''),
      fc.constantFrom(' ', ''),
      fc.integer({ min: 1000, max: 2100 }),
    )
    .map(([prefix, a, separator, b, month, space, year]) => `${prefix}${separator ? `${a}${separator}` : ''}${b} ${month}${space}${year}`),
  fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.integer({ min: 0, max: 35 }),
      fc.constantFrom(' ', '–', '-', ' and ', ' to ', '/'),
      fc.integer({ min: 0, max: 35 }),
      fc.constantFrom(' March ', ' February ', ' Dec ', '.02.', '/13/', ' '),
      fc.integer({ min: 990, max: 2100 }),
    )
    .map(([prefix, a, separator, b, month, year]) => `${prefix}${a}${separator}${b}${month}${year}`),
  fc
    .tuple(fc.integer({ min: 990, max: 2100 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom(
    'earlier this month',
    'last week',
    'earlier this year',
    'earlier this week',
    'recently',
    'in April',
    'for January',
    'late last year',
    'yesterday',
    'December–February 2002',
  ),
  fc.string({ maxLength: 30 }),
);

describe('properties', () => {
  it('gives earliest ≤ latest, both real days, for every input it accepts', () => {
    fc.assert(
      fc.property(anyInput, fc.integer({ min: FIRST, max: LAST }), (input, reference) => {
        let date: EventDate;
        try {
          date = parseEventDate(input, { reference: isoOfDay(reference) });
        } catch (error) {
          expect(error).toBeInstanceOf(DateInputError);
          return;
        }
        expect(date.earliest <= date.latest).toBe(true);
        expect(isoOfDay(dayNumber(date.earliest))).toBe(date.earliest);
        expect(isoOfDay(dayNumber(date.latest))).toBe(date.latest);
        if (date.precision === 'day') expect(date.latest).toBe(date.earliest);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back what it writes: precision, edges and approximation survive format → parse', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(fields(parseEventDate(formatEventDate(date)))).toEqual(fields(date));
      }),
      { numRuns: 1000 },
    );
  });

  it('brackets every possible day difference with daysBetween', () => {
    fc.assert(
      fc.property(anyDate, anyDate, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (from, to, p, q) => {
        const { min, max } = daysBetween(from, to);
        expect(min).toBeGreaterThanOrEqual(0);
        expect(min).toBeLessThanOrEqual(max);
        const [f0, f1, t0, t1] = [dayNumber(from.earliest), dayNumber(from.latest), dayNumber(to.earliest), dayNumber(to.latest)];
        const x = f0 + Math.floor(p * (f1 - f0));
        const y = t0 + Math.floor(q * (t1 - t0));
        // Orders the spans allow the other way round are not counted, unless `to` lies wholly before `from`.
        if (t1 < f0) expect(x - y).toBeGreaterThanOrEqual(min);
        if (t1 < f0) expect(x - y).toBeLessThanOrEqual(max);
        if (y >= x) expect(y - x).toBeGreaterThanOrEqual(min);
        if (y >= x) expect(y - x).toBeLessThanOrEqual(max);
        // The edges are reached.
        if (t1 >= f0) expect(max).toBe(t1 - f0);
      }),
      { numRuns: 1000 },
    );
  });

  it('orders dates consistently', () => {
    fc.assert(
      fc.property(anyDate, anyDate, anyDate, (a, b, c) => {
        expect(Math.sign(compareEventDates(a, b))).toBe(-Math.sign(compareEventDates(b, a)) || 0);
        expect(compareEventDates(a, a)).toBe(0);
        if (compareEventDates(a, b) <= 0 && compareEventDates(b, c) <= 0) expect(compareEventDates(a, c)).toBeLessThanOrEqual(0);
        if (compareEventDates(a, b) < 0) expect(a.earliest <= b.earliest).toBe(true);
        expect(compareEventDates(a, b) === 0).toBe(JSON.stringify(fields(a)) === JSON.stringify(fields(b)));
      }),
      { numRuns: 1000 },
    );
  });

  it('says two dates overlap exactly when some day lies in both', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const shared = Math.min(dayNumber(a.latest), dayNumber(b.latest)) - Math.max(dayNumber(a.earliest), dayNumber(b.earliest));
        expect(overlaps(a, b)).toBe(shared >= 0);
        expect(overlaps(a, b)).toBe(overlaps(b, a));
      }),
      { numRuns: 500 },
    );
  });
});
