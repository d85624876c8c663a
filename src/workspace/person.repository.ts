/** People and their status histories at rest; reads take the reader's compartments. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PeopleTable, PersonStatusesTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { containing, inCompartments } from './record.ts';

export type PersonRow = Selectable<PeopleTable> & { compartment: string };
export type PersonFields = Omit<Insertable<PeopleTable>, 'id' | 'pseudonym' | 'compartment_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>;
export type StatusFields = Omit<Insertable<PersonStatusesTable>, 'id' | 'person_id' | 'recorded_at' | 'deleted_at'>;

export interface PersonFilter {
  q?: string;
  nationality?: string;
  limit?: number;
  offset?: number;
}

export class PersonRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(compartments: ReadonlySet<number>, tx: Kysely<Database> = this.db) {
    return tx.selectFrom('people')
      .innerJoin('compartments', 'compartments.id', 'people.compartment_id')
      .selectAll('people').select('compartments.name as compartment')
      .where('people.deleted_at', 'is', null)
      .where(inCompartments('people.compartment_id', compartments));
  }

  private filtered(compartments: ReadonlySet<number>, filter: PersonFilter) {
    let query = this.visible(compartments);
    if (filter.q) {
      const like = containing(filter.q);
      query = query.where((eb) => eb.or([eb('people.pseudonym', 'like', like), eb('people.notes', 'like', like)]));
    }
    if (filter.nationality) query = query.where('people.nationality', '=', filter.nationality.toUpperCase());
    return query;
  }

  list(compartments: ReadonlySet<number>, filter: PersonFilter = {}): Promise<PersonRow[]> {
    return this.filtered(compartments, filter).orderBy('people.pseudonym').limit(filter.limit ?? 100).offset(filter.offset ?? 0).execute();
  }

  async count(compartments: ReadonlySet<number>, filter: PersonFilter = {}): Promise<number> {
    const row = await this.filtered(compartments, filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  byPseudonym(compartments: ReadonlySet<number>, pseudonym: string, tx?: Kysely<Database>): Promise<PersonRow | undefined> {
    return this.visible(compartments, tx).where('people.pseudonym', '=', pseudonym.toUpperCase()).executeTakeFirst();
  }

  /** The live statuses of these people, with the references of the reports behind each. */
  async statuses(personIds: readonly number[]) {
    if (personIds.length === 0) return [];
    const rows = await this.db.selectFrom('person_statuses').selectAll().where('person_id', 'in', personIds).where('deleted_at', 'is', null).orderBy('id').execute();
    const links = rows.length === 0 ? [] : await this.db.selectFrom('status_reports').innerJoin('reports', 'reports.id', 'status_reports.report_id')
      .select(['status_reports.status_id', 'reports.reference']).where('status_reports.status_id', 'in', rows.map((r) => r.id))
      .where('reports.deleted_at', 'is', null).orderBy('reports.reference').execute();
    return rows.map((row) => ({ ...row, reports: links.filter((link) => link.status_id === row.id).map((link) => link.reference) }));
  }

  /** The events that name this person among the people affected. */
  events(personId: number) {
    return this.db.selectFrom('event_victims').innerJoin('events', 'events.id', 'event_victims.event_id')
      .select(['events.reference', 'events.title']).distinct()
      .where('event_victims.person_id', '=', personId).where('events.deleted_at', 'is', null).orderBy('events.reference').execute();
  }

  async insert(tx: Tx, person: PersonFields & { pseudonym: string; compartment_id: number }, now: string): Promise<number> {
    const row = await tx.insertInto('people').values({ ...person, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Tx, id: number, version: number, changes: Partial<PersonFields>, now: string): Promise<boolean> {
    const result = await tx.updateTable('people').set({ ...changes, updated_at: now, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async softDelete(tx: Tx, id: number, now: string): Promise<void> {
    await tx.updateTable('people').set({ deleted_at: now }).where('id', '=', id).execute();
  }

  async insertStatus(tx: Tx, personId: number, status: StatusFields, reportIds: number[], now: string): Promise<number> {
    const row = await tx.insertInto('person_statuses').values({ ...status, person_id: personId, recorded_at: now }).returning('id').executeTakeFirstOrThrow();
    if (reportIds.length > 0) await tx.insertInto('status_reports').values(reportIds.map((reportId) => ({ status_id: row.id, report_id: reportId }))).execute();
    return row.id;
  }

  async softDeleteStatus(tx: Tx, personId: number, statusId: number, now: string): Promise<boolean> {
    const result = await tx.updateTable('person_statuses').set({ deleted_at: now })
      .where('id', '=', statusId).where('person_id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
