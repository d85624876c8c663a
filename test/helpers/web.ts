/**
 * The web application as the integration tests meet it: built on a fresh
 * temporary data directory with the given files imported, called with
 * `app.inject()` (no port is opened), then closed and removed. Also the small
 * readers the tests share: HTML through rehype-parse, XML through
 * fast-xml-parser, the Content-Security-Policy header, and the real `vigil`
 * command run in this process to compare the API with `--json` output.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { vi } from 'vitest';
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { DEMO_ARCHIVE_DIR } from '../../src/archive/demo.ts';
import type { Archive, ImportSummary, SearchResult } from '../../src/archive/index.ts';
import type { SignInRules } from '../../src/access/sign-in.service.ts';
import { openVigil, type Vigil } from '../../src/vigil.ts';
import { buildApp, type RateLimits } from '../../src/web/app.ts';

/** The project root. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The model document: a public statement, ASA 17/013/2002. */
export const SEED_FILE = resolve(PROJECT_ROOT, '../shared/seed/000_56dab67169cb3d64.txt');

/** The demonstration documents the server loads into an empty archive. */
export const DEMO_DIR = DEMO_ARCHIVE_DIR;

/** The address the test site says it is reached at. */
export const PUBLIC_URL = 'https://archive.example.org';

export interface WebAppOptions {
  /** Files and folders to import before the app is built. */
  files?: string[];
  /** Files to write into the temporary folder first (name → content) and import too. */
  write?: Record<string, string>;
  publicUrl?: string;
  signInRules?: Partial<SignInRules>;
  /** Trust X-Forwarded-* headers, as behind a proxy. */
  trustProxy?: boolean | string | ((address: string, hop: number) => boolean);
  /** Rate limits (tests sign in many times from one address). */
  limits?: Partial<RateLimits>;
  /** The clock the services read. */
  now?: () => Date;
}

export interface WebApp {
  app: FastifyInstance;
  vigil: Vigil;
  archive: Archive;
  /** The temporary folder: `data/` holds the database, `files/` what `write` wrote. */
  root: string;
  dataDir: string;
  /** Paths of the files `write` wrote, by the names given. */
  written: Record<string, string>;
  summary: ImportSummary;
  publicUrl: string;
  /** `app.inject` for a GET with optional headers. */
  get(url: string, headers?: InjectOptions['headers']): Promise<LightMyRequestResponse>;
  /** Closes the app and the archive (each at most once) and removes the folder. */
  close(): Promise<void>;
}

/** Builds the app on a fresh temporary data directory with the files imported. Fails if any file fails to import. */
export async function createWebApp(options: WebAppOptions = {}): Promise<WebApp> {
  const root = mkdtempSync(join(tmpdir(), 'vigil-web-'));
  const dataDir = join(root, 'data');
  const written: Record<string, string> = {};
  for (const [name, content] of Object.entries(options.write ?? {})) {
    const path = join(root, 'files', name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    written[name] = path;
  }
  const vigil = await openVigil({ dataDir, warn: () => undefined, env: { VIGIL_KEY_FILE: join(root, 'master.key') }, ...(options.signInRules ? { signInRules: options.signInRules } : {}), ...(options.now ? { now: options.now } : {}) });
  const archive = vigil.archive;
  const paths = [...(options.files ?? []), ...Object.values(written)];
  const summary = paths.length > 0 ? await archive.importFiles(paths) : { imported: 0, updated: 0, failed: [] };
  if (summary.failed.length > 0) {
    await archive.close();
    rmSync(root, { recursive: true, force: true });
    throw new Error(`test files failed to import: ${JSON.stringify(summary.failed)}`);
  }
  const publicUrl = options.publicUrl ?? PUBLIC_URL;
  const app = await buildApp({ vigil, publicUrl, trustProxy: options.trustProxy ?? false, limits: options.limits ?? { signInPerMinute: 10_000 } });
  let archiveOpen = true;
  let appOpen = true;
  const closeArchive = archive.close.bind(archive);
  // Tests may close the archive themselves (to force an error); closing twice is then a no-op.
  archive.close = async () => {
    if (!archiveOpen) return;
    archiveOpen = false;
    await closeArchive();
  };
  return {
    app, vigil, archive, root, dataDir, written, summary, publicUrl,
    get: (url, headers) => app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) }),
    async close() {
      let failure: unknown;
      if (appOpen) {
        appOpen = false;
        try {
          await app.close();
        } catch (error) {
          failure = error;
        }
      }
      try {
        await archive.close();
      } catch (error) {
        failure ??= error;
      }
      rmSync(root, { recursive: true, force: true });
      if (failure !== undefined) throw failure instanceof Error ? failure : new Error(`closing failed: ${JSON.stringify(failure)}`);
    },
  };
}

/** Every document, newest first, as the API lists them (page by page), with the facets of the whole archive. */
export async function listEverything(web: WebApp): Promise<SearchResult> {
  const fetchPage = async (offset: number): Promise<SearchResult> => {
    const response = await web.get(`/api/v1/documents?sort=date&limit=100&offset=${offset}`);
    if (response.statusCode !== 200) throw new Error(`the API answered ${response.statusCode}: ${response.body}`);
    return response.json<SearchResult>();
  };
  const first = await fetchPage(0);
  const results = [...first.results];
  while (results.length < first.total) results.push(...(await fetchPage(results.length)).results);
  return { ...first, results };
}

// ---------------------------------------------------------------------------
// HTML

/** Parses a page the way a browser would (HTML5 parsing, errors recovered). */
export function parseHtml(page: string): Root {
  return unified().use(rehypeParse).parse(page);
}

/** Every element of a tree, in document order, optionally only those with this tag name. */
export function elements(node: Root | Element, tagName?: string): Element[] {
  const found: Element[] = [];
  const walk = (children: RootContent[]): void => {
    for (const child of children) {
      if (child.type !== 'element') continue;
      if (!tagName || child.tagName === tagName) found.push(child);
      walk(child.children);
      if (child.content) walk(child.content.children);
    }
  };
  walk(node.children);
  return found;
}

/** An attribute as a string (class lists and rel lists joined with spaces), or undefined. */
export function attr(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Elements whose class list holds this class. */
export function byClass(node: Root | Element, className: string, tagName?: string): Element[] {
  return elements(node, tagName).filter((element) => (attr(element, 'className') ?? '').split(' ').includes(className));
}

/** The text a reader sees in a node (scripts and styles left out). */
export function visibleText(node: Root | Element): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** The `<main>` element of a page. */
export function mainOf(page: string): Element {
  const main = elements(parseHtml(page), 'main')[0];
  if (!main) throw new Error('the page has no <main> element');
  return main;
}

/** The href of every `<a>` inside a node. */
export function links(node: Root | Element): string[] {
  return elements(node, 'a').map((a) => attr(a, 'href')).filter((href): href is string => href !== undefined);
}

/** The number of documents the search page's summary line announces (0 when it shows "Nothing found"). */
export function announcedTotal(page: string): number {
  const summary = byClass(mainOf(page), 'summary')[0];
  if (!summary) return 0;
  const match = /^([\d,]+) documents?\b/.exec(visibleText(summary));
  if (!match) throw new Error(`unreadable summary: ${visibleText(summary)}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** The document addresses a result list links to, in order. */
export function hitSlugs(page: string): string[] {
  return byClass(mainOf(page), 'hits', 'ol').flatMap((list) => elements(list, 'h3'))
    .flatMap((heading) => links(heading))
    .map((href) => href.replace(/^\/documents\//, ''));
}

/** The `datetime` of each hit in the first result list, in order. */
export function hitDates(page: string): string[] {
  const list = byClass(mainOf(page), 'hits', 'ol')[0];
  if (!list) return [];
  return byClass(list, 'meta').flatMap((meta) => elements(meta, 'time')).map((time) => attr(time, 'dateTime') ?? '');
}

// ---------------------------------------------------------------------------
// Headers

/** Content-Security-Policy directives by name, each with its source list. */
export function cspDirectives(header: string | string[] | number | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

// ---------------------------------------------------------------------------
// XML

/** Throws with the parser's reason when the text is not well-formed XML. */
export function assertWellFormedXml(xml: string): void {
  const result = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (result !== true) throw new Error(`not well-formed XML: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`);
}

/** Parses XML into plain objects: attributes as `@_name`, text as `#text`, the listed elements always arrays. */
export function parseXml(xml: string, arrays: string[] = []): Record<string, unknown> {
  assertWellFormedXml(xml);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (name) => arrays.includes(name),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** The text of a parsed XML element (a string, or an object with `#text`). */
export function xmlText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String(node['#text']);
  return undefined;
}

// ---------------------------------------------------------------------------
// The command line, in this process

/**
 * Runs `vigil ARGS` in this process on a data directory and returns what it
 * printed on standard output, parsed as JSON. The real command code runs;
 * only the process around it is saved: the child-process CLI tests cover that.
 */
export async function vigilJson<T>(args: string[], dataDir: string): Promise<T> {
  // Loaded here: only the tests that compare with the command line pay for loading it.
  const { main } = await import('../../src/cli/main.ts');
  const savedData = process.env.VIGIL_DATA;
  let out = '';
  let err = '';
  const text = (chunk: string | Uint8Array): string => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += text(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += text(chunk);
    return true;
  });
  process.env.VIGIL_DATA = dataDir;
  let code: number;
  try {
    code = await main(args);
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    if (savedData === undefined) delete process.env.VIGIL_DATA;
    else process.env.VIGIL_DATA = savedData;
  }
  if (code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${code}: ${err}`);
  return JSON.parse(out) as T;
}
