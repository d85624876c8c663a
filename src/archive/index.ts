/** Opening the archive on a data directory: the one entry point the CLI, the server and the benchmark use. */
import { defaultDataDir, openDatabase } from '../db/connection.ts';
import { ArchiveService } from './archive.service.ts';
import { DocumentRepository } from './document.repository.ts';

export type { ImportSummary, SearchParams, SearchResult } from './archive.service.ts';
export { SearchQueryError } from './search/search-query.ts';

export interface Archive extends ArchiveService {
  close(): Promise<void>;
}

/**
 * The archive service on the database in `dataDir` (default: `VIGIL_DATA` or
 * `./vigil-data`), keeping up to `cacheSize` answers until the documents change.
 */
export async function openArchive(options: { dataDir?: string; cacheSize?: number } = {}): Promise<Archive> {
  const connection = await openDatabase(options.dataDir ?? defaultDataDir());
  // VIGIL_ANSWER_CACHE=0 turns the cache of answers off, to measure the work itself.
  const cacheSize = options.cacheSize ?? Number(process.env.VIGIL_ANSWER_CACHE ?? 2000);
  const service = new ArchiveService(new DocumentRepository(connection.db, connection.sqlite), cacheSize);
  return Object.assign(service, { close: () => connection.close() });
}
