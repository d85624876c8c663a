/**
 * Which master keys the data keys in a data directory are wrapped under, read
 * straight from the database file. Loading the master key needs this before
 * any connection exists (to finish an interrupted rotation, or to refuse to
 * make a new key for data sealed under a lost one), and it must never create
 * or migrate the database, so it opens the file read-only on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

/** The distinct master-key fingerprints in `data_keys`; empty when there is no database or no data key yet. */
export function readStoredFingerprints(dataDir: string): string[] {
  const file = join(dataDir, 'vigil.db');
  if (!existsSync(file)) return [];
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_keys'").get();
    if (!table) return [];
    const rows = sqlite.prepare('SELECT DISTINCT master_fingerprint AS fingerprint FROM data_keys ORDER BY 1').all() as Array<{ fingerprint: string }>;
    return rows.map((row) => row.fingerprint);
  } finally {
    sqlite.close();
  }
}
