/**
 * Rotating the master key: a new key re-wraps every data key (the sealed
 * values themselves do not change). The order of steps is what keeps every
 * value readable if the process stops at any point:
 *
 * 1. the new key is written to `<key file>.new` (or, with VIGIL_MASTER_KEY, to
 *    the file the operator named) and flushed to disk;
 * 2. every data key is re-wrapped, and the rotation audited, in ONE transaction;
 * 3. the old key is kept as `<key file>.retired-<fingerprint>`, because backups
 *    made before the rotation have their data keys wrapped under it;
 * 4. `.new` is renamed over the key file.
 *
 * Before 2 commits the old key opens everything; after, the new one does, and
 * it is already on disk. Loading the key finishes or abandons a rotation that
 * stopped between 1 and 4 (see master-key.ts).
 */
import { renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { writeTransaction } from '../../db/transaction.ts';
import { AuditRepository, type AuditActor } from '../audit/audit.repository.ts';
import { generateMasterKey, isInsideFolder, MasterKeyError, readKeyFile, syncFolder, writeKeyFileExclusive } from './key-file.ts';
import type { Keyring } from './keyring.ts';
import { MASTER_KEY_VARIABLE, pendingKeyFile, retireKey, toMasterKey, type LoadedMasterKey } from './master-key.ts';

/** The points a rotation passes, in order; `before-commit` is inside the transaction. */
export type RotationStep = 'new-key-written' | 'before-commit' | 'committed' | 'old-key-retired' | 'key-file-replaced';

export interface RotateMasterKeyOptions {
  db: Kysely<Database>;
  /** The keyring in use; it wraps with the new key once the re-wrap has committed. */
  keyring: Keyring;
  /** The current master key, as loaded. */
  master: LoadedMasterKey;
  dataDir: string;
  actor: AuditActor;
  /** With VIGIL_MASTER_KEY: where to write the new key (outside the data directory, not existing). */
  newKeyFile?: string;
  /** Called after each step; tests throw from it to stop a rotation part-way, as a crash would. */
  onStep?: (step: RotationStep) => void | Promise<void>;
  now?: () => Date;
}

export interface RotationResult {
  oldFingerprint: string;
  newFingerprint: string;
  dataKeys: number;
  source: 'env' | 'file';
  /** File mode: the key file, now holding the new key. */
  keyFile?: string;
  /** File mode: where the old key is kept for backups made before now. */
  retiredKeyFile?: string;
  /** Env mode: the file holding the new key, to be put into VIGIL_MASTER_KEY. */
  newKeyFile?: string;
}

function newKeyTarget(options: RotateMasterKeyOptions): string {
  const { master, dataDir, newKeyFile } = options;
  if (master.source === 'env') {
    if (!newKeyFile) {
      throw new MasterKeyError(`${MASTER_KEY_VARIABLE} holds the master key, so the new key needs a file to be written to (vigil keys rotate --new-key-file PATH)`);
    }
    const target = resolve(newKeyFile);
    if (isInsideFolder(target, dataDir)) throw new MasterKeyError(`the new key file ${target} is inside the data directory; write it outside`);
    return target;
  }
  if (newKeyFile) throw new MasterKeyError(`the new key replaces the key file ${master.file}; a new key file is only given when ${MASTER_KEY_VARIABLE} holds the key`);
  if (!master.file) throw new MasterKeyError('the master key was loaded from a file but its name is unknown');
  return pendingKeyFile(master.file);
}

function writeNewKey(target: string, key: Buffer, source: 'env' | 'file'): void {
  try {
    writeKeyFileExclusive(target, key);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code !== 'EEXIST') throw new MasterKeyError(`cannot write the new master key to ${target}: ${code}`);
    throw new MasterKeyError(source === 'env'
      ? `${target} already exists; name a file that does not`
      : `${target} already exists: another rotation is running, or one was interrupted in a data directory without data keys (remove the file if no rotation is running)`);
  }
}

function holdsKey(file: string, key: Buffer): boolean {
  try {
    return readKeyFile(file).equals(key);
  } catch {
    return false;
  }
}

/** Makes a new master key and re-wraps every data key under it, audited, so that no interruption loses a value. */
export async function rotateMasterKey(options: RotateMasterKeyOptions): Promise<RotationResult> {
  const { db, keyring, master, actor } = options;
  const step = options.onStep ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  if (keyring.fingerprint !== master.fingerprint) throw new MasterKeyError('the keyring does not use the master key being rotated');
  await keyring.assertMasterKeyMatches();
  const target = newKeyTarget(options);
  const next = toMasterKey(generateMasterKey());

  writeNewKey(target, next.key, master.source);
  await step('new-key-written');

  const dataKeys = await writeTransaction(db, async (tx) => {
    const count = await keyring.rewrapAll(tx, next, now());
    await new AuditRepository(db).append(tx, actor, {
      action: 'keys.rotate',
      subjectType: 'master_key',
      subjectId: next.fingerprint,
      details: { oldFingerprint: master.fingerprint, newFingerprint: next.fingerprint, dataKeys: count },
    }, now());
    // A process loading the key removes a `.new` it judges abandoned, holding this same write lock; so
    // the new key is checked here, under the lock, to be still on disk before anything is wrapped under it.
    if (!holdsKey(target, next.key)) throw new MasterKeyError(`the new key file ${target} was removed or changed before the rotation committed; nothing was changed, run the rotation again`);
    await step('before-commit');
    return count;
  });
  keyring.useMasterKey(next);
  await step('committed');

  const result: RotationResult = { oldFingerprint: master.fingerprint, newFingerprint: next.fingerprint, dataKeys, source: master.source };
  if (master.source === 'env' || !master.file) return { ...result, newKeyFile: target };

  const retired = retireKey(master.file, master);
  await step('old-key-retired');
  try {
    renameSync(target, master.file);
  } catch (error) {
    // A process that loaded the key meanwhile may have finished the rotation itself.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !holdsKey(master.file, next.key)) throw error;
  }
  syncFolder(dirname(master.file));
  await step('key-file-replaced');
  return { ...result, keyFile: master.file, retiredKeyFile: retired };
}
