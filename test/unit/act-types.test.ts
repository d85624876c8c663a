import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ACT_TYPES,
  ACT_TYPES_VERSION,
  ActTypeInputError,
  actType,
  ancestorsOf,
  childrenOf,
  findActTypes,
  isActTypeCode,
  parseActTypes,
} from '../../src/domain/act-types.ts';

/** How the module compares names, restated so that the tests check uniqueness the same way. */
const normalise = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const codes = ACT_TYPES.map((term) => term.code);

describe('the act-type vocabulary', () => {
  it('has a version of the form YEAR.N', () => {
    expect(ACT_TYPES_VERSION).toMatch(/^\d{4}\.\d+$/);
  });

  it('gives every term a unique, stable-looking code', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*$/);
  });

  it('gives every child a parent that exists, and a code that extends the parent’s by one segment', () => {
    for (const term of ACT_TYPES) {
      if (term.parent === undefined) {
        expect(term.code).not.toContain('.');
        continue;
      }
      expect(isActTypeCode(term.parent)).toBe(true);
      expect(term.code.startsWith(`${term.parent}.`)).toBe(true);
      expect(term.code.slice(term.parent.length + 1)).not.toContain('.');
    }
  });

  it('has no cycles: every chain of parents ends at a top-level group', () => {
    for (const term of ACT_TYPES) {
      const seen = new Set([term.code]);
      let parent = term.parent;
      while (parent !== undefined) {
        expect(seen.has(parent)).toBe(false);
        seen.add(parent);
        parent = actType(parent)?.parent;
      }
    }
  });

  it('lists parents before their children', () => {
    for (const term of ACT_TYPES) {
      if (term.parent !== undefined) expect(codes.indexOf(term.parent)).toBeLessThan(codes.indexOf(term.code));
    }
  });

  it('describes every term in one sentence, with a label', () => {
    for (const term of ACT_TYPES) {
      expect(term.label.trim()).not.toBe('');
      expect(term.description).toMatch(/^[A-Z].*\.$/);
      expect(term.description.slice(0, -1)).not.toMatch(/\.\s/);
    }
  });

  it('lets no label or synonym name two terms', () => {
    const owner = new Map<string, string>();
    for (const term of ACT_TYPES) {
      for (const name of new Set([term.label, ...(term.synonyms ?? [])].map(normalise))) {
        expect(owner.get(name), `"${name}" names ${owner.get(name)} and ${term.code}`).toBeUndefined();
        owner.set(name, term.code);
      }
    }
  });

  it('gives HURIDOCS mappings as numeric codes of two-digit levels with a term', () => {
    const mapped = ACT_TYPES.filter((term) => term.huridocs);
    expect(mapped.length).toBeGreaterThan(10);
    for (const term of mapped) {
      expect(term.huridocs!.code).toMatch(/^(?:\d{2})+$/);
      expect(term.huridocs!.term.trim()).not.toBe('');
    }
    expect(actType('displacement.refoulement')?.huridocs).toEqual({ code: '380101', term: 'Refoulement' });
    expect(actType('liberty.mass-arrest')?.huridocs).toEqual({ code: '030107', term: 'Mass roundup' });
    expect(actType('exploitation.trafficking')?.huridocs).toBeUndefined();
    expect(actType('humanitarian.access-denied')?.huridocs).toBeUndefined();
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ACT_TYPES)).toBe(true);
    expect(ACT_TYPES.every((term) => Object.isFrozen(term))).toBe(true);
    expect(() => (ACT_TYPES as unknown as unknown[]).push({})).toThrow();
  });

  it.each([
    ['arbitrary arrest and detention', 'liberty'],
    ['mass arrest (round-up)', 'liberty'],
    ['enforced disappearance', 'liberty'],
    ['forcible return (refoulement)', 'displacement'],
    ['collective expulsion', 'displacement'],
    ['denial of access to asylum', 'displacement'],
    ['torture and other ill-treatment', 'violence'],
    ['unlawful killing', 'violence'],
    ['trafficking in persons', 'exploitation'],
    ['forced marriage', 'exploitation'],
    ['sexual violence', 'violence'],
    ['denial of humanitarian access', 'humanitarian'],
    ['persecution of human-rights defenders', 'freedoms'],
    ['restriction of freedom of religion', 'freedoms'],
    ['threats and harassment', 'violence'],
  ])('has the required term %j under %s', (label, group) => {
    const term = ACT_TYPES.find((candidate) => candidate.label.toLowerCase() === label);
    expect(term).toBeDefined();
    expect(ancestorsOf(term!.code)[0]?.code).toBe(group);
    expect(term!.retired).toBeUndefined();
  });
});

describe('looking terms up', () => {
  it('finds a term by code, and nothing for an unknown code', () => {
    expect(actType('liberty.enforced-disappearance')?.label).toBe('Enforced disappearance');
    expect(actType('liberty.nothing')).toBeNull();
    expect(isActTypeCode('violence.torture')).toBe(true);
    expect(isActTypeCode('Violence.Torture')).toBe(false);
    expect(isActTypeCode('')).toBe(false);
  });

  it('gives the top-level groups and the children of a group in vocabulary order', () => {
    expect(childrenOf(null).map((term) => term.code)).toEqual(['liberty', 'displacement', 'violence', 'exploitation', 'freedoms', 'humanitarian']);
    expect(childrenOf('liberty').map((term) => term.code)).toEqual([
      'liberty.arbitrary-detention',
      'liberty.mass-arrest',
      'liberty.enforced-disappearance',
    ]);
    expect(childrenOf('violence.torture')).toEqual([]);
    expect(childrenOf('no-such-code')).toEqual([]);
  });

  it('gives ancestors from the top-level group down', () => {
    expect(ancestorsOf('displacement.refoulement').map((term) => term.code)).toEqual(['displacement']);
    expect(ancestorsOf('displacement')).toEqual([]);
    expect(ancestorsOf('no-such-code')).toEqual([]);
  });

  it('agrees between childrenOf and ancestorsOf for every term', () => {
    for (const term of ACT_TYPES) {
      for (const child of childrenOf(term.code, { includeRetired: true })) {
        expect(ancestorsOf(child.code).at(-1)).toBe(term);
      }
    }
    const reached = new Set<string>();
    const walk = (code: string | null): void => {
      for (const child of childrenOf(code, { includeRetired: true })) {
        reached.add(child.code);
        walk(child.code);
      }
    };
    walk(null);
    expect([...reached].sort()).toEqual([...codes].sort());
  });
});

describe('findActTypes', () => {
  it.each([
    ['refoulement', 'displacement.refoulement'],
    ['Refoulement', 'displacement.refoulement'],
    ['forcible return', 'displacement.refoulement'],
    ['arbitrary detention', 'liberty.arbitrary-detention'],
    ['ARBITRARY ARREST', 'liberty.arbitrary-detention'],
    ['round-up', 'liberty.mass-arrest'],
    ['round up', 'liberty.mass-arrest'],
    ['roundup', 'liberty.mass-arrest'],
    ['human trafficking', 'exploitation.trafficking'],
    ['rape', 'violence.sexual-violence'],
    ['ill-treatment', 'violence.torture'],
    ['ill treatment', 'violence.torture'],
    ['extrajudicial execution', 'violence.unlawful-killing'],
    ['persecution of human rights defenders', 'freedoms.defender-persecution'],
    ['humanitarian access', 'humanitarian.access-denied'],
    ['religious persecution', 'freedoms.religion-restricted'],
    ['death threats', 'violence.threats-harassment'],
    ['liberty.mass-arrest', 'liberty.mass-arrest'],
    ['  LIBERTY.MASS-ARREST ', 'liberty.mass-arrest'],
    ['réfoulement', 'displacement.refoulement'],
  ])('puts the right term first for %j', (text, code) => {
    expect(findActTypes(text)[0]?.code).toBe(code);
  });

  it('matches the start of words, for typing in a picker', () => {
    expect(findActTypes('tort').map((term) => term.code)).toContain('violence.torture');
    expect(findActTypes('disapp').map((term) => term.code)).toEqual(['liberty.enforced-disappearance']);
    expect(findActTypes('arb det').map((term) => term.code)).toEqual(['liberty.arbitrary-detention']);
  });

  it('puts exact names before partial ones', () => {
    const found = findActTypes('detention').map((term) => term.code);
    expect(found).toContain('liberty.arbitrary-detention');
    expect(found).toContain('liberty.mass-arrest');
    expect(findActTypes('torture').map((term) => term.code)[0]).toBe('violence.torture');
  });

  it('finds nothing for blank or unrelated text', () => {
    expect(findActTypes('')).toEqual([]);
    expect(findActTypes('   ')).toEqual([]);
    expect(findActTypes('—')).toEqual([]);
    expect(findActTypes('photosynthesis')).toEqual([]);
  });

  it('finds every term by its own label and by its own code', () => {
    for (const term of ACT_TYPES) {
      expect(findActTypes(term.label)[0]).toBe(term);
      expect(findActTypes(term.code)[0]).toBe(term);
      for (const synonym of term.synonyms ?? []) expect(findActTypes(synonym)[0]).toBe(term);
    }
  });

  it('never throws and returns known terms only, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        for (const term of findActTypes(text)) expect(ACT_TYPES).toContain(term);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseActTypes', () => {
  it('reads codes, labels and synonyms as people type them, in order and without repeats', () => {
    expect(parseActTypes(['refoulement', 'Arbitrary detention', 'violence.torture', 'Torture', ' Mass arrest (round-up) '])).toEqual([
      'displacement.refoulement',
      'liberty.arbitrary-detention',
      'violence.torture',
      'liberty.mass-arrest',
    ]);
  });

  it('accepts codes in any case, and skips blank entries', () => {
    expect(parseActTypes(['LIBERTY.ENFORCED-DISAPPEARANCE', '', '  '])).toEqual(['liberty.enforced-disappearance']);
    expect(parseActTypes([])).toEqual([]);
  });

  it('accepts a top-level group when that is all that is known', () => {
    expect(parseActTypes(['Deprivation of liberty'])).toEqual(['liberty']);
  });

  it('names the unknown term in the error, with suggestions', () => {
    let error: unknown;
    try {
      parseActTypes(['refoulement', 'detention']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ActTypeInputError);
    expect((error as ActTypeInputError).term).toBe('detention');
    expect((error as ActTypeInputError).message).toContain('"detention"');
    expect((error as ActTypeInputError).message).toContain('liberty.arbitrary-detention');
  });

  it('does not guess from the start of a word', () => {
    expect(() => parseActTypes(['tort'])).toThrow(ActTypeInputError);
    expect(() => parseActTypes(['sorcery'])).toThrow(/"sorcery" is not an act type/);
  });

  it('reads back every term from its label, its code and each synonym', () => {
    for (const term of ACT_TYPES) {
      expect(parseActTypes([term.label, term.code, ...(term.synonyms ?? [])])).toEqual([term.code]);
    }
  });

  it('either returns known codes or throws an ActTypeInputError, for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...codes))), (list) => {
        try {
          for (const code of parseActTypes(list)) expect(isActTypeCode(code)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ActTypeInputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
