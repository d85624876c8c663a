/**
 * Page load on the public site: starts `vigil serve` as its own process on an
 * imported archive and loads it with autocannon (50 connections) from this
 * process, so that server and load generator do not share an event loop.
 * Measures a document page and the search page over the query mix.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import type { BenchQuery } from './queries.ts';

export interface PageLoad {
  label: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export const PAGE_TARGETS = { documentRps: 1500, searchRps: 300, p99: 100 };

const ROOT = resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'vigil.js'), 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, VIGIL_DATA: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  child.kill('SIGKILL');
  throw new Error('vigil serve did not start within 120 s');
}

function load(label: string, url: string, paths: string[], seconds: number): Promise<PageLoad> {
  let next = 0;
  return new Promise((done, fail) => {
    autocannon({
      url,
      connections: 50,
      duration: seconds,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
    }, (error, result) => {
      if (error) return fail(error);
      done({
        label,
        requestsPerSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    });
  });
}

/** The search page's address for a benchmark query. */
function searchPath(query: BenchQuery): string {
  const params = new URLSearchParams({ q: query.vigilQuery });
  if (query.country) params.set('country', query.country);
  return `/search?${params.toString()}`;
}

/** Loads a document page and the search page of the archive in `dataDir`; `slugs` are documents to request. */
export async function benchPages(dataDir: string, slugs: string[], queries: BenchQuery[], seconds = 10): Promise<PageLoad[]> {
  const { url, child } = await startServer(dataDir);
  try {
    const documentPaths = slugs.map((slug) => `/documents/${slug}`);
    const searchPaths = queries.map(searchPath);
    // A short warm-up so that the first figures do not include cold caches.
    await load('warm-up', url, [...documentPaths.slice(0, 20), ...searchPaths], 2);
    return [
      await load('document page', url, documentPaths, seconds),
      await load('search page (query mix)', url, searchPaths, seconds),
    ];
  } finally {
    child.kill('SIGTERM');
  }
}

/** The page-load table, with each figure against its target. */
export function printPageLoad(size: number, loads: PageLoad[]): string {
  const lines = [`\nPublic pages, ${size.toLocaleString('en')} documents, autocannon 50 connections:`];
  lines.push('  page                        req/s    p50 ms   p99 ms   errors  non-2xx  target');
  for (const row of loads) {
    const target = row.label.startsWith('document') ? PAGE_TARGETS.documentRps : PAGE_TARGETS.searchRps;
    const pass = row.requestsPerSecond >= target && row.p99 <= PAGE_TARGETS.p99 && row.errors === 0 && row.non2xx === 0;
    lines.push(`  ${row.label.padEnd(26)} ${String(row.requestsPerSecond).padStart(7)} ${String(row.p50).padStart(9)} ${String(row.p99).padStart(8)} ${String(row.errors).padStart(8)} ${String(row.non2xx).padStart(8)}  ≥${target} req/s, p99 ≤${PAGE_TARGETS.p99} ms: ${pass ? 'PASS' : 'FAIL'}`);
  }
  return lines.join('\n');
}
