/**
 * Which files Vigil reads, told from their names alone, and how large a file
 * may be. Apart from read-file.ts so that the thread which only lists and
 * stores files (a big import reads them in workers) never loads the readers.
 */
import { extname } from 'node:path';

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

export type Format = 'markdown' | 'text' | 'html' | 'pdf';

const FORMATS: Record<string, Format> = {
  '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text', '.text': 'text',
  '.html': 'html', '.htm': 'html', '.pdf': 'pdf',
};

/** The format a file name says it holds, or null for one Vigil does not read. */
export function formatOfFile(name: string): Format | null {
  return FORMATS[extname(name).toLowerCase()] ?? null;
}
