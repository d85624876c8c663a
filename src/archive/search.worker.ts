/**
 * A search thread: answers searches on a read-only connection of its own,
 * with its own copy of the search indexes (built when it starts, and again
 * when the documents change). See search-pool.ts.
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from '../db/schema.ts';
import { DocumentSearch, type SearchAnswer, type SearchRequest } from './document.search.ts';

export interface SearchThreadData {
  /** The database file. */
  file: string;
}

export interface SearchMessage {
  id: number;
  request: SearchRequest;
}

/** An answer, or the error a search met; 'ready' once the thread's indexes are built. */
export type SearchReply = { id: number; answer: SearchAnswer } | { id: number; error: string } | 'ready';

const { file } = workerData as SearchThreadData;
const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
sqlite.pragma('busy_timeout = 10000');
sqlite.pragma('cache_size = -16384');
const search = new DocumentSearch(new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite);
search.warm();
parentPort?.postMessage('ready');

parentPort?.on('message', ({ id, request }: SearchMessage) => {
  search.search(request).then(
    (answer) => parentPort?.postMessage({ id, answer } satisfies SearchReply),
    (error: unknown) => parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies SearchReply),
  );
});
