/**
 * The offline gazetteer's tables, filled on first use from the packaged data.
 * This migration only creates them: it runs on every fresh database, tests
 * included, and loading some 160,000 places takes seconds (see
 * src/places/gazetteer.service.ts, `ensureLoaded`).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gazetteer_places')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('country', 'division', 'city')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('native', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('division', 'text')
    .addColumn('division_type', 'text')
    .addColumn('parent_id', 'integer')
    .addColumn('lat', 'real')
    .addColumn('lon', 'real')
    .addColumn('population', 'integer')
    .addColumn('capital', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Names are searched by their normalised key (lower case, no accents: `searchKey`),
  // through two structures, because neither serves every query:
  // - an FTS5 trigram index finds the names that contain a text of three characters
  //   or more, wherever it falls (`jing` in `longjing`), and with them the names that
  //   are or begin with it, without reading every name;
  // - trigrams cannot see one or two characters, which is how long many Chinese and
  //   Korean names are (`吉林`, `북한`), so a b-tree over the keys answers those: a
  //   prefix is one index range (`吉林` begins `吉林省`).
  // unicode61 would not do: it finds no text inside a word, and it reads a run of
  // CJK characters as one word, which a query for part of it never matches.
  await db.schema
    .createTable('gazetteer_names')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('place_id', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('translation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Covering: a lookup by name or prefix never reads the table itself.
  await sql`CREATE INDEX gazetteer_names_key ON gazetteer_names (key, place_id, translation)`.execute(db);
  // External content: the keys are stored once, in gazetteer_names. No column sizes: nothing ranks by bm25.
  await sql`CREATE VIRTUAL TABLE gazetteer_name_trigrams USING fts5(
    key,
    content = 'gazetteer_names', content_rowid = 'id',
    tokenize = 'trigram', columnsize = 0
  )`.execute(db);

  await db.schema
    .createTable('gazetteer_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('gazetteer_meta').execute();
  await sql`DROP TABLE gazetteer_name_trigrams`.execute(db);
  await db.schema.dropTable('gazetteer_names').execute();
  await db.schema.dropTable('gazetteer_places').execute();
}
