/**
 * Copying the write-ahead log into the database from a thread of its own
 * while an import writes. SQLite's own checkpoints run in the committing
 * thread and wait for the disk: in an import of 100,000 documents they held
 * the writing thread for about 8 s, during which the reading workers, a few
 * batches ahead, stood idle. A passive checkpoint on a second connection
 * never blocks the writer, and the log is reused from its start once it has
 * been copied, so it stays about as large as between two commits.
 */
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { WAL_AUTOCHECKPOINT_PAGES } from './connection.ts';

export interface Checkpointer {
  /** Asks for a checkpoint (after a commit); nudges that come while one runs wait for it. */
  nudge(): void;
  /** Ends the thread and gives checkpoints back to the connection. Resolves with the pages the thread copied. */
  stop(): Promise<number>;
}

/** Starts a checkpointing thread for a connection's database; the connection stops checkpointing itself until `stop`. */
export function startCheckpointer(sqlite: SQLite.Database): Checkpointer {
  if (sqlite.memory || sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return { nudge: () => undefined, stop: () => Promise.resolve(0) };
  sqlite.pragma('wal_autocheckpoint = 0');
  let copied = 0;
  let running = true;
  const restore = (): void => {
    if (!running) return;
    running = false;
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  };
  const worker = new Worker(new URL('./checkpoint.worker.mjs', import.meta.url), {
    argv: [sqlite.name],
    // Nothing but SQLite runs there: a small heap is plenty.
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
  });
  worker.on('message', ({ checkpointed }: { log: number; checkpointed: number }) => {
    copied = Math.max(copied, checkpointed);
  });
  // A thread that cannot run (the file cannot be opened) hands checkpoints back at once: the log must not grow unchecked.
  worker.on('error', restore);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    nudge: () => {
      if (running) worker.postMessage('checkpoint');
    },
    stop: async () => {
      if (running) worker.postMessage('stop');
      await exited;
      restore();
      return copied;
    },
  };
}
