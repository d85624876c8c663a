/**
 * One benchmark subject in its own process, so that each one's memory is its
 * own: Vigil (import the corpus folder, then search) or another engine
 * (index the same documents, then search). run.ts forks this file, sends a
 * task and gets back timings, top ids and memory figures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openArchive } from '../src/archive/index.ts';
import type { BenchDoc } from './engines.ts';
import type { BenchQuery } from './queries.ts';

export interface Common { docsDir: string; queries: BenchQuery[]; runs: number; warmup: number }
export type ChildTask = (Common & { kind: 'vigil'; dataDir: string }) | (Common & { kind: 'engine'; engine: string; size: number; seed: number });

/** What Vigil read from one file: for checking its recognition against the corpus. */
export interface Recognised { file: string; index: string | null; language: string; date: string | null; type: string | null; countries: string }

export interface ChildResult {
  name: string;
  loadSeconds: number;
  docs: number;
  imported?: number;
  updated?: number;
  failed?: { file: string; error: string }[];
  failedCount?: number;
  /** Latencies in ms, one array per query. */
  latencies: number[][];
  /** Top 10 per query: corpus ids for engines, index or title for Vigil. */
  top: (number | { index: string | null; title: string })[][];
  hits: number[];
  snippetsOk?: boolean;
  peakRss: number;
  /** RSS of the process before it loads anything (Node, tsx and the code). */
  rssAtStart: number;
  /** The machine's 1-minute load average when the subject started and when it finished (other work on the machine skews timings). */
  load: [number, number];
  rssAfterLoad: number;
  heapAfterLoad: number;
  dbBytes?: number;
  dbBytesClosed?: number;
  recognised?: Recognised[];
}

/** The file a corpus document is written to (ids count from 0). */
export const fileName = (id: number): string => `${String(id + 1).padStart(6, '0')}.txt`;

let peak = 0;
let rssAtStart = 0;
let loadAtStart = 0;
const sample = (): void => { peak = Math.max(peak, process.memoryUsage().rss); };
/** The process's peak RSS: Linux's exact high-water mark where there is one, else the samples. */
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.max(peak, Number(kb) * 1024);
  } catch {
    // Not Linux: the 50 ms samples and the OS's own figure are all there is.
  }
  return Math.max(peak, process.resourceUsage().maxRSS * 1024);
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

function settled(): { rss: number; heap: number } {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

/** Runs every query `warmup` times, then `runs` times, rotating the order each round. */
async function measure(queries: BenchQuery[], runs: number, warmup: number, search: (q: BenchQuery) => unknown): Promise<number[][]> {
  const latencies = queries.map(() => [] as number[]);
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < queries.length; k++) {
      const i = (k + round) % queries.length;
      const t = performance.now();
      await search(queries[i]!);
      if (round >= warmup) latencies[i]!.push(performance.now() - t);
    }
  }
  return latencies;
}

/** Body text as Vigil stores it: between the title line and the end marker. */
export function splitDoc(text: string): { title: string; body: string } {
  const title = /^# (.+)$/m.exec(text);
  const start = title ? title.index + title[0].length : 0;
  const end = text.search(/\n(?:### )?(?:\*\*\\)?ENDS(?:\*\*)?\n/);
  return { title: title?.[1] ?? '', body: text.slice(start, end > start ? end : undefined) };
}

async function runVigil(task: Extract<ChildTask, { kind: 'vigil' }>): Promise<ChildResult> {
  const archive = await openArchive({ dataDir: task.dataDir, cacheSize: 0 }) // every query measured in full, never from the cache;
  let done = 0;
  const t = performance.now();
  const summary = await archive.importFiles([task.docsDir], {
    onFile: () => { if (++done % 10000 === 0) process.send?.({ progress: `Vigil imported ${done} files` }); },
  });
  const loadSeconds = (performance.now() - t) / 1000;
  const after = settled();
  const q = (query: BenchQuery): Promise<Awaited<ReturnType<typeof archive.search>>> =>
    archive.search({ q: query.vigilQuery, country: query.country, limit: 10, offset: 0, sort: 'relevance' });
  const latencies = await measure(task.queries, task.runs, task.warmup, q);
  const finals = await Promise.all(task.queries.map(q));
  const dbBytes = dirBytes(task.dataDir);
  await archive.close();
  // Vigil's peak, taken before the benchmark reads every document's fields back for its own check below.
  const peak = peakRss();
  const db = new SQLite(join(task.dataDir, 'vigil.db'), { readonly: true });
  const recognised = db.prepare('SELECT source_file AS file, index_number AS "index", language, date, type, countries FROM documents').all() as Recognised[];
  db.close();
  return {
    name: 'Vigil', loadSeconds, docs: summary.imported + summary.updated, imported: summary.imported, updated: summary.updated,
    failed: summary.failed.slice(0, 5), failedCount: summary.failed.length, latencies,
    top: finals.map((r) => r.results.map((hit) => ({ index: hit.index, title: hit.title }))),
    hits: finals.map((r) => r.total),
    snippetsOk: finals.every((r) => r.results.every((hit) => hit.snippet.length > 0) && Object.keys(r.facets.year).length > 0),
    peakRss: peak, rssAtStart, load: [loadAtStart, loadavg()[0] ?? 0], rssAfterLoad: after.rss, heapAfterLoad: after.heap,
    dbBytes, dbBytesClosed: dirBytes(task.dataDir), recognised: recognised.map((r) => ({ ...r, file: r.file?.slice(-10) ?? '' })),
  };
}

async function runEngine(task: Extract<ChildTask, { kind: 'engine' }>): Promise<ChildResult> {
  // Loaded here, not at the top: Vigil's process should not hold the other engines or the generator (18 MB).
  const [{ generateCorpus }, { createEngine }] = await Promise.all([import('./corpus.ts'), import('./engines.ts')]);
  const engine = createEngine(task.engine, (id) => readFileSync(join(task.docsDir, fileName(id)), 'utf8'));
  let loadMs = 0;
  let batch: BenchDoc[] = [];
  let id = 0;
  const flush = (): void => {
    const t = performance.now();
    engine.add(batch);
    loadMs += performance.now() - t;
    batch = [];
  };
  for (const doc of generateCorpus(task.size, task.seed)) {
    batch.push({ id: id++, ...splitDoc(doc.text), country: doc.meta.country });
    if (batch.length === 1000) flush();
    if (id % 20000 === 0) process.send?.({ progress: `${engine.name} indexed ${id} docs` });
  }
  flush();
  const after = settled();
  const latencies = await measure(task.queries, task.runs, task.warmup, (q) => engine.search(q, 10));
  const top = task.queries.map((q) => engine.search(q, 10));
  const hits = task.queries.map((q) => (engine.search(q, 10), engine.lastHits));
  return {
    name: engine.name, loadSeconds: loadMs / 1000, docs: id, latencies, top, hits,
    peakRss: peakRss(), rssAtStart, load: [loadAtStart, loadavg()[0] ?? 0], rssAfterLoad: after.rss, heapAfterLoad: after.heap,
  };
}

process.once('message', (task: ChildTask) => {
  rssAtStart = settled().rss;
  loadAtStart = loadavg()[0] ?? 0;
  const timer = setInterval(sample, 50);
  const run = task.kind === 'vigil' ? runVigil(task) : runEngine(task);
  run.then(
    (result) => { clearInterval(timer); process.send?.({ result }, () => process.exit(0)); },
    (error: unknown) => { clearInterval(timer); process.send?.({ error: error instanceof Error ? error.stack ?? error.message : String(error) }, () => process.exit(1)); },
  );
});
