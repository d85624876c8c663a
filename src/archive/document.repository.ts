/**
 * Every query on archive documents: storing one (with its countries and its
 * full-text entry, in one transaction), finding one, and searching. SQL that
 * only SQLite speaks (FTS5, bm25, snippet) stays in this file.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Database, DocumentsTable } from '../db/schema.ts';
import { DocumentWriter, type DocumentToSave, type SaveOutcome } from './document.writer.ts';
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


export class DocumentRepository {
  private facetIndex: FacetIndex | null = null;
  private facetVersion = -1;
  private readonly matchingIds: SQLite.Statement<[string], number>;
  private readonly dataVersion: () => number;
  private readonly writer: DocumentWriter;

  /**
   * Kysely for every query but two hot paths that read the raw handle: the ids
   * a full-text match yields (tens of thousands at a time) and the change counter.
   */
  constructor(private readonly db: Kysely<Database>, private readonly sqlite: SQLite.Database) {
    this.matchingIds = sqlite.prepare<[string], number>('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck();
    const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => version.get()!;
    this.writer = new DocumentWriter(sqlite);
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

  /** Stores a batch of documents in one transaction; see DocumentWriter. */
  save(documents: DocumentToSave[], now: string): SaveOutcome[] {
    const outcomes = this.writer.save(documents, now);
    this.changed();
    return outcomes;
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

  /**
   * Documents sharing a country with this one, nearest in date first: for each
   * country the nearest before and after, read from the (country, date) index.
   */
  async related(id: number, countries: string[], date: string | null, limit: number): Promise<Hit[]> {
    const near = new Map<number, number>();
    const day = date === null ? null : Date.parse(date);
    for (const country of countries.slice(0, 5)) {
      const before = this.db.selectFrom('document_countries').select(['document_id', 'date'])
        .where('country', '=', country).where('document_id', '!=', id);
      const rows = date === null
        ? await before.orderBy('date', 'desc').limit(limit).execute()
        : [
          ...(await before.where('date', '<=', date).orderBy('date', 'desc').limit(limit).execute()),
          ...(await before.where('date', '>', date).orderBy('date', 'asc').limit(limit).execute()),
        ];
      for (const row of rows) {
        const distance = day === null || row.date === null ? Number.MAX_SAFE_INTEGER : Math.abs(Date.parse(row.date) - day);
        near.set(row.document_id, Math.min(distance, near.get(row.document_id) ?? Infinity));
      }
    }
    const ids = [...near].sort((a, b) => a[1] - b[1] || b[0] - a[0]).slice(0, limit).map(([documentId]) => documentId);
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('documents')
      .select(['id', 'slug', 'index_number', 'title', 'type', 'date', 'language'])
      .select(sql<string>`substr(body, 1, 240)`.as('snippet'))
      .select(sql<number>`0`.as('score'))
      .where('id', 'in', ids)
      .execute();
    return ids.map((documentId) => rows.find((row) => row.id === documentId)!);
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
