/**
 * Fills the gazetteer in a worker thread, on a connection of its own, so a
 * server that needs it soon after starting keeps answering while the seconds
 * of loading pass: in write-ahead-log mode the server's connection reads on
 * while this one writes. Started by loadGazetteerInWorker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection.ts';
import { GazetteerService } from './gazetteer.service.ts';

const { dataDir } = workerData as { dataDir: string };
const connection = await openDatabase(dataDir);
try {
  const status = await new GazetteerService(connection.db).ensureLoaded();
  parentPort?.postMessage({ ok: true, status });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  await connection.close();
}
