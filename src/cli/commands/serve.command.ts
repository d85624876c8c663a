/** `vigil serve`: the public archive site and API on the embedded database. */
import type { Command } from 'commander';
import { wholeNumber } from '../output.ts';

interface ServeFlags {
  port: number;
  host: string;
  publicUrl?: string;
  log?: boolean;
  demo: boolean;
  searchThreads?: number;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the public archive (pages, feed, JSON API). An empty archive first gets the demonstration documents, and a data directory without accounts the demonstration workspace and its accounts.')
    .option('--port <port>', 'port to listen on (or PORT)', wholeNumber('--port', 1, 65535), Number(process.env.PORT ?? 8080))
    .option('--host <address>', 'address to listen on (or HOST)', process.env.HOST ?? '127.0.0.1')
    .option('--public-url <url>', 'the address readers use, for feeds and citations (or VIGIL_PUBLIC_URL)', process.env.VIGIL_PUBLIC_URL)
    .option('--log', 'log every request')
    .option('--search-threads <n>', 'threads that answer searches, 0 for none (or VIGIL_SEARCH_THREADS; default one a core, up to 4)',
      wholeNumber('--search-threads', 0, 64))
    .option('--no-demo', 'start without demonstration documents, workspace or accounts (or VIGIL_DEMO=0)')
    .action(async (flags: ServeFlags, command: Command) => {
      const threads = process.env.VIGIL_SEARCH_THREADS;
      if (flags.searchThreads === undefined && threads !== undefined && threads !== '') {
        if (!/^\d+$/.test(threads) || Number(threads) > 64) command.error(`error: VIGIL_SEARCH_THREADS must be a whole number from 0 to 64, not "${threads}".`);
        flags.searchThreads = Number(threads);
      }
      const { startServer } = await import('../../web/server.ts');
      const app = await startServer({ port: flags.port, host: flags.host, logger: flags.log ?? false, demo: flags.demo,
        ...(flags.searchThreads === undefined ? {} : { searchThreads: flags.searchThreads }), ...(flags.publicUrl ? { publicUrl: flags.publicUrl } : {}) });
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void app.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
