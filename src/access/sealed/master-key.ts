/**
 * Finding the master key that wraps every data key: from `VIGIL_MASTER_KEY`,
 * or from a key file beside (never inside) the data directory, made on first
 * use. A master key rotation that was interrupted is finished or abandoned
 * here, whichever leaves every data key readable.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { masterKeyFingerprint } from './cipher.ts';
import { generateMasterKey, isInsideFolder, MasterKeyError, readKeyFile, syncFolder, writeKeyFileExclusive, decodeMasterKey } from './key-file.ts';
import { readStoredFingerprints, withStoredFingerprintsLocked } from './stored-fingerprints.ts';

export { MasterKeyError } from './key-file.ts';

/** The environment variable holding the master key itself. */
export const MASTER_KEY_VARIABLE = 'VIGIL_MASTER_KEY';
/** The environment variable naming the key file. */
export const KEY_FILE_VARIABLE = 'VIGIL_KEY_FILE';

export interface MasterKey {
  key: Buffer;
  fingerprint: string;
}

export interface LoadedMasterKey extends MasterKey {
  source: 'env' | 'file';
  /** The key file, in file mode. */
  file?: string;
  /** True when this load made the key file. */
  created: boolean;
}

export interface LoadMasterKeyOptions {
  env?: NodeJS.ProcessEnv;
  /** Told what an operator must know: a key was made, a rotation finished. Default: standard error. */
  warn?: (message: string) => void;
}

/** Builds a `MasterKey` (key and fingerprint) from raw bytes. */
export function toMasterKey(key: Buffer): MasterKey {
  return { key, fingerprint: masterKeyFingerprint(key) };
}

/** The key file for a data directory: `VIGIL_KEY_FILE`, else `<dataDir>.master-key` beside it. */
export function masterKeyFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const named = env[KEY_FILE_VARIABLE];
  return named ? resolve(named) : `${resolve(dataDir)}.master-key`;
}

/** Where a rotation writes the new key before the data keys are re-wrapped. */
export function pendingKeyFile(file: string): string {
  return `${file}.new`;
}

/** Where a rotation keeps the key it replaced, for backups made before it. */
export function retiredKeyFile(file: string, fingerprint: string): string {
  return `${file}.retired-${fingerprint}`;
}

/** Keeps a copy of a replaced key beside the key file; a copy already there (from an earlier try) is reused. */
export function retireKey(file: string, old: MasterKey): string {
  const retired = retiredKeyFile(file, old.fingerprint);
  try {
    writeKeyFileExclusive(retired, old.key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!readKeyFile(retired).equals(old.key)) throw new MasterKeyError(`${retired} exists and holds another key; move it away and try again`);
  }
  return retired;
}

function defaultWarn(message: string): void {
  process.stderr.write(`vigil: ${message}\n`);
}

function keyFromEnvironment(value: string): LoadedMasterKey {
  const key = decodeMasterKey(value);
  if (!key) {
    throw new MasterKeyError(`${MASTER_KEY_VARIABLE} must be a 32-byte key written as base64 (44 characters) or as 64 hex digits`);
  }
  return { ...toMasterKey(key), source: 'env', created: false };
}

function readIfPossible(file: string): MasterKey | null {
  try {
    return toMasterKey(readKeyFile(file));
  } catch {
    return null;
  }
}

/**
 * A `.new` key file means a rotation stopped part-way (or is running). The
 * data keys are re-wrapped in one transaction, so they are all under the old
 * key or all under the new one; the key they are under wins. The decision and
 * the file changes are made holding the database's write lock, so a rotation
 * in another process cannot commit in between (see rotation.ts).
 */
function settleInterruptedRotation(dataDir: string, file: string, warn: (message: string) => void): void {
  const pending = pendingKeyFile(file);
  withStoredFingerprintsLocked(dataDir, (stored) => {
    // Another process may have settled it while this one waited for the lock.
    if (!existsSync(pending)) return;
    // A crash while the new key was being written leaves a short file; the commit never happened then.
    const next = readIfPossible(pending);
    const current = existsSync(file) ? toMasterKey(readKeyFile(file)) : null;
    if (stored.length === 0) {
      // Nothing here is wrapped under either key: this may be the wrong data directory, so the files stay as they are.
      if (!current) throw new MasterKeyError(`${file} is missing and ${pending} is left from an interrupted rotation; rename ${pending} to ${file} if it is the key you use`);
      warn(`${pending} is left from an interrupted master key rotation, and this data directory has no data keys to tell which key is right; it was left in place`);
      return;
    }
    const under = (key: MasterKey): boolean => stored.every((fingerprint) => fingerprint === key.fingerprint);
    if (current && under(current)) {
      rmSync(pending);
      syncFolder(dirname(file));
      warn(`a master key rotation was interrupted before it re-wrapped the data keys; they are still under ${current.fingerprint}, so the unused new key was removed`);
      return;
    }
    if (next && under(next)) {
      const kept = current ? `; the previous key ${current.fingerprint} is kept in ${retireKey(file, current)} for backups made before the rotation` : '';
      renameSync(pending, file);
      syncFolder(dirname(file));
      warn(`finished an interrupted master key rotation: ${file} now holds ${next.fingerprint}${kept}`);
      return;
    }
    throw new MasterKeyError(
      `${pending} is left from an interrupted master key rotation, but neither it (${next?.fingerprint ?? 'unreadable'}) nor ${file} ` +
      `(${current?.fingerprint ?? 'missing'}) is the key this data directory's data keys are wrapped under (${stored.join(', ')}); nothing was changed`,
    );
  });
}

function warnIfOthersCanRead(file: string, warn: (message: string) => void): void {
  if (process.platform === 'win32') return;
  if ((statSync(file).mode & 0o077) !== 0) warn(`the master key file ${file} can be read by other users; run chmod 600 on it`);
}

function createKeyFile(dataDir: string, file: string, warn: (message: string) => void): LoadedMasterKey {
  const stored = readStoredFingerprints(dataDir);
  if (stored.length > 0) {
    // A fresh key would open nothing here, and would hide that the real one is lost.
    throw new MasterKeyError(
      `the master key file ${file} is missing, but this data directory holds data keys wrapped under master key ${stored.join(', ')}; ` +
      `put that key back from where it was backed up (or set ${MASTER_KEY_VARIABLE})`,
    );
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = generateMasterKey();
  try {
    writeKeyFileExclusive(file, key);
  } catch (error) {
    // Another process starting at the same moment made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { ...toMasterKey(readKeyFile(file)), source: 'file', file, created: false };
    throw new MasterKeyError(`cannot create the master key file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const loaded: LoadedMasterKey = { ...toMasterKey(key), source: 'file', file, created: true };
  warn(
    `created a new master key in ${file} (fingerprint ${loaded.fingerprint}). Back it up now, apart from the data and its backups: ` +
    'without it the sealed values (source identities and contacts, two-factor secrets) can never be read again.',
  );
  return loaded;
}

/** Loads the master key for `dataDir`, from the environment or its key file, making the file on first use. */
export function loadMasterKey(dataDir: string, options: LoadMasterKeyOptions = {}): LoadedMasterKey {
  const env = options.env ?? process.env;
  const warn = options.warn ?? defaultWarn;
  const value = env[MASTER_KEY_VARIABLE];
  if (value !== undefined) {
    if (env[KEY_FILE_VARIABLE]) warn(`${KEY_FILE_VARIABLE} is ignored because ${MASTER_KEY_VARIABLE} is set`);
    return keyFromEnvironment(value);
  }
  const file = masterKeyFile(dataDir, env);
  if (isInsideFolder(file, dataDir)) {
    throw new MasterKeyError(
      `the master key file ${file} is inside the data directory ${resolve(dataDir)}: every copy of the data would carry its key. ` +
      `Keep it outside (set ${KEY_FILE_VARIABLE}, or ${MASTER_KEY_VARIABLE})`,
    );
  }
  if (existsSync(pendingKeyFile(file))) settleInterruptedRotation(dataDir, file, warn);
  if (!existsSync(file)) return createKeyFile(dataDir, file, warn);
  const key = readKeyFile(file);
  warnIfOthersCanRead(file, warn);
  return { ...toMasterKey(key), source: 'file', file, created: false };
}
