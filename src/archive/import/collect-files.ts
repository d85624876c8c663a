/** The files a batch import names: files as given, folders walked recursively in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatOfFile } from '../../documents/file-formats.ts';

export interface Collected {
  files: string[];
  /** Paths that could not be listed or do not exist, with the reason. */
  missing: Array<{ file: string; error: string }>;
}

async function walk(folder: string, into: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, into);
    // Inside folders only readable formats are taken; a file named on its own is always tried.
    else if (entry.isFile() && formatOfFile(entry.name)) into.push(path);
  }
}

/** Expands paths into the files to import. */
export async function collectFiles(paths: string[]): Promise<Collected> {
  const files: string[] = [];
  const missing: Collected['missing'] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files);
      else files.push(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing.push({ file: path, error: code === 'ENOENT' ? 'no such file or folder' : `cannot be read (${code ?? 'error'})` });
    }
  }
  return { files, missing };
}
