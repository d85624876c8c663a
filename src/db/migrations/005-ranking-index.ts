/**
 * Vigil's own ranking index beside FTS5 (see src/archive/search/): for each
 * term, per segment, the documents holding it with their weighted
 * frequencies; each document's length and the segment that holds its
 * current postings. Documents stored before this migration are listed in
 * search_backlog and indexed when the archive is next opened.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE search_segments (id INTEGER PRIMARY KEY, level INTEGER NOT NULL)`.execute(db);
  await sql`CREATE TABLE search_postings (
    id INTEGER PRIMARY KEY,
    term TEXT NOT NULL,
    segment INTEGER NOT NULL,
    postings BLOB NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX search_postings_term ON search_postings (term, segment)`.execute(db);
  await sql`CREATE INDEX search_postings_segment ON search_postings (segment, term)`.execute(db);
  await sql`CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    length INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE search_backlog (id INTEGER PRIMARY KEY)`.execute(db);
  await sql`INSERT INTO search_backlog (id) SELECT id FROM documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['search_backlog', 'search_documents', 'search_postings', 'search_segments']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
