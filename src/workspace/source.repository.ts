/**
 * Sources at rest. Every read takes the compartments its reader may see, so a
 * source outside them is not filtered out later: it is never read at all.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SourcesTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import { containing, inCompartments } from './record.ts';

export type SourceRow = Selectable<SourcesTable> & { compartment: string };

export interface SourceFilter {
  q?: string;
  kind?: string;
  reliability?: string;
  limit?: number;
  offset?: number;
}

/** The plain (unsealed) columns a source is written with. */
export interface SourceFields {
  kind: string;
  consent: string;
  reliability: string | null;
  graded_by: string | null;
  graded_at: string | null;
  independence_group: string | null;
}

export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(compartments: ReadonlySet<number>, tx: Kysely<Database> = this.db) {
    return tx.selectFrom('sources')
      .innerJoin('compartments', 'compartments.id', 'sources.compartment_id')
      .selectAll('sources').select('compartments.name as compartment')
      .where('sources.deleted_at', 'is', null)
      .where(inCompartments('sources.compartment_id', compartments));
  }

  private filtered(compartments: ReadonlySet<number>, filter: SourceFilter) {
    let query = this.visible(compartments);
    if (filter.q) {
      const like = containing(filter.q);
      query = query.where((eb) => eb.or([eb('sources.pseudonym', 'like', like), eb('sources.independence_group', 'like', like)]));
    }
    if (filter.kind) query = query.where('sources.kind', '=', filter.kind);
    if (filter.reliability) query = query.where('sources.reliability', '=', filter.reliability);
    return query;
  }

  list(compartments: ReadonlySet<number>, filter: SourceFilter = {}): Promise<SourceRow[]> {
    return this.filtered(compartments, filter).orderBy('sources.pseudonym').limit(filter.limit ?? 100).offset(filter.offset ?? 0).execute();
  }

  async count(compartments: ReadonlySet<number>, filter: SourceFilter = {}): Promise<number> {
    const row = await this.filtered(compartments, filter).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  byPseudonym(compartments: ReadonlySet<number>, pseudonym: string, tx?: Kysely<Database>): Promise<SourceRow | undefined> {
    return this.visible(compartments, tx).where('sources.pseudonym', '=', pseudonym.toUpperCase()).executeTakeFirst();
  }

  /** Visible sources by pseudonym, for linking reports to them. */
  byPseudonyms(compartments: ReadonlySet<number>, pseudonyms: readonly string[], tx?: Kysely<Database>): Promise<SourceRow[]> {
    if (pseudonyms.length === 0) return Promise.resolve([]);
    return this.visible(compartments, tx).where('sources.pseudonym', 'in', pseudonyms.map((p) => p.toUpperCase())).execute();
  }

  async insert(tx: Tx, source: SourceFields & { pseudonym: string; compartmentId: number; identity: Buffer | null; contact: Buffer | null }, now: string): Promise<number> {
    const row = await tx.insertInto('sources').values({
      pseudonym: source.pseudonym, compartment_id: source.compartmentId, kind: source.kind,
      identity: source.identity, contact: source.contact, created_at: now, updated_at: now,
      consent: source.consent, reliability: source.reliability, graded_by: source.graded_by, graded_at: source.graded_at,
      independence_group: source.independence_group,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates when the stored version is still `version`; false when someone changed it first. */
  async update(tx: Tx, id: number, version: number, changes: Partial<SourceFields> & { identity?: Buffer | null; contact?: Buffer | null }, now: string): Promise<boolean> {
    const result = await tx.updateTable('sources').set({ ...changes, updated_at: now, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async softDelete(tx: Tx, id: number, now: string): Promise<void> {
    await tx.updateTable('sources').set({ deleted_at: now }).where('id', '=', id).execute();
  }
}
