import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  EVENT_STATUSES,
  EVENT_STATUS_LABELS,
  SOURCES_TO_CORROBORATE,
  corroborate,
  describeCorroboration,
  isEventStatus,
  suggestedStatus,
  type Corroboration,
  type EvidenceLink,
  type EventStatus,
} from '../../src/domain/corroboration.ts';
import { GradeInputError } from '../../src/domain/grading.ts';

const supports = (report: string, source: string | null, more: Partial<EvidenceLink> = {}): EvidenceLink => ({
  report,
  stance: 'supports',
  source,
  independenceGroup: null,
  reliability: null,
  credibility: null,
  ...more,
});
const contradicts = (report: string, source: string | null = null): EvidenceLink => ({ ...supports(report, source), stance: 'contradicts' });

describe('corroborate: examples', () => {
  it('counts two outlets reprinting one wire story once', () => {
    const c = corroborate([
      supports('R-0001', 'S-0010', { independenceGroup: 'wire-story-2002-03-14', reliability: 'B', credibility: 2 }),
      supports('R-0002', 'S-0011', { independenceGroup: 'wire-story-2002-03-14', reliability: 'C', credibility: 3 }),
    ]);
    expect(c.independentSources).toBe(1);
    expect(c.supportingReports).toBe(2);
    expect(c.origins).toEqual([{ key: 'wire-story-2002-03-14', sources: ['S-0010', 'S-0011'], reports: ['R-0001', 'R-0002'] }]);
    expect(describeCorroboration(c)).toBe('1 independent source in 2 reports (best B / 2)');
  });

  it('counts a witness and a partner organisation as two', () => {
    const c = corroborate([
      supports('R-0003', 'S-0042', { reliability: 'A', credibility: 2 }),
      supports('R-0004', 'S-0043', { reliability: 'C', credibility: 1 }),
    ]);
    expect(c.independentSources).toBe(2);
    expect(c.origins.map((origin) => origin.key)).toEqual(['S-0042', 'S-0043']);
    expect(c.bestReliability).toBe('A');
    expect(c.bestCredibility).toBe(1);
  });

  it('counts one source that told us twice as one', () => {
    const c = corroborate([supports('R-0005', 'S-0042'), supports('R-0006', 'S-0042')]);
    expect(c.independentSources).toBe(1);
    expect(c.supportingReports).toBe(2);
    expect(c.origins).toEqual([{ key: 'S-0042', sources: ['S-0042'], reports: ['R-0005', 'R-0006'] }]);
  });

  it('does not count a report without a source as a source, but counts it as a report', () => {
    const c = corroborate([supports('R-0007', null, { credibility: 3, reliability: 'A' }), supports('R-0008', 'S-0001', { reliability: 'D', credibility: 4 })]);
    expect(c.independentSources).toBe(1);
    expect(c.supportingReports).toBe(2);
    // The grade of a source-less report is no source's reliability; its credibility still counts.
    expect(c.bestReliability).toBe('D');
    expect(c.bestCredibility).toBe(3);
    expect(describeCorroboration(corroborate([supports('R-0007', null)]))).toBe('1 supporting report, no source recorded');
  });

  it('lists contradicting reports, sorted, and leaves them out of the support', () => {
    const c = corroborate([
      supports('R-0001', 'S-0001', { reliability: 'A', credibility: 2 }),
      supports('R-0002', 'S-0002', { reliability: 'B', credibility: 3 }),
      contradicts('R-0010', 'S-0003'),
      contradicts('R-0007'),
      contradicts('R-0009', 'S-0001'),
    ]);
    expect(c.contradictedBy).toEqual(['R-0007', 'R-0009', 'R-0010']);
    expect(c.independentSources).toBe(2);
    expect(c.supportingReports).toBe(2);
    expect(describeCorroboration(c)).toBe('2 independent sources (best A / 2); contradicted by R-0007, R-0009, R-0010');
  });

  it('sorts references by their numbers', () => {
    expect(corroborate([contradicts('R-10'), contradicts('R-9'), contradicts('R-100')]).contradictedBy).toEqual(['R-9', 'R-10', 'R-100']);
  });

  it('counts a report linked twice once', () => {
    const link = supports('R-0001', 'S-0001');
    const c = corroborate([link, link, contradicts('R-0002'), contradicts('R-0002')]);
    expect(c.supportingReports).toBe(1);
    expect(c.contradictedBy).toEqual(['R-0002']);
  });

  it('keeps group names apart from source pseudonyms', () => {
    const c = corroborate([supports('R-0001', 'S-0042'), supports('R-0002', 'S-0107', { independenceGroup: 'S-0042' })]);
    expect(c.independentSources).toBe(2);
  });

  it('counts sources tied through a shared group or a shared report as one origin', () => {
    const c = corroborate([
      supports('R-0001', 'S-0001', { independenceGroup: 'g-1' }),
      supports('R-0002', 'S-0001', { independenceGroup: 'g-2' }),
      supports('R-0003', 'S-0002', { independenceGroup: 'g-2' }),
      supports('R-0004', 'S-0003'),
    ]);
    expect(c.independentSources).toBe(2);
    expect(c.origins).toEqual([
      { key: 'g-1', sources: ['S-0001', 'S-0002'], reports: ['R-0001', 'R-0002', 'R-0003'] },
      { key: 'S-0003', sources: ['S-0003'], reports: ['R-0004'] },
    ]);
  });

  it('passes over "cannot be judged" grades while others exist', () => {
    const c = corroborate([supports('R-1', 'S-1', { reliability: 'F', credibility: 6 }), supports('R-2', 'S-2', { reliability: 'E', credibility: 5 })]);
    expect([c.bestReliability, c.bestCredibility]).toEqual(['E', 5]);
    const unjudged = corroborate([supports('R-1', 'S-1', { reliability: 'F', credibility: 6 })]);
    expect([unjudged.bestReliability, unjudged.bestCredibility]).toEqual(['F', 6]);
  });

  it('refuses a grade that is not on the scale', () => {
    expect(() => corroborate([supports('R-1', 'S-1', { reliability: 'Q' })])).toThrow(GradeInputError);
  });

  it('has nothing to say about an event without links', () => {
    const c = corroborate([]);
    expect(c).toEqual({ independentSources: 0, supportingReports: 0, bestReliability: null, bestCredibility: null, contradictedBy: [], origins: [] });
    expect(describeCorroboration(c)).toBe('No supporting reports');
    expect(describeCorroboration(corroborate([contradicts('R-0007')]))).toBe('No supporting reports; contradicted by R-0007');
  });

  it('describes missing grades with a dash', () => {
    expect(describeCorroboration(corroborate([supports('R-1', 'S-1', { credibility: 2 })]))).toBe('1 independent source (best – / 2)');
    expect(describeCorroboration(corroborate([supports('R-1', 'S-1')]))).toBe('1 independent source');
  });
});

describe('event statuses', () => {
  it('lists the five statuses with labels', () => {
    expect(EVENT_STATUSES).toEqual(['alleged', 'corroborated', 'confirmed', 'disputed', 'disproved']);
    for (const status of EVENT_STATUSES) expect(EVENT_STATUS_LABELS[status]).toBe(status[0]!.toUpperCase() + status.slice(1));
    expect(isEventStatus('disputed')).toBe(true);
    expect(isEventStatus('Disputed')).toBe(false);
  });

  const twoSources = corroborate([supports('R-1', 'S-1'), supports('R-2', 'S-2')]);
  const oneSource = corroborate([supports('R-1', 'S-1', { independenceGroup: 'wire' }), supports('R-2', 'S-2', { independenceGroup: 'wire' })]);
  const contradicted = corroborate([supports('R-1', 'S-1'), supports('R-2', 'S-2'), contradicts('R-3', 'S-3')]);

  it.each<[string, Corroboration, EventStatus, EventStatus]>([
    ['two independent sources raise an allegation', twoSources, 'alleged', 'corroborated'],
    ['one origin is not enough', oneSource, 'alleged', 'alleged'],
    ['a contradiction disputes it', contradicted, 'corroborated', 'disputed'],
    ['a contradiction disputes even a confirmed event', contradicted, 'confirmed', 'disputed'],
    ['a disproved event stays disproved', twoSources, 'disproved', 'disproved'],
    ['a disproved event stays disproved when contradicted', contradicted, 'disproved', 'disproved'],
    ['a confirmed event stays confirmed', oneSource, 'confirmed', 'confirmed'],
    ['counts never suggest confirmation', twoSources, 'corroborated', 'corroborated'],
    ['a dispute ends when the contradiction is unlinked', twoSources, 'disputed', 'corroborated'],
    ['evidence unlinked takes corroboration away', oneSource, 'corroborated', 'alleged'],
  ])('%s', (_, c, current, suggested) => {
    expect(suggestedStatus(c, current)).toBe(suggested);
  });

  it('asks for two independent sources', () => {
    expect(SOURCES_TO_CORROBORATE).toBe(2);
  });
});

// Generated evidence is consistent, as stored records are: a report has one source, a source one group.
const SOURCES = ['S-1', 'S-2', 'S-3', 'S-4', 'S-5', 'S-6'];
const GROUPS = ['g-wire', 'g-ngo', 'S-1'];
const world = fc.record({
  groupOf: fc.tuple(...SOURCES.map(() => fc.option(fc.constantFrom(...GROUPS), { nil: null }))),
  gradeOf: fc.tuple(...SOURCES.map(() => fc.option(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), { nil: null }))),
});
type World = { groupOf: (string | null)[]; gradeOf: (string | null)[] };

const reportIn = (w: World) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: 40 }),
      stance: fc.constantFrom<'supports' | 'contradicts'>('supports', 'supports', 'contradicts'),
      sourceIndex: fc.option(fc.integer({ min: 0, max: SOURCES.length - 1 }), { nil: null }),
      credibility: fc.option(fc.constantFrom(1, 2, 3, 4, 5, 6), { nil: null }),
    })
    .map(
      ({ n, stance, sourceIndex, credibility }): EvidenceLink => ({
        // The stance is part of the reference, so that one report never both supports and contradicts.
        report: `R-${n}${stance === 'supports' ? '' : 'c'}`,
        stance,
        source: sourceIndex === null ? null : SOURCES[sourceIndex]!,
        independenceGroup: sourceIndex === null ? null : w.groupOf[sourceIndex]!,
        reliability: sourceIndex === null ? null : w.gradeOf[sourceIndex]!,
        credibility,
      }),
    );

/** Links in which each report reference appears with one source only. */
const linksIn = (w: World, maxLength = 15) =>
  fc.uniqueArray(reportIn(w), { maxLength, selector: (link) => link.report });

const evidence = world.chain((w) => fc.tuple(fc.constant(w), linksIn(w)));

describe('corroborate: properties', () => {
  it('independentSources ≤ distinct sources ≤ supporting reports', () => {
    fc.assert(
      fc.property(evidence, ([, links]) => {
        const c = corroborate(links);
        const supporting = links.filter((link) => link.stance === 'supports');
        const sources = new Set(supporting.flatMap((link) => (link.source === null ? [] : [link.source])));
        expect(c.independentSources).toBeLessThanOrEqual(sources.size);
        expect(sources.size).toBeLessThanOrEqual(c.supportingReports);
        expect(c.supportingReports).toBe(new Set(supporting.map((link) => link.report)).size);
        expect(c.independentSources).toBe(c.origins.length);
      }),
      { numRuns: 500 },
    );
  });

  it('puts every supporting source in exactly one origin', () => {
    fc.assert(
      fc.property(evidence, ([, links]) => {
        const c = corroborate(links);
        const counted = c.origins.flatMap((origin) => origin.sources);
        expect(new Set(counted).size).toBe(counted.length);
        const expected = new Set(links.filter((link) => link.stance === 'supports' && link.source !== null).map((link) => link.source));
        expect(new Set(counted)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a supporting report never lowers independentSources', () => {
    fc.assert(
      fc.property(
        world.chain((w) => fc.tuple(linksIn(w), reportIn(w))),
        ([links, extra]) => {
          const added: EvidenceLink = { ...extra, stance: 'supports', report: `${extra.report}-new` };
          expect(corroborate([...links, added]).independentSources).toBeGreaterThanOrEqual(corroborate(links).independentSources);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('permuting links never changes the result', () => {
    fc.assert(
      fc.property(
        evidence.chain(([, links]) => fc.tuple(fc.constant(links), fc.shuffledSubarray(links, { minLength: links.length, maxLength: links.length }))),
        ([links, shuffled]) => {
          expect(corroborate(shuffled)).toEqual(corroborate(links));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('removing all contradicting links empties contradictedBy and changes nothing else', () => {
    fc.assert(
      fc.property(evidence, ([, links]) => {
        const before = corroborate(links);
        const after = corroborate(links.filter((link) => link.stance !== 'contradicts'));
        expect(after.contradictedBy).toEqual([]);
        expect({ ...after, contradictedBy: before.contradictedBy }).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a link whose group is already counted never raises the count', () => {
    fc.assert(
      fc.property(
        evidence.chain(([w, links]) => {
          const countedGroups = [
            ...new Set(links.filter((link) => link.stance === 'supports' && link.source !== null && link.independenceGroup !== null).map((link) => link.independenceGroup!)),
          ];
          return fc.tuple(
            fc.constant(links),
            countedGroups.length === 0 ? fc.constant(null) : fc.constantFrom(...countedGroups),
            fc.constantFrom('S-new-1', 'S-new-2', ...SOURCES.filter((_, i) => w.groupOf[i] === null)),
          );
        }),
        ([links, group, source]) => {
          fc.pre(group !== null);
          // A new outlet, or a source with no group so far, now recorded as repeating a counted group.
          const consistent = links.filter((link) => link.source !== source);
          const added = supports('R-added', source, { independenceGroup: group });
          expect(corroborate([...consistent, added]).independentSources).toBeLessThanOrEqual(corroborate(consistent).independentSources);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('describes every result in one line that names each contradicting report', () => {
    fc.assert(
      fc.property(evidence, ([, links]) => {
        const c = corroborate(links);
        const line = describeCorroboration(c);
        expect(line).not.toContain('\n');
        for (const report of c.contradictedBy) expect(line).toContain(report);
      }),
      { numRuns: 200 },
    );
  });

  it('never suggests confirmed unless it was, and always disputes a contradicted, not disproved event', () => {
    fc.assert(
      fc.property(evidence, fc.constantFrom(...EVENT_STATUSES), ([, links], current) => {
        const c = corroborate(links);
        const suggested = suggestedStatus(c, current);
        if (current !== 'confirmed') expect(suggested).not.toBe('confirmed');
        if (current === 'disproved') expect(suggested).toBe('disproved');
        else if (c.contradictedBy.length > 0) expect(suggested).toBe('disputed');
        else if (c.independentSources >= 2 && current !== 'confirmed') expect(suggested).toBe('corroborated');
      }),
      { numRuns: 300 },
    );
  });
});
