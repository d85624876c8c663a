/**
 * The checkpointing thread of an import: while it runs, the writing
 * connection leaves the log alone and the thread copies it into the
 * database; afterwards the connection checkpoints for itself again.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/db/checkpointer.ts';
import { openDatabase, WAL_AUTOCHECKPOINT_PAGES } from '../../src/db/connection.ts';

const root = mkdtempSync(join(tmpdir(), 'vigil-checkpointer-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));

describe('checkpointer', () => {
  it('copies committed pages into the database from its own thread, then hands checkpoints back', async () => {
    const connection = await openDatabase(join(root, 'copies'));
    const { sqlite } = connection;
    try {
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const before = statSync(connection.file).size;
      const checkpoints = startCheckpointer(sqlite);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const insert = sqlite.prepare('INSERT INTO notes (text) VALUES (?)');
      sqlite.transaction(() => {
        for (let n = 0; n < 2000; n++) insert.run(`note ${n} `.repeat(100));
      })();
      // Written to the log only: the database file has not grown.
      expect(statSync(connection.file).size).toBe(before);
      await checkpoints.nudge();
      const copied = await checkpoints.stop();
      expect(copied).toBeGreaterThan(100);
      expect(statSync(connection.file).size).toBeGreaterThan(before + 1_000_000);
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
      // What the thread copied reads back whole through a new connection.
      const reader = new SQLite(connection.file, { readonly: true });
      expect(reader.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(2000);
      reader.close();
    } finally {
      await connection.close();
    }
  });

  it('has the log start again, between two transactions, once it is as long as it may grow', async () => {
    const connection = await openDatabase(join(root, 'restarts'));
    const { sqlite } = connection;
    const logPages = () => (sqlite.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]!.log;
    try {
      sqlite.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
      const insert = sqlite.prepare('INSERT INTO notes (text) VALUES (?)');
      for (const restartPages of [1_000_000, 64]) {
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const checkpoints = startCheckpointer(sqlite, restartPages);
        sqlite.transaction(() => {
          for (let n = 0; n < 2000; n++) insert.run(`note ${n} `.repeat(100));
        })();
        // As in an import: the next transaction is open while the thread copies the last one,
        // so the writer cannot start the log again by itself.
        sqlite.exec('BEGIN IMMEDIATE');
        insert.run('written while the log was copied');
        await checkpoints.nudge();
        sqlite.exec('COMMIT');
        await checkpoints.restartIfLong();
        await checkpoints.stop();
        insert.run('after');
        // Begun again, the log holds the last row only; else every page of both transactions is still in it.
        if (restartPages === 64) expect(logPages()).toBeLessThan(10);
        else expect(logPages()).toBeGreaterThan(100);
      }
      expect(sqlite.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(4004);
    } finally {
      await connection.close();
    }
  });

  it('stops more than once without harm, and starts no thread for a database in memory', async () => {
    const connection = await openDatabase(join(root, 'twice'));
    try {
      const checkpoints = startCheckpointer(connection.sqlite);
      await checkpoints.stop();
      expect(await checkpoints.stop()).toBe(0);
      expect(connection.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    } finally {
      await connection.close();
    }
    const memory = new SQLite(':memory:');
    const none = startCheckpointer(memory);
    await none.nudge();
    await none.restartIfLong();
    expect(await none.stop()).toBe(0);
    expect(memory.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    memory.close();
  });
});
