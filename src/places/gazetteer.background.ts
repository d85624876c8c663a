/** Loading the gazetteer off the main thread, for a server that must keep answering meanwhile. */
import { Worker } from 'node:worker_threads';
import type { GazetteerStatus } from './gazetteer.service.ts';

type WorkerAnswer = { ok: true; status: GazetteerStatus } | { ok: false; message: string };

/**
 * Fills the data directory's gazetteer in a worker thread (nothing is done
 * when it is already current) and resolves once it is committed. A write on
 * another connection meanwhile waits for it, as for any other writer.
 */
export function loadGazetteerInWorker(dataDir: string): Promise<GazetteerStatus> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./gazetteer.worker.boot.mjs', import.meta.url), { workerData: { dataDir } });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.status);
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the gazetteer worker stopped before it finished (exit code ${code})`));
    });
  });
}
