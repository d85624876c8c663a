/**
 * Loading the demonstration workspace: the accounts, then the model case's
 * sources, reports, person and events, written through the same services and
 * input readers a researcher's forms use — so sources are sealed, references
 * allocated, places taken from the gazetteer and every change audited, as the
 * demonstration researchers. `vigil demo load` and the server's first start
 * both come here.
 *
 * The demonstration is loaded once: records in its compartment are its mark,
 * and a second load (or one into a compartment of that name that already
 * holds records) changes nothing.
 */
import type { AuditActor } from '../../access/audit/audit.repository.ts';
import type { Actor } from '../../access/policy.ts';
import type { Vigil } from '../../vigil.ts';
import type { EventInput } from '../event.service.ts';
import { countFrom, dateFrom, placeFrom } from '../text-input.ts';
import { createDemoAccounts, researcherActor, type DemoAccount } from './demo-accounts.ts';
import { DEMO_COMPARTMENT, DEMO_EVENTS, DEMO_PEOPLE, DEMO_REPORTS, DEMO_SOURCES, type DemoDate, type DemoPlace } from './demo-workspace.ts';

/** What loading needs of Vigil. */
export type DemoServices = Pick<Vigil, 'users' | 'sources' | 'reports' | 'events' | 'people' | 'places'>;

/** What a load wrote. */
export interface DemoCounts {
  sources: number;
  reports: number;
  events: number;
  people: number;
  /** Changes in the people's situations. */
  statuses: number;
  /** Links between reports and events. */
  links: number;
}

export interface DemoLoad {
  /** False when the demonstration's compartment already held records: nothing was changed. */
  loaded: boolean;
  /** Accounts made by this load, with their passwords. */
  accounts: DemoAccount[];
  /** Demonstration accounts that existed before this load. */
  existingAccounts: string[];
  counts: DemoCounts | null;
}

export interface DemoLoadOptions {
  /** Progress for a person waiting: the gazetteer's first load takes seconds. */
  say?: (line: string) => void;
}

/** "13 sources, 17 reports, …": what a load wrote, for people. */
export function demoCountsLine(counts: DemoCounts): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(counts.sources, 'source', 'sources'), plural(counts.reports, 'report', 'reports'), plural(counts.events, 'event', 'events'),
    `${plural(counts.people, 'person', 'people')} (${plural(counts.statuses, 'status change', 'status changes')})`,
    plural(counts.links, 'report-event link', 'report-event links'),
  ].join(', ');
}

/** The demonstration cannot be loaded as things stand (its researcher account was changed, say). */
export class DemoLoadError extends Error {}

/** An actor that may only read, in these compartments: to count what they hold. */
function reader(compartments: Iterable<number>): Actor {
  return { userId: 0, email: 'demo-loader', role: 'viewer', compartments: new Set(compartments), via: 'session', ip: null };
}

/** How many sources, reports, events and people the compartments hold. */
async function recordsIn(vigil: DemoServices, compartments: Iterable<number>): Promise<number> {
  const actor = reader(compartments);
  const totals = await Promise.all([
    vigil.sources.list(actor, { limit: 1 }), vigil.reports.list(actor, { limit: 1 }), vigil.events.list(actor, { limit: 1 }), vigil.people.list(actor, { limit: 1 }),
  ]);
  return totals.reduce((sum, page) => sum + page.total, 0);
}

/** True for a data directory with no accounts and no workspace records: where the server's first start loads the demonstration. */
export async function isFreshWorkspace(vigil: DemoServices): Promise<boolean> {
  if ((await vigil.users.count()) > 0) return false;
  return (await recordsIn(vigil, (await vigil.users.compartments()).map((c) => c.id))) === 0;
}

/** True when the demonstration's compartment already holds records. */
export async function demoAlreadyLoaded(vigil: DemoServices): Promise<boolean> {
  const compartment = (await vigil.users.compartments()).find((c) => c.name === DEMO_COMPARTMENT);
  return compartment !== undefined && (await recordsIn(vigil, [compartment.id])) > 0;
}

/**
 * Loads the demonstration workspace unless it is there already: accounts that
 * are missing (with fresh random passwords), then the records.
 */
export async function loadDemoWorkspace(vigil: DemoServices, by: AuditActor, options: DemoLoadOptions = {}): Promise<DemoLoad> {
  if (await demoAlreadyLoaded(vigil)) return { loaded: false, accounts: [], existingAccounts: [], counts: null };
  const { made, existing } = await createDemoAccounts(vigil.users, by);
  const counts = await loadDemoRecords(vigil, options);
  return { loaded: true, accounts: made, existingAccounts: existing, counts };
}

const dateOf = (date: DemoDate) => dateFrom({ date: date.words, dateReference: date.reference });

/**
 * Writes the demonstration records, each compartment's as its demonstration
 * researcher; the accounts must exist. Event statuses are then set to what
 * their corroboration suggests, as a researcher accepting the suggestion would.
 */
export async function loadDemoRecords(vigil: DemoServices, options: DemoLoadOptions = {}): Promise<DemoCounts> {
  const [users, compartments] = await Promise.all([vigil.users.list(), vigil.users.compartments()]);
  const ids = new Map(compartments.map((c) => [c.name, c.id]));
  const actors = new Map<string, Actor>();
  const actorFor = (compartment: string): Actor => {
    let actor = actors.get(compartment);
    if (!actor) {
      actor = researcherActor(users, ids, compartment) ?? undefined;
      if (!actor) throw new DemoLoadError(`The demonstration researcher of ${compartment} is missing, disabled or no longer a researcher there: the demonstration records cannot be written.`);
      actors.set(compartment, actor);
    }
    return actor;
  };
  const placeOf = (where: DemoPlace | undefined) => where
    ? placeFrom({ place: where.name, placeKind: where.kind, country: where.country, placeDetail: where.detail }, vigil.places)
    : Promise.resolve(null);

  options.say?.('Loading the place gazetteer (the first time takes a few seconds)…');
  await vigil.places.ensureLoaded();
  const counts: DemoCounts = { sources: 0, reports: 0, events: 0, people: 0, statuses: 0, links: 0 };

  const sources = new Map<string, string>();
  for (const source of DEMO_SOURCES) {
    const { key, ...input } = source;
    sources.set(key, (await vigil.sources.create(actorFor(source.compartment), input)).pseudonym);
    counts.sources++;
  }

  const people = new Map<string, string>();
  for (const person of DEMO_PEOPLE) {
    const { compartment, name, sex, birthYear, birthYearApproximate, nationality, notes } = person;
    people.set(person.key, (await vigil.people.create(actorFor(compartment), { compartment, name, sex, birthYear, birthYearApproximate, nationality, notes })).pseudonym);
    counts.people++;
  }
  // `{person}` in a text is the demonstration case's pseudonym, known only now.
  const fill = (text: string): string => text.replaceAll('{person}', people.get('case') ?? 'the person');

  const reports = new Map<string, string>();
  for (const report of DEMO_REPORTS) {
    const created = await vigil.reports.create(actorFor(report.compartment), {
      compartment: report.compartment, source: sources.get(report.source) ?? '', receivedOn: report.receivedOn, channel: report.channel,
      summary: fill(report.summary), ...(report.fullText ? { fullText: fill(report.fullText) } : {}), language: 'en', credibility: report.credibility,
    });
    reports.set(report.key, created.reference);
    counts.reports++;
  }
  const reportRef = (key: string): string => {
    const reference = reports.get(key);
    if (!reference) throw new DemoLoadError(`The demonstration data names a report "${key}" it does not hold.`);
    return reference;
  };

  for (const person of DEMO_PEOPLE) {
    for (const status of person.statuses) {
      await vigil.people.addStatus(actorFor(person.compartment), people.get(person.key)!, {
        status: status.status, date: dateOf(status.date)!, place: await placeOf(status.place), ...(status.heldBy ? { heldBy: status.heldBy } : {}),
        note: fill(status.note), reports: status.reports.map(reportRef),
      });
      counts.statuses++;
    }
  }

  for (const event of DEMO_EVENTS) {
    const actor = actorFor(event.compartment);
    const input: EventInput = {
      compartment: event.compartment, title: fill(event.title), description: fill(event.description), acts: event.acts,
      date: event.date ? dateOf(event.date) : null, place: await placeOf(event.place),
      victims: event.victims.map((victim, index) => ({
        ...(victim.group ? { group: victim.group } : {}), ...(victim.person ? { person: people.get(victim.person) ?? victim.person } : {}),
        count: victim.count ? countFrom(victim.count, `victims.${index}`) : null,
      })),
      perpetrators: event.perpetrators,
    };
    const { reference } = await vigil.events.create(actor, input);
    counts.events++;
    let view = null;
    for (const link of event.evidence) {
      view = await vigil.events.link(actor, reference, reportRef(link.report), link.stance);
      counts.links++;
    }
    if (view && view.suggestedStatus !== view.status) {
      await vigil.events.update(actor, reference, view.version, { ...input, status: view.suggestedStatus });
    }
  }
  return counts;
}
