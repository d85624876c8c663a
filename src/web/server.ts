/** Starting the web server: opens Vigil, loads the demonstration data on first start, listens. */
import type { FastifyInstance } from 'fastify';
import { advanceCheckpoint, checkpointFile } from '../access/audit/audit-checkpoint.ts';
import { loadDemoArchiveIfEmpty } from '../archive/demo.ts';
import { openVigil } from '../vigil.ts';
import { buildApp } from './app.ts';

export interface ServeOptions {
  dataDir?: string;
  port: number;
  host: string;
  publicUrl?: string;
  logger?: boolean;
  /** Where start-up messages go. */
  say?: (line: string) => void;
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

/** Starts Vigil's server and returns it listening; closing it closes the database too. */
export async function startServer(options: ServeOptions): Promise<FastifyInstance> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const vigil = await openVigil({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), warn: say });
  const demo = await loadDemoArchiveIfEmpty(vigil.archive);
  if (demo) say(`Empty archive: loaded the demonstration documents (${demo.imported} imported, ${demo.failed.length} failed).`);
  if ((await vigil.users.count()) === 0) {
    say('No accounts yet. Create the first administrator with:\n  vigil user add you@example.org --role administrator --password-stdin');
  }
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
    await advance().catch(() => undefined);
    await vigil.close();
  });
  await app.listen({ port: options.port, host: options.host });
  say(`Vigil is serving the archive at ${publicUrl}/ (staff sign in at ${publicUrl}/login)`);
  return app;
}
