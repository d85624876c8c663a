import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isoDate, readWithChrono, readWrittenDate } from '../../src/domain/written-date.ts';

describe('readWrittenDate', () => {
  it.each([
    ['27 March 2002'],
    ['March 27, 2002'],
    ['27/03/2002'],
    ['2002-03-27'],
    ['27.03.2002'],
    ['Wednesday, 27 March 2002'],
    ['27 March 02'],
  ])('reads %j', (text) => {
    expect(readWrittenDate(text)).toBe('2002-03-27');
  });

  it('reads numeric dates day first', () => {
    expect(readWrittenDate('12/03/2002')).toBe('2002-03-12');
    expect(readWrittenDate('01/02/2000')).toBe('2000-02-01');
  });

  it('reads a French date in a French document', () => {
    expect(readWrittenDate('27 mars 2002', 'fr')).toBe('2002-03-27');
    expect(readWrittenDate('le 1er mars 2002', 'fr')).toBe('2002-03-01');
  });

  it('falls back to English dates in a document of another language', () => {
    expect(readWrittenDate('27 March 2002', 'fr')).toBe('2002-03-27');
  });

  it('finds the date inside a header line', () => {
    expect(readWrittenDate('27 March 2002 Al Index - News Service Nr. 56')).toBe('2002-03-27');
  });

  it('gives null for a day that does not exist', () => {
    expect(readWrittenDate('31/02/2002')).toBeNull();
    expect(readWrittenDate('29 February 2001')).toBeNull();
    expect(readWrittenDate('29 February 2004')).toBe('2004-02-29');
  });

  it.each(['March 2002', '27 March', '2002', 'in April', 'Tuesday', 'hello', ''])('gives null for the partial or missing date %j', (text) => {
    expect(readWrittenDate(text)).toBeNull();
  });

  it.each(['today', 'yesterday', 'tomorrow', '3 days ago', 'two weeks ago', 'last week', 'now'])(
    'gives null for the relative expression %j, which names no calendar day',
    (text) => {
      expect(readWrittenDate(text)).toBeNull();
    },
  );

  it('gives null for relative French expressions', () => {
    expect(readWrittenDate("aujourd'hui", 'fr')).toBeNull();
    expect(readWrittenDate('hier', 'fr')).toBeNull();
  });

  it('skips a relative expression to find a written date after it', () => {
    expect(readWrittenDate('Call today. Issued 27 March 2002.')).toBe('2002-03-27');
  });

  it('accepts an unknown language code and reads English', () => {
    expect(readWrittenDate('27 March 2002', 'und')).toBe('2002-03-27');
  });
});

describe('isoDate', () => {
  it('formats a real day and refuses an impossible one', () => {
    expect(isoDate(2002, 3, 27)).toBe('2002-03-27');
    expect(isoDate(2002, 2, 31)).toBeNull();
    expect(isoDate(2002, 13, 1)).toBeNull();
    expect(isoDate(2002, 0, 1)).toBeNull();
  });

  it('reads back every written day of the long form', () => {
    const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(
      fc.property(fc.integer({ min: 1961, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const expected = isoDate(year, month, day);
        expect(readWrittenDate(`${day} ${MONTHS[month - 1]!} ${year}`)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the quick reading of an opening date', () => {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'nl', 'it'];
  // What may follow a date on a header line, and what makes the quick path leave the text to chrono.
  const ENDINGS = ['', ' AI Index ASA 17/013/2002 - News Service Nr. 56', ' 10:00', ' - 28 March 2002', '\n12 May 1999', ' et le 3 mai 2001'];
  const DECLINED = ['.', 'T09:00', '/x', '-1'];

  it('reads the date a text opens with as written, and leaves anything else to chrono', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1950, max: 2030 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...ENDINGS, ...DECLINED), fc.constantFrom(...LANGUAGES),
        (year, month, day, form, ending, language) => {
          const name = MONTHS[(month - 1) % 12]!;
          const date = [`${day}/${pad(month)}/${year}`, `${year}-${pad(month)}-${pad(day)}`, `${pad(day)}/${month}/${year}`, `${day} ${name} ${year}`, `${name} ${day}, ${year}`][form]!;
          const text = ` ${date}${ending}`;
          const named = form >= 3;
          const written = isoDate(year, named ? (month - 1) % 12 + 1 : month, day);
          const quick = written !== null && !DECLINED.includes(ending) && (!named || language === 'en');
          expect(readWrittenDate(text, language)).toBe(quick ? written : readWithChrono(text, language));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('agrees with chrono on the header lines it reads quickly', () => {
    for (const line of ['27 March 2002 Al Index ASA 17/013/2002 - News Service Nr. 56', 'March 27, 2002', '27/03/2002', '2002-03-27 10:00']) {
      expect(readWrittenDate(line)).toBe('2002-03-27');
      expect(readWithChrono(line)).toBe('2002-03-27');
    }
  });
});
