/**
 * Corroboration: how well the reports linked to an event support it, and
 * what status that suggests. The number that matters is independent sources,
 * not reports: two newspapers reprinting one wire story are one origin, and a
 * witness who told three researchers is still one witness.
 *
 * Independence is recorded on sources as an independence group: sources
 * sharing a group repeat one origin and count once. Group names are their own
 * namespace: a group called "S-0042" has nothing to do with source S-0042.
 * Counting once is transitive: should the links disagree (a source recorded
 * in two groups, a report under two sources), everything they tie together
 * makes one origin, so that disagreement can only lower the count, never
 * raise it.
 */
import { bestCredibility, bestReliability, type Credibility, type Reliability } from './grading.ts';

export interface EvidenceLink {
  /** Report reference, e.g. "R-0003". */
  report: string;
  stance: 'supports' | 'contradicts';
  /** Source pseudonym; null when the report has no source recorded. */
  source: string | null;
  /** Sources sharing a group repeat one origin and count once; null = independent of all others. */
  independenceGroup: string | null;
  /** A–F of the source. */
  reliability: string | null;
  /** 1–6 of the report. */
  credibility: number | null;
}

export interface Corroboration {
  /** Distinct origins among supporting reports; reports with no source are not a source. */
  independentSources: number;
  /** Distinct reports that support the event, with or without a source. */
  supportingReports: number;
  /** Best reliability among the sources of supporting reports. */
  bestReliability: Reliability | null;
  /** Best credibility among supporting reports. */
  bestCredibility: Credibility | null;
  /** References of contradicting reports, sorted. */
  contradictedBy: string[];
  /** Which sources were counted together, and through which reports; sorted by key. */
  origins: { key: string; sources: string[]; reports: string[] }[];
}

/** Orders references with their numbers read as numbers (R-9 before R-10), then exactly, so the order is total. */
function compareReferences(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareReferences);

/** Disjoint sets over names: which names have been tied together. */
class Ties {
  private readonly parent = new Map<string, string>();

  root(name: string): string {
    let node = name;
    for (let up = this.parent.get(node); up !== undefined && up !== node; up = this.parent.get(node)) node = up;
    if (!this.parent.has(name)) this.parent.set(name, name);
    return node;
  }

  tie(a: string, b: string): void {
    const rootA = this.root(a);
    const rootB = this.root(b);
    if (rootA !== rootB) this.parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
}

// Sources, groups and reports each have their own namespace: equal spellings never tie.
const SOURCE = 'source:';
const GROUP = 'group:';
const REPORT = 'report:';

/**
 * How well an event is supported, from the links between it and reports.
 * The result does not depend on the order of the links, and a report linked
 * twice counts once. A grade off the scale throws a GradeInputError.
 */
export function corroborate(links: readonly EvidenceLink[]): Corroboration {
  const supporting = links.filter((link) => link.stance === 'supports');
  const sourced = supporting.filter((link): link is EvidenceLink & { source: string } => link.source !== null);

  const ties = new Ties();
  for (const link of sourced) {
    ties.tie(SOURCE + link.source, REPORT + link.report);
    if (link.independenceGroup !== null) ties.tie(SOURCE + link.source, GROUP + link.independenceGroup);
  }

  const byRoot = new Map<string, { groups: Set<string>; sources: Set<string>; reports: Set<string> }>();
  for (const link of sourced) {
    const root = ties.root(SOURCE + link.source);
    const origin = byRoot.get(root) ?? { groups: new Set(), sources: new Set(), reports: new Set() };
    byRoot.set(root, origin);
    origin.sources.add(link.source);
    origin.reports.add(link.report);
    if (link.independenceGroup !== null) origin.groups.add(link.independenceGroup);
  }
  const origins = [...byRoot.values()]
    .map((origin) => ({
      // Named after its group where it has one, else after its source; the smallest name keeps it stable.
      key: sortedUnique(origin.groups.size > 0 ? origin.groups : origin.sources)[0]!,
      sources: sortedUnique(origin.sources),
      reports: sortedUnique(origin.reports),
    }))
    .sort((a, b) => compareReferences(a.key, b.key) || compareReferences(a.sources[0]!, b.sources[0]!));

  return {
    independentSources: origins.length,
    supportingReports: new Set(supporting.map((link) => link.report)).size,
    bestReliability: bestReliability(sourced.map((link) => link.reliability)),
    bestCredibility: bestCredibility(supporting.map((link) => link.credibility)),
    contradictedBy: sortedUnique(links.filter((link) => link.stance === 'contradicts').map((link) => link.report)),
    origins,
  };
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

/**
 * One line for a researcher or editor, such as
 * "2 independent sources (best A / 2); contradicted by R-0007".
 */
export function describeCorroboration(c: Corroboration): string {
  let support: string;
  if (c.supportingReports === 0) {
    support = 'No supporting reports';
  } else if (c.independentSources === 0) {
    support = `${plural(c.supportingReports, 'supporting report', 'supporting reports')}, no source recorded`;
  } else {
    support = plural(c.independentSources, 'independent source', 'independent sources');
    if (c.supportingReports !== c.independentSources) {
      support += ` in ${plural(c.supportingReports, 'report', 'reports')}`;
    }
  }
  if (c.bestReliability !== null || c.bestCredibility !== null) {
    support += ` (best ${c.bestReliability ?? '–'} / ${c.bestCredibility ?? '–'})`;
  }
  return c.contradictedBy.length > 0 ? `${support}; contradicted by ${c.contradictedBy.join(', ')}` : support;
}

export const EVENT_STATUSES = ['alleged', 'corroborated', 'confirmed', 'disputed', 'disproved'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const EVENT_STATUS_LABELS: Readonly<Record<EventStatus, string>> = Object.freeze({
  alleged: 'Alleged',
  corroborated: 'Corroborated',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  disproved: 'Disproved',
});

/** Whether a stored value is one of the event statuses. */
export function isEventStatus(value: unknown): value is EventStatus {
  return (EVENT_STATUSES as readonly unknown[]).includes(value);
}

/** Independent sources an event needs, with no contradiction, to be suggested as corroborated. */
export const SOURCES_TO_CORROBORATE = 2;

/**
 * The status the evidence suggests, for a person to accept or not; it never
 * changes anything itself. The rule, in order:
 *
 * 1. "disproved" stays: it is a finding people made, not a count.
 * 2. Any contradicting report suggests "disputed", whatever else is known.
 * 3. "confirmed" stays: confirmation (an official admission, a visit) is a
 *    judgement the counts cannot make, so they never suggest it and never
 *    take it away.
 * 4. Two or more independent sources suggest "corroborated".
 * 5. Otherwise "alleged" — also for an event that was corroborated or
 *    disputed before its evidence changed.
 */
export function suggestedStatus(c: Corroboration, current: EventStatus): EventStatus {
  if (current === 'disproved') return 'disproved';
  if (c.contradictedBy.length > 0) return 'disputed';
  if (current === 'confirmed') return 'confirmed';
  return c.independentSources >= SOURCES_TO_CORROBORATE ? 'corroborated' : 'alleged';
}
