/**
 * `vigil keys`, `vigil backup` and `vigil restore` run as real child
 * processes: key status and rotation, a backup taken while another
 * connection keeps writing, and restores that either bring back everything
 * (audit chain verified, sealed values open with the same key) or refuse and
 * leave the data directory as it was.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository } from '../../src/access/audit/audit.repository.ts';
import { openKeyring, sealedFieldContext, compartmentKeyName, type Keyring } from '../../src/access/sealed/index.ts';
import { openDatabase, type Connection } from '../../src/db/connection.ts';
import { writeTransaction } from '../../src/db/transaction.ts';
import { CLI_TEST_TIMEOUT, SEED_FILE, runVigil, runVigilJson, tempDir, type VigilResult } from '../helpers/cli.ts';

const root = tempDir('vigil-cli-backup-');
const dataDir = join(root, 'data');
const keyFile = `${dataDir}.master-key`;
const options = { dataDir };
const CANARY = 'canary-source-identity-Han-Myong-9c41';
const CONTEXT = sealedFieldContext('sources', 'identity', 'S-0001');

interface KeyStatus {
  source: string;
  file: string | null;
  fingerprint: string;
  dataKeys: number;
  matches: boolean;
}

/** The data directory opened in this process, as a second writer beside the child. */
async function openHere(dir: string): Promise<{ connection: Connection; keyring: Keyring; fingerprint: string }> {
  const connection = await openDatabase(dir);
  const { keyring, master } = await openKeyring(connection.db, dir, { warn: () => undefined });
  return { connection, keyring, fingerprint: master.fingerprint };
}

/** Runs vigil with extra environment variables (the helper passes this process's environment on at spawn). */
function runWithEnv(env: Record<string, string>, args: string[], dir: string): Promise<VigilResult> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    // The child is spawned synchronously inside this call, so the variables are restored right after.
    return runVigil(args, { dataDir: dir });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

let firstFingerprint = '';

beforeAll(async () => {
  const imported = await runVigil(['import', SEED_FILE], options);
  expect(imported.code, imported.stderr).toBe(0);
  const here = await openHere(dataDir);
  firstFingerprint = here.fingerprint;
  await writeTransaction(here.connection.db, async (tx) => {
    const at = new Date().toISOString();
    await tx.insertInto('compartments').values({ id: 1, name: 'North-east China', created_at: at }).execute();
    await tx.insertInto('sources').values({
      pseudonym: 'S-0001', compartment_id: 1, kind: 'witness', created_at: at, updated_at: at, deleted_at: null, contact: null,
      identity: await here.keyring.seal(tx, compartmentKeyName(1), CANARY, CONTEXT),
    }).execute();
  });
  await here.connection.close();
}, CLI_TEST_TIMEOUT);

describe('vigil keys', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('status names the key file, fingerprint and data keys, never key material', async () => {
    const { code, json } = await runVigilJson<KeyStatus>(['keys', 'status', '--json'], options);
    expect(code).toBe(0);
    expect(json).toEqual({ source: 'file', file: keyFile, fingerprint: firstFingerprint, dataKeys: 1, matches: true, byFingerprint: { [firstFingerprint]: 1 } });
    const text = await runVigil(['keys', 'status'], options);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`fingerprint: ${firstFingerprint}`);
    expect(text.stdout).toContain(keyFile);
    expect(text.stdout + text.stderr).not.toContain(readFileSync(keyFile, 'utf8').trim());
  });

  it('rotate re-wraps the data keys, keeps the old key for older backups and audits it', async () => {
    const before = readFileSync(keyFile, 'utf8');
    const { code, stdout, stderr } = await runVigil(['keys', 'rotate'], options);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Rotated the master key from \w{16} to \w{16}; 1 data keys re-wrapped/);
    expect(stdout).toContain(`${keyFile}.retired-${firstFingerprint}`);
    expect(stdout).toMatch(/backups made before this rotation/);
    expect(readFileSync(`${keyFile}.retired-${firstFingerprint}`, 'utf8')).toBe(before);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before);

    const status = await runVigilJson<KeyStatus>(['keys', 'status', '--json'], options);
    expect(status.json.fingerprint).not.toBe(firstFingerprint);
    expect(status.json).toMatchObject({ dataKeys: 1, matches: true });
    const here = await openHere(dataDir);
    const [entry] = await new AuditRepository(here.connection.db).list({ action: 'keys.rotate' });
    expect(entry?.actor).toBe(`cli:${userInfo().username}`);
    expect(JSON.parse(entry!.details)).toEqual({ oldFingerprint: firstFingerprint, newFingerprint: status.json.fingerprint, dataKeys: 1 });
    await here.connection.close();
  });

  it('rotate asks for --new-key-file only when VIGIL_MASTER_KEY holds the key', async () => {
    const envMode = await runWithEnv({ VIGIL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') }, ['keys', 'rotate'], join(root, 'env-mode'));
    expect(envMode.code).toBe(2);
    expect(envMode.stderr).toContain('--new-key-file');
    const fileMode = await runVigil(['keys', 'rotate', '--new-key-file', join(root, 'unused.key')], options);
    expect(fileMode.code).toBe(2);
    expect(fileMode.stderr).toMatch(/only for a master key given in VIGIL_MASTER_KEY/);
    expect(existsSync(join(root, 'unused.key'))).toBe(false);
  });
});

describe('vigil backup and vigil restore', { timeout: CLI_TEST_TIMEOUT }, () => {
  const backupFile = join(root, 'vigil-backup.db');

  it('backs up while another connection keeps writing', async () => {
    const here = await openHere(dataDir);
    const audit = new AuditRepository(here.connection.db);
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await writeTransaction(here.connection.db, async (tx) => {
          await audit.append(tx, { id: null, label: 'test-writer' }, { action: 'test.write', details: { n: writes } });
          const pseudonym = `W-${writes}`;
          await tx.insertInto('sources').values({
            pseudonym, compartment_id: 1, kind: 'witness', created_at: 'x', updated_at: 'x', deleted_at: null, contact: null,
            identity: await here.keyring.seal(tx, compartmentKeyName(1), `writer ${writes}`, sealedFieldContext('sources', 'identity', pseudonym)),
          }).execute();
        });
        writes++;
        await new Promise((resolveWait) => setTimeout(resolveWait, 2));
      }
    })();
    const writesBefore = writes;
    const result = await runVigil(['backup', backupFile], options);
    const writesDuring = writes - writesBefore;
    writing = false;
    await writer;
    await here.connection.close();

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Backed up to .*vigil-backup\.db \(\d+ bytes, recorded as audit entry \d+\)/);
    expect(result.stdout).toContain('master key');
    expect(writesDuring).toBeGreaterThan(0);
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(root).filter((name) => name.startsWith('vigil-backup'))).toEqual(['vigil-backup.db']);
    expect(readFileSync(backupFile).includes(Buffer.from(CANARY))).toBe(false);
  });

  it('refuses to overwrite an existing file', async () => {
    const before = readFileSync(backupFile);
    const { code, stderr } = await runVigil(['backup', backupFile], options);
    expect(code).toBe(1);
    expect(stderr).toContain('already exists');
    expect(readFileSync(backupFile).equals(before)).toBe(true);
  });

  it('restores into an empty directory: the chain verifies and sealed values open with the same key', async () => {
    const restored = join(root, 'restored');
    mkdirSync(restored);
    // The operator puts the master key beside the new data directory; a backup never holds it.
    copyFileSync(keyFile, `${restored}.master-key`);
    const { code, stdout, stderr } = await runVigil(['restore', backupFile], { dataDir: restored });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Restored ${backupFile} into ${restored}`);
    expect(stdout).toMatch(/1 documents/);
    expect(stdout).toMatch(/\d+ audit entries, chain verified/);

    const here = await openHere(restored);
    const audit = new AuditRepository(here.connection.db);
    expect((await audit.verify()).broken).toBeNull();
    const [restoreEntry] = await audit.list({ action: 'backup.restore' });
    const [backupEntry] = await audit.list({ action: 'backup.create' });
    expect(JSON.parse(restoreEntry!.details)).toEqual({ file: backupFile });
    expect(JSON.parse(backupEntry!.details)).toEqual({ file: backupFile });
    const row = await here.connection.db.selectFrom('sources').select('identity').where('pseudonym', '=', 'S-0001').executeTakeFirstOrThrow();
    expect(await here.keyring.open(compartmentKeyName(1), row.identity!, CONTEXT)).toBe(CANARY);
    await here.connection.close();
  });

  it('refuses a data directory that is not empty, changing nothing', async () => {
    const before = readdirSync(dataDir).sort();
    const { code, stderr } = await runVigil(['restore', backupFile], options);
    expect(code).toBe(1);
    expect(stderr).toMatch(/the data directory .* is not empty/);
    expect(readdirSync(dataDir).sort()).toEqual(before);
  });

  it('refuses without the master key the backup needs, leaving no data directory behind', async () => {
    const target = join(root, 'no-key', 'data');
    const { code, stderr } = await runVigil(['restore', backupFile], { dataDir: target });
    expect(code).toBe(1);
    expect(stderr).toMatch(/master key file .* is missing, but this data directory holds data keys wrapped under master key \w{16}/);
    expect(stderr).toContain('left as it was');
    expect(existsSync(join(root, 'no-key'))).toBe(false);
    expect(existsSync(`${target}.master-key`)).toBe(false);
  });

  it('refuses a file that is not a Vigil database, and a backup whose audit chain was edited', async () => {
    const notSqlite = join(root, 'notes.txt');
    writeFileSync(notSqlite, 'just some notes, not a database\n');
    const empty = join(root, 'empty-target');
    mkdirSync(empty);
    const first = await runVigil(['restore', notSqlite], { dataDir: empty });
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('is not an SQLite database');
    expect(readdirSync(empty)).toEqual([]);

    const edited = join(root, 'edited.db');
    copyFileSync(backupFile, edited);
    const sqlite = new SQLite(edited);
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare("UPDATE audit_log SET details = '{\"file\":\"elsewhere\"}' WHERE action = 'backup.create'").run();
    sqlite.close();
    copyFileSync(keyFile, `${empty}.master-key`);
    const second = await runVigil(['restore', edited], { dataDir: empty });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/the audit chain in .*edited\.db is broken at entry \d+: its content does not match its hash/);
    expect(readdirSync(empty)).toEqual([]);
  });
});
