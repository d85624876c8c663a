/**
 * Reading many files at once: a pool of worker threads when the batch is big
 * enough to pay for starting them, the current thread otherwise. Results come
 * back in the order asked, whatever order the workers finish in.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './read-file.ts';
import { readDocumentAt, type ReadRequest, type ReadResponse } from './read-worker.ts';

/** Batches smaller than this are read in the current thread: starting workers costs more. */
const POOL_THRESHOLD = 200;

export interface DocumentReader {
  read(file: string): Promise<ReadResult>;
  close(): Promise<void>;
}

class WorkerPool implements DocumentReader {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (result: ReadResult) => void>();
  private next = 0;

  constructor(size: number, private readonly maxBytes: number) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./read-worker.boot.mjs', import.meta.url));
      worker.on('message', (response: ReadResponse) => {
        this.waiting.get(response.id)?.(response.result);
        this.waiting.delete(response.id);
      });
      worker.on('error', (error) => {
        // A worker that dies fails only what it held; the batch goes on.
        for (const [id, resolve] of this.waiting) {
          resolve({ ok: false, error: `could not be read: ${error.message}` });
          this.waiting.delete(id);
        }
      });
      return worker;
    });
  }

  read(file: string): Promise<ReadResult> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.workers[id % this.workers.length]!.postMessage({ id, file, maxBytes: this.maxBytes } satisfies ReadRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** A reader for a batch of `count` files: workers for big batches on machines with several cores. */
export function documentReader(count: number, maxBytes: number): DocumentReader {
  const size = Math.min(availableParallelism(), 4);
  if (count < POOL_THRESHOLD || size < 2 || process.env.VIGIL_READ_WORKERS === '0') {
    return { read: (file) => readDocumentAt(file, maxBytes), close: () => Promise.resolve() };
  }
  return new WorkerPool(size, maxBytes);
}
