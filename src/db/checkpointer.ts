/**
 * Copying the write-ahead log into the database from a thread of its own
 * while an import writes. SQLite's own checkpoints run in the committing
 * thread and wait for the disk: in an import of 100,000 documents they held
 * the writing thread for about 8 s, during which the reading workers, a few
 * batches ahead, stood idle. A passive checkpoint on a second connection
 * never blocks the writer.
 *
 * But the writer starts the log again from its beginning only when it begins
 * a transaction with every page already copied, which a copy running beside
 * it almost never allows: the log grew to 1.5 GB in that import. So once the
 * log is as long as SQLite's own checkpoints would let it grow, the writer,
 * between two transactions, waits while the thread copies the few pages
 * committed since its last pass and has the log start again.
 */
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { WAL_AUTOCHECKPOINT_PAGES } from './connection.ts';

export interface Checkpointer {
  /** Asks for a passive checkpoint (after a commit); resolves when it is done. */
  nudge(): Promise<void>;
  /**
   * Has the log start again if it has grown `restartPages` long and no checkpoint is running;
   * resolves when that is done, at once otherwise. Call with no transaction open.
   */
  restartIfLong(): Promise<void>;
  /** Ends the thread and gives checkpoints back to the connection. Resolves with the pages the thread copied (counted at each checkpoint). */
  stop(): Promise<number>;
}

interface Answer {
  busy: number;
  log: number;
  checkpointed: number;
}

const NONE: Checkpointer = { nudge: () => Promise.resolve(), restartIfLong: () => Promise.resolve(), stop: () => Promise.resolve(0) };

/**
 * Starts a checkpointing thread for a connection's database; the connection stops checkpointing
 * itself until `stop`.
 */
export function startCheckpointer(sqlite: SQLite.Database, restartPages = WAL_AUTOCHECKPOINT_PAGES): Checkpointer {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return NONE;
  sqlite.pragma('wal_autocheckpoint = 0');
  let copied = 0;
  let log = 0;
  let running = true;
  // Answers come in the order checkpoints were asked for.
  const waiting: Array<{ mode: 'PASSIVE' | 'RESTART'; done: () => void }> = [];
  const restore = (): void => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    for (const { done } of waiting.splice(0)) done();
  };
  const worker = new Worker(new URL('./checkpoint.worker.mjs', import.meta.url), {
    argv: [sqlite.name],
    // Nothing but SQLite runs there: a small heap is plenty.
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
  });
  worker.on('message', (answer: Answer) => {
    const asked = waiting.shift();
    // A log begun again is empty until the writer's next commit.
    log = asked?.mode === 'RESTART' && answer.busy === 0 ? 0 : answer.log;
    copied += answer.checkpointed;
    asked?.done();
  });
  // A thread that cannot run (the file cannot be opened) hands checkpoints back at once: the log must not grow unchecked.
  worker.on('error', restore);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const ask = (mode: 'PASSIVE' | 'RESTART'): Promise<void> => new Promise((done) => {
    waiting.push({ mode, done });
    worker.postMessage(mode);
  });
  return {
    nudge: () => (running ? ask('PASSIVE') : Promise.resolve()),
    restartIfLong: () => (running && waiting.length === 0 && log >= restartPages ? ask('RESTART') : Promise.resolve()),
    stop: async () => {
      if (running) worker.postMessage('stop');
      await exited;
      restore();
      return copied;
    },
  };
}
