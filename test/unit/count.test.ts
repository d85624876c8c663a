import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CountInputError, addCounts, count, countRange, formatCount, parseCount, type Count, type CountParts } from '../../src/domain/count.ts';

/** The figures of a count, without the words. */
const figures = (c: Count): [string, number | null, number | null, number | undefined] => [c.precision, c.low, c.high, c.value];

function expectCountError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(CountInputError);
  for (const fragment of fragments) expect((caught as Error).message).toContain(fragment);
}

describe('parseCount: figures', () => {
  it.each([
    ['25', 25],
    ['1,400', 1400],
    ['1 400', 1400],
    ['1\u00a0400', 1400],
    ['1400', 1400],
    ['0', 0],
    ['300,000', 300_000],
    ['1,234,567', 1_234_567],
  ])('reads %j as exactly %d, with no words to keep', (input, n) => {
    const c = parseCount(input);
    expect(figures(c)).toEqual(['exact', n, n, undefined]);
    expect(c.text).toBeUndefined();
  });

  it('reads the model case "exactly 25" and keeps the words', () => {
    expect(parseCount('exactly 25')).toEqual({ precision: 'exact', low: 25, high: 25, text: 'exactly 25' });
  });

  it.each([
    ['twenty-five', 25],
    ['twenty five', 25],
    ['two hundred', 200],
    ['two hundred and fifty', 250],
    ['a hundred', 100],
    ['one thousand two hundred', 1200],
    ['three thousand', 3000],
    ['seventeen', 17],
    ['2 million', 2_000_000],
    ['1.5 million', 1_500_000],
    ['25 people', 25],
    ['twenty-five North Korean refugees', 25],
  ])('reads %j as exactly %d, keeping the words', (input, n) => {
    const c = parseCount(input);
    expect(figures(c)).toEqual(['exact', n, n, undefined]);
    expect(c.text).toBe(input);
  });
});

describe('parseCount: at least, at most, ranges', () => {
  it.each([
    ['at least 1,400', 'at-least', 1400, null],
    ['At least 1,400 people', 'at-least', 1400, null],
    ['more than 300', 'at-least', 301, null],
    ['over 300', 'at-least', 301, null],
    ['no fewer than 300', 'at-least', 300, null],
    ['1,400+', 'at-least', 1400, null],
    ['50 or more', 'at-least', 50, null],
    ['more than a dozen', 'at-least', 13, null],
    ['up to 900', 'at-most', null, 900],
    ['as many as 900', 'at-most', null, 900],
    ['no more than 900', 'at-most', null, 900],
    ['at most 900', 'at-most', null, 900],
    ['fewer than 50', 'at-most', null, 49],
    ['less than 50', 'at-most', null, 49],
    ['under 50', 'at-most', null, 49],
    ['50 or fewer', 'at-most', null, 50],
    ['10-20', 'range', 10, 20],
    ['10–20', 'range', 10, 20],
    ['10 - 20', 'range', 10, 20],
    ['10 to 20', 'range', 10, 20],
    ['between 10 and 20', 'range', 10, 20],
    ['between ten and twenty', 'range', 10, 20],
    ['from 10 to 20', 'range', 10, 20],
    ['10,000–20,000', 'range', 10_000, 20_000],
  ])('reads %j', (input, precision, low, high) => {
    expect(figures(parseCount(input))).toEqual([precision, low, high, undefined]);
  });

  it('reads the model case "up to 900" as at most 900', () => {
    expect(parseCount('up to 900')).toEqual({ precision: 'at-most', low: null, high: 900, text: 'up to 900' });
  });

  it('reads a range of one number as that number', () => {
    expect(figures(parseCount('20-20'))).toEqual(['exact', 20, 20, undefined]);
  });
});

describe('parseCount: approximate counts and vague words', () => {
  it.each([
    ['about 50', 50],
    ['around 50', 50],
    ['some 50', 50],
    ['approximately 50', 50],
    ['roughly 50', 50],
    ['an estimated 50', 50],
    ['~50', 50],
    ['~ 50', 50],
    ['c. 50', 50],
    ['circa 50', 50],
    ['50 or so', 50],
    ['about a dozen', 12],
    ['a dozen', 12],
    ['about twenty', 20],
  ])('reads %j as about %d', (input, value) => {
    expect(figures(parseCount(input))).toEqual(['approximate', null, null, value]);
  });

  it.each([
    ['a couple of', 2, 3],
    ['a few', 2, 5],
    ['a handful', 2, 9],
    ['several', 3, 9],
    ['dozens', 12, 99],
    ['hundreds', 100, 999],
    ['thousands', 1_000, 9_999],
    ['tens of thousands', 10_000, 99_999],
    ['hundreds of thousands', 100_000, 999_999],
    ['millions', 1_000_000, 9_999_999],
    ['several hundred', 200, 999],
    ['a few thousand', 2_000, 9_999],
    ['several dozen', 24, 119],
    ['dozens of people', 12, 99],
    ['about 40–60', 40, 60],
  ])('reads %j as the band %d–%d', (input, low, high) => {
    const c = parseCount(input);
    expect(figures(c)).toEqual(['approximate', low, high, undefined]);
    expect(c.text).toBe(input);
  });

  it('reads the model case "tens of thousands" and keeps the words', () => {
    const c = parseCount('Tens of thousands');
    expect(c).toEqual({ precision: 'approximate', low: 10_000, high: 99_999, text: 'Tens of thousands' });
    expect(formatCount(c)).toBe('Tens of thousands');
  });

  it.each(['"some" women', 'some women', 'some', 'many', 'numerous detainees', 'an unknown number of people', 'a number of refugees', 'countless'])(
    'reads %j as approximate with no band, keeping the words',
    (input) => {
      const c = parseCount(input);
      expect(figures(c)).toEqual(['approximate', null, null, undefined]);
      expect(c.text).toBe(input);
      expect(formatCount(c)).toBe(input);
    },
  );

  it('reads a central figure with its band', () => {
    expect(figures(parseCount('about 50 (40–60)'))).toEqual(['approximate', 40, 60, 50]);
    expect(figures(parseCount('about 40 or more'))).toEqual(['approximate', 40, null, undefined]);
    expect(figures(parseCount('about 60 or fewer'))).toEqual(['approximate', null, 60, undefined]);
  });
});

describe('parseCount: errors', () => {
  it.each([
    ['-5', 'negative'],
    ['−5', 'negative'],
    ['between -5 and 10', 'negative'],
    ['abc', 'not a figure'],
    ['people', 'not a figure'],
    ['about', 'not a figure'],
    ['20-10', 'the low figure 20 is above the high figure 10'],
    ['between 20 and 10', 'above'],
    ['2.5', 'whole number'],
    ['1.400', 'whole number'],
    ['25 or 30', 'not a figure'],
    ['25 at least', 'not a figure'],
    ['fewer than 0', 'leaves no count'],
    ['10-', 'not a figure'],
  ])('refuses %j, naming the problem', (input, problem) => {
    expectCountError(() => parseCount(input), `"${input}"`, problem);
  });

  it.each(['', '  '])('refuses the empty input %j', (input) => {
    expectCountError(() => parseCount(input), 'empty');
  });
});

describe('count', () => {
  it('takes figures from a form as numbers or as text', () => {
    expect(count({ precision: 'exact', low: '1,400' })).toEqual({ precision: 'exact', low: 1400, high: 1400 });
    expect(count({ precision: 'exact', value: 25, low: 25, high: '' })).toEqual({ precision: 'exact', low: 25, high: 25 });
    expect(count({ precision: 'at-least', low: 1400, high: null })).toEqual({ precision: 'at-least', low: 1400, high: null });
    expect(count({ precision: 'at-most', high: '900' })).toEqual({ precision: 'at-most', low: null, high: 900 });
    expect(count({ precision: 'range', low: 10, high: 20 })).toEqual({ precision: 'range', low: 10, high: 20 });
    expect(count({ precision: 'range', low: 10, high: 10 })).toEqual({ precision: 'exact', low: 10, high: 10 });
    expect(count({ precision: 'approximate', value: 50 })).toEqual({ precision: 'approximate', low: null, high: null, value: 50 });
    expect(count({ precision: 'approximate', low: 10_000, high: 99_999, text: ' tens of thousands ' })).toEqual({
      precision: 'approximate',
      low: 10_000,
      high: 99_999,
      text: 'tens of thousands',
    });
  });

  it.each<[CountParts, string]>([
    [{ precision: 'exact' }, 'needs its number'],
    [{ precision: 'exact', low: 3, high: 4 }, 'one number'],
    [{ precision: 'at-least' }, 'low figure'],
    [{ precision: 'at-least', low: 5, high: 9 }, 'no high figure'],
    [{ precision: 'at-most', low: 1, high: 9 }, 'no low figure'],
    [{ precision: 'range', low: 5 }, 'both'],
    [{ precision: 'range', low: 20, high: 10 }, 'above'],
    [{ precision: 'approximate', low: 10, high: 20, value: 30 }, 'outside'],
    [{ precision: 'exact', low: -1 }, 'negative'],
    [{ precision: 'exact', low: 2.5 }, 'whole number'],
    [{ precision: 'exact', low: 'many' }, '"many"'],
    [{ precision: 'exact', low: '-3' }, 'negative'],
    [{ precision: 'lots' as 'exact', low: 3 }, '"lots"'],
  ])('refuses %j', (parts, problem) => {
    expectCountError(() => count(parts), problem);
  });
});

describe('formatCount', () => {
  it.each<[CountParts, string]>([
    [{ precision: 'exact', low: 25 }, '25'],
    [{ precision: 'exact', low: 1400 }, '1,400'],
    [{ precision: 'at-least', low: 1400 }, 'at least 1,400'],
    [{ precision: 'at-most', high: 900 }, 'up to 900'],
    [{ precision: 'range', low: 10, high: 20 }, '10–20'],
    [{ precision: 'approximate', value: 50 }, 'about 50'],
    [{ precision: 'approximate', value: 50, low: 40, high: 60 }, 'about 50 (40–60)'],
    [{ precision: 'approximate', low: 10_000, high: 99_999 }, 'about 10,000–99,999'],
    [{ precision: 'approximate', low: 40 }, 'about 40 or more'],
    [{ precision: 'approximate' }, 'an unknown number'],
    [{ precision: 'approximate', low: 10_000, high: 99_999, text: 'tens of thousands' }, 'tens of thousands'],
  ])('writes %j as %j', (parts, expected) => {
    expect(formatCount(count(parts))).toBe(expected);
  });

  it('keeps the words as they were reported', () => {
    expect(formatCount(parseCount('more than 300'))).toBe('more than 300');
    expect(formatCount(parseCount('~50'))).toBe('about 50');
  });
});

describe('countRange', () => {
  it.each<[string, number, number | null]>([
    ['25', 25, 25],
    ['at least 1,400', 1400, null],
    ['up to 900', 0, 900],
    ['10–20', 10, 20],
    ['tens of thousands', 10_000, 99_999],
    ['about 50', 0, null],
    ['some women', 0, null],
  ])('allows %j to be %d to %s', (input, low, high) => {
    expect(countRange(parseCount(input))).toEqual({ low, high });
  });
});

describe('addCounts', () => {
  const add = (a: string, b: string): Count => addCounts(parseCount(a), parseCount(b));

  it.each([
    ['25', '13', 'exact', 38, 38, undefined],
    ['25', 'at least 1,400', 'at-least', 1425, null, undefined],
    ['up to 900', 'at least 1,400', 'at-least', 1400, null, undefined],
    ['up to 900', 'up to 500', 'at-most', null, 1400, undefined],
    ['up to 900', '25', 'at-most', null, 925, undefined],
    ['10–20', '5', 'range', 15, 25, undefined],
    ['10–20', '30–40', 'range', 40, 60, undefined],
    ['about 50', '25', 'approximate', 25, null, 75],
    ['about 50', 'about 30', 'approximate', null, null, 80],
    ['tens of thousands', '25', 'approximate', 10_025, 100_024, undefined],
    ['some', 'up to 900', 'approximate', null, null, undefined],
  ])('adds %j and %j', (a, b, precision, low, high, value) => {
    const total = add(a, b);
    expect(figures(total)).toEqual([precision, low, high ?? null, value]);
    expect(total.text).toBeUndefined();
  });
});

// ---------------------------------------------------------------- properties

const figure = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000_000 }));

/** Any count a form can give, without words. */
const anyCount: fc.Arbitrary<Count> = fc.oneof(
  figure.map((n) => count({ precision: 'exact', low: n })),
  figure.map((n) => count({ precision: 'at-least', low: n })),
  figure.map((n) => count({ precision: 'at-most', high: n })),
  fc.tuple(figure, figure).map(([a, b]) => count({ precision: 'range', low: Math.min(a, b), high: Math.max(a, b) })),
  fc
    .record({ a: figure, b: figure, c: figure, hasLow: fc.boolean(), hasHigh: fc.boolean(), hasValue: fc.boolean() })
    .map(({ a, b, c, hasLow, hasHigh, hasValue }) => {
      const [low, value, high] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return count({ precision: 'approximate', low: hasLow ? low : null, high: hasHigh ? high : null, value: hasValue ? value : null });
    }),
);

/** Counts read from words, bands and all. */
const wordedCount: fc.Arbitrary<Count> = fc
  .constantFrom('tens of thousands', 'a few', 'several hundred', 'some women', 'about 50', 'a dozen', 'dozens', 'more than 300', 'fewer than 50', 'up to 900')
  .map(parseCount);

/** A number the count allows; an open upper end is drawn up to a million above the low edge. */
const drawFrom = (c: Count, p: number): number => {
  const { low, high } = countRange(c);
  return low + Math.floor(p * ((high ?? low + 1_000_000) - low));
};

describe('properties', () => {
  it('reads back what it writes: precision and figures survive format → parse', () => {
    fc.assert(
      fc.property(anyCount, (c) => {
        expect(figures(parseCount(formatCount(c)))).toEqual(figures(c));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back counts that came from words', () => {
    fc.assert(
      fc.property(wordedCount, (c) => {
        expect(parseCount(formatCount(c))).toEqual(c);
      }),
    );
  });

  it('gives low ≤ high for every count it accepts', () => {
    const words = fc.constantFrom('', 'about ', 'at least ', 'up to ', 'more than ', 'fewer than ', 'between ', '~', 'some ', 'exactly ');
    const input = fc.oneof(
      fc.tuple(words, figure, fc.constantFrom('', '-', ' and ', ' to ', '+', ' or more', ' people'), fc.option(figure)).map(
        ([prefix, a, join, b]) => `${prefix}${a}${join}${b ?? ''}`,
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(input, (text) => {
        let c: Count;
        try {
          c = parseCount(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CountInputError);
          return;
        }
        const { low, high } = countRange(c);
        expect(low).toBeGreaterThanOrEqual(0);
        if (high !== null) expect(low).toBeLessThanOrEqual(high);
      }),
      { numRuns: 2000 },
    );
  });

  it('adds counts so that every sum of allowed numbers is allowed by the total', () => {
    const either = fc.oneof(anyCount, wordedCount);
    fc.assert(
      fc.property(either, either, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, p, q) => {
        const total = countRange(addCounts(a, b));
        const sum = drawFrom(a, p) + drawFrom(b, q);
        expect(total.low).toBeLessThanOrEqual(sum);
        if (total.high !== null) expect(sum).toBeLessThanOrEqual(total.high);
      }),
      { numRuns: 2000 },
    );
  });

  it('never makes a total more precise than its parts', () => {
    const either = fc.oneof(anyCount, wordedCount);
    fc.assert(
      fc.property(either, either, (a, b) => {
        const total = addCounts(a, b);
        const kinds = [a.precision, b.precision];
        if (kinds.includes('approximate')) expect(total.precision).toBe('approximate');
        else if (kinds.includes('at-least')) expect(total.precision).toBe('at-least');
        else if (kinds.includes('at-most')) expect(total.precision).toBe('at-most');
        else if (kinds.includes('range')) expect(total.precision).toBe('range');
        else expect(total.precision).toBe('exact');
        // A total is a valid count in its own right.
        expect(count(total)).toEqual(total);
        expect(addCounts(b, a)).toEqual(total);
      }),
      { numRuns: 1000 },
    );
  });
});
