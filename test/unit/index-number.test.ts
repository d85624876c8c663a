import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countriesOfIndexNumber,
  describeIndexNumber,
  findIndexNumbers,
  formatIndexNumber,
  indexNumberSlug,
  parseIndexNumber,
  sameIndexNumber,
  type IndexNumber,
} from '../../src/domain/index-number.ts';
import { knownCountryNumbers, regionOfPrefix, seriesOfPrefix } from '../../src/domain/index-prefixes.ts';

/** The four numbered parts of an index number, without how it was printed. */
const partsOf = (index: IndexNumber | null): IndexNumber | null =>
  index && { prefix: index.prefix, countryNumber: index.countryNumber, sequence: index.sequence, year: index.year };

const ASA_17_013_2002: IndexNumber = { prefix: 'ASA', countryNumber: 17, sequence: 13, year: 2002 };
const ASA_17_062_2002: IndexNumber = { prefix: 'ASA', countryNumber: 17, sequence: 62, year: 2002 };

describe('parseIndexNumber: the three eras', () => {
  it('reads a first-era number with a two-digit sequence and year', () => {
    expect(parseIndexNumber('ASA 17/09/90')).toEqual({ prefix: 'ASA', countryNumber: 17, sequence: 9, year: 1990 });
  });

  it('reads a two-digit year 00 as 2000 and 95 as 1995', () => {
    expect(parseIndexNumber('ASA 24/01/00')).toEqual({ prefix: 'ASA', countryNumber: 24, sequence: 1, year: 2000 });
    expect(parseIndexNumber('ASA 24/12/95')).toEqual({ prefix: 'ASA', countryNumber: 24, sequence: 12, year: 1995 });
  });

  it('reads a second-era number with a three-digit sequence', () => {
    expect(parseIndexNumber('ASA 17/013/2002')).toEqual(ASA_17_013_2002);
  });

  it('reads a third-era number with a four-digit sequence', () => {
    expect(parseIndexNumber('AMR 37/6674/2017')).toEqual({ prefix: 'AMR', countryNumber: 37, sequence: 6674, year: 2017, wide: true });
    expect(parseIndexNumber('ASA 24/0362/2019')).toEqual({ prefix: 'ASA', countryNumber: 24, sequence: 362, year: 2019, wide: true });
  });

  it('reads the non-regional series', () => {
    expect(parseIndexNumber('ACT 50/001/2012')).toEqual({ prefix: 'ACT', countryNumber: 50, sequence: 1, year: 2012 });
    expect(partsOf(parseIndexNumber('ORG 10/6718/2023'))).toEqual({ prefix: 'ORG', countryNumber: 10, sequence: 6718, year: 2023 });
  });
});

describe('parseIndexNumber: spellings', () => {
  it.each([
    ['asa170132002', ASA_17_013_2002],
    ['ASA170132002', ASA_17_013_2002],
    ['asa17/062/2002', ASA_17_062_2002],
    ['ASA17/062/2002', ASA_17_062_2002],
    ['asa-17-013-2002', ASA_17_013_2002],
    ['ASA 17 013 2002', ASA_17_013_2002],
    ['(ASA 17/013/2002)', ASA_17_013_2002],
    ['  ASA 17/013/2002  ', ASA_17_013_2002],
    ['ASA 17/013/02', ASA_17_013_2002],
    ['/documents/asa17/062/2002/en/', ASA_17_062_2002],
    ['documents/asa17/062/2002/en', ASA_17_062_2002],
    ['/documents/asa17/062/2002/fr/', ASA_17_062_2002],
  ])('reads %j', (text, expected) => {
    expect(parseIndexNumber(text)).toEqual(expected);
  });

  it('reads an archive rewrite of a first-era number (asa240121995 is ASA 24/12/95)', () => {
    expect(parseIndexNumber('asa240121995')).toEqual({ prefix: 'ASA', countryNumber: 24, sequence: 12, year: 1995 });
  });

  it('reads a whole web address of a document', () => {
    expect(parseIndexNumber('https://www.amnesty.org/en/documents/asa17/062/2002/en/')).toEqual(ASA_17_062_2002);
    expect(parseIndexNumber('www.amnesty.org/en/documents/asa17/062/2002/en')).toEqual(ASA_17_062_2002);
  });

  it.each([
    ['AI Index: ASA 24/01/00', { prefix: 'ASA', countryNumber: 24, sequence: 1, year: 2000 }],
    ['AI Index ASA 17/013/2002', ASA_17_013_2002],
    ['AI INDEX: ASA 17/013/2002', ASA_17_013_2002],
    ['AI Index No. ASA 17/013/2002', ASA_17_013_2002],
  ])('reads the labelled form %j', (text, expected) => {
    expect(parseIndexNumber(text)).toEqual(expected);
  });

  it.each(['Al Index ASA 17/013/2002', 'Al Index: ASA 17/013/2002', 'AI lndex ASA 17/013/2002', 'Al lndex: ASA 17/013/2002', 'A1 Index: ASA 17/013/2002'])(
    'reads the scanned label %j',
    (text) => {
      expect(parseIndexNumber(text)).toEqual(ASA_17_013_2002);
    },
  );

  it('normalises every spelling of one number to the same one', () => {
    const spellings = ['ASA 17/013/2002', 'asa170132002', 'asa-17-013-2002', 'Al Index ASA 17/013/2002', 'AI lndex: ASA 17/013/2002', 'ASA 17/13/02'];
    const normal = spellings.map((text) => {
      const index = parseIndexNumber(text);
      return index ? formatIndexNumber(index) : null;
    });
    expect(new Set(normal)).toEqual(new Set(['ASA 17/013/2002']));
  });
});

describe('parseIndexNumber: what is not an index number', () => {
  it.each([
    ['ASA 17/013', 'no year'],
    ['hello', 'no number at all'],
    ['', 'nothing'],
    ['ASA 17/000/2002', 'sequence zero'],
    ['ASA 17/001/1850', 'year before the scheme'],
    ['ASA 17/001/1960', 'year before the scheme'],
    ['ASA 17/001/2999', 'year in the future'],
    ['AS 17/013/2002', 'two-letter prefix'],
    ['ASAA 17/013/2002', 'four-letter prefix'],
    ['ASA 1/013/2002', 'one-digit country number'],
    ['ASA 17/013/20022', 'five-digit year'],
    ['ASA 17/12345/2002', 'five-digit sequence'],
    ['17/013/2002', 'no prefix'],
    ['ASA 17/013/2002 and more', 'trailing words'],
  ])('rejects %j (%s)', (text) => {
    expect(parseIndexNumber(text)).toBeNull();
  });

  it('stays fast on long runs of spaces', () => {
    const started = performance.now();
    expect(parseIndexNumber(`abc12${' '.repeat(50_000)}x`)).toBeNull();
    expect(parseIndexNumber(`ASA 17${' '.repeat(50_000)}013/2002x`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('formatIndexNumber and indexNumberSlug', () => {
  it('formats with a four-digit year, three sequence digits up to 2015 and four from 2016', () => {
    expect(formatIndexNumber({ prefix: 'ASA', countryNumber: 17, sequence: 9, year: 1990 })).toBe('ASA 17/009/1990');
    expect(formatIndexNumber(ASA_17_013_2002)).toBe('ASA 17/013/2002');
    expect(formatIndexNumber({ prefix: 'AMR', countryNumber: 37, sequence: 6674, year: 2017 })).toBe('AMR 37/6674/2017');
    expect(formatIndexNumber({ prefix: 'ORG', countryNumber: 5, sequence: 1, year: 2023 })).toBe('ORG 05/0001/2023');
  });

  it('keeps the printed width of a 2015 number, when both schemes were in use', () => {
    expect(formatIndexNumber(parseIndexNumber('ASA 17/012/2015')!)).toBe('ASA 17/012/2015');
    expect(formatIndexNumber(parseIndexNumber('ASA 17/0012/2015')!)).toBe('ASA 17/0012/2015');
  });

  it('gives the address form', () => {
    expect(indexNumberSlug(ASA_17_013_2002)).toBe('asa-17-013-2002');
    expect(indexNumberSlug({ prefix: 'AMR', countryNumber: 37, sequence: 6674, year: 2017 })).toBe('amr-37-6674-2017');
  });

  it('tells when two spellings name the same document', () => {
    expect(sameIndexNumber(parseIndexNumber('asa170132002')!, parseIndexNumber('AI Index: ASA 17/13/02')!)).toBe(true);
    expect(sameIndexNumber(ASA_17_013_2002, ASA_17_062_2002)).toBe(false);
  });
});

describe('what an index number says', () => {
  it('gives the region of a regional prefix', () => {
    expect(describeIndexNumber(ASA_17_013_2002)).toEqual({ ...ASA_17_013_2002, region: 'Asia and Pacific' });
    expect(describeIndexNumber(parseIndexNumber('AMR 37/6674/2017')!)).toEqual({ prefix: 'AMR', region: 'Americas', countryNumber: 37, sequence: 6674, year: 2017 });
    expect(regionOfPrefix('AFR')).toBe('Africa');
    expect(regionOfPrefix('AMR')).toBe('Americas');
    expect(regionOfPrefix('EUR')).toBe('Europe and Central Asia');
    expect(regionOfPrefix('MDE')).toBe('Middle East and North Africa');
  });

  it('gives no region for a non-regional series, but names the series', () => {
    expect(describeIndexNumber({ prefix: 'POL', countryNumber: 10, sequence: 1, year: 2005 }).region).toBeNull();
    expect(seriesOfPrefix('POL')).toBe('Policy');
    expect(seriesOfPrefix('ASA')).toBeNull();
  });

  it('gives the countries of known country numbers, and none for unknown ones', () => {
    expect(countriesOfIndexNumber(ASA_17_013_2002)).toEqual(['CN']);
    expect(countriesOfIndexNumber({ prefix: 'ASA', countryNumber: 24, sequence: 12, year: 1995 })).toEqual(['KP']);
    expect(countriesOfIndexNumber({ prefix: 'EUR', countryNumber: 45, sequence: 1, year: 2010 })).toEqual(['GB']);
    expect(countriesOfIndexNumber({ prefix: 'MDE', countryNumber: 15, sequence: 1, year: 2010 })).toEqual(['IL', 'PS']);
    expect(countriesOfIndexNumber({ prefix: 'ASA', countryNumber: 99, sequence: 1, year: 2010 })).toEqual([]);
    expect(countriesOfIndexNumber({ prefix: 'ACT', countryNumber: 50, sequence: 1, year: 2012 })).toEqual([]);
  });

  it('lists every known country number with at least one country', () => {
    const known = knownCountryNumbers();
    expect(known).toContainEqual({ prefix: 'ASA', countryNumber: 24, countries: ['KP'] });
    expect(known.every((entry) => entry.countries.length > 0 && entry.countries.every((code) => /^[A-Z]{2}$/.test(code)))).toBe(true);
  });
});

describe('findIndexNumbers', () => {
  it('finds a number wrapped across two lines in running text', () => {
    const text = 'The organisation raised this before\n(ASA\n11/012/2012) and has not had an answer.';
    const found = findIndexNumbers(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.index).toEqual({ prefix: 'ASA', countryNumber: 11, sequence: 12, year: 2012 });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('ASA\n11/012/2012');
    expect(found[0]!.labelled).toBe(false);
  });

  it('finds the number in a packed header line and marks it labelled', () => {
    const line = '27 March 2002 Al Index ASA 17/013/2002 - News Service Nr. 56';
    const found = findIndexNumbers(line);
    expect(found).toHaveLength(1);
    expect(found[0]!.index).toEqual(ASA_17_013_2002);
    expect(found[0]!.labelled).toBe(true);
    expect(line.slice(found[0]!.start, found[0]!.end)).toBe('ASA 17/013/2002');
  });

  it.each(['AI Index: ASA 24/01/00', 'Al Index ASA 24/01/00', 'AI lndex: ASA 24/01/00', 'AI Index No. ASA 24/01/00'])('marks %j as labelled', (text) => {
    const found = findIndexNumbers(`See ${text}.`);
    expect(found.map((m) => [formatIndexNumber(m.index), m.labelled])).toEqual([['ASA 24/001/2000', true]]);
  });

  it('finds several numbers in text order', () => {
    const text = 'Compare AI Index: ASA 24/01/00 with ASA 17/013/2002 and (AMR 37/6674/2017).';
    expect(findIndexNumbers(text).map((m) => formatIndexNumber(m.index))).toEqual(['ASA 24/001/2000', 'ASA 17/013/2002', 'AMR 37/6674/2017']);
  });

  it('ignores unlabelled numbers with an unknown prefix, dates and fractions', () => {
    expect(findIndexNumbers('Figures: XYZ 12/001/2002, 27/03/2002, 3/4 of them, ABC 12/3.')).toEqual([]);
  });

  it('accepts a labelled number with any prefix', () => {
    expect(findIndexNumbers('AI Index: XYZ 12/001/2002').map((m) => m.index.prefix)).toEqual(['XYZ']);
  });

  it('ignores implausible numbers', () => {
    expect(findIndexNumbers('ASA 17/000/2002 and ASA 17/001/1850')).toEqual([]);
  });

  it('does not take a longer digit run for a year', () => {
    expect(findIndexNumbers('ASA 17/013/20021')).toEqual([]);
  });
});

const PREFIXES = ['AFR', 'AMR', 'ASA', 'EUR', 'MDE', 'ACT', 'POL', 'IOR', 'ORG', 'NWS'];
const validIndex = fc.record({
  prefix: fc.oneof(fc.constantFrom(...PREFIXES), fc.stringMatching(/^[A-Z]{3}$/)),
  countryNumber: fc.integer({ min: 0, max: 99 }),
  sequence: fc.integer({ min: 1, max: 9999 }),
  year: fc.integer({ min: 1961, max: 2025 }),
  wide: fc.option(fc.constant(true), { nil: undefined }),
}, { requiredKeys: ['prefix', 'countryNumber', 'sequence', 'year'] });

describe('index numbers: properties', () => {
  it('parseIndexNumber(formatIndexNumber(x)) gives x back', () => {
    fc.assert(
      fc.property(validIndex, (index) => {
        const parsed = parseIndexNumber(formatIndexNumber(index));
        expect(partsOf(parsed)).toEqual(partsOf(index));
        expect(formatIndexNumber(parsed!)).toBe(formatIndexNumber(index));
      }),
      { numRuns: 500 },
    );
  });

  it('the address form and the compact archive form read back to the same number', () => {
    fc.assert(
      fc.property(validIndex, (index) => {
        expect(partsOf(parseIndexNumber(indexNumberSlug(index)))).toEqual(partsOf(index));
        const compact = formatIndexNumber(index).toLowerCase().replace(/[ /]/g, '');
        expect(partsOf(parseIndexNumber(compact))).toEqual(partsOf(index));
      }),
      { numRuns: 300 },
    );
  });

  it('findIndexNumbers finds a known-prefix number anywhere in running text', () => {
    fc.assert(
      fc.property(
        validIndex.filter((index) => PREFIXES.includes(index.prefix)),
        fc.constantFrom('', 'See ', 'issued as (', 'Ref.\n'),
        fc.constantFrom('', '.', ') today', ', then'),
        (index, before, after) => {
          const found = findIndexNumbers(`${before}${formatIndexNumber(index)}${after}`);
          expect(found.map((m) => partsOf(m.index))).toEqual([partsOf(index)]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('parseIndexNumber never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const index = parseIndexNumber(text);
        if (index) expect(partsOf(parseIndexNumber(formatIndexNumber(index)))).toEqual(partsOf(index));
      }),
      { numRuns: 300 },
    );
  });
});
