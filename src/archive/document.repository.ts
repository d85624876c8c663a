/**
 * Every query on archive documents: storing one (with its countries and its
 * full-text entries, in one transaction), finding one, and searching. SQL that
 * only SQLite speaks stays here and in search/.
 */
import type { AuditActor } from '../access/audit/audit.repository.ts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Database, DocumentsTable } from '../db/schema.ts';
import { DocumentWriter, type BulkSave, type DocumentToSave, type SaveOutcome } from './document.writer.ts';
import { FacetIndex, type FacetRow } from './facet-index.ts';
import { RankingIndex } from './search/ranking-index.ts';
import { bestPositions, evaluate, topPositions } from './search/ranking.ts';
import type { QueryNode } from './search/search-query.ts';
import { makeSnippet } from './search/snippet.ts';

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
  private indexes: { facets: FacetIndex; ranking: RankingIndex | null } | null = null;
  private indexesVersion = -1;
  private readonly dataVersion: () => number;
  private readonly writer: DocumentWriter;
  /** Statements for a document page's related documents: read on every uncached page view. */
  private readonly nearby: {
    before: SQLite.Statement<[string, number, string, number], [number, string | null]>;
    after: SQLite.Statement<[string, number, string, number], [number, string | null]>;
    newest: SQLite.Statement<[string, number, number], [number, string | null]>;
    hits: SQLite.Statement<[string], Hit>;
  };
  /** Statements for finding a document, on every uncached page view: prepared once, not per request. */
  private readonly lookups: {
    bySlug: SQLite.Statement<[string], DocumentRow>;
    byId: SQLite.Statement<[number], DocumentRow>;
    byIndex: SQLite.Statement<[string], DocumentRow>;
    versions: SQLite.Statement<[string], { id: number; slug: string; language: string }>;
  };

  /**
   * Kysely for every query but the hot paths that read the raw handle: the
   * search indexes, the change counter, a document page's lookups, and bulk writes. Documents stored
   * before the ranking index existed (or kept positions) are added to it here, once, saying so on `say`.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: SQLite.Database,
    say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => version.get()!;
    this.writer = new DocumentWriter(sqlite);
    this.writer.indexBacklog(say);
    const sameCountry = 'SELECT document_id, date FROM document_countries WHERE country = ? AND document_id != ?';
    this.nearby = {
      before: sqlite.prepare<[string, number, string, number], [number, string | null]>(`${sameCountry} AND date <= ? ORDER BY date DESC LIMIT ?`).raw(),
      after: sqlite.prepare<[string, number, string, number], [number, string | null]>(`${sameCountry} AND date > ? ORDER BY date ASC LIMIT ?`).raw(),
      newest: sqlite.prepare<[string, number, number], [number, string | null]>(`${sameCountry} ORDER BY date DESC LIMIT ?`).raw(),
      // No snippet: the page lists related documents by title, and reading the bodies had been most of this query's cost.
      hits: sqlite.prepare<[string], Hit>(`SELECT id, slug, index_number, title, type, date, language, '' AS snippet, 0 AS score
        FROM documents WHERE id IN (SELECT value FROM json_each(?))`),
    };
    const englishFirst = "ORDER BY language = 'en' DESC, language";
    this.lookups = {
      bySlug: sqlite.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE slug = ?'),
      byId: sqlite.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE id = ?'),
      byIndex: sqlite.prepare<[string], DocumentRow>(`SELECT * FROM documents WHERE index_number = ? ${englishFirst}`),
      versions: sqlite.prepare<[string], { id: number; slug: string; language: string }>(`SELECT id, slug, language FROM documents WHERE index_number = ? ${englishFirst}`),
    };
  }

  private ownWrites = 0;

  /** Forgets what is cached about the documents; called after this connection writes. */
  changed(): void {
    this.indexes = null;
    this.ownWrites++;
  }

  /** Changes whenever the documents change, through this connection or another (an import beside the server). */
  version(): string {
    return `${this.dataVersion()}.${this.ownWrites}`;
  }

  /**
   * The facet index, and the ranking index once a search with words needs
   * it; built again when this or another connection (an import beside the
   * server) changed the documents.
   */
  private indexes_(): { facets: FacetIndex; ranking: () => RankingIndex } {
    const version = this.dataVersion();
    if (!this.indexes || version !== this.indexesVersion) {
      this.indexes = { facets: this.buildFacets(), ranking: null };
      this.indexesVersion = version;
    }
    const indexes = this.indexes;
    return { facets: indexes.facets, ranking: () => (indexes.ranking ??= new RankingIndex(this.sqlite, indexes.facets.maxId)) };
  }

  private buildFacets(): FacetIndex {
    const rows = this.sqlite.prepare<[], FacetRow>('SELECT id, type, year, language, date FROM documents').iterate();
    const pairs = this.sqlite.prepare<[], [number, string]>('SELECT document_id, country FROM document_countries ORDER BY document_id').raw().all();
    const maxId = this.sqlite.prepare<[], number>('SELECT coalesce(max(id), 0) FROM documents').pluck().get()!;
    return new FacetIndex(rows, pairs, maxId);
  }

  /** Stores a batch of documents in one transaction; see DocumentWriter. */
  save(documents: DocumentToSave[], now: string, actor: AuditActor): SaveOutcome[] {
    const outcomes = this.writer.save(documents, now, actor);
    this.changed();
    return outcomes;
  }

  /** Starts saving many batches in few transactions (an import); see DocumentWriter.bulk. */
  bulkSave(): BulkSave {
    return this.writer.bulk(() => this.changed());
  }

  /** A document by its address. */
  findBySlug(slug: string): Promise<DocumentRow | undefined> {
    return Promise.resolve(this.lookups.bySlug.get(slug));
  }

  /** A document by its number in this database. */
  findById(id: number): Promise<DocumentRow | undefined> {
    return Promise.resolve(this.lookups.byId.get(id));
  }

  /** Every language version of an index number, English first. */
  findByIndex(index: string): Promise<DocumentRow[]> {
    return Promise.resolve(this.lookups.byIndex.all(index));
  }

  /** The addresses and languages of an index number's versions, English first, without their texts. */
  versionsOf(index: string): Promise<Array<{ id: number; slug: string; language: string }>> {
    return Promise.resolve(this.lookups.versions.all(index));
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

  private whereClause(filters: SearchFilters) {
    const parts = this.filtersOf(filters);
    return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
  }


  /**
   * A search: how many documents match, how they divide by facet, and one
   * page of them, best first (or newest first), with snippets.
   *
   * The ranking index yields every matching id with its BM25 score (see
   * search/ranking.ts); filters, facets and the page are then decided in
   * memory against the facet index, and only the page's rows are read.
   */
  async search(query: QueryNode | null, filters: SearchFilters, sort: 'relevance' | 'date', limit: number, offset: number): Promise<{ total: number; facets: FacetCounts; hits: Hit[] }> {
    const { facets: index, ranking } = this.indexes_();
    if (query === null) {
      const counted = index.count(null, filters);
      const ids = counted.total === 0 ? [] : await this.newestIds(filters, limit, offset);
      return { ...counted, hits: await this.rows(null, ids.map((id) => ({ id, score: 0 }))) };
    }
    const matches = evaluate(query, ranking());
    const buffer = new Uint32Array(matches.ids.length);
    const counted = index.count(matches.ids, filters, buffer);
    const passing = buffer.subarray(0, counted.total);
    let page: Array<{ id: number; score: number }>;
    if (sort === 'date') {
      const newer = (a: number, b: number) => index.dayOf(matches.ids[b]!) - index.dayOf(matches.ids[a]!) || matches.ids[b]! - matches.ids[a]!;
      page = topPositions(passing, newer, offset + limit).slice(offset).map((position) => ({ id: matches.ids[position]!, score: 0 }));
    } else {
      page = bestPositions(matches, passing, offset + limit).slice(offset)
        .map((position) => ({ id: matches.ids[position]!, score: matches.scores[position]! }));
    }
    return { ...counted, hits: await this.rows(query, page) };
  }

  private async newestIds(filters: SearchFilters, limit: number, offset: number): Promise<number[]> {
    const result = await sql<{ id: number }>`
      SELECT d.id FROM documents d WHERE ${this.whereClause(filters)}
      ORDER BY d.date DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows.map((row) => row.id);
  }

  /** The rows of a page, in the page's order, with snippets around the matched words (the body's start without a query). */
  private async rows(query: QueryNode | null, page: Array<{ id: number; score: number }>): Promise<Hit[]> {
    if (page.length === 0) return [];
    const ids = page.map((entry) => entry.id);
    const text = query === null ? sql<string>`substr(d.body, 1, 240)` : sql<string>`d.body`;
    const result = await sql<Hit>`
      SELECT d.id, d.slug, d.index_number, d.title, d.type, d.date, d.language, ${text} AS snippet
      FROM documents d WHERE d.id IN (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(result.rows.map((row) => [row.id, row]));
    const marks = { start: MATCH_START, end: MATCH_END, ellipsis: '…' };
    return page.flatMap(({ id, score }) => {
      const row = byId.get(id);
      if (!row) return [];
      return [{ ...row, score, snippet: query === null ? row.snippet : makeSnippet(row.snippet, query, marks) }];
    });
  }

  /**
   * Documents sharing a country with this one, nearest in date first: for each
   * country the nearest before and after, read from the (country, date) index.
   */
  related(id: number, countries: string[], date: string | null, limit: number): Promise<Hit[]> {
    const near = new Map<number, number>();
    const day = date === null ? null : Date.parse(date);
    for (const country of countries.slice(0, 5)) {
      const rows = date === null
        ? this.nearby.newest.all(country, id, limit)
        : [...this.nearby.before.all(country, id, date, limit), ...this.nearby.after.all(country, id, date, limit)];
      for (const [documentId, documentDate] of rows) {
        const distance = day === null || documentDate === null ? Number.MAX_SAFE_INTEGER : Math.abs(Date.parse(documentDate) - day);
        near.set(documentId, Math.min(distance, near.get(documentId) ?? Infinity));
      }
    }
    const ids = [...near].sort((a, b) => a[1] - b[1] || b[0] - a[0]).slice(0, limit).map(([documentId]) => documentId);
    if (ids.length === 0) return Promise.resolve([]);
    const rows = new Map(this.nearby.hits.all(JSON.stringify(ids)).map((row) => [row.id, row]));
    return Promise.resolve(ids.flatMap((documentId) => rows.get(documentId) ?? []));
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
