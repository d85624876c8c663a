/** The benchmark's tables: printed per corpus size, and as one markdown block for docs/performance.md. */
import type { ChildResult, Recognised } from './child.ts';
import type { BenchQuery } from './queries.ts';
import { indexKey, type CorpusMeta } from './corpus.ts';

/** Where each corpus document went, so that Vigil's hits can be told by index number or title. */
export interface CorpusInfo { meta: CorpusMeta[]; byIndex: Map<string, number>; byTitle: Map<string, number>; bytes: number; words: number; seconds: number }

export interface RecognitionLine { field: string; right: number; total: number; examples: string[] }

export interface SizeReport {
  size: number;
  corpus: CorpusInfo;
  queries: BenchQuery[];
  subjects: ChildResult[];
  failures: string[];
  recognition: RecognitionLine[];
}

const TARGETS = { importRate: 2000, p50: 10, p95: 50, peakMb: 400, atSize: 100000 };
const METHOD = [
  'Vigil: `archive.importFiles([folder])`, then `archive.search({ q, country, limit: 10, sort: "relevance" })`, which also counts facets and builds snippets.',
  'MiniSearch 7 and FlexSearch 0.8 return ids only (no facets, no snippets) and keep no text; title ×3 in MiniSearch, none in FlexSearch (no field boost there).',
  'Phrase: neither engine has one; both run an AND of the words and then keep the ranked hits whose text (read from the corpus file) holds the phrase.',
  'Prefix: MiniSearch `prefix: true` on that query only; FlexSearch expands the prefix over its own term dictionary (OR of the forms).',
  'Country: MiniSearch `filter` callback, FlexSearch tag `country`; Vigil `country: "CN"` (from index number, title and body mentions).',
  'Each subject runs in its own child process (`node --expose-gc --import tsx`, default heap limit), so memory figures are its own. "RSS at start" is Node + tsx + the code loaded; peak RSS is the kernel\'s high-water mark (VmHWM), whole process.',
  'Engines index the corpus from the generator (index time counts only their `add` calls); Vigil reads and parses the files (its import time includes that).',
  'Load avg: the machine\'s 1-minute load average when each subject started → finished; on 2 cores, anything well above 2 means other work slowed the figures.',
  'Hits: Vigil\'s `total`; MiniSearch returns every match, so equal counts show the two match the same documents; FlexSearch stops at the limit (—).',
  'Overlap@10: documents shared by the engine\'s top 10 and Vigil\'s top 10, divided by the larger of the two lists.',
];

const mb = (bytes: number | undefined): string => (bytes === undefined ? '—' : `${(bytes / 1048576).toFixed(0)} MB`);
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const num = (n: number): string => n.toLocaleString('en');

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable(headers: string[], rows: string[][]): string {
  const esc = (c: string): string => c.replace(/\|/g, '\\|');
  return [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

/** Corpus ids of Vigil's hits, told apart by index number, else by title. */
function vigilIds(report: SizeReport, q: number): number[] {
  const vigil = report.subjects.find((s) => s.name === 'Vigil');
  return (vigil?.top[q] ?? []).map((hit) => {
    if (typeof hit === 'number') return hit;
    return (hit.index !== null ? report.corpus.byIndex.get(indexKey(hit.index)) : undefined) ?? report.corpus.byTitle.get(hit.title) ?? -1;
  });
}

function overlap(report: SizeReport, subject: ChildResult, q: number): string {
  if (subject.name === 'Vigil') return '—';
  const ours = new Set(vigilIds(report, q));
  const theirs = subject.top[q] as number[];
  const larger = Math.max(ours.size, theirs.length);
  if (larger === 0) return 'both empty';
  const shared = theirs.filter((id) => ours.has(id)).length;
  return `${((100 * shared) / larger).toFixed(0)}%`;
}

function loadRows(report: SizeReport): string[][] {
  return report.subjects.map((s) => [
    s.name, num(s.docs), s.loadSeconds.toFixed(1), num(Math.round(s.docs / s.loadSeconds)),
    mb(s.rssAtStart), mb(s.rssAfterLoad), mb(s.heapAfterLoad), mb(s.peakRss), s.dbBytes === undefined ? 'in memory' : `${mb(s.dbBytes)} (${mb(s.dbBytesClosed)} closed)`,
    `${s.load[0].toFixed(1)} → ${s.load[1].toFixed(1)}`,
  ]);
}
const LOAD_HEADERS = ['engine', 'docs', 'load s', 'docs/s', 'RSS at start', 'RSS after load', 'heap after load', 'peak RSS', 'size on disk', 'load avg'];

/** Engines count a phrase's AND matches (before the text check); -1 means the engine stopped at the limit. */
const hits = (n: number, andOnly: boolean): string => (n < 0 ? '—' : andOnly ? `${num(n)} (AND)` : num(n));

function queryRows(report: SizeReport): string[][] {
  const rows: string[][] = [];
  report.queries.forEach((q, i) => {
    for (const s of report.subjects) {
      const lat = s.latencies[i] ?? [];
      const query = s.name === 'Vigil' ? `${q.label}: ${q.vigilQuery}${q.country ? ` [${q.country}]` : ''}` : '';
      rows.push([query, s.name, ms(percentile(lat, 50)), ms(percentile(lat, 95)), ms(percentile(lat, 99)), hits(s.hits[i] ?? -1, s.name !== 'Vigil' && q.phrase === true), overlap(report, s, i)]);
    }
  });
  return rows;
}
const QUERY_HEADERS = ['query', 'engine', 'p50 ms', 'p95 ms', 'p99 ms', 'hits', 'overlap@10'];

function overallRows(report: SizeReport): string[][] {
  return report.subjects.map((s) => {
    const all = s.latencies.flat();
    return [s.name, ms(percentile(all, 50)), ms(percentile(all, 95)), ms(percentile(all, 99)), String(all.length)];
  });
}
const OVERALL_HEADERS = ['engine', 'p50 ms', 'p95 ms', 'p99 ms', 'samples'];

function targetLines(report: SizeReport): string[] {
  const vigil = report.subjects.find((s) => s.name === 'Vigil');
  if (!vigil) return ['Vigil did not run: no target can be checked.'];
  const all = vigil.latencies.flat();
  const rate = vigil.docs / vigil.loadSeconds;
  const check = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  const note = report.size === TARGETS.atSize ? '' : ` (targets are set for ${num(TARGETS.atSize)} documents)`;
  return [
    `${check(rate >= TARGETS.importRate)} import ${num(Math.round(rate))} docs/s (target ≥ ${num(TARGETS.importRate)})${note}`,
    `${check(percentile(all, 50) <= TARGETS.p50)} search p50 ${ms(percentile(all, 50))} ms (target ≤ ${TARGETS.p50} ms, facets and snippets included)${note}`,
    `${check(percentile(all, 95) <= TARGETS.p95)} search p95 ${ms(percentile(all, 95))} ms (target ≤ ${TARGETS.p95} ms)${note}`,
    `${check(vigil.peakRss <= TARGETS.peakMb * 1048576)} peak memory ${mb(vigil.peakRss)} (target ≤ ${TARGETS.peakMb} MB)${note}`,
  ];
}

/** Compares what Vigil read from each file with what the generator wrote into it. */
export function checkRecognition(rows: Recognised[], corpus: CorpusInfo, idOf: (file: string) => number): RecognitionLine[] {
  const lines: RecognitionLine[] = ['index number', 'language', 'year of date', 'type', 'country'].map((field) => ({ field, right: 0, total: 0, examples: [] }));
  for (const row of rows) {
    const meta = corpus.meta[idOf(row.file)];
    if (!meta) continue;
    const countries = JSON.parse(row.countries) as string[];
    const expected = [
      meta.index ? indexKey(meta.index) : null,
      meta.language, String(meta.year), meta.type, meta.country,
    ];
    const got = [row.index === null ? null : indexKey(row.index), row.language, row.date?.slice(0, 4) ?? null, row.type, countries.includes(meta.country) ? meta.country : countries.join(',')];
    lines.forEach((line, i) => {
      line.total++;
      if (expected[i] === got[i]) line.right++;
      else if (line.examples.length < 3) line.examples.push(`${row.file}: expected ${expected[i]}, got ${got[i] || 'nothing'}`);
    });
  }
  return lines;
}

function recognitionText(report: SizeReport): string[] {
  return report.recognition.map((l) =>
    `${l.field.padEnd(13)} ${num(l.right)}/${num(l.total)} right${l.examples.length ? `; e.g. ${l.examples.join('; ')}` : ''}`);
}

/** Prints one corpus size's tables. */
export function printSize(report: SizeReport): void {
  const c = report.corpus;
  console.log(`\n=== ${num(report.size)} documents (corpus: ${(c.bytes / 1e6).toFixed(0)} MB, ${num(Math.round(c.words / report.size))} words on average, generated and written in ${c.seconds.toFixed(1)} s)\n`);
  console.log(textTable(LOAD_HEADERS, loadRows(report)));
  console.log(`\n${textTable(QUERY_HEADERS, queryRows(report))}`);
  console.log(`\n${textTable(OVERALL_HEADERS, overallRows(report))}`);
  console.log(`\nVigil against the targets:\n${targetLines(report).map((l) => `  ${l}`).join('\n')}`);
  const vigil = report.subjects.find((s) => s.name === 'Vigil');
  if (vigil) {
    console.log(`\nVigil import: ${num(vigil.imported ?? 0)} imported, ${num(vigil.updated ?? 0)} updated, ${num(vigil.failedCount ?? 0)} failed${vigil.failed?.length ? ` (e.g. ${vigil.failed.map((f) => `${f.file.slice(-10)}: ${f.error}`).join('; ')})` : ''}; snippets and facets present: ${vigil.snippetsOk ? 'yes' : 'NO'}`);
    console.log(`What Vigil read, against the generator's truth:\n${recognitionText(report).map((l) => `  ${l}`).join('\n')}`);
  }
  for (const failure of report.failures) console.log(`\nFAILED: ${failure}`);
}

/** The markdown block for docs/performance.md, covering every size run. */
export function markdown(reports: SizeReport[], settings: { runs: number; warmup: number; seed: number }): string {
  const out: string[] = [
    '## Benchmark (`npm run bench`)', '',
    `Generated corpus (seed ${settings.seed}): public statements, press releases, urgent actions and other types, 300–1,500 words, index numbers of all three eras, about 80% English and the rest French, Spanish, German and Portuguese. Queries: ${reports[0]?.queries.map((q) => `${q.label} \`${q.vigilQuery}\`${q.country ? ` (country ${q.country})` : ''}`).join(', ')}. Each query ran ${settings.runs} times after ${settings.warmup} warm-up rounds, interleaved. Machine: 2 cores.`, '',
    ...METHOD.map((m) => `- ${m}`),
  ];
  for (const report of reports) {
    out.push('', `### ${num(report.size)} documents`, '', mdTable(LOAD_HEADERS, loadRows(report)), '', mdTable(QUERY_HEADERS, queryRows(report)), '',
      mdTable(OVERALL_HEADERS, overallRows(report)), '', ...targetLines(report).map((l) => `- ${l}`));
    if (report.recognition.length) out.push('', 'Recognition against the generator:', '', ...recognitionText(report).map((l) => `- ${l}`));
    for (const failure of report.failures) out.push('', `FAILED: ${failure}`);
  }
  return out.join('\n');
}
