/**
 * Reports at rest. Like every workspace repository, each read takes the
 * compartments its reader may see, and a deleted report is never read.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportsTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { containing, inCompartments } from './record.ts';

export type ReportRow = Selectable<ReportsTable> & { compartment: string; source: string | null; source_consent: string | null };

export interface ReportFilter {
  q?: string;
  source?: string;
  channel?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export type ReportFields = Omit<Selectable<ReportsTable>, 'id' | 'reference' | 'compartment_id' | 'version' | 'created_at' | 'updated_at' | 'deleted_at'>;

export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(compartments: ReadonlySet<number>, tx: Kysely<Database> = this.db) {
    return tx.selectFrom('reports')
      .innerJoin('compartments', 'compartments.id', 'reports.compartment_id')
      .leftJoin('sources', 'sources.id', 'reports.source_id')
      .selectAll('reports').select(['compartments.name as compartment', 'sources.pseudonym as source', 'sources.consent as source_consent'])
      .where('reports.deleted_at', 'is', null)
      .where(inCompartments('reports.compartment_id', compartments));
  }

  private filtered(compartments: ReadonlySet<number>, filter: ReportFilter) {
    let query = this.visible(compartments);
    if (filter.q) {
      const like = containing(filter.q);
      query = query.where((eb) => eb.or([eb('reports.reference', 'like', like), eb('reports.summary', 'like', like), eb('reports.full_text', 'like', like)]));
    }
    if (filter.source) query = query.where('sources.pseudonym', '=', filter.source.toUpperCase());
    if (filter.channel) query = query.where('reports.channel', '=', filter.channel);
    if (filter.from) query = query.where('reports.received_on', '>=', filter.from);
    if (filter.to) query = query.where('reports.received_on', '<=', filter.to);
    return query;
  }

  list(compartments: ReadonlySet<number>, filter: ReportFilter = {}): Promise<ReportRow[]> {
    return this.filtered(compartments, filter).orderBy('reports.received_on', 'desc').orderBy('reports.reference')
      .limit(filter.limit ?? 100).offset(filter.offset ?? 0).execute();
  }

  async count(compartments: ReadonlySet<number>, filter: ReportFilter = {}): Promise<number> {
    const row = await this.filtered(compartments, filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  byReference(compartments: ReadonlySet<number>, reference: string, tx?: Kysely<Database>): Promise<ReportRow | undefined> {
    return this.visible(compartments, tx).where('reports.reference', '=', reference.toUpperCase()).executeTakeFirst();
  }

  byReferences(compartments: ReadonlySet<number>, references: readonly string[], tx?: Kysely<Database>): Promise<ReportRow[]> {
    if (references.length === 0) return Promise.resolve([]);
    return this.visible(compartments, tx).where('reports.reference', 'in', references.map((r) => r.toUpperCase())).execute();
  }

  /** The events a report is linked to, with the stance it takes on each. */
  events(reportId: number): Promise<{ reference: string; title: string; stance: string }[]> {
    return this.db.selectFrom('report_events').innerJoin('events', 'events.id', 'report_events.event_id')
      .select(['events.reference', 'events.title', 'report_events.stance'])
      .where('report_events.report_id', '=', reportId).where('events.deleted_at', 'is', null)
      .orderBy('events.reference').execute();
  }

  async insert(tx: Tx, report: ReportFields & { reference: string; compartment_id: number }, now: string): Promise<number> {
    const row = await tx.insertInto('reports').values({ ...report, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Tx, id: number, version: number, changes: Partial<ReportFields>, now: string): Promise<boolean> {
    const result = await tx.updateTable('reports').set({ ...changes, updated_at: now, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async softDelete(tx: Tx, id: number, now: string): Promise<void> {
    await tx.updateTable('reports').set({ deleted_at: now }).where('id', '=', id).execute();
  }
}
