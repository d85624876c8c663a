/**
 * Storing documents in bulk. Imports are the one write path hot enough to
 * bypass the query builder: prepared statements, reused for every document,
 * and a savepoint per document, so a document that cannot be stored takes
 * back only its own rows. Each batch gets one audit entry. The ranking index
 * is written in the same transaction as the documents it covers: one segment
 * per batch, or, in a bulk save (an import), one per SEGMENT_DOCUMENTS
 * documents, committed with them.
 */
import type SQLite from 'better-sqlite3';
import { auditAppender } from '../access/audit/audit.append-sync.ts';
import type { AuditActor } from '../access/audit/audit.repository.ts';
import type { NewDocumentRow } from './document.repository.ts';
import type { PreparedDocument } from './import/prepare.ts';
import { termsOf } from './search/document-terms.ts';
import { IndexWriter } from './search/index-writer.ts';
import { startCheckpointer, type Checkpointer } from '../db/checkpointer.ts';

export type DocumentToSave = PreparedDocument;

export type SaveOutcome = 'imported' | 'updated' | { error: string };

interface Stored {
  id: number;
}

const COLUMNS = [
  'slug', 'index_number', 'index_as_printed', 'index_prefix', 'index_country_number', 'index_sequence', 'index_year',
  'language', 'type', 'date', 'year', 'news_service_number', 'urgent_action', 'title', 'organisation', 'body', 'sections',
  'end_marker', 'distribution', 'contact', 'countries', 'content_hash', 'source_file',
] as const;

const BACKLOG_CHUNK = 500;
/**
 * Documents a bulk save gathers into one index segment and one transaction. Cost goes with
 * segments rather than documents (a row per term and segment, written and merged): 1,000-document
 * segments wrote 50,000 documents in 22% less time than 200-document ones.
 */
const SEGMENT_DOCUMENTS = 1000;

/**
 * Terms a bulk save merges after each batch. Merging sixteen 1,000-document segments at once
 * held the writing thread for about a second while the reading worker, two batches ahead, stood
 * idle; such a merge (about 27,000 terms in the benchmark's corpus) now takes seven batches,
 * a few tens of milliseconds each.
 */
const MERGE_STEP_TERMS = 4000;

/**
 * Commits between two checkpoints of a bulk save: about 100 MB of log at 1,000 documents a
 * commit, as often as SQLite's own checkpoints came (checkpointing after every commit wrote a
 * quarter more, copying pages that the next commit changed again).
 */
const COMMITS_PER_CHECKPOINT = 4;

/**
 * Batches saved together: committed, with their index segment, every
 * SEGMENT_DOCUMENTS documents and at `finish`. A failure beyond a single
 * document (the audit chain or the index cannot be written: a full disk, a
 * damaged file) takes back everything since the last commit and is thrown.
 */
export interface BulkSave {
  save(documents: DocumentToSave[], now: string, actor: AuditActor): SaveOutcome[];
  /**
   * Call between batches: when the log has grown long, waits while it is copied and started again
   * (checkpointer.ts). Resolves at once while a transaction is open or nothing is due.
   */
  settle(): Promise<void>;
  /** Writes the last segment, commits, and ends the checkpointing thread. */
  finish(): Promise<void>;
}
/** A backlog this large is announced: indexing it takes a few seconds or more. */
const SAY_FROM = 1000;

export class DocumentWriter {
  private readonly byIndex: SQLite.Statement<[string, string], Stored>;
  private readonly byContent: SQLite.Statement<[string], Stored>;
  private readonly insert: SQLite.Statement<Record<string, unknown>, { id: number }>;
  private readonly update: SQLite.Statement<Record<string, unknown>>;
  private readonly countriesDelete: SQLite.Statement<[number]>;
  private readonly countryInsert: SQLite.Statement<[number, string, string | null]>;
  private readonly saveOne: (document: DocumentToSave, now: string) => 'imported' | 'updated';
  private readonly appendAudit: ReturnType<typeof auditAppender>;
  private readonly saveAndIndex: (documents: DocumentToSave[], now: string, actor: AuditActor) => SaveOutcome[];
  private readonly sqlite: SQLite.Database;
  private readonly index: IndexWriter;
  private readonly indexBacklogChunk: () => number;
  private readonly backlogSize: () => number;

  constructor(sqlite: SQLite.Database) {
    this.sqlite = sqlite;
    const found = 'SELECT id FROM documents';
    this.byIndex = sqlite.prepare(`${found} WHERE index_number = ? AND language = ?`);
    this.byContent = sqlite.prepare(`${found} WHERE index_number IS NULL AND content_hash = ?`);
    this.insert = sqlite.prepare(`INSERT INTO documents (${COLUMNS.join(', ')}, imported_at, updated_at)
      VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now) ON CONFLICT (slug) DO NOTHING RETURNING id`);
    this.update = sqlite.prepare(`UPDATE documents SET ${COLUMNS.filter((c) => c !== 'slug').map((c) => `${c} = @${c}`).join(', ')},
      updated_at = @now WHERE id = @id`);
    this.countriesDelete = sqlite.prepare('DELETE FROM document_countries WHERE document_id = ?');
    this.countryInsert = sqlite.prepare('INSERT OR IGNORE INTO document_countries (document_id, country, date) VALUES (?, ?, ?)');
    // better-sqlite3 runs a transaction inside a transaction as a savepoint.
    this.saveOne = sqlite.transaction((document: DocumentToSave, now: string) => this.store(document, now));
    this.appendAudit = auditAppender(sqlite);
    this.index = new IndexWriter(sqlite);
    this.saveAndIndex = sqlite.transaction((documents: DocumentToSave[], now: string, actor: AuditActor) => {
      const outcomes = this.storeBatch(documents, now, actor);
      this.index.write();
      return outcomes;
    });
    const backlog = sqlite.prepare<[number], { id: number; title: string; body: string }>(
      'SELECT d.id, d.title, d.body FROM search_backlog b JOIN documents d ON d.id = b.id ORDER BY b.id LIMIT ?');
    const backlogSize = sqlite.prepare<[], number>('SELECT count(*) FROM search_backlog JOIN documents USING (id)').pluck();
    this.backlogSize = () => backlogSize.get()!;
    const clearBacklog = sqlite.prepare<[number]>('DELETE FROM search_backlog WHERE id <= ?');
    const orphans = sqlite.prepare('DELETE FROM search_backlog WHERE id NOT IN (SELECT id FROM documents)');
    this.indexBacklogChunk = sqlite.transaction(() => {
      orphans.run();
      this.index.reset();
      const rows = backlog.all(BACKLOG_CHUNK);
      for (const row of rows) this.index.add(row.id, termsOf(row.title, row.body));
      this.index.write();
      if (rows.length > 0) clearBacklog.run(rows.at(-1)!.id);
      return rows.length;
    });
  }

  /**
   * Adds the documents listed in search_backlog (stored before the ranking
   * index existed, or before it kept positions) to it, a chunk per
   * transaction; says so when there are many. Returns how many.
   */
  indexBacklog(say: (line: string) => void): number {
    const waiting = this.backlogSize();
    const started = Date.now();
    if (waiting >= SAY_FROM) say(`Indexing ${waiting.toLocaleString('en')} documents for search; on a large archive this takes a minute or more.`);
    let total = 0;
    for (let n = this.indexBacklogChunk(); n > 0; n = this.indexBacklogChunk()) total += n;
    if (waiting >= SAY_FROM) say(`Indexed ${total.toLocaleString('en')} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return total;
  }

  /** Stores a batch in one transaction; each document is imported, updated, or failed on its own. */
  save(documents: DocumentToSave[], now: string, actor: AuditActor): SaveOutcome[] {
    this.index.reset();
    return this.saveAndIndex(documents, now, actor);
  }

  /**
   * Starts saving many batches (an import): each is stored as `save` stores
   * one, and committed with its segment of the index once enough have
   * gathered. `committed` is called after each commit. Nothing else may write
   * through this connection until `finish`. Meanwhile a thread of its own
   * copies the log into the database (checkpointer.ts).
   */
  bulk(committed: () => void): BulkSave {
    const { sqlite, index } = this;
    // Started with the first commit: an import too small to commit before it ends needs no thread.
    let checkpoints: Checkpointer | undefined;
    // Any failure but a document's own leaves the open transaction in doubt: it is taken back whole, and the bulk save is over.
    const guarded = <T>(work: () => T): T => {
      try {
        return work();
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        index.reset();
        void checkpoints?.stop();
        throw error;
      }
    };
    const commit = () => {
      sqlite.exec('COMMIT');
      committed();
      checkpoints ??= startCheckpointer(sqlite);
      if (++commits % COMMITS_PER_CHECKPOINT === 0) void checkpoints.nudge();
    };
    let commits = 0;
    index.reset();
    return {
      save: (documents, now, actor) => guarded(() => {
        if (!sqlite.inTransaction) sqlite.exec('BEGIN');
        const outcomes = this.storeBatch(documents, now, actor);
        if (index.pendingCount >= SEGMENT_DOCUMENTS) index.writeSegment();
        // A merge goes on a step a batch, the transaction held open until it is done.
        const merging = index.mergeStep(MERGE_STEP_TERMS);
        if (!merging && index.pendingCount === 0) commit();
        return outcomes;
      }),
      settle: () => (sqlite.inTransaction || !checkpoints ? Promise.resolve() : checkpoints.restartIfLong()),
      finish: async () => {
        try {
          guarded(() => {
            if (!sqlite.inTransaction) return;
            index.write();
            sqlite.exec('COMMIT');
            committed();
          });
        } finally {
          await checkpoints?.stop();
        }
      },
    };
  }

  /**
   * Stores each document in a savepoint of its own, inside the caller's
   * transaction, then appends the batch's audit entry. No savepoint spans the
   * batch: SQLite copies every page a savepoint changes, and one around 200
   * documents held tens of megabytes of copies.
   */
  private storeBatch(documents: DocumentToSave[], now: string, actor: AuditActor): SaveOutcome[] {
    const outcomes = documents.map((document): SaveOutcome => {
      try {
        return this.saveOne(document, now);
      } catch (error) {
        return { error: `could not be stored: ${error instanceof Error ? error.message : String(error)}` };
      }
    });
    // One audit entry per batch, naming every document created or updated.
    const reference = (document: DocumentToSave) => document.row.index_number ? `${document.row.index_number} (${document.row.language})` : document.row.slug;
    const created = documents.filter((_, i) => outcomes[i] === 'imported').map(reference);
    const updated = documents.filter((_, i) => outcomes[i] === 'updated').map(reference);
    if (created.length + updated.length > 0) this.appendAudit(actor, { action: 'documents.import', subjectType: 'document', details: { created, updated } }, new Date(now));
    return outcomes;
  }

  private store({ row, countries, terms }: DocumentToSave, now: string): 'imported' | 'updated' {
    const existing = row.index_number ? this.byIndex.get(row.index_number, row.language) : this.byContent.get(row.content_hash);
    let id: number;
    if (existing) {
      id = existing.id;
      this.update.run({ ...row, id, now });
      this.countriesDelete.run(id);
    } else {
      id = this.insertUnderFreeSlug(row, now);
    }
    for (const country of countries) this.countryInsert.run(id, country, row.date);
    // Last, so that a document whose savepoint rolls back never reaches the index.
    this.index.add(id, terms);
    return existing ? 'updated' : 'imported';
  }

  /** Inserts under the document's slug, or `slug-2`, `slug-3`… when that address is taken. */
  private insertUnderFreeSlug(row: NewDocumentRow, now: string): number {
    for (let n = 1; ; n++) {
      const inserted = this.insert.get({ ...row, slug: n === 1 ? row.slug : `${row.slug}-${n}`, now });
      if (inserted) return inserted.id;
    }
  }
}
