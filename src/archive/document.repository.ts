/**
 * Every query on archive documents: storing one (with its countries and its
 * full-text entry, in one transaction), finding one, and searching. SQL that
 * only SQLite speaks (FTS5, bm25, snippet) stays in this file.
 */
import { sql, type ControlledTransaction, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Database, DocumentsTable } from '../db/schema.ts';
import { FacetIndex, type FacetRow } from './facet-index.ts';

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Omit<DocumentRow, 'id' | 'imported_at' | 'updated_at'>;

export interface SearchFilters {
  type?: string | undefined;
  country?: string | undefined;
  language?: string | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Hit {
  id: number;
  slug: string;
  index_number: string | null;
  title: string;
  type: string | null;
  date: string | null;
  language: string;
  snippet: string;
  score: number;
}

export interface FacetCounts {
  type: Record<string, number>;
  year: Record<string, number>;
  country: Record<string, number>;
  language: Record<string, number>;
}

/** Sentinels the repository puts around matched words in snippets; presenters turn them into marks. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

type Db = Kysely<Database> | Transaction<Database>;

export class DocumentRepository {
  private facetIndex: FacetIndex | null = null;
  private facetVersion = -1;
  private readonly matchingIds: SQLite.Statement<[string], number>;
  private readonly dataVersion: () => number;

  /**
   * Kysely for every query but two hot paths that read the raw handle: the ids
   * a full-text match yields (tens of thousands at a time) and the change counter.
   */
  constructor(private readonly db: Kysely<Database>, private readonly sqlite: SQLite.Database) {
    this.matchingIds = sqlite.prepare<[string], number>('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck();
    const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => version.get()!;
  }

  /** Forgets what is cached about the documents; called after this connection writes. */
  changed(): void {
    this.facetIndex = null;
  }

  /** The facet index, rebuilt when this or another connection (an import beside the server) changed the documents. */
  private facets_(): FacetIndex {
    const version = this.dataVersion();
    if (this.facetIndex && version === this.facetVersion) return this.facetIndex;
    const rows = this.sqlite.prepare<[], FacetRow>('SELECT id, type, year, language, date FROM documents').iterate();
    const pairs = this.sqlite.prepare<[], [number, string]>('SELECT document_id, country FROM document_countries ORDER BY document_id').raw().all();
    const maxId = this.sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM documents').pluck().get()!;
    this.facetIndex = new FacetIndex(rows, pairs, maxId);
    this.facetVersion = version;
    return this.facetIndex;
  }

  /** Starts a transaction the caller commits or rolls back (batch imports use savepoints in it). */
  begin(): Promise<ControlledTransaction<Database>> {
    return this.db.startTransaction().execute();
  }

  /** The stored document with this identity (index number and language, or content), if any. */
  async findSame(db: Db, row: Pick<NewDocumentRow, 'index_number' | 'language' | 'content_hash'>): Promise<DocumentRow | undefined> {
    const query = db.selectFrom('documents').selectAll();
    return row.index_number
      ? query.where('index_number', '=', row.index_number).where('language', '=', row.language).executeTakeFirst()
      : query.where('index_number', 'is', null).where('content_hash', '=', row.content_hash).executeTakeFirst();
  }

  /** Inserts a document or replaces the one with the same identity; says which it did. */
  async save(trx: Transaction<Database>, row: NewDocumentRow, countries: string[], now: string): Promise<'imported' | 'updated'> {
    const existing = await this.findSame(trx, row);
    let id: number;
    if (existing) {
      id = existing.id;
      // External-content FTS5: the old text must be removed with the values it was indexed with.
      await sql`INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', ${id}, ${existing.title}, ${existing.body})`.execute(trx);
      await trx.updateTable('documents').set({ ...row, slug: existing.slug, updated_at: now }).where('id', '=', id).execute();
      await trx.deleteFrom('document_countries').where('document_id', '=', id).execute();
    } else {
      id = await this.insert(trx, row, now);
    }
    await sql`INSERT INTO documents_fts (rowid, title, body) VALUES (${id}, ${row.title}, ${row.body})`.execute(trx);
    if (countries.length > 0) {
      await trx.insertInto('document_countries').values(countries.map((country) => ({ document_id: id, country }))).execute();
    }
    return existing ? 'updated' : 'imported';
  }

  /** Inserts a new document under its slug, or under `slug-2`, `slug-3`… when that address is taken. */
  private async insert(trx: Transaction<Database>, row: NewDocumentRow, now: string): Promise<number> {
    for (let n = 1; ; n++) {
      const slug = n === 1 ? row.slug : `${row.slug}-${n}`;
      const inserted = await trx
        .insertInto('documents')
        .values({ ...row, slug, imported_at: now, updated_at: now })
        .onConflict((conflict) => conflict.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
    }
  }

  /** A document by its address. */
  findBySlug(slug: string): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** A document by its number in this database. */
  findById(id: number): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every language version of an index number, English first. */
  findByIndex(index: string): Promise<DocumentRow[]> {
    return this.db
      .selectFrom('documents')
      .selectAll()
      .where('index_number', '=', index)
      .orderBy(sql`language = 'en'`, 'desc')
      .orderBy('language')
      .execute();
  }

  private filtersOf(f: SearchFilters): Expression<SqlBool>[] {
    const where: Expression<SqlBool>[] = [];
    if (f.type) where.push(sql<SqlBool>`d.type = ${f.type}`);
    if (f.language) where.push(sql<SqlBool>`d.language = ${f.language}`);
    if (f.year !== undefined) where.push(sql<SqlBool>`d.year = ${f.year}`);
    if (f.from) where.push(sql<SqlBool>`d.date >= ${f.from}`);
    if (f.to) where.push(sql<SqlBool>`d.date <= ${f.to}`);
    if (f.country) {
      where.push(sql<SqlBool>`d.id IN (SELECT document_id FROM document_countries WHERE country = ${f.country})`);
    }
    return where;
  }

  private whereClause(match: string | null, filters: SearchFilters) {
    const parts = this.filtersOf(filters);
    if (match !== null) parts.unshift(sql<SqlBool>`documents_fts MATCH ${match}`);
    return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
  }

  private from(match: string | null) {
    return match === null
      ? sql`documents d`
      : sql`documents_fts JOIN documents d ON d.id = documents_fts.rowid`;
  }

  /** One page of hits, best first (or newest first), with snippets around the matched words. */
  async page(match: string | null, filters: SearchFilters, sort: 'relevance' | 'date', limit: number, offset: number): Promise<Hit[]> {
    const snippet = match === null
      ? sql`substr(d.body, 1, 240)`
      : sql`snippet(documents_fts, 1, ${MATCH_START}, ${MATCH_END}, '…', 28)`;
    const score = match === null ? sql`0` : sql`-bm25(documents_fts, 5.0, 1.0)`;
    const order = sort === 'date' || match === null ? sql`d.date DESC, d.id DESC` : sql`documents_fts.rank`;
    const result = await sql<Hit>`
      SELECT d.id, d.slug, d.index_number, d.title, d.type, d.date, d.language,
             ${snippet} AS snippet, ${score} AS score
      FROM ${this.from(match)}
      WHERE ${this.whereClause(match, filters)}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows;
  }

  /** How many documents match, and how they divide by type, year, country and language. */
  facets(match: string | null, filters: SearchFilters): { total: number; facets: FacetCounts } {
    const index = this.facets_();
    const ids = match === null ? null : Int32Array.from(this.matchingIds.iterate(match));
    return index.count(ids, filters);
  }

  /** Documents sharing a country with this one, nearest in date first. */
  async related(id: number, countries: string[], date: string | null, limit: number): Promise<Hit[]> {
    if (countries.length === 0) return [];
    const nearness = date === null ? sql`d.id` : sql`abs(julianday(d.date) - julianday(${date}))`;
    const result = await sql<Hit>`
      SELECT d.id, d.slug, d.index_number, d.title, d.type, d.date, d.language, substr(d.body, 1, 240) AS snippet, 0 AS score
      FROM documents d
      WHERE d.id != ${id} AND d.id IN (SELECT document_id FROM document_countries WHERE country IN (${sql.join(countries)}))
      ORDER BY d.date IS NULL, ${nearness}, d.id DESC
      LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }

  /** How many documents the archive holds. */
  async count(): Promise<number> {
    const row = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Addresses and last changes of documents, in id order, for sitemaps. */
  listAddresses(limit: number, offset: number): Promise<Array<{ slug: string; updated_at: string }>> {
    return this.db.selectFrom('documents').select(['slug', 'updated_at']).orderBy('id').limit(limit).offset(offset).execute();
  }

  /** When the archive last changed: the newest update time, or null when empty. */
  async lastChange(): Promise<string | null> {
    const row = await this.db.selectFrom('documents').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst();
    return row?.at ?? null;
  }
}
