/** A worker thread that reads files and prepares them for storing, so that big imports use every core. */
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PreparedResult } from './prepare.ts';

export interface PrepareRequest {
  id: number;
  file: string;
  maxBytes: number;
}

export interface PrepareResponse {
  id: number;
  result: PreparedResult;
}

parentPort?.on('message', (request: PrepareRequest) => {
  void prepareFile(request.file, request.maxBytes).then((result) => {
    parentPort?.postMessage({ id: request.id, result } satisfies PrepareResponse);
  });
});
