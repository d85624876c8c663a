/** A worker thread that reads files into documents, so that big imports use every core. */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { readDocumentFile, type ReadResult } from './read-file.ts';

export interface ReadRequest {
  id: number;
  file: string;
  maxBytes: number;
}

export interface ReadResponse {
  id: number;
  result: ReadResult;
}

/** Reads one file from disk into a document; failures to open it become reasons too. */
export async function readDocumentAt(file: string, maxBytes: number): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})` };
  }
  return readDocumentFile(file, bytes, maxBytes);
}

parentPort?.on('message', (request: ReadRequest) => {
  void readDocumentAt(request.file, request.maxBytes).then((result) => {
    parentPort?.postMessage({ id: request.id, result } satisfies ReadResponse);
  });
});
