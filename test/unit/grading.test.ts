import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIBILITY_GRADES,
  GradeInputError,
  RELIABILITY_GRADES,
  bestCredibility,
  bestReliability,
  credibilityLabel,
  isCredibility,
  isReliability,
  parseCredibility,
  parseReliability,
  reliabilityLabel,
  type Credibility,
  type Reliability,
} from '../../src/domain/grading.ts';

const RELIABILITIES: Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const CREDIBILITIES: Credibility[] = [1, 2, 3, 4, 5, 6];

describe('the two scales', () => {
  it('has six reliability grades A–F, best first, with the Admiralty labels', () => {
    expect(RELIABILITY_GRADES.map((entry) => entry.grade)).toEqual(RELIABILITIES);
    expect(reliabilityLabel('A')).toBe('Completely reliable');
    expect(reliabilityLabel('E')).toBe('Unreliable');
    expect(reliabilityLabel('F')).toBe('Reliability cannot be judged');
  });

  it('has six credibility grades 1–6, best first, with the Admiralty labels', () => {
    expect(CREDIBILITY_GRADES.map((entry) => entry.grade)).toEqual(CREDIBILITIES);
    expect(credibilityLabel(1)).toBe('Confirmed by other sources');
    expect(credibilityLabel(5)).toBe('Improbable');
    expect(credibilityLabel(6)).toBe('Truth cannot be judged');
  });

  it('tells stored grades from anything else', () => {
    expect(RELIABILITIES.every(isReliability)).toBe(true);
    expect(CREDIBILITIES.every(isCredibility)).toBe(true);
    for (const value of ['a', 'G', '', 1, null, undefined]) expect(isReliability(value)).toBe(false);
    for (const value of ['1', 0, 7, 2.5, Number.NaN, null, 'A']) expect(isCredibility(value)).toBe(false);
  });

  it('keeps the scales from being changed at run time', () => {
    expect(Object.isFrozen(RELIABILITY_GRADES)).toBe(true);
    expect(Object.isFrozen(CREDIBILITY_GRADES)).toBe(true);
  });
});

describe('parseReliability', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    [' f ', 'F'],
    ['Usually reliable', 'B'],
    ['not usually  reliable', 'D'],
    ['RELIABILITY CANNOT BE JUDGED', 'F'],
  ])('reads %j as %s', (text, grade) => {
    expect(parseReliability(text)).toBe(grade);
  });

  it.each(['G', '', 'AB', '1', 'A+', 'reliable', 'A2'])('refuses %j with a clear message', (text) => {
    expect(() => parseReliability(text)).toThrow(GradeInputError);
    expect(() => parseReliability(text)).toThrow(/Source reliability must be a letter from A .* F \(cannot be judged\)/);
  });

  it('keeps the input on the error', () => {
    try {
      parseReliability('Z');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GradeInputError);
      expect((error as GradeInputError).value).toBe('Z');
      expect((error as GradeInputError).message).toContain('"Z"');
    }
  });
});

describe('parseCredibility', () => {
  it.each([
    ['1', 1],
    [' 6 ', 6],
    [3, 3],
    ['Probably true', 2],
    ['improbable', 5],
    ['truth cannot be judged', 6],
  ] as const)('reads %j as %s', (value, grade) => {
    expect(parseCredibility(value)).toBe(grade);
  });

  it.each(['0', '7', '', 'A', '2.5', '-1', 'two', '1e0'])('refuses %j with a clear message', (text) => {
    expect(() => parseCredibility(text)).toThrow(GradeInputError);
    expect(() => parseCredibility(text)).toThrow(/Information credibility must be a whole number from 1 .* 6 \(cannot be judged\)/);
  });

  it.each([0, 7, 2.5, Number.NaN, -3])('refuses the number %s', (value) => {
    expect(() => parseCredibility(value)).toThrow(GradeInputError);
  });
});

describe('best grades', () => {
  it('takes the best judged reliability', () => {
    expect(bestReliability(['C', 'A', 'E'])).toBe('A');
    expect(bestReliability(['E', 'D'])).toBe('D');
  });

  it('passes over F ("cannot be judged") while anything else is graded', () => {
    expect(bestReliability(['F', 'E'])).toBe('E');
    expect(bestReliability(['F', 'F'])).toBe('F');
  });

  it('skips missing grades, and gives null when there is no grade at all', () => {
    expect(bestReliability([null, 'B', undefined])).toBe('B');
    expect(bestReliability([null, null])).toBeNull();
    expect(bestReliability([])).toBeNull();
    expect(bestReliability([null, 'F'])).toBe('F');
  });

  it('treats credibility the same way, with 6 standing apart', () => {
    expect(bestCredibility([3, 2, 5])).toBe(2);
    expect(bestCredibility([6, 5])).toBe(5);
    expect(bestCredibility([6, null])).toBe(6);
    expect(bestCredibility([null])).toBeNull();
    expect(bestCredibility(['4', 3])).toBe(3);
  });

  it('refuses an unreadable grade rather than skipping it', () => {
    expect(() => bestReliability(['A', 'X'])).toThrow(GradeInputError);
    expect(() => bestCredibility([1, 9])).toThrow(GradeInputError);
  });

  it('accepts any iterable', () => {
    expect(bestReliability(new Set(['C', 'B']))).toBe('B');
  });
});

describe('best grades: properties', () => {
  const reliabilities = fc.array(fc.option(fc.constantFrom(...RELIABILITIES), { nil: null }), { maxLength: 12 });
  const credibilities = fc.array(fc.option(fc.constantFrom(...CREDIBILITIES), { nil: null }), { maxLength: 12 });

  it('returns one of the grades given, no worse than any judged one, and ignores order', () => {
    fc.assert(
      fc.property(reliabilities, (grades) => {
        const found = bestReliability(grades);
        const given = grades.filter((grade): grade is Reliability => grade !== null);
        if (given.length === 0) {
          expect(found).toBeNull();
          return;
        }
        expect(given).toContain(found);
        const judged = given.filter((grade) => grade !== 'F');
        if (judged.length > 0) {
          expect(found).not.toBe('F');
          for (const grade of judged) expect(found! <= grade).toBe(true);
        }
        expect(bestReliability([...grades].reverse())).toBe(found);
      }),
      { numRuns: 300 },
    );
  });

  it('never gets worse when a judged credibility is added', () => {
    fc.assert(
      fc.property(credibilities, fc.constantFrom<Credibility>(1, 2, 3, 4, 5), (grades, added) => {
        const before = bestCredibility(grades);
        const after = bestCredibility([...grades, added]);
        expect(after).not.toBeNull();
        expect(after).not.toBe(6);
        if (before !== null && before !== 6) expect(after!).toBeLessThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
