/**
 * Sources at rest. Every read takes the compartments its reader may see, so a
 * source outside them is not filtered out later: it is never read at all.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, SourcesTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

export type SourceRow = Selectable<SourcesTable> & { compartment: string };

export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private visible(compartments: ReadonlySet<number>, tx: Kysely<Database> = this.db) {
    const ids = [...compartments];
    return tx.selectFrom('sources')
      .innerJoin('compartments', 'compartments.id', 'sources.compartment_id')
      .selectAll('sources').select('compartments.name as compartment')
      .where('sources.deleted_at', 'is', null)
      // An empty list would be `IN ()`, which SQLite accepts as false, but say it plainly.
      .where(ids.length > 0 ? sql<boolean>`sources.compartment_id IN (${sql.join(ids)})` : sql<boolean>`0`);
  }

  list(compartments: ReadonlySet<number>, filter: { q?: string; limit?: number; offset?: number } = {}): Promise<SourceRow[]> {
    let query = this.visible(compartments);
    if (filter.q) query = query.where('sources.pseudonym', 'like', `%${filter.q.replace(/[%_]/g, '')}%`);
    return query.orderBy('sources.pseudonym').limit(filter.limit ?? 100).offset(filter.offset ?? 0).execute();
  }

  async count(compartments: ReadonlySet<number>): Promise<number> {
    const row = await this.visible(compartments).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  byPseudonym(compartments: ReadonlySet<number>, pseudonym: string, tx?: Kysely<Database>): Promise<SourceRow | undefined> {
    return this.visible(compartments, tx).where('sources.pseudonym', '=', pseudonym.toUpperCase()).executeTakeFirst();
  }

  /** The next free pseudonym, S-0001 onwards, counted over every compartment so pseudonyms never repeat. */
  async nextPseudonym(tx: Tx): Promise<string> {
    const row = await tx.selectFrom('sources').select(sql<number>`max(id)`.as('n')).executeTakeFirst();
    const next = Number(row?.n ?? 0) + 1;
    return `S-${String(next).padStart(4, '0')}`;
  }

  async insert(tx: Tx, source: { pseudonym: string; compartmentId: number; kind: string; identity: Buffer | null; contact: Buffer | null }, now: string): Promise<number> {
    const row = await tx.insertInto('sources').values({
      pseudonym: source.pseudonym, compartment_id: source.compartmentId, kind: source.kind,
      identity: source.identity, contact: source.contact, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Updates when the stored version is still `version`; false when someone changed it first. */
  async update(tx: Tx, id: number, version: number, changes: { kind?: string; identity?: Buffer | null; contact?: Buffer | null }, now: string): Promise<boolean> {
    const result = await tx.updateTable('sources').set({ ...changes, updated_at: now, version: version + 1 })
      .where('id', '=', id).where('version', '=', version).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async softDelete(tx: Tx, id: number, now: string): Promise<void> {
    await tx.updateTable('sources').set({ deleted_at: now }).where('id', '=', id).execute();
  }
}
