/** Opening the archive on a data directory: the one entry point the CLI, the server and the benchmark use. */
import { defaultDataDir, openDatabase } from '../db/connection.ts';
import { ArchiveService } from './archive.service.ts';
import { DocumentRepository } from './document.repository.ts';

export type { ImportSummary, SearchParams, SearchResult } from './archive.service.ts';
export { SearchQueryError } from './search-query.ts';

export interface Archive extends ArchiveService {
  close(): Promise<void>;
}

/** The archive service on the database in `dataDir` (default: `VIGIL_DATA` or `./vigil-data`). */
export async function openArchive(options: { dataDir?: string } = {}): Promise<Archive> {
  const connection = await openDatabase(options.dataDir ?? defaultDataDir());
  const service = new ArchiveService(new DocumentRepository(connection.db, connection.sqlite));
  return Object.assign(service, { close: () => connection.close() });
}
