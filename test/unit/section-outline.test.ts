import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyOf, outlineOf, sectionsOf } from '../../src/documents/section-outline.ts';

const section = fc.record({
  heading: fc.oneof(fc.constant(null), fc.constant(''), fc.string({ maxLength: 20 }), fc.constantFrom('Background', 'Recommendations', 'Arrière-plan')),
  text: fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', 'One.\n\nTwo.', '\n', 'Naïve 😀 text')),
});

describe('sections stored as an outline over the body', () => {
  it('gives back every section, heading and text, from the body and the outline', () => {
    fc.assert(fc.property(fc.array(section, { maxLength: 6 }), (sections) => {
      expect(sectionsOf(bodyOf(sections), outlineOf(sections))).toEqual(sections);
    }), { numRuns: 2000 });
  });

  it('reads the model layout: the body first, then a headed section', () => {
    const sections = [{ heading: null, text: 'Amnesty International expressed concern today.' }, { heading: 'Background', text: 'Thousands have crossed.' }];
    expect(bodyOf(sections)).toBe('Amnesty International expressed concern today.\n\nBackground\nThousands have crossed.');
    expect(outlineOf(sections)).toEqual([[null, 46], ['Background', 23]]);
  });

  it('shows the whole body as one section when the outline does not fit it, never a wrong cut', () => {
    const body = 'First part.\n\nBackground\nSecond part.';
    expect(sectionsOf(body, [[null, 11], ['Context', 12]])).toEqual([{ heading: null, text: body }]);
    expect(sectionsOf(body, [[null, 5]])).toEqual([{ heading: null, text: body }]);
    expect(sectionsOf(body, [[null, 11], ['Background', 40]])).toEqual([{ heading: null, text: body }]);
  });
});
