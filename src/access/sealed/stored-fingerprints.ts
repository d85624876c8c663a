/**
 * Which master keys the data keys in a data directory are wrapped under, read
 * straight from the database file. Loading the master key needs this before
 * any connection exists (to settle an interrupted rotation, or to refuse to
 * make a new key for data sealed under a lost one), and must never create or
 * migrate the database, so it opens the file on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

function databaseFile(dataDir: string): string {
  return join(dataDir, 'vigil.db');
}

function fingerprintsIn(sqlite: SQLite.Database): string[] {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_keys'").get();
  if (!table) return [];
  const rows = sqlite.prepare('SELECT DISTINCT master_fingerprint AS fingerprint FROM data_keys ORDER BY 1').all() as Array<{ fingerprint: string }>;
  return rows.map((row) => row.fingerprint);
}

/** The distinct master-key fingerprints in `data_keys`; empty when there is no database or no data key yet. */
export function readStoredFingerprints(dataDir: string): string[] {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return [];
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    return fingerprintsIn(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Runs `work` with the stored fingerprints while holding the database's write
 * lock, and writes nothing. A rotation re-wraps and commits under the same
 * lock, so what `work` sees cannot change until it returns: deciding which key
 * file to keep and acting on it is one step.
 */
export function withStoredFingerprintsLocked<T>(dataDir: string, work: (fingerprints: string[]) => T): T {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) return work([]);
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      return work(fingerprintsIn(sqlite));
    } finally {
      sqlite.exec('ROLLBACK');
    }
  } finally {
    sqlite.close();
  }
}
