/**
 * The embedded database: one SQLite file in the data directory, opened with
 * write-ahead logging so readers never wait for the importer, and migrated to
 * the current schema on open.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';
import type { Database } from './schema.ts';

export interface Connection {
  db: Kysely<Database>;
  /** The raw handle, for what Kysely does not model: pragmas, backups, change counters. */
  sqlite: SQLite.Database;
  file: string;
  close(): Promise<void>;
}

/**
 * Checkpoint every 8,192 pages of log (128 MB at 16 KiB) rather than every 1,000: pages written again
 * and again (index segments, b-tree branches) are copied into the database once per checkpoint, not
 * per commit. Imports hand checkpoints to a thread of their own (checkpointer.ts).
 */
export const WAL_AUTOCHECKPOINT_PAGES = 8192;

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** The data directory: `VIGIL_DATA`, else `./vigil-data`. */
export function defaultDataDir(): string {
  return resolve(process.env.VIGIL_DATA ?? 'vigil-data');
}

/**
 * Opens (creating if needed) the database in a data directory and brings its schema up to date.
 * Upgrading an existing database says so on `say` (standard error by default): on a large archive
 * migrations can take a while (006 and 007 on 100,000 documents: 15-19 s).
 */
export async function openDatabase(dataDir: string, say: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<Connection> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'vigil.db');
  const sqlite = new SQLite(file);
  // 16 KiB pages (a new database only: an existing one keeps its own): a document's text and a
  // term's postings take fewer pages, and an import of 100,000 documents writes in about a fifth
  // less CPU than with 4 KiB pages.
  sqlite.pragma('page_size = 16384');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Savepoints' copies of the pages they change, and sorts, in memory rather than in temporary files:
  // an import of 100,000 documents passed 15 GB through such files before.
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -16384');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider });
  const pending = (await migrator.getMigrations()).filter((migration) => migration.executedAt === undefined);
  const upgrading = pending.length > 0 && pending.length < Object.keys(MIGRATIONS).length;
  const started = Date.now();
  if (upgrading) say(`Upgrading the database in ${dataDir} (${pending.map((migration) => migration.name).join(', ')}); on a large archive this can take a few minutes.`);
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (upgrading) say(`Database upgraded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { db, sqlite, file, close: () => db.destroy() };
}
