/**
 * Every query on archive documents: storing one (with its countries and its
 * full-text entries, in one transaction), finding one, and searching (through
 * a DocumentSearch on the same connection). SQL that only SQLite speaks stays
 * here, in document.search.ts and in search/.
 */
import type { AuditActor } from '../access/audit/audit.repository.ts';
import type { Kysely, Selectable } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database, DocumentsTable } from '../db/schema.ts';
import { DocumentSearch, type Hit, type SearchAnswer, type SearchRequest } from './document.search.ts';
import { DocumentWriter, type BulkSave, type DocumentToSave, type SaveOutcome } from './document.writer.ts';

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Omit<DocumentRow, 'id' | 'imported_at' | 'updated_at'>;

export class DocumentRepository {
  private readonly dataVersion: () => number;
  private readonly writer: DocumentWriter;
  private readonly searcher: DocumentSearch;
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
    this.searcher = new DocumentSearch(db, sqlite);
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
    this.searcher.forget();
    this.ownWrites++;
  }

  /** Changes whenever the documents change, through this connection or another (an import beside the server). */
  version(): string {
    return `${this.dataVersion()}.${this.ownWrites}`;
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

  /** A search over this connection's indexes; see DocumentSearch. */
  search(request: SearchRequest): Promise<SearchAnswer> {
    return this.searcher.search(request);
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
