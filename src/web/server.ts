/** Starting the web server: opens the archive, loads the demonstration data on first start, listens. */
import type { FastifyInstance } from 'fastify';
import { loadDemoArchiveIfEmpty } from '../archive/demo.ts';
import { openArchive } from '../archive/index.ts';
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

/** Starts Vigil's server and returns it listening; closing it closes the archive too. */
export async function startServer(options: ServeOptions): Promise<FastifyInstance> {
  const say = options.say ?? ((line: string) => process.stderr.write(`${line}\n`));
  const archive = await openArchive(options.dataDir ? { dataDir: options.dataDir } : {});
  const demo = await loadDemoArchiveIfEmpty(archive);
  if (demo) say(`Empty archive: loaded the demonstration documents (${demo.imported} imported, ${demo.failed.length} failed).`);
  const publicUrl = options.publicUrl ?? `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`;
  const app = await buildApp({ archive, publicUrl, logger: options.logger ?? false });
  app.addHook('onClose', () => archive.close());
  await app.listen({ port: options.port, host: options.host });
  say(`Vigil is serving the archive at ${publicUrl}/`);
  return app;
}
