/**
 * Starting the web server: opens Vigil, loads the demonstration data on first
 * start, listens. On a fresh data directory (no accounts, no workspace
 * records) the demonstration accounts are made and printed before listening;
 * the demonstration records follow once the server listens, because they
 * need the place gazetteer, whose first load takes seconds (in a worker
 * thread, so that the server answers meanwhile). `--no-demo` or VIGIL_DEMO=0 starts without any demonstration data.
 */
import type { FastifyInstance } from 'fastify';
import { availableParallelism } from 'node:os';
import { advanceCheckpoint, checkpointFile } from '../access/audit/audit-checkpoint.ts';
import { loadDemoArchiveIfEmpty } from '../archive/demo.ts';
import { loadGazetteerInWorker } from '../places/gazetteer.background.ts';
import { openVigil } from '../vigil.ts';
import { createDemoAccounts, demoAccountLines } from '../workspace/demo/demo-accounts.ts';
import { demoCountsLine, isFreshWorkspace, loadDemoRecords } from '../workspace/demo/load-demo.ts';
import { buildApp } from './app.ts';

export interface ServeOptions {
  dataDir?: string;
  port: number;
  host: string;
  publicUrl?: string;
  logger?: boolean;
  /** Load the demonstration documents and workspace into a fresh data directory; false (or VIGIL_DEMO=0) starts without them. */
  demo?: boolean;
  /** Where start-up messages go. */
  say?: (line: string) => void;
  /** Threads that answer searches (default: one a core, up to four; 0 searches in the main thread). */
  searchThreads?: number;
}

/** One search thread a core, up to four: the main thread keeps HTTP and pages. */
export function defaultSearchThreads(): number {
  return Math.min(availableParallelism(), 4);
}

/**
 * How many proxies to believe in X-Forwarded-For: a number of hops, or the
 * proxies' addresses. Never "all": the client would choose its own address,
 * and with it escape every limit keyed on it.
 */
export function trustProxyOf(value: string | undefined): ((address: string, hop: number) => boolean) | string | false {
  if (!value || value === '0') return false;
  if (!/^\d+$/.test(value)) return value;
  const hops = Number(value);
  return (_address, hop) => hop < hops;
}

/** Whether VIGIL_DEMO turns the demonstration data off ("0", "false", "no", "off"). */
export function demoTurnedOff(value: string | undefined): boolean {
  return /^(?:0|false|no|off)$/i.test((value ?? '').trim());
}

/** Who the audit chain names as making the demonstration accounts on a first start. */
const FIRST_START = { id: null, label: 'vigil serve (first start)' };

/** Starts Vigil's server and returns it listening; closing it closes the database too. */
export async function startServer(options: ServeOptions): Promise<FastifyInstance> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const searchThreads = options.searchThreads ?? defaultSearchThreads();
  const vigil = await openVigil({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), warn: say, searchThreads });
  const withDemo = options.demo !== false && !demoTurnedOff(process.env.VIGIL_DEMO);
  const demo = withDemo ? await loadDemoArchiveIfEmpty(vigil.archive) : null;
  if (demo) say(`Empty archive: loaded the demonstration documents (${demo.imported} imported, ${demo.failed.length} failed).`);
  const demoWorkspace = withDemo && (await isFreshWorkspace(vigil));
  if (demoWorkspace) {
    const { made, existing } = await createDemoAccounts(vigil.users, FIRST_START);
    for (const line of demoAccountLines(made, existing)) say(line);
  } else if ((await vigil.users.count()) === 0) {
    say('No accounts yet. Create the first administrator with:\n  vigil user add you@example.org --role administrator --password-stdin');
  }
  let demoLoading: Promise<void> | null = null;
  const publicUrl = options.publicUrl ?? `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
  const app = await buildApp({ vigil, publicUrl, logger: options.logger ?? false, trustProxy: trustProxyOf(process.env.VIGIL_TRUST_PROXY) });
  const sweeper = setInterval(() => void vigil.signIn.sweep().catch(() => undefined), 10 * 60_000);
  sweeper.unref();
  // The audit checkpoint follows the chain outside the data directory, so entries cut from its end show at the next verify.
  const checkpoint = checkpointFile(vigil.dataDir);
  const advance = async () => {
    if ((await advanceCheckpoint(vigil.audit, checkpoint)) === 'mismatch') {
      say(`WARNING: the audit chain no longer holds the entry its checkpoint (${checkpoint}) recorded. Run: vigil audit verify`);
    }
  };
  await advance();
  const checkpointer = setInterval(() => void advance().catch(() => undefined), 60_000);
  checkpointer.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    clearInterval(checkpointer);
    // The database stays open until the demonstration records are written: a half-written load would pass for a whole one.
    await demoLoading;
    await advance().catch(() => undefined);
    await vigil.close();
  });
  // Search threads build their indexes while the rest starts; the first searches should not wait for them.
  await vigil.searchesReady;
  await app.listen({ port: options.port, host: options.host });
  say(`Vigil is serving the archive at ${publicUrl}/ (staff sign in at ${publicUrl}/login)`);
  if (demoWorkspace) {
    const started = Date.now();
    // The gazetteer's first load takes seconds: a worker does it on its own connection while this one keeps serving.
    demoLoading = loadGazetteerInWorker(vigil.dataDir).then(() => loadDemoRecords(vigil)).then(
      (counts) => say(`Demonstration workspace loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demoCountsLine(counts)}.`),
      (error: unknown) => say(`WARNING: the demonstration workspace could not be loaded (${error instanceof Error ? error.message : String(error)}). Try: vigil demo load`),
    );
  }
  return app;
}
