/**
 * The keyring and the master key on a real data directory: sealed values never
 * reach the database file in clear, open again after a restart, refuse a
 * master key that is not theirs, and survive a master key rotation stopped at
 * any step.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../src/access/audit/audit.repository.ts';
import { sealedFieldContext } from '../../src/access/sealed/cipher.ts';
import { readKeyFile } from '../../src/access/sealed/key-file.ts';
import { compartmentKeyName, Keyring, MasterKeyMismatchError, SYSTEM_KEY_NAME } from '../../src/access/sealed/keyring.ts';
import { loadMasterKey, MasterKeyError, toMasterKey, type LoadedMasterKey } from '../../src/access/sealed/master-key.ts';
import { openKeyring } from '../../src/access/sealed/index.ts';
import { rotateMasterKey, type RotationStep } from '../../src/access/sealed/rotation.ts';
import { openDatabase, type Connection } from '../../src/db/connection.ts';
import { writeTransaction } from '../../src/db/transaction.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
});

/** A fresh folder holding a data directory `data` and, beside it, its key file. */
function freshRoot(): { root: string; dataDir: string; keyFile: string } {
  const root = mkdtempSync(join(tmpdir(), 'vigil-sealed-'));
  roots.push(root);
  return { root, dataDir: join(root, 'data'), keyFile: join(root, 'data.master-key') };
}

const ACTOR = { id: null, label: 'test' };

interface Opened {
  connection: Connection;
  keyring: Keyring;
  master: LoadedMasterKey;
  warnings: string[];
}

/** Opens the database and the keyring the way the application does, with an environment of our own. */
async function open(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Opened> {
  const connection = await openDatabase(dataDir);
  const warnings: string[] = [];
  try {
    const { keyring, master } = await openKeyring(connection.db, dataDir, { env, warn: (message) => warnings.push(message) });
    return { connection, keyring, master, warnings };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/** A source: a pseudonym in a compartment, with an identity and contact sealed under the compartment's key. */
interface SourceInput {
  pseudonym: string;
  compartment: number;
  identity: string;
  contact: string;
}

const SOURCES: SourceInput[] = [
  { pseudonym: 'S-0001', compartment: 1, identity: 'canary-identity-Kim-7f3a9', contact: 'Signal +82 10 5555 0101' },
  { pseudonym: 'S-0002', compartment: 1, identity: 'Pak Sun-ok, Tumen', contact: 'via her cousin in Yanji' },
  { pseudonym: 'S-0003', compartment: 2, identity: 'Ri Chol-min 리철민', contact: 'Wednesday market, Longjing' },
];
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP-canary-totp';

async function storeSources(opened: Opened, sources: SourceInput[] = SOURCES): Promise<void> {
  const { connection, keyring } = opened;
  await writeTransaction(connection.db, async (tx) => {
    const at = new Date().toISOString();
    for (const id of new Set(sources.map((source) => source.compartment))) {
      await tx.insertInto('compartments').values({ id, name: `Compartment ${id}`, created_at: at }).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const source of sources) {
      const key = compartmentKeyName(source.compartment);
      await tx.insertInto('sources').values({
        pseudonym: source.pseudonym, compartment_id: source.compartment, kind: 'witness', created_at: at, updated_at: at, deleted_at: null,
        identity: await keyring.seal(tx, key, source.identity, sealedFieldContext('sources', 'identity', source.pseudonym)),
        contact: await keyring.seal(tx, key, source.contact, sealedFieldContext('sources', 'contact', source.pseudonym)),
      }).execute();
    }
    await tx.insertInto('users').values({
      email: 'field@example.org', role: 'researcher', password_hash: 'x', password_changed_at: at, created_at: at,
      totp_secret: await keyring.seal(tx, SYSTEM_KEY_NAME, TOTP_SECRET, sealedFieldContext('users', 'totp_secret', 1)),
      totp_enabled_at: at, totp_last_step: null, locked_until: null, disabled_at: null,
    }).onConflict((oc) => oc.doNothing()).execute();
  });
}

/** Opens every sealed value and checks it against what was stored. */
async function expectAllOpen(opened: Opened, sources: SourceInput[] = SOURCES): Promise<void> {
  const { connection, keyring } = opened;
  const rows = await connection.db.selectFrom('sources').select(['pseudonym', 'compartment_id', 'identity', 'contact']).orderBy('pseudonym').execute();
  expect(rows.map((row) => row.pseudonym)).toEqual(sources.map((source) => source.pseudonym));
  for (const [i, row] of rows.entries()) {
    const key = compartmentKeyName(row.compartment_id);
    expect(await keyring.open(key, row.identity!, sealedFieldContext('sources', 'identity', row.pseudonym))).toBe(sources[i]!.identity);
    expect(await keyring.open(key, row.contact!, sealedFieldContext('sources', 'contact', row.pseudonym))).toBe(sources[i]!.contact);
  }
  const user = await connection.db.selectFrom('users').select('totp_secret').executeTakeFirstOrThrow();
  expect(await keyring.open(SYSTEM_KEY_NAME, user.totp_secret!, sealedFieldContext('users', 'totp_secret', 1))).toBe(TOTP_SECRET);
}

function fileHolds(file: string, text: string): boolean {
  return existsSync(file) && readFileSync(file).includes(Buffer.from(text, 'utf8'));
}

function modeOf(file: string): number {
  return statSync(file).mode & 0o777;
}

describe('the keyring on a data directory', () => {
  it('seals in a transaction, keeps the clear value out of vigil.db and its WAL, and opens it after a restart', async () => {
    const { dataDir, keyFile } = freshRoot();
    const first = await open(dataDir);
    expect(first.master).toMatchObject({ source: 'file', file: keyFile, created: true });
    expect(first.warnings.join('\n')).toMatch(/created a new master key.*Back it up/s);
    expect(modeOf(keyFile)).toBe(0o600);
    await storeSources(first);
    // While the connection is open the new pages are in the write-ahead log: both files are searched.
    expect(existsSync(join(dataDir, 'vigil.db-wal'))).toBe(true);
    for (const file of ['vigil.db', 'vigil.db-wal']) {
      for (const canary of [SOURCES[0]!.identity, SOURCES[2]!.identity, SOURCES[0]!.contact, TOTP_SECRET]) {
        expect(fileHolds(join(dataDir, file), canary), `${canary} in ${file}`).toBe(false);
      }
    }
    await expectAllOpen(first);
    await first.connection.close();
    expect(fileHolds(join(dataDir, 'vigil.db'), SOURCES[0]!.identity)).toBe(false);

    const again = await open(dataDir);
    expect(again.master).toMatchObject({ fingerprint: first.master.fingerprint, created: false });
    expect(again.warnings).toEqual([]);
    await expectAllOpen(again);
    const status = await again.keyring.status();
    expect(status).toEqual({ dataKeys: 3, byFingerprint: { [first.master.fingerprint]: 3 } });
    await again.connection.close();
  });

  it('refuses a master key that does not belong to the data directory, naming both fingerprints and no key', async () => {
    const { dataDir } = freshRoot();
    const first = await open(dataDir);
    await storeSources(first);
    await first.connection.close();
    const stranger = randomBytes(32);
    const strangerFingerprint = toMasterKey(stranger).fingerprint;
    const error = await open(dataDir, { VIGIL_MASTER_KEY: stranger.toString('base64') }).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(MasterKeyMismatchError);
    const message = (error as Error).message;
    expect(message).toContain('does not belong to this data directory');
    expect(message).toContain(strangerFingerprint);
    expect(message).toContain(first.master.fingerprint);
    expect(message).not.toContain(stranger.toString('base64'));
    expect(message).not.toContain(first.master.key.toString('base64'));
  });

  it('keeps a value sealed in a rolled-back transaction from poisoning the next one', async () => {
    const { dataDir } = freshRoot();
    const opened = await open(dataDir);
    await storeSources(opened);
    // A new compartment's key is made inside a transaction that then fails: the key must not outlive it.
    await expect(writeTransaction(opened.connection.db, async (tx) => {
      await opened.keyring.seal(tx, compartmentKeyName(9), 'lost', 'sources.identity:S-0009');
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await opened.connection.db.selectFrom('data_keys').select('name').where('name', '=', 'compartment:9').executeTakeFirst()).toBeUndefined();
    const blob = await writeTransaction(opened.connection.db, (tx) => opened.keyring.seal(tx, compartmentKeyName(9), 'kept', 'sources.identity:S-0009'));
    await opened.connection.close();
    const again = await open(dataDir);
    expect(await again.keyring.open(compartmentKeyName(9), blob, 'sources.identity:S-0009')).toBe('kept');
    await again.connection.close();
  });

  it('refuses to make a fresh key when the data keys need a key file that is missing', async () => {
    const { dataDir, keyFile } = freshRoot();
    const first = await open(dataDir);
    await storeSources(first);
    await first.connection.close();
    rmSync(keyFile);
    expect(() => loadMasterKey(dataDir, { env: {}, warn: () => undefined })).toThrow(/is missing, but this data directory holds data keys wrapped under master key/);
    expect(existsSync(keyFile)).toBe(false);
  });
});

describe('where the master key comes from', () => {
  it('refuses a key file inside the data directory', () => {
    const { dataDir } = freshRoot();
    for (const inside of [join(dataDir, 'master.key'), join(dataDir, 'sub', '..', 'key')]) {
      expect(() => loadMasterKey(dataDir, { env: { VIGIL_KEY_FILE: inside }, warn: () => undefined })).toThrow(/inside the data directory/);
      expect(existsSync(inside)).toBe(false);
    }
  });

  it('uses VIGIL_KEY_FILE when it names a file outside', () => {
    const { root, dataDir } = freshRoot();
    const file = join(root, 'keys', 'vigil.key');
    const loaded = loadMasterKey(dataDir, { env: { VIGIL_KEY_FILE: file }, warn: () => undefined });
    expect(loaded).toMatchObject({ source: 'file', file, created: true });
    expect(loadMasterKey(dataDir, { env: { VIGIL_KEY_FILE: file }, warn: () => undefined }).fingerprint).toBe(loaded.fingerprint);
  });

  it('refuses a VIGIL_MASTER_KEY that is not 32 bytes of base64 or hex, naming the variable', () => {
    const { dataDir } = freshRoot();
    const key = randomBytes(32);
    for (const bad of ['', 'abc', randomBytes(31).toString('base64'), randomBytes(33).toString('base64'), key.toString('hex').slice(1), `${key.toString('hex')}0`, `${key.toString('base64')}!`]) {
      expect(() => loadMasterKey(dataDir, { env: { VIGIL_MASTER_KEY: bad } }), JSON.stringify(bad)).toThrow(MasterKeyError);
      expect(() => loadMasterKey(dataDir, { env: { VIGIL_MASTER_KEY: bad } })).toThrow(/VIGIL_MASTER_KEY must be a 32-byte key/);
    }
    const fingerprint = toMasterKey(key).fingerprint;
    for (const good of [key.toString('base64'), key.toString('hex'), key.toString('base64url'), ` ${key.toString('hex').toUpperCase()}\n`]) {
      expect(loadMasterKey(dataDir, { env: { VIGIL_MASTER_KEY: good } })).toMatchObject({ source: 'env', fingerprint });
    }
    expect(existsSync(`${dataDir}.master-key`)).toBe(false);
  });

  it('refuses a key file that does not hold a key, naming the file', () => {
    const { dataDir, keyFile } = freshRoot();
    writeFileSync(keyFile, 'not a key\n', { mode: 0o600 });
    expect(() => loadMasterKey(dataDir, { env: {} })).toThrow(`the master key file ${keyFile} does not hold a 32-byte key`);
  });
});

describe('rotating the master key', () => {
  it('re-wraps every data key in one audited transaction and keeps the old key for older backups', async () => {
    const { dataDir, keyFile, root } = freshRoot();
    const opened = await open(dataDir);
    await storeSources(opened);
    const old = opened.master;
    // A copy made before the rotation: it will need the retired key.
    await opened.connection.sqlite.backup(join(root, 'before.db'));

    const result = await rotateMasterKey({ db: opened.connection.db, keyring: opened.keyring, master: old, dataDir, actor: ACTOR });
    expect(result).toMatchObject({ oldFingerprint: old.fingerprint, dataKeys: 3, source: 'file', keyFile, retiredKeyFile: `${keyFile}.retired-${old.fingerprint}` });
    expect(result.newFingerprint).not.toBe(old.fingerprint);
    // The same keyring goes on working, now under the new key.
    await expectAllOpen(opened);
    expect(opened.keyring.fingerprint).toBe(result.newFingerprint);
    const [entry] = await new AuditRepository(opened.connection.db).list({ action: 'keys.rotate' });
    expect(entry).toMatchObject({ actor: 'test', subjectType: 'master_key', subjectId: result.newFingerprint });
    expect(JSON.parse(entry!.details)).toEqual({ oldFingerprint: old.fingerprint, newFingerprint: result.newFingerprint, dataKeys: 3 });
    expect((await new AuditRepository(opened.connection.db).verify()).broken).toBeNull();
    await opened.connection.close();

    expect(readdirSync(root).sort()).toEqual(['before.db', 'data', 'data.master-key', `data.master-key.retired-${old.fingerprint}`]);
    expect(modeOf(keyFile)).toBe(0o600);
    expect(modeOf(result.retiredKeyFile!)).toBe(0o600);
    expect(loadMasterKey(dataDir, { env: {} }).key.equals(old.key)).toBe(false);
    const again = await open(dataDir);
    expect(again.master.fingerprint).toBe(result.newFingerprint);
    await expectAllOpen(again);
    expect(await again.keyring.status()).toEqual({ dataKeys: 3, byFingerprint: { [result.newFingerprint]: 3 } });
    await again.connection.close();

    // The old key no longer opens the data directory, but it does open the copy made before.
    const oldEnv = { VIGIL_MASTER_KEY: readFileSync(result.retiredKeyFile!, 'utf8') };
    await expect(open(dataDir, oldEnv)).rejects.toThrow(MasterKeyMismatchError);
    const restored = join(root, 'restored');
    await openDatabase(restored).then((connection) => connection.close());
    rmSync(join(restored, 'vigil.db'));
    writeFileSync(join(restored, 'vigil.db'), readFileSync(join(root, 'before.db')));
    const before = await open(restored, oldEnv);
    await expectAllOpen(before);
    await before.connection.close();
  });

  it('refuses, once rotated elsewhere, to wrap a new data key under the old master key', async () => {
    const { dataDir } = freshRoot();
    const stale = await open(dataDir);
    await storeSources(stale);
    const current = await open(dataDir);
    await rotateMasterKey({ db: current.connection.db, keyring: current.keyring, master: current.master, dataDir, actor: ACTOR });
    await current.connection.close();
    // A server started before the rotation: the keys it holds still open values (sign-in keeps working),
    // but it seals nothing more, since a key it made now would be wrapped under a master key that is gone.
    await expectAllOpen(stale);
    for (const keyName of [compartmentKeyName(7), compartmentKeyName(1)]) {
      await expect(writeTransaction(stale.connection.db, (tx) => stale.keyring.seal(tx, keyName, 'x', 'sources.identity:S-0007')))
        .rejects.toThrow(/must be restarted/);
    }
    expect(await stale.connection.db.selectFrom('data_keys').select('name').where('name', '=', 'compartment:7').executeTakeFirst()).toBeUndefined();
    const fresh = await open(dataDir);
    await expectAllOpen(fresh);
    await fresh.connection.close();
    // A key it never held cannot be opened by it: the error says why.
    const cold = new Keyring(stale.connection.db, stale.master);
    const row = await stale.connection.db.selectFrom('sources').select('identity').where('pseudonym', '=', 'S-0001').executeTakeFirstOrThrow();
    await expect(cold.open(compartmentKeyName(1), row.identity!, 'sources.identity:S-0001')).rejects.toThrow(MasterKeyMismatchError);
    await stale.connection.close();
  });

  const STEPS: Array<{ step: RotationStep; finished: boolean }> = [
    { step: 'new-key-written', finished: false },
    { step: 'before-commit', finished: false },
    { step: 'committed', finished: true },
    { step: 'old-key-retired', finished: true },
    { step: 'key-file-replaced', finished: true },
  ];

  for (const { step, finished } of STEPS) {
    it(`leaves every value readable when stopped after "${step}", and the next load ${finished ? 'finishes' : 'abandons'} it`, async () => {
      const { dataDir, keyFile, root } = freshRoot();
      const opened = await open(dataDir);
      await storeSources(opened);
      const old = opened.master;
      let newFingerprint = '';
      await expect(rotateMasterKey({
        db: opened.connection.db, keyring: opened.keyring, master: old, dataDir, actor: ACTOR,
        onStep: (reached) => {
          if (reached === 'new-key-written') newFingerprint = toMasterKey(readKeyFile(`${keyFile}.new`)).fingerprint;
          if (reached === step) throw new Error(`stopped after ${step}`);
        },
      })).rejects.toThrow(`stopped after ${step}`);
      await opened.connection.close();

      const again = await open(dataDir);
      expect(again.master.fingerprint).toBe(finished ? newFingerprint : old.fingerprint);
      await expectAllOpen(again);
      expect(existsSync(`${keyFile}.new`)).toBe(false);
      const retired = `data.master-key.retired-${old.fingerprint}`;
      expect(readdirSync(root).sort()).toEqual(finished ? ['data', 'data.master-key', retired] : ['data', 'data.master-key']);
      if (step !== 'key-file-replaced') expect(again.warnings.join('\n')).toMatch(finished ? /finished an interrupted master key rotation/ : /interrupted before it re-wrapped/);
      const rotations = await new AuditRepository(again.connection.db).list({ action: 'keys.rotate' });
      expect(rotations).toHaveLength(finished ? 1 : 0);
      expect((await new AuditRepository(again.connection.db).verify()).broken).toBeNull();
      await again.connection.close();
    });
  }

  it('stays safe when another process loads the key in the middle of a rotation', async () => {
    const { dataDir, keyFile } = freshRoot();
    const opened = await open(dataDir);
    await storeSources(opened);
    const quiet = { env: {}, warn: () => undefined };
    // Before the commit, a loader takes the `.new` for abandoned and removes it: the rotation must then refuse to commit.
    await expect(rotateMasterKey({
      db: opened.connection.db, keyring: opened.keyring, master: opened.master, dataDir, actor: ACTOR,
      onStep: (reached) => {
        if (reached === 'new-key-written') expect(loadMasterKey(dataDir, quiet).fingerprint).toBe(opened.master.fingerprint);
      },
    })).rejects.toThrow(/was removed or changed before the rotation committed/);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
    await expectAllOpen(opened);
    // After the commit, a loader finishes the rotation itself: the rotation must still end well.
    const result = await rotateMasterKey({
      db: opened.connection.db, keyring: opened.keyring, master: opened.master, dataDir, actor: ACTOR,
      onStep: (reached) => {
        if (reached === 'committed') expect(loadMasterKey(dataDir, quiet).fingerprint).not.toBe(opened.master.fingerprint);
      },
    });
    expect(loadMasterKey(dataDir, quiet).fingerprint).toBe(result.newFingerprint);
    await opened.connection.close();
    const again = await open(dataDir);
    await expectAllOpen(again);
    await again.connection.close();
  });

  it('abandons a new key file cut short while it was being written', async () => {
    const { dataDir, keyFile } = freshRoot();
    const opened = await open(dataDir);
    await storeSources(opened);
    await opened.connection.close();
    writeFileSync(`${keyFile}.new`, 'c2hvcnQ', { mode: 0o600 });
    const again = await open(dataDir);
    expect(again.master.fingerprint).toBe(opened.master.fingerprint);
    expect(existsSync(`${keyFile}.new`)).toBe(false);
    await expectAllOpen(again);
    await again.connection.close();
  });

  it('with VIGIL_MASTER_KEY, writes the new key to --new-key-file, outside the data directory and new', async () => {
    const { dataDir, root } = freshRoot();
    const oldKey = randomBytes(32);
    const env = { VIGIL_MASTER_KEY: oldKey.toString('hex') };
    const opened = await open(dataDir, env);
    expect(opened.master).toMatchObject({ source: 'env', created: false });
    await storeSources(opened);
    const rotate = (newKeyFile?: string) => rotateMasterKey({
      db: opened.connection.db, keyring: opened.keyring, master: opened.master, dataDir, actor: ACTOR, ...(newKeyFile ? { newKeyFile } : {}),
    });
    await expect(rotate()).rejects.toThrow(/needs a file to be written to/);
    await expect(rotate(join(dataDir, 'new.key'))).rejects.toThrow(/inside the data directory/);
    writeFileSync(join(root, 'taken.key'), 'something');
    await expect(rotate(join(root, 'taken.key'))).rejects.toThrow(/already exists/);
    expect(readFileSync(join(root, 'taken.key'), 'utf8')).toBe('something');

    const newKeyFile = join(root, 'new.key');
    const result = await rotate(newKeyFile);
    expect(result).toMatchObject({ source: 'env', newKeyFile, dataKeys: 3, oldFingerprint: toMasterKey(oldKey).fingerprint });
    expect(modeOf(newKeyFile)).toBe(0o600);
    await opened.connection.close();
    expect(existsSync(`${dataDir}.master-key`)).toBe(false);

    await expect(open(dataDir, env)).rejects.toThrow(MasterKeyMismatchError);
    const again = await open(dataDir, { VIGIL_MASTER_KEY: readFileSync(newKeyFile, 'utf8') });
    expect(again.master.fingerprint).toBe(result.newFingerprint);
    await expectAllOpen(again);
    await again.connection.close();
  });
});
