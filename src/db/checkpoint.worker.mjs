// The checkpointer's thread (checkpointer.ts). Plain JavaScript on purpose: it loads no TypeScript
// loader, only SQLite, so the thread costs a few megabytes. It answers each nudge with one passive
// checkpoint — copying the log's committed pages into the database, never waiting for the writer —
// and reports how many pages the log held and how many are now in the database.
import { parentPort } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

// The database file comes as the thread's one argument.
const db = new SQLite(process.argv[2] ?? '', { fileMustExist: true });
db.pragma('synchronous = NORMAL');
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  const [result] = /** @type {Array<{ busy: number, log: number, checkpointed: number }>} */ (db.pragma('wal_checkpoint(PASSIVE)'));
  parentPort.postMessage({ log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 });
});
