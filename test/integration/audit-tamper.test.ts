/**
 * The audit chain against someone who holds the database file: entries
 * appended through the application, then copies of the file edited directly
 * with SQLite (triggers dropped first, as an attacker would), each checked by
 * `vigil audit verify` run as a real child process.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashAuditEntry, type AuditEntry } from '../../src/access/audit/audit-chain.ts';
import { AuditRepository } from '../../src/access/audit/audit.repository.ts';
import { openDatabase } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { writeTransaction } from '../../src/db/transaction.ts';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir } from '../helpers/cli.ts';

const ENTRIES = 20;
const root = tempDir('vigil-audit-tamper-');
const originalDir = join(root, 'original');

const USER = { id: 1, label: 'amina@example.org', ip: '192.0.2.7' };
const CLI = { id: null, label: 'cli' };

/** Appends the entries the way the application does: some one per transaction, some several in one. */
async function appendEntries(repository: AuditRepository, db: Parameters<typeof writeTransaction>[0]): Promise<void> {
  const at = (n: number): Date => new Date(Date.UTC(2024, 4, 1, 9, n));
  for (let n = 1; n <= 10; n++) {
    await writeTransaction(db, (tx) => repository.append(tx, n % 2 ? USER : CLI, {
      action: n % 2 ? 'source.update' : 'document.import', subjectType: n % 2 ? 'source' : 'document', subjectId: n, details: { n },
    }, at(n)));
  }
  await writeTransaction(db, async (tx) => {
    for (let n = 11; n <= ENTRIES; n++) {
      await repository.append(tx, USER, { action: 'source.read', subjectType: 'source', subjectId: n, details: { n, fields: ['contact'] } }, at(n));
    }
  });
}

/**
 * A copy of the finished database, opened raw and changed by `tamper` after
 * dropping the append-only triggers, as anyone with the file can.
 */
function tamperedCopy(name: string, tamper: (raw: SQLite.Database) => void): string {
  const dir = join(root, name);
  mkdirSync(dir);
  copyFileSync(join(originalDir, 'vigil.db'), join(dir, 'vigil.db'));
  const raw = new SQLite(join(dir, 'vigil.db'));
  try {
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    tamper(raw);
  } finally {
    raw.close();
  }
  return dir;
}

type Row = Database['audit_log'];

function readEntry(raw: SQLite.Database, seq: number): AuditEntry {
  const row = raw.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as Row;
  return {
    seq: row.seq, at: row.at, actorId: row.actor_id, actor: row.actor, action: row.action, subjectType: row.subject_type,
    subjectId: row.subject_id, ip: row.ip, details: row.details, prevHash: row.prev_hash, hash: row.hash,
  };
}

let copies: Record<'untouched' | 'edited' | 'deletedMiddle' | 'deletedTip' | 'swapped' | 'rehashed', string>;

beforeAll(async () => {
  const connection = await openDatabase(originalDir);
  try {
    const repository = new AuditRepository(connection.db);
    await appendEntries(repository, connection.db);
    expect(await repository.verify()).toMatchObject({ entries: ENTRIES, broken: null });
  } finally {
    await connection.close();
  }
  // Closing the last connection checkpoints the log into the file, so a plain copy holds every entry.
  expect(existsSync(join(originalDir, 'vigil.db-wal'))).toBe(false);

  copies = {
    untouched: tamperedCopy('untouched', () => undefined),
    edited: tamperedCopy('edited', (raw) => {
      raw.prepare('UPDATE audit_log SET details = ? WHERE seq = 7').run('{"n":7,"note":"nothing happened"}');
    }),
    deletedMiddle: tamperedCopy('deleted-middle', (raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq = 10').run();
    }),
    deletedTip: tamperedCopy('deleted-tip', (raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(ENTRIES);
    }),
    // seq is the rowid: swapping the numbers of 5 and 6 swaps everything else about them.
    swapped: tamperedCopy('swapped', (raw) => {
      raw.exec('UPDATE audit_log SET seq = -5 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = -5;');
    }),
    // The attacker edits entry 12 and gives it a hash that matches, but cannot reach entry 13's prev_hash without rewriting it too.
    rehashed: tamperedCopy('rehashed', (raw) => {
      const edited = { ...readEntry(raw, 12), details: '{"n":12,"fields":[]}' };
      raw.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE seq = 12').run(edited.details, hashAuditEntry(edited.prevHash, edited));
    }),
  };
});

describe('vigil audit verify on a tampered database file', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('passes the untouched copy', async () => {
    const { code, stdout, stderr } = await runVigil(['audit', 'verify'], { dataDir: copies.untouched });
    expect(stderr).toBe('');
    expect(stdout).toBe(`${ENTRIES} entries, chain intact\n`);
    expect(code).toBe(0);
  });

  it.each([
    ['an edited entry', 'edited', 7, /was edited/],
    ['an entry deleted in the middle', 'deletedMiddle', 11, /expected entry 10 here, found entry 11/],
    ['two entries swapped', 'swapped', 5, /does not point to the entry before it/],
    ['an edited entry with its own hash recomputed', 'rehashed', 13, /does not point to the entry before it/],
  ] as const)('catches %s at the right entry, exit 1', async (_what, copy, seq, reason) => {
    const { code, stdout, stderr } = await runVigil(['audit', 'verify'], { dataDir: copies[copy] });
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^audit chain broken at entry ${seq}: `));
    expect(stdout).toMatch(reason);
    expect(code).toBe(1);
  });

  it('cannot see the last entry deleted without a checkpoint: nothing after the tip breaks', async () => {
    const { code, stdout } = await runVigil(['audit', 'verify'], { dataDir: copies.deletedTip });
    expect(stdout).toBe(`${ENTRIES - 1} entries, chain intact\n`);
    expect(code).toBe(0);
  });

  it('catches entries cut from the end, and a chain rebuilt from an edit onwards, against the checkpoint the last verify left', async () => {
    // A verify of the whole chain leaves a checkpoint beside the data directory, where an edit of the database file does not reach.
    const cut = tamperedCopy('checkpointed-cut', () => undefined);
    expect((await runVigil(['audit', 'verify'], { dataDir: cut })).code).toBe(0);
    expect(JSON.parse(readFileSync(`${cut}.audit-checkpoint`, 'utf8'))).toMatchObject({ seq: ENTRIES });
    const raw = new SQLite(join(cut, 'vigil.db'));
    raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(ENTRIES - 1);
    raw.close();
    const afterCut = await runVigil(['audit', 'verify'], { dataDir: cut });
    expect(afterCut.stdout).toMatch(new RegExp(`^audit chain broken at entry ${ENTRIES - 1}: .*entries were removed from its end`));
    expect(afterCut.code).toBe(1);

    const rebuilt = tamperedCopy('checkpointed-rebuilt', () => undefined);
    expect((await runVigil(['audit', 'verify'], { dataDir: rebuilt })).code).toBe(0);
    const file = new SQLite(join(rebuilt, 'vigil.db'));
    let prev = readEntry(file, 11).hash;
    for (let seq = 12; seq <= ENTRIES; seq++) {
      const entry = { ...readEntry(file, seq), ...(seq === 12 ? { details: '{"n":12,"fields":[]}' } : {}), prevHash: prev };
      const hash = hashAuditEntry(prev, entry);
      file.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(entry.details, prev, hash, seq);
      prev = hash;
    }
    file.close();
    const afterRebuild = await runVigil(['audit', 'verify'], { dataDir: rebuilt });
    expect(afterRebuild.stdout).toMatch(new RegExp(`^audit chain broken at entry ${ENTRIES}: .*rebuilt`));
    expect(afterRebuild.code).toBe(1);
  });
});

describe('the append-only triggers', () => {
  it("refuse UPDATE and DELETE through the application's own connection", async () => {
    const dir = join(root, 'triggers');
    mkdirSync(dir);
    copyFileSync(join(originalDir, 'vigil.db'), join(dir, 'vigil.db'));
    const connection = await openDatabase(dir);
    try {
      expect(() => connection.sqlite.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 3").run()).toThrow(/append-only/);
      expect(() => connection.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
      expect(() => connection.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      await expect(connection.db.updateTable('audit_log').set({ actor: 'nobody' }).where('seq', '=', 4).execute()).rejects.toThrow(/append-only/);
      await expect(connection.db.deleteFrom('audit_log').where('seq', '>', 15).execute()).rejects.toThrow(/append-only/);
      // Even inside the application's own write transaction.
      await expect(writeTransaction(connection.db, (tx) => sql`DELETE FROM audit_log WHERE seq = ${ENTRIES}`.execute(tx))).rejects.toThrow(/append-only/);
      expect(await new AuditRepository(connection.db).verify()).toMatchObject({ entries: ENTRIES, broken: null });
    } finally {
      await connection.close();
    }
  });
});

describe('vigil audit list', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('prints entries newest first, limited', async () => {
    const { code, stdout } = await runVigil(['audit', 'list', '--limit', '3'], { dataDir: copies.untouched });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['20', '19', '18']);
    expect(lines[0]).toContain('2024-05-01T09:20:00.000Z  amina@example.org (192.0.2.7)  source.read  source 20');
  });

  it('filters by action and actor, and prints JSON with hashes', async () => {
    const { code, json } = await runVigilJson<AuditEntry[]>(['audit', 'list', '--action', 'document.', '--actor', 'cli', '--json'], { dataDir: copies.untouched });
    expect(code).toBe(0);
    expect(json.map((entry) => entry.seq)).toEqual([10, 8, 6, 4, 2]);
    expect(json[0]).toMatchObject({ actor: 'cli', action: 'document.import', subjectType: 'document', subjectId: '10', details: '{"n":10}' });
    expect(json[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
