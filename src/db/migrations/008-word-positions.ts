/**
 * The ranking index keeps word positions, and answers phrases itself: FTS5,
 * kept until now for phrases alone, goes (at 100,000 documents it had been
 * half of an import's writing and 170 MB on disk). A term's position lists
 * in a segment are a row of search_positions, under the id of its postings'
 * row: apart, so that the postings every query reads stay as compact as
 * before. Each document's title length is kept, to weight a phrase found in
 * the title. The index is emptied here and every document listed in
 * search_backlog: the archive indexes them again when next opened.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE documents_fts`.execute(db);
  await sql`DELETE FROM search_postings`.execute(db);
  await sql`DELETE FROM search_segments`.execute(db);
  await sql`DROP TABLE search_documents`.execute(db);
  await sql`CREATE TABLE search_positions (id INTEGER PRIMARY KEY, positions BLOB NOT NULL)`.execute(db);
  await sql`CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    length INTEGER NOT NULL,
    title_length INTEGER NOT NULL
  )`.execute(db);
  await sql`INSERT OR IGNORE INTO search_backlog (id) SELECT id FROM documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE search_positions`.execute(db);
  await sql`DELETE FROM search_postings`.execute(db);
  await sql`DELETE FROM search_segments`.execute(db);
  await sql`DROP TABLE search_documents`.execute(db);
  await sql`CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    length INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')`.execute(db);
  await sql`INSERT OR IGNORE INTO search_backlog (id) SELECT id FROM documents`.execute(db);
}
