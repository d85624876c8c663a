/** The demonstration archive: documents written for Vigil, loaded into an empty data directory. */
import { join } from 'node:path';
import type { ImportSummary } from './archive.service.ts';
import type { Archive } from './index.ts';

export const DEMO_ARCHIVE_DIR = join(import.meta.dirname, '..', '..', 'demo', 'archive');

/** Loads the demonstration documents when the archive is empty; null when it already held documents. */
export async function loadDemoArchiveIfEmpty(archive: Archive): Promise<ImportSummary | null> {
  if ((await archive.count()) > 0) return null;
  return archive.importFiles([DEMO_ARCHIVE_DIR]);
}
