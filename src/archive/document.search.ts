/**
 * Answering a search over one database connection: the facet index and the
 * ranking index in memory (built on the first search, and again whenever the
 * documents change, through this connection or another), then one page of
 * rows with snippets. The repository keeps one on its own connection; each
 * search thread (search-pool.ts) keeps one on a read-only connection of its own.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database } from '../db/schema.ts';
import { FacetIndex, type FacetRow } from './facet-index.ts';
import { RankingIndex } from './search/ranking-index.ts';
import { bestPositions, evaluate, topPositions } from './search/ranking.ts';
import type { QueryNode } from './search/search-query.ts';
import { makeSnippet } from './search/snippet.ts';

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

/** What a search asks: the parsed words (null: every document), filters, order and page. */
export interface SearchRequest {
  query: QueryNode | null;
  filters: SearchFilters;
  sort: 'relevance' | 'date';
  limit: number;
  offset: number;
}

/** How many documents match, how they divide by facet, and one page of them. */
export interface SearchAnswer {
  total: number;
  facets: FacetCounts;
  hits: Hit[];
}

/** Anything that answers searches: a DocumentSearch in this thread, or the pool of search threads. */
export interface Searcher {
  search(request: SearchRequest): Promise<SearchAnswer>;
}

/** Sentinels put around matched words in snippets; presenters turn them into marks. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const MARKS = { start: MATCH_START, end: MATCH_END, ellipsis: '…' };

export class DocumentSearch implements Searcher {
  private indexes: { facets: FacetIndex; ranking: RankingIndex | null } | null = null;
  private indexesVersion = -1;
  private readonly dataVersion: () => number;
  /** A page's rows with their bodies (for snippets), or with the body's start only (no words to find). */
  private readonly pageRows: { bodies: SQLite.Statement<[string], Hit>; starts: SQLite.Statement<[string], Hit> };

  constructor(private readonly db: Kysely<Database>, private readonly sqlite: SQLite.Database) {
    const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => version.get()!;
    const rowsOf = (text: string) => sqlite.prepare<[string], Hit>(`SELECT id, slug, index_number, title, type, date, language, ${text} AS snippet,
      0 AS score FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
    this.pageRows = { bodies: rowsOf('body'), starts: rowsOf('substr(body, 1, 240)') };
  }

  /** Forgets the indexes; called after this connection writes (which does not move its own data_version). */
  forget(): void {
    this.indexes = null;
  }

  /** Builds the indexes now rather than on the first search (a search thread does so when it starts). */
  warm(): void {
    this.indexes_().ranking();
  }

  /**
   * The ranking index yields every matching id with its BM25 score (see
   * search/ranking.ts); filters, facets and the page are then decided in
   * memory against the facet index, and only the page's rows are read.
   */
  search({ query, filters, sort, limit, offset }: SearchRequest): Promise<SearchAnswer> {
    const { facets: index, ranking } = this.indexes_();
    if (query === null) {
      const counted = index.count(null, filters);
      if (counted.total === 0) return Promise.resolve({ ...counted, hits: [] });
      return this.newestIds(filters, limit, offset).then((ids) => ({ ...counted, hits: this.rows(null, ids.map((id) => ({ id, score: 0 }))) }));
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
    return Promise.resolve({ ...counted, hits: this.rows(query, page) });
  }

  /** The facet index, and the ranking index once a search with words needs it, for the documents as they are now. */
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

  private async newestIds(filters: SearchFilters, limit: number, offset: number): Promise<number[]> {
    const result = await sql<{ id: number }>`
      SELECT d.id FROM documents d WHERE ${whereClause(filters)}
      ORDER BY d.date DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows.map((row) => row.id);
  }

  /** The rows of a page, in the page's order, with snippets around the matched words (the body's start without a query). */
  private rows(query: QueryNode | null, page: Array<{ id: number; score: number }>): Hit[] {
    if (page.length === 0) return [];
    const ids = JSON.stringify(page.map((entry) => entry.id));
    const byId = new Map((query === null ? this.pageRows.starts : this.pageRows.bodies).all(ids).map((row) => [row.id, row]));
    return page.flatMap(({ id, score }) => {
      const row = byId.get(id);
      if (!row) return [];
      return [{ ...row, score, snippet: query === null ? row.snippet : makeSnippet(row.snippet, query, MARKS) }];
    });
  }
}

function whereClause(f: SearchFilters): Expression<SqlBool> {
  const where: Expression<SqlBool>[] = [];
  if (f.type) where.push(sql<SqlBool>`d.type = ${f.type}`);
  if (f.language) where.push(sql<SqlBool>`d.language = ${f.language}`);
  if (f.year !== undefined) where.push(sql<SqlBool>`d.year = ${f.year}`);
  if (f.from) where.push(sql<SqlBool>`d.date >= ${f.from}`);
  if (f.to) where.push(sql<SqlBool>`d.date <= ${f.to}`);
  if (f.country) where.push(sql<SqlBool>`d.id IN (SELECT document_id FROM document_countries WHERE country = ${f.country})`);
  return where.length === 0 ? sql<SqlBool>`1` : sql.join(where, sql` AND `);
}
