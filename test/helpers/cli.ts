/**
 * Runs the real `vigil` command as a child process, the way a person at a
 * terminal does, and builds the small demonstration corpus the CLI
 * integration tests import. The corpus documents are written for these tests,
 * in our own words, from the public facts in
 * ../shared/facts/north-korean-refugees-2002.md; the model document is copied
 * unchanged from ../shared/seed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { makeTextPdf } from './make-pdf.ts';

/** The project root: children run here, as `npx vigil` would. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The model document: a public statement, ASA 17/013/2002. */
export const SEED_FILE = resolve(PROJECT_ROOT, '../shared/seed/000_56dab67169cb3d64.txt');

const VIGIL_BIN = join(PROJECT_ROOT, 'bin', 'vigil.js');

export interface VigilResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The data directory the child gets as `VIGIL_DATA`. */
  dataDir: string;
  /** Written to the child's standard input, which is then closed. */
  input?: string;
  /** More environment variables for the child. */
  env?: NodeJS.ProcessEnv;
  /** Kill the child after this long (default 110 s: a stuck child must not outlive the test). */
  timeoutMs?: number;
}

/**
 * How many children one test file runs at once. Each child loads the whole
 * program (~0.5 s of CPU or more); with two test files in parallel on a shared
 * machine, more at once only makes every child slower and risks timeouts.
 */
const MAX_CHILDREN = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CHILDREN) await new Promise<void>((resolveWait) => waiting.push(resolveWait));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs `node bin/vigil.js ...args` in the project root and collects what it prints. */
export function runVigil(args: string[], options: RunOptions): Promise<VigilResult> {
  return slot(() => spawnVigil(args, options));
}

function spawnVigil(args: string[], options: RunOptions): Promise<VigilResult> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, VIGIL_DATA: options.dataDir, NO_COLOR: '1', FORCE_COLOR: '0' };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, [VIGIL_BIN, ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Runs vigil with `--json` expected on stdout; fails loudly with stderr when the output is not JSON. */
export async function runVigilJson<T>(args: string[], options: RunOptions): Promise<{ code: number; json: T; stderr: string }> {
  const result = await runVigil(args, options);
  try {
    return { code: result.code, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(`vigil ${args.join(' ')} did not print JSON (exit ${result.code})\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
}

/**
 * A fresh temporary folder, removed after the enclosing file or describe block.
 * Call it at the top level of a test file or inside `describe` (it registers an
 * `afterAll` hook), never inside a test or another hook.
 */
export function tempDir(prefix = 'vigil-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  return dir;
}

/** Writes a file, creating its folders. */
export async function writeFileIn(path: string, content: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
  return path;
}

/**
 * Per-test timeout for CLI tests: each test waits for a few children, and on
 * a machine shared with benchmarks one child can take many seconds.
 */
export const CLI_TEST_TIMEOUT = 120_000;

/** What the corpus holds, for assertions. */
export interface Corpus {
  /** The folder with nested subfolders (imported as a folder). */
  folder: string;
  /** A French document outside the folder, named as a file. */
  frenchFile: string;
  /** The paths to give `vigil import`: the model document, the folder and the French file. */
  importArgs: string[];
  /** How many documents the import arguments hold. */
  count: number;
  /** Titles the recogniser should find, by role. */
  titles: {
    manila: string;
    detentions: string;
    returns: string;
    family: string;
    yantai: string;
    french: string;
    seed: string;
  };
}

const MANILA_MD = `VIGIL DEMONSTRATION PROJECT

**Press Release**

15 March 2002

# Twenty-five asylum seekers flown to Manila

The twenty-five North Koreans who pushed their way into the embassy of Spain in Beijing on Thursday left China today on a scheduled airline flight. After a stopover of no more than three days in the Philippine capital they are due to continue to Seoul.

Thirteen men and twelve women, the youngest about fourteen and the oldest about fifty-two, made up the group. They asked to be treated as refugees and warned that they would take their own lives rather than be sent back across the border. Spanish diplomats passed the request on to the Chinese authorities.

Premier Zhu Rongji said the case would be settled according to law. The UN refugee agency thanked both governments for the outcome.
`;

const DETENTIONS_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Detentions in north-east China</title></head>
<body>
<p>Public Statement</p>
<p>21 June 2002</p>
<h1>At least 1,400 people held as China hunts for North Koreans</h1>
<p>Police in the provinces along the border have held at least 1,400 people since the campaign against so-called illegal immigrants started, according to reports that reached us this week.</p>
<p>Some estimates put the number of North Koreans living in hiding in China as high as 300,000. Of those who reached a foreign mission, only 38 have so far been allowed to leave the country.</p>
<p>The group of twenty-five who sought refuge with Spain's diplomats in March were flown out to Manila within two days; most who are caught have no such luck.</p>
<p>People sent back across the border risk prison and punishment. The authorities should stop the arrests and let the UN refugee agency reach those who need protection.</p>
</body>
</html>
`;

const RETURNS_MD = `**Research Briefing**

20 June 2002

# Hundreds forcibly returned from Longjing and Tumen

Reports gathered in Jilin province, in China's north-east, describe mass returns of North Koreans this spring. In April up to 900 people were forcibly returned from the city of Longjing, and in May up to 500 more from Tumen.

Returns from Longjing are not new: in the summer of 2001 about fifty people were said to be repatriated from the city every second day.

## Official reaction

On 13 June 2002 a government spokesman described attempts to enter foreign embassies as a provocation against Chinese law.
`;

const FAMILY_TXT = `Press Release

30 June 2001

Family of seven leaves China after asylum request

A North Korean family of seven people who asked for protection at the Beijing office of the UN refugee agency has left China. Their journey to safety took them first to Singapore and then to the Philippines.

The family had waited for days inside the office while the authorities and the agency talked about their case.
`;

const FRENCH_MD = `**Déclaration publique**

5 août 2002

# Corée du Nord : 629 personnes accueillies en Corée du Sud depuis janvier

Selon des chiffres rendus publics à la fin du mois de juillet, 629 personnes venues de Corée du Nord ont été accueillies en Corée du Sud depuis le début de l'année. La plupart avaient d'abord franchi la frontière avec la Chine, où elles vivaient cachées.

Les autorités chinoises continuent de traiter ces personnes comme des migrants en situation irrégulière et les renvoient de force, alors que beaucoup risquent la prison à leur retour.
`;

const YANTAI_LINES = [
  'Report',
  '24 January 2003',
  '',
  { text: 'Arrests in Yantai as UNHCR stays shut out of the border area', size: 16 },
  '',
  'The UN refugee agency said this week that for years it has not been allowed into the border area where North Koreans cross into China.',
  '',
  'Police in the port city of Yantai, in Shandong province, arrested 48 people who were trying to leave the country by boat.',
  '',
  'Earlier escapes went through third countries, as when twenty-five people flew on to Manila in March 2002.',
];

/** Writes the corpus under `root` and returns what it holds. */
export async function writeCorpus(root: string): Promise<Corpus> {
  const folder = join(root, 'corpus');
  await writeFileIn(join(folder, '2002', 'march', 'embassy.md'), MANILA_MD);
  await writeFileIn(join(folder, '2002', 'june', 'detentions.html'), DETENTIONS_HTML);
  await writeFileIn(join(folder, '2002', 'june', 'returns.md'), RETURNS_MD);
  await writeFileIn(join(folder, '2001', 'family.txt'), FAMILY_TXT);
  const pdf = await makeTextPdf(YANTAI_LINES.map((line) => (typeof line === 'string' ? { text: line } : line)));
  await writeFileIn(join(folder, '2003', 'reports', 'yantai.pdf'), pdf);
  // Things a folder walk must pass over: a hidden file and a format Vigil does not read.
  await writeFileIn(join(folder, '.notes.txt'), 'A hidden scratch file with the word hiddenscratchword.\n');
  await writeFileIn(join(folder, '2002', 'scan-notes.docx'), 'not a document Vigil reads: docxonlyword\n');
  const frenchFile = await writeFileIn(join(root, 'extra', 'declaration.md'), FRENCH_MD);
  const seedCopy = join(folder, '2002', 'march', 'asa-17-013-2002.txt');
  await copyFile(SEED_FILE, seedCopy);
  return {
    folder,
    frenchFile,
    importArgs: [folder, frenchFile],
    count: 7,
    titles: {
      manila: 'Twenty-five asylum seekers flown to Manila',
      detentions: 'At least 1,400 people held as China hunts for North Koreans',
      returns: 'Hundreds forcibly returned from Longjing and Tumen',
      family: 'Family of seven leaves China after asylum request',
      yantai: 'Arrests in Yantai as UNHCR stays shut out of the border area',
      french: 'Corée du Nord : 629 personnes accueillies en Corée du Sud depuis janvier',
      seed: 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees',
    },
  };
}
