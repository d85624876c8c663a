/**
 * Browser tests run the real `vigil serve` as a child process on a fresh data
 * directory holding the demonstration archive and the model document, and
 * drive Debian's Chromium through playwright-core (no browser is downloaded).
 *
 * Everything here is plumbing: starting and stopping the server, launching the
 * browser, keeping screenshots, watching a page for console errors and for
 * requests to other hosts, and running axe-core on a page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT, runVigilJson, SEED_FILE } from './cli.ts';

export { PROJECT_ROOT, SEED_FILE };

/** Debian's Chromium; playwright-core drives it over CDP. */
export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';

/** The demonstration archive `vigil serve` loads into an empty data directory. */
export const DEMO_ARCHIVE = join(PROJECT_ROOT, 'demo', 'archive');

/** Where screenshots are kept (git-ignored). */
export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'test-output', 'screenshots');

const VIGIL_BIN = join(PROJECT_ROOT, 'bin', 'vigil.js');
const READY_LINE = 'Vigil is serving the archive at';

export interface RunningVigil {
  /** The site's origin, without a trailing slash: `http://127.0.0.1:PORT`. */
  url: string;
  /** How many documents the archive holds. */
  documents: number;
  dataDir: string;
  /** Stops the server (SIGTERM, then SIGKILL) and removes its data directory. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await done;
  clearTimeout(timer);
}

/** Polls `/healthz` until it answers 200 (or the deadline passes). */
async function healthy(url: string, child: ChildProcess, deadline: number): Promise<number> {
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('vigil serve exited before it was healthy');
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return ((await response.json()) as { documents: number }).documents;
      lastError = `status ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vigil serve never became healthy at ${url}: ${lastError}`);
}

/** Starts `vigil serve` on one free port; rejects when the child exits or does not announce itself in time. */
async function serveOnce(dataDir: string, timeoutMs: number): Promise<{ child: ChildProcess; url: string; documents: number }> {
  const port = await freePort();
  // VIGIL_DEMO=0: the server serves exactly what was imported, with no demonstration accounts or records of its own.
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_DATA: dataDir, NO_COLOR: '1', FORCE_COLOR: '0', VIGIL_DEMO: '0' };
  delete env.NODE_OPTIONS;
  delete env.VIGIL_PUBLIC_URL;
  delete env.PORT;
  delete env.HOST;
  const child = spawn(process.execPath, [VIGIL_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`vigil serve did not start within ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        if (stderr.includes(READY_LINE)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stderr?.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`vigil serve exited (${code ?? signal}) before it was ready`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const documents = await healthy(url, child, Date.now() + timeoutMs);
    return { child, url, documents };
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message}\nstderr:\n${stderr}`);
  }
}

/**
 * Imports the demonstration archive and the model document into a fresh data
 * directory, then starts `vigil serve` on a free port and waits for `/healthz`.
 * (The archive is not empty when the server starts, and VIGIL_DEMO=0 keeps
 * the demonstration workspace out: it serves exactly what was imported.)
 */
export async function startVigil(options: { timeoutMs?: number } = {}): Promise<RunningVigil> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-browser-'));
  try {
    const imported = await runVigilJson<{ imported: number; updated: number; failed: Array<{ file: string; error: string }> }>(
      ['import', '--json', DEMO_ARCHIVE, SEED_FILE],
      { dataDir, timeoutMs },
    );
    if (imported.code !== 0 || imported.json.failed.length > 0) {
      throw new Error(`vigil import failed (exit ${imported.code}): ${JSON.stringify(imported.json.failed)}\n${imported.stderr}`);
    }
    // A port taken between the probe and the listen is the one race here: try another.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const { child, url, documents } = await serveOnce(dataDir, timeoutMs);
        return {
          url,
          documents,
          dataDir,
          async stop() {
            await stopChild(child);
            rmSync(dataDir, { recursive: true, force: true });
            // The master key file the server made beside the data directory goes too.
            rmSync(`${dataDir}.master-key`, { force: true });
            rmSync(`${dataDir}.audit-checkpoint`, { force: true });
          },
        };
      } catch (error) {
        lastError = error;
        if (!String(error).includes('EADDRINUSE')) break;
      }
    }
    throw lastError;
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Debian's Chromium, headless, with nothing that talks to the network by itself. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The phone-sized viewport of the mobile tests. */
export const MOBILE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
/** The desktop viewport. */
export const DESKTOP = { viewport: { width: 1280, height: 900 } } as const;

/** Saves a full-page screenshot as `test-output/screenshots/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** What a watched page did that it should not have. */
export interface PageWatch {
  /** Console messages of type error, and uncaught exceptions. */
  errors: string[];
  /** Requests to any origin other than the server's. */
  foreignRequests: string[];
  /** Every request URL, in order. */
  requests: string[];
}

/**
 * Records console errors, uncaught page errors and requests that leave the
 * server's origin. `data:` and `blob:` addresses stay inside the page and are
 * not counted; anything else with another origin is.
 */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { errors: [], foreignRequests: [], requests: [] };
  const own = new URL(origin).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => watch.errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const address = request.url();
    watch.requests.push(address);
    const { protocol, origin: requestOrigin } = new URL(address);
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return;
    if (requestOrigin !== own) watch.foreignRequests.push(address);
  });
  page.on('requestfailed', (request) => {
    // A navigation the test itself abandons is not an error of the site.
    const failure = request.failure()?.errorText ?? '';
    if (!failure.includes('ERR_ABORTED')) watch.errors.push(`request failed: ${request.url()} ${failure}`);
  });
  return watch;
}

/** One axe-core violation, trimmed to what a person needs to fix it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it
 * stands. The script goes in through the DevTools protocol (`evaluate`), which
 * the page's Content-Security-Policy does not govern, so the page is checked
 * with its real CSP in force.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const engine = (window as unknown as { axe: typeof axe }).axe;
    const results = await engine.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target.map(String).join(' '),
        html: node.html.slice(0, 300),
        summary: node.failureSummary ?? '',
      })),
    }));
  });
}

/** A readable report of axe violations, for test failure messages and logs. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  return [
    `${where}: ${violations.length} violation(s)`,
    ...violations.flatMap((v) => [
      `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.slice(0, 5).map((node) => `    ${node.target}\n      ${node.html}\n      ${node.summary.replace(/\n/g, '\n      ')}`),
    ]),
  ].join('\n');
}

/** The leading number of a text such as "1,234 documents, showing 1–10". */
export function leadingNumber(text: string): number {
  const match = /^\s*([\d,]+)/.exec(text);
  if (!match) throw new Error(`no number at the start of "${text}"`);
  return Number(match[1]!.replace(/,/g, ''));
}
