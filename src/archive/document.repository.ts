/**
 * Every query on archive documents: storing one (with its countries and its
 * full-text entry, in one transaction), finding one, and searching. SQL that
 * only SQLite speaks (FTS5, bm25, snippet) stays in this file.
 */
import type { AuditActor } from '../access/audit/audit.repository.ts';
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
  private readonly rank: SQLite.Statement<[string, number, number], [number, number, string]>;
  private readonly rankFiltered: SQLite.Statement<[string, number, number], [number, number, string]>;
  /** The filter `vigil_passes(id)` applies while a filtered ranking runs (queries run one at a time). */
  private currentFilter: ((id: number) => boolean) | null = null;
  private readonly dataVersion: () => number;
  private readonly writer: DocumentWriter;
  /** Statements for a document page's related documents: read on every uncached page view. */
  private readonly nearby: {
    before: SQLite.Statement<[string, number, string, number], [number, string | null]>;
    after: SQLite.Statement<[string, number, string, number], [number, string | null]>;
    newest: SQLite.Statement<[string, number, number], [number, string | null]>;
    hits: SQLite.Statement<[string], Hit>;
  };

  /**
   * Kysely for every query but the hot paths that read the raw handle: the
   * scored ids a full-text match yields (tens of thousands at a time), the
   * change counter, and bulk writes.
   */
  constructor(private readonly db: Kysely<Database>, private readonly sqlite: SQLite.Database) {
    this.matchingIds = sqlite.prepare<[string], number>('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?').pluck();
    sqlite.function('vigil_passes', { deterministic: false, varargs: false }, (id: unknown) => (this.currentFilter?.(Number(id)) ?? true) ? 1 : 0);
    // Title matches weigh five times body matches; ties go to the newer document.
    const ranked = (where: string) => sqlite.prepare<[string, number, number], [number, number, string]>(
      `SELECT rowid, bm25(documents_fts, 5.0, 1.0) AS score,
              snippet(documents_fts, 1, '${MATCH_START}', '${MATCH_END}', '…', 28)
       FROM documents_fts WHERE documents_fts MATCH ?${where}
       ORDER BY score, rowid DESC LIMIT ? OFFSET ?`,
    ).raw();
    this.rank = ranked('');
    this.rankFiltered = ranked(' AND vigil_passes(rowid)');
    const version = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
    this.dataVersion = () => version.get()!;
    this.writer = new DocumentWriter(sqlite);
    const sameCountry = 'SELECT document_id, date FROM document_countries WHERE country = ? AND document_id != ?';
    this.nearby = {
      before: sqlite.prepare<[string, number, string, number], [number, string | null]>(`${sameCountry} AND date <= ? ORDER BY date DESC LIMIT ?`).raw(),
      after: sqlite.prepare<[string, number, string, number], [number, string | null]>(`${sameCountry} AND date > ? ORDER BY date ASC LIMIT ?`).raw(),
      newest: sqlite.prepare<[string, number, number], [number, string | null]>(`${sameCountry} ORDER BY date DESC LIMIT ?`).raw(),
      hits: sqlite.prepare<[string], Hit>(`SELECT id, slug, index_number, title, type, date, language, substr(body, 1, 240) AS snippet, 0 AS score
        FROM documents WHERE id IN (SELECT value FROM json_each(?))`),
    };
  }

  private ownWrites = 0;

  /** Forgets what is cached about the documents; called after this connection writes. */
  changed(): void {
    this.facetIndex = null;
    this.ownWrites++;
  }

  /** Changes whenever the documents change, through this connection or another (an import beside the server). */
  version(): string {
    return `${this.dataVersion()}.${this.ownWrites}`;
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
  save(documents: DocumentToSave[], now: string, actor: AuditActor): SaveOutcome[] {
    const outcomes = this.writer.save(documents, now, actor);
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

  private whereClause(filters: SearchFilters) {
    const parts = this.filtersOf(filters);
    return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
  }


  /**
   * A search: how many documents match, how they divide by facet, and one
   * page of them, best first (or newest first), with snippets.
   *
   * With words to match, one pass over the full-text index yields every
   * matching id with its BM25 score; filters, facets and the page's ranking
   * are then decided in memory against the facet index. Filters inside the
   * SQL would make SQLite probe the full-text index once per filtered row.
   * Only the page's rows are then read and given snippets.
   */
  async search(match: string | null, filters: SearchFilters, sort: 'relevance' | 'date', limit: number, offset: number): Promise<{ total: number; facets: FacetCounts; hits: Hit[] }> {
    const index = this.facets_();
    if (match === null) {
      const counted = index.count(null, filters);
      const ids = counted.total === 0 ? [] : await this.newestIds(filters, limit, offset);
      return { ...counted, hits: await this.rows(null, ids.map((id) => ({ id, score: 0 }))) };
    }
    // Facets need every matching id; bare ids are cheap to hand to JavaScript, scores for all of them are not.
    const ids = this.matchingIds.all(match);
    const passing: number[] = [];
    const counted = index.count(ids, filters, sort === 'date' ? (position) => passing.push(ids[position]!) : undefined);
    let page: Array<{ id: number; score: number; snippet?: string }>;
    if (counted.total === 0) {
      page = [];
    } else if (sort === 'date') {
      const newer = (a: number, b: number) => index.dayOf(b) - index.dayOf(a) || b - a;
      page = topPositions(passing, newer, offset + limit).slice(offset).map((id) => ({ id, score: 0 }));
    } else {
      // SQLite ranks inside the engine, and makes snippets for the page's rows only; the
      // filters are asked of the facet index, row by row, through a registered function.
      this.currentFilter = hasFilters(filters) ? index.matcher(filters) : null;
      try {
        page = (this.currentFilter ? this.rankFiltered : this.rank).all(match, limit, offset)
          .map(([id, score, snippet]) => ({ id, score: -score, snippet }));
      } finally {
        this.currentFilter = null;
      }
    }
    const hits = await this.rows(match, page);
    return { ...counted, hits };
  }

  private async newestIds(filters: SearchFilters, limit: number, offset: number): Promise<number[]> {
    const result = await sql<{ id: number }>`
      SELECT d.id FROM documents d WHERE ${this.whereClause(filters)}
      ORDER BY d.date DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return result.rows.map((row) => row.id);
  }

  /**
   * The rows of a page, in the page's order, with snippets around the matched
   * words: those the ranking made, or made here for a page in date order.
   */
  private async rows(match: string | null, page: Array<{ id: number; score: number; snippet?: string }>): Promise<Hit[]> {
    if (page.length === 0) return [];
    const ids = page.map((entry) => entry.id);
    const needSnippets = match !== null && page.some((entry) => entry.snippet === undefined);
    const result = needSnippets
      ? await sql<Hit>`
          SELECT d.id, d.slug, d.index_number, d.title, d.type, d.date, d.language,
                 snippet(documents_fts, 1, ${MATCH_START}, ${MATCH_END}, '…', 28) AS snippet, 0 AS score
          FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
          WHERE documents_fts MATCH ${match} AND documents_fts.rowid IN (${sql.join(ids)})`.execute(this.db)
      : await sql<Hit>`
          SELECT d.id, d.slug, d.index_number, d.title, d.type, d.date, d.language, substr(d.body, 1, 240) AS snippet, 0 AS score
          FROM documents d WHERE d.id IN (${sql.join(ids)})`.execute(this.db);
    const byId = new Map(result.rows.map((row) => [row.id, row]));
    return page.flatMap(({ id, score, snippet }) => {
      const row = byId.get(id);
      return row ? [{ ...row, score, snippet: snippet ?? row.snippet }] : [];
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

function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.type || f.country || f.language || f.year !== undefined || f.from || f.to);
}

/** Positions of the `count` best entries by `better` (negative: a before b), best first. */
function topPositions(positions: number[], better: (a: number, b: number) => number, count: number): number[] {
  if (count >= positions.length / 4) return positions.sort(better).slice(0, count);
  // A small page from many matches: keep the best so far in a short sorted list.
  const best: number[] = [];
  for (const position of positions) {
    if (best.length === count && better(position, best[count - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(position, best[at - 1]!) < 0) at--;
    best.splice(at, 0, position);
    if (best.length > count) best.pop();
  }
  return best;
}
