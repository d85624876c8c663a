// The checkpointer's thread (checkpointer.ts). Plain JavaScript on purpose: it loads no TypeScript
// loader, only SQLite, so the thread costs a few megabytes. Each message asks for one checkpoint:
// PASSIVE copies the log's committed pages into the database without ever waiting for the writer;
// RESTART (asked for while the writer has no transaction open) copies the rest and has the log start
// again from its beginning. The answer says how many pages the log held and how many are copied.
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

// The database file comes as the thread's one argument.
const db = new SQLite(process.argv[2] ?? '', { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 1000');

parentPort.on('message', (message) => {
  if (message === 'PASSIVE' || message === 'RESTART') {
    const [result] = /** @type {Array<{ busy: number, log: number, checkpointed: number }>} */ (db.pragma(`wal_checkpoint(${message})`));
    parentPort.postMessage({ busy: result?.busy ?? 1, log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 });
    return;
  }
  db.close();
  parentPort.close();
});
