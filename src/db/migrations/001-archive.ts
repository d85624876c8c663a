/** The archive: documents, their countries, and the full-text index over titles and bodies. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('index_number', 'text')
    .addColumn('index_as_printed', 'text')
    .addColumn('index_prefix', 'text')
    .addColumn('index_country_number', 'integer')
    .addColumn('index_sequence', 'integer')
    .addColumn('index_year', 'integer')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('type', 'text')
    .addColumn('date', 'text')
    .addColumn('year', 'integer')
    .addColumn('news_service_number', 'integer')
    .addColumn('urgent_action', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('end_marker', 'text')
    .addColumn('distribution', 'text')
    .addColumn('contact', 'text')
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source_file', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One document per index number and language; a document without one is known by its content.
  await sql`CREATE UNIQUE INDEX documents_index_language ON documents (index_number, language) WHERE index_number IS NOT NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX documents_content ON documents (content_hash) WHERE index_number IS NULL`.execute(db);
  await sql`CREATE INDEX documents_date ON documents (date DESC, id DESC)`.execute(db);
  // Covers the facet index's load: rows hold whole texts, so reading the table itself means reading every text.
  await sql`CREATE INDEX documents_facets ON documents (type, year, language, date)`.execute(db);
  // The document's date is repeated here so that "same country, nearest date" is an index range.
  await sql`CREATE TABLE document_countries (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    date TEXT,
    PRIMARY KEY (country, document_id)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX document_countries_document ON document_countries (document_id)`.execute(db);
  await sql`CREATE INDEX document_countries_date ON document_countries (country, date)`.execute(db);
  // External content: the text lives once, in documents; the index keeps only what search needs.
  // No stemmer: Porter's is English-only, the archive is not, and it breaks prefix queries
  // (`repatriat*` would not find "repatriations", indexed as "repatri").
  await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, body,
    content = 'documents', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE documents_fts`.execute(db);
  await db.schema.dropTable('document_countries').execute();
  await db.schema.dropTable('documents').execute();
}
