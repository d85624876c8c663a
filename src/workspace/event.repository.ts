/**
 * Events at rest, with their acts, the people affected, the perpetrators and
 * the reports linked to them. Reads take the reader's compartments.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, EventPerpetratorsTable, EventsTable, EventVictimsTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { containing, inCompartments } from './record.ts';

export type EventRow = Selectable<EventsTable> & { compartment: string };
export type EventFields = Omit<Insertable<EventsTable>, 'id' | 'reference' | 'compartment_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>;
export type VictimFields = Omit<Insertable<EventVictimsTable>, 'id' | 'event_id'>;
export type PerpetratorFields = Omit<Insertable<EventPerpetratorsTable>, 'id' | 'event_id'>;

export interface EventFilter {
  q?: string;
  /** Act codes; an event matches when it has one of them. */
  acts?: string[];
  status?: string;
  country?: string;
  /** Events whose date may fall on or after / before these days. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** One report's link to an event, with what corroboration needs to weigh it. */
export interface EvidenceRow {
  reference: string;
  summary: string;
  received_on: string;
  credibility: number | null;
  stance: 'supports' | 'contradicts';
  source: string | null;
  independence_group: string | null;
  reliability: string | null;
}

export class EventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(compartments: ReadonlySet<number>, tx: Kysely<Database> = this.db) {
    return tx.selectFrom('events')
      .innerJoin('compartments', 'compartments.id', 'events.compartment_id')
      .selectAll('events').select('compartments.name as compartment')
      .where('events.deleted_at', 'is', null)
      .where(inCompartments('events.compartment_id', compartments));
  }

  private filtered(compartments: ReadonlySet<number>, filter: EventFilter) {
    let query = this.visible(compartments);
    if (filter.q) {
      const like = containing(filter.q);
      query = query.where((eb) => eb.or([eb('events.reference', 'like', like), eb('events.title', 'like', like), eb('events.description', 'like', like), eb('events.place_name', 'like', like), eb('events.place_detail', 'like', like)]));
    }
    if (filter.acts && filter.acts.length > 0) {
      query = query.where('events.id', 'in', (eb) => eb.selectFrom('event_acts').select('event_id').where('code', 'in', filter.acts!));
    }
    if (filter.status) query = query.where('events.status', '=', filter.status);
    if (filter.country) query = query.where('events.place_country', '=', filter.country.toUpperCase());
    if (filter.from) query = query.where('events.date_latest', '>=', filter.from);
    if (filter.to) query = query.where('events.date_earliest', '<=', filter.to);
    return query;
  }

  list(compartments: ReadonlySet<number>, filter: EventFilter = {}): Promise<EventRow[]> {
    return this.filtered(compartments, filter)
      .orderBy(sql`events.date_earliest IS NULL`).orderBy('events.date_earliest', 'desc').orderBy('events.reference')
      .limit(filter.limit ?? 100).offset(filter.offset ?? 0).execute();
  }

  async count(compartments: ReadonlySet<number>, filter: EventFilter = {}): Promise<number> {
    const row = await this.filtered(compartments, filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  byReference(compartments: ReadonlySet<number>, reference: string, tx?: Kysely<Database>): Promise<EventRow | undefined> {
    return this.visible(compartments, tx).where('events.reference', '=', reference.toUpperCase()).executeTakeFirst();
  }

  async acts(eventIds: readonly number[]): Promise<Map<number, string[]>> {
    const byEvent = new Map<number, string[]>();
    if (eventIds.length === 0) return byEvent;
    const rows = await this.db.selectFrom('event_acts').select(['event_id', 'code']).where('event_id', 'in', eventIds).orderBy('code').execute();
    for (const row of rows) byEvent.set(row.event_id, [...(byEvent.get(row.event_id) ?? []), row.code]);
    return byEvent;
  }

  victims(eventId: number) {
    return this.db.selectFrom('event_victims').leftJoin('people', 'people.id', 'event_victims.person_id')
      .selectAll('event_victims').select(['people.pseudonym as person', 'people.deleted_at as person_deleted_at'])
      .where('event_victims.event_id', '=', eventId).orderBy('event_victims.id').execute();
  }

  perpetrators(eventId: number) {
    return this.db.selectFrom('event_perpetrators').selectAll().where('event_id', '=', eventId).orderBy('id').execute();
  }

  /** The live reports linked to an event, with their sources' grades and groups. */
  evidence(eventId: number, tx: Kysely<Database> = this.db): Promise<EvidenceRow[]> {
    return tx.selectFrom('report_events')
      .innerJoin('reports', 'reports.id', 'report_events.report_id')
      .leftJoin('sources', (join) => join.onRef('sources.id', '=', 'reports.source_id').on('sources.deleted_at', 'is', null))
      .select(['reports.reference', 'reports.summary', 'reports.received_on', 'reports.credibility', 'report_events.stance',
        'sources.pseudonym as source', 'sources.independence_group', 'sources.reliability'])
      .where('report_events.event_id', '=', eventId).where('reports.deleted_at', 'is', null)
      .orderBy('reports.received_on').orderBy('reports.reference').execute();
  }

  async insert(tx: Tx, event: EventFields & { reference: string; compartment_id: number }, now: string): Promise<number> {
    const row = await tx.insertInto('events').values({ ...event, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Tx, id: number, version: number, changes: Partial<EventFields>, now: string): Promise<boolean> {
    const result = await tx.updateTable('events').set({ ...changes, updated_at: now, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Replaces an event's acts, people affected and perpetrators with these. */
  async replaceParts(tx: Tx, eventId: number, parts: { acts: string[]; victims: VictimFields[]; perpetrators: PerpetratorFields[] }): Promise<void> {
    await tx.deleteFrom('event_acts').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('event_victims').where('event_id', '=', eventId).execute();
    await tx.deleteFrom('event_perpetrators').where('event_id', '=', eventId).execute();
    if (parts.acts.length > 0) await tx.insertInto('event_acts').values(parts.acts.map((code) => ({ event_id: eventId, code }))).execute();
    if (parts.victims.length > 0) await tx.insertInto('event_victims').values(parts.victims.map((v) => ({ ...v, event_id: eventId }))).execute();
    if (parts.perpetrators.length > 0) await tx.insertInto('event_perpetrators').values(parts.perpetrators.map((p) => ({ ...p, event_id: eventId }))).execute();
  }

  async softDelete(tx: Tx, id: number, now: string): Promise<void> {
    await tx.updateTable('events').set({ deleted_at: now }).where('id', '=', id).execute();
  }

  /** Links (or re-links with another stance) a report to an event; returns the stance it had before, if any. */
  async link(tx: Tx, reportId: number, eventId: number, stance: 'supports' | 'contradicts', now: string): Promise<string | null> {
    const before = await tx.selectFrom('report_events').select('stance').where('report_id', '=', reportId).where('event_id', '=', eventId).executeTakeFirst();
    await tx.insertInto('report_events').values({ report_id: reportId, event_id: eventId, stance, linked_at: now })
      .onConflict((oc) => oc.columns(['report_id', 'event_id']).doUpdateSet({ stance, linked_at: now })).execute();
    return before?.stance ?? null;
  }

  async unlink(tx: Tx, reportId: number, eventId: number): Promise<boolean> {
    const result = await tx.deleteFrom('report_events').where('report_id', '=', reportId).where('event_id', '=', eventId).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}
