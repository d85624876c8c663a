/**
 * Backups of a data directory as one SQLite file, and restoring one into an
 * empty data directory. Loaded only by `vigil backup` and `vigil restore`.
 *
 * A backup holds sealed values but never the master key: it is read with the
 * key that was in use when it was made (kept as a retired key after a rotation).
 */
import { closeSync, copyFileSync, chmodSync, constants, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { AuditRepository, type AuditActor } from '../access/audit/audit.repository.ts';
import { isInsideFolder } from '../access/sealed/key-file.ts';
import { MasterKeyError, openKeyring, SealedValueError, type LoadedMasterKey } from '../access/sealed/index.ts';
import { openDatabase, type Connection } from '../db/connection.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import { writeTransaction } from '../db/transaction.ts';
import { CliError } from './output.ts';

const DATABASE_FILE = 'vigil.db';
const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export interface BackupSummary {
  file: string;
  bytes: number;
  /** The audit entry that records this backup (the backup holds it too). */
  auditSeq: number;
  /** The master keys whose data keys the backup holds: the keys needed to read its sealed values. */
  masterKeys: string[];
}

export interface RestoreSummary {
  dataDir: string;
  file: string;
  documents: number;
  auditEntries: number;
  dataKeys: number;
  master: Pick<LoadedMasterKey, 'fingerprint' | 'source' | 'file'>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies the live database in `dataDir` to `target`, a new file, consistent even while the server writes. */
export async function createBackup(dataDir: string, target: string, actor: AuditActor): Promise<BackupSummary> {
  const file = resolve(target);
  if (existsSync(file)) throw new CliError(`${file} already exists; a backup never overwrites a file`);
  if (!existsSync(join(dataDir, DATABASE_FILE))) throw new CliError(`there is no Vigil database in ${dataDir} to back up`);
  if (isInsideFolder(file, dataDir)) throw new CliError(`${file} is inside the data directory; a backup belongs somewhere else`);
  if (!existsSync(dirname(file))) throw new CliError(`the folder ${dirname(file)} does not exist`);

  const connection = await openDatabase(dataDir);
  let created = false;
  try {
    // Made empty and exclusive first: SQLite's backup would overwrite a file that appeared meanwhile.
    closeSync(openSync(file, 'wx', 0o600));
    created = true;
    const entry = await writeTransaction(connection.db, (tx) =>
      new AuditRepository(connection.db).append(tx, actor, { action: 'backup.create', subjectType: 'backup', details: { file } }));
    const keys = await connection.db.selectFrom('data_keys').select('master_fingerprint').distinct().orderBy('master_fingerprint').execute();
    // One step for all remaining pages: smaller steps restart whenever another process writes, and may never finish.
    await connection.sqlite.backup(file, { progress: ({ totalPages }) => totalPages });
    finishBackupFile(file);
    return { file, bytes: statSync(file).size, auditSeq: entry.seq, masterKeys: keys.map((row) => row.master_fingerprint) };
  } catch (error) {
    if (created) rmSync(file, { force: true });
    if (error instanceof CliError) throw error;
    throw new CliError(`the backup failed and ${file} was removed: ${messageOf(error)}`);
  } finally {
    await connection.close();
  }
}

/** Turns the copy into one self-contained file (no write-ahead log beside it) and checks it reads back. */
function finishBackupFile(file: string): void {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy does not read back: ${String(check)}`);
  } finally {
    copy.close();
  }
}

function startsLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Refuses a file that is damaged, is not Vigil's, or was made by a newer Vigil. */
function checkVigilDatabase(file: string, shownAs: string): void {
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { fileMustExist: true });
    const problems = (sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') throw new CliError(`${shownAs} is damaged: ${problems.slice(0, 3).join('; ')}`);
    const tables = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((row) => row.name));
    if (!tables.has('kysely_migration') || !tables.has('documents')) throw new CliError(`${shownAs} is an SQLite database but not a Vigil backup`);
    const applied = (sqlite.prepare('SELECT name FROM kysely_migration').all() as Array<{ name: string }>).map((row) => row.name);
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length > 0) throw new CliError(`${shownAs} was made by a newer Vigil (it has migration ${unknown.join(', ')}); restore it with that version`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${shownAs} is not a readable SQLite database: ${messageOf(error)}`);
  } finally {
    sqlite?.close();
  }
}

/** The data directory's state: restoring may only fill an empty or missing one. */
function refuseOccupied(dataDir: string): boolean {
  if (!existsSync(dataDir)) return false;
  if (!statSync(dataDir).isDirectory()) throw new CliError(`${dataDir} is a file, not a data directory`);
  if (readdirSync(dataDir).length > 0) {
    throw new CliError(`the data directory ${dataDir} is not empty; restore only fills an empty or missing directory, so nothing is overwritten (move it away, or set VIGIL_DATA to a new folder)`);
  }
  return true;
}

/** Puts the data directory back as it was before a failed restore. */
function undoRestore(dataDir: string, existed: boolean, firstCreated: string | undefined, keyFile: string | undefined): void {
  if (keyFile) rmSync(keyFile, { force: true });
  if (existed) {
    for (const entry of readdirSync(dataDir)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  } else {
    rmSync(firstCreated ?? dataDir, { recursive: true, force: true });
  }
}

/**
 * Restores a backup file into an empty or missing data directory: checks it,
 * copies it in, migrates it, verifies the audit chain and the master key. On
 * any failure the data directory is left as it was.
 */
export async function restoreBackup(dataDir: string, source: string, actor: AuditActor): Promise<RestoreSummary> {
  const file = resolve(source);
  if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`${file} is not a file`);
  const existed = refuseOccupied(dataDir);
  if (!startsLikeSqlite(file)) throw new CliError(`${file} is not an SQLite database, so not a Vigil backup`);

  const firstCreated = existed ? undefined : mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let connection: Connection | undefined;
  let createdKeyFile: string | undefined;
  try {
    const copy = join(dataDir, DATABASE_FILE);
    copyFileSync(file, copy, constants.COPYFILE_EXCL);
    chmodSync(copy, 0o600);
    // Checked as the copy, so the backup itself is never opened for writing.
    checkVigilDatabase(copy, file);
    connection = await openDatabase(dataDir);
    const audit = new AuditRepository(connection.db);
    const chain = await audit.verify();
    if (chain.broken) throw new CliError(`the audit chain in ${file} is broken at entry ${chain.broken.seq}: ${chain.broken.reason}`);
    const { master, keyring } = await openKeyring(connection.db, dataDir);
    if (master.created) createdKeyFile = master.file;
    const status = await keyring.status();
    const documents = await connection.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    await writeTransaction(connection.db, (tx) => audit.append(tx, actor, { action: 'backup.restore', subjectType: 'backup', details: { file } }));
    return {
      dataDir, file, documents: Number(documents.count), auditEntries: chain.entries + 1, dataKeys: status.dataKeys,
      master: { fingerprint: master.fingerprint, source: master.source, ...(master.file ? { file: master.file } : {}) },
    };
  } catch (error) {
    await connection?.close().catch(() => undefined);
    connection = undefined;
    undoRestore(dataDir, existed, firstCreated, createdKeyFile);
    const known = error instanceof CliError || error instanceof MasterKeyError || error instanceof SealedValueError;
    throw new CliError(`${known ? '' : `cannot restore ${file}: `}${messageOf(error)}; the data directory was left as it was`);
  } finally {
    await connection?.close();
  }
}
