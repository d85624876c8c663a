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
import Database from 'better-sqlite3';
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

async function startServer(dataDir: string, cache: boolean): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  // Without the demonstration workspace: on a first start it makes accounts and loads the gazetteer and the
  // demonstration records while the server already listens, which had run into the first page figures.
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'vigil.js'), 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-demo'], {
    env: { ...process.env, VIGIL_DATA: dataDir, ...(cache ? {} : { VIGIL_ANSWER_CACHE: '0' }) },
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
      if (error) return fail(error instanceof Error ? error : new Error(String(error)));
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

/** Up to 500 document addresses spread over the archive. */
function sampleSlugs(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'vigil.db'), { readonly: true });
  try {
    const count = db.prepare<[], number>('SELECT count(*) FROM documents').pluck().get() ?? 0;
    const step = Math.max(1, Math.floor(count / 500));
    return db.prepare<[number], string>('SELECT slug FROM documents WHERE id % ? = 0 LIMIT 500').pluck().all(step);
  } finally {
    db.close();
  }
}

/** Loads a document page and the search page of the archive in `dataDir`. */
export async function benchPages(dataDir: string, queries: BenchQuery[], seconds = 10): Promise<PageLoad[]> {
  const slugs = sampleSlugs(dataDir);
  const documentPaths = slugs.map((slug) => `/documents/${slug}`);
  const searchPaths = queries.map(searchPath);
  const results: PageLoad[] = [];
  // Each page twice: as the server runs (answers kept until the archive changes), and with that cache off.
  for (const cache of [true, false]) {
    const { url, child } = await startServer(dataDir, cache);
    try {
      const note = cache ? '' : ', cache off';
      // A short warm-up so that the first figures do not include cold starts.
      await load('warm-up', url, [...documentPaths.slice(0, 20), ...searchPaths], 2);
      results.push(await load(`document page${note}`, url, documentPaths, seconds));
      results.push(await load(`search page (query mix)${note}`, url, searchPaths, seconds));
    } finally {
      child.kill('SIGTERM');
    }
  }
  return results;
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

/** The page-load figures as Markdown for docs/performance.md. */
export function pageMarkdown(reports: Array<{ size: number; pages: PageLoad[] }>): string {
  const lines = ['### Public pages (autocannon, 50 connections, 10 s each, `vigil serve` in its own process)', '',
    '| documents | page | req/s | p50 ms | p99 ms | errors | target |', '| ---: | --- | ---: | ---: | ---: | ---: | --- |'];
  for (const { size, pages } of reports) {
    for (const row of pages) {
      const target = row.label.startsWith('document') ? PAGE_TARGETS.documentRps : PAGE_TARGETS.searchRps;
      const pass = row.requestsPerSecond >= target && row.p99 <= PAGE_TARGETS.p99 && row.errors === 0 && row.non2xx === 0;
      lines.push(`| ${size.toLocaleString('en')} | ${row.label} | ${row.requestsPerSecond.toLocaleString('en')} | ${row.p50} | ${row.p99} | ${row.errors + row.non2xx} | ≥ ${target} req/s, p99 ≤ ${PAGE_TARGETS.p99} ms: ${pass ? 'PASS' : 'FAIL'} |`);
    }
  }
  return lines.join('\n');
}
