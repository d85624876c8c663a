/**
 * `npm run bench`: for each corpus size, writes the generated corpus to
 * bench-data/, imports it into Vigil and runs the query mix, then runs the
 * same queries over the same documents in MiniSearch and FlexSearch — each
 * subject in its own child process so that its memory is measured alone —
 * and prints throughput, latency percentiles, sizes, memory and the overlap
 * of each engine's top 10 with Vigil's. Always exits 0: a benchmark, not a test.
 *
 * Options: --sizes 10000,100000  --runs 30  --warmup 3  --seed 1  --keep
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildResult, ChildTask } from './child.ts';
import { generateCorpus, indexKey } from './corpus.ts';
import { pickQueries, type BenchQuery } from './queries.ts';
import { benchPages, pageMarkdown, printPageLoad, type PageLoad } from './pages.ts';
import { checkRecognition, markdown, printSize, type CorpusInfo, type SizeReport } from './report.ts';

const pageReports: Array<{ size: number; pages: PageLoad[] }> = [];

const here = dirname(fileURLToPath(import.meta.url));
const ENGINES = ['MiniSearch', 'FlexSearch'];

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

function writeCorpus(size: number, seed: number, docsDir: string): CorpusInfo {
  const t = performance.now();
  mkdirSync(docsDir, { recursive: true });
  const info: CorpusInfo = { meta: [], byIndex: new Map(), byTitle: new Map(), bytes: 0, words: 0, seconds: 0 };
  let id = 0;
  for (const doc of generateCorpus(size, seed)) {
    writeFileSync(join(docsDir, doc.name), doc.text);
    info.meta.push(doc.meta);
    if (doc.meta.index) info.byIndex.set(indexKey(doc.meta.index), id);
    const title = /^# (.+)$/m.exec(doc.text)?.[1];
    if (title && !info.byTitle.has(title)) info.byTitle.set(title, id);
    info.bytes += doc.text.length;
    info.words += doc.text.split(/\s+/).length;
    id++;
  }
  info.seconds = (performance.now() - t) / 1000;
  // On disk before anything reads it, as an organisation's folder would be: an import measured while
  // the kernel still wrote the 500 MB just generated ran about a tenth slower.
  execFileSync('sync');
  return info;
}

function runChild(task: ChildTask): Promise<ChildResult> {
  return new Promise((done, fail) => {
    const child = fork(join(here, 'child.ts'), [], {
      // Node's default heap limit for every subject: a larger one lets V8 put off collecting and inflates peaks.
      execArgv: ['--expose-gc', '--import', 'tsx'],
      serialization: 'advanced',
    });
    let settled = false;
    child.on('message', (message: { progress?: string; result?: ChildResult; error?: string }) => {
      if (message.progress) process.stderr.write(`  … ${message.progress}\n`);
      if (message.result) { settled = true; done(message.result); }
      if (message.error) { settled = true; fail(new Error(message.error)); }
    });
    child.on('exit', (code) => { if (!settled) fail(new Error(`child exited with code ${code}`)); });
    child.send(task);
  });
}

async function benchSize(size: number, seed: number, queries: BenchQuery[], runs: number, warmup: number, keep: boolean): Promise<SizeReport> {
  const root = resolve(here, '..', 'bench-data', String(size));
  rmSync(root, { recursive: true, force: true });
  const docsDir = join(root, 'docs');
  process.stderr.write(`\n== ${size.toLocaleString('en')} documents: writing the corpus to ${docsDir}\n`);
  const corpus = writeCorpus(size, seed, docsDir);
  const common = { docsDir, queries, runs, warmup };
  const subjects: ChildResult[] = [];
  const failures: string[] = [];
  process.stderr.write('  … Vigil: importing and searching\n');
  try {
    subjects.push(await runChild({ ...common, kind: 'vigil', dataDir: join(root, 'vigil') }));
  } catch (error) {
    failures.push(`Vigil: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const engine of ENGINES) {
    process.stderr.write(`  … ${engine}: indexing and searching\n`);
    try {
      subjects.push(await runChild({ ...common, kind: 'engine', engine, size, seed }));
    } catch (error) {
      failures.push(`${engine}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let pages: PageLoad[] = [];
  if (subjects.some((s) => s.name === 'Vigil')) {
    process.stderr.write('  … public pages: vigil serve under autocannon\n');
    try {
      pages = await benchPages(join(root, 'vigil'), queries);
    } catch (error) {
      failures.push(`pages: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (!keep) rmSync(root, { recursive: true, force: true });
  const vigil = subjects.find((s) => s.name === 'Vigil');
  const report: SizeReport = {
    size, corpus, queries, subjects, failures,
    recognition: vigil?.recognised ? checkRecognition(vigil.recognised, corpus, (file) => Number(file.slice(0, 6)) - 1) : [],
  };
  printSize(report);
  if (pages.length > 0) console.log(printPageLoad(size, pages));
  pageReports.push({ size, pages });
  return report;
}

const sizes = option('sizes', '10000,100000').split(',').map((s) => Number(s.replace(/_/g, ''))).filter((n) => n > 0);
const runs = Number(option('runs', '30'));
const warmup = Number(option('warmup', '3'));
const seed = Number(option('seed', '1'));
const keep = process.argv.includes('--keep');

const queries = pickQueries(seed, Math.min(5000, ...sizes));
const reports: SizeReport[] = [];
for (const size of sizes) reports.push(await benchSize(size, seed, queries, runs, warmup, keep));
console.log('\n---- markdown for docs/performance.md ----\n');
console.log(markdown(reports, { runs, warmup, seed }));
console.log(pageMarkdown(pageReports));
