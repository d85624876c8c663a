/**
 * Looking for sealed values where they must not be (issue #4): canaries that
 * nobody could type by chance, every spelling a copy of one could take on its
 * way into a file or an answer (UTF-8, lower case, UTF-16 either way round,
 * hex, base64 at any alignment), the search itself, and the app built with
 * its request log captured so that the log can be searched too.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect, vi, type MockInstance } from 'vitest';
import { openVigil, type Vigil } from '../../src/vigil.ts';
import { buildApp } from '../../src/web/app.ts';
import { PUBLIC_URL, type WebApp } from './web.ts';

export interface Canary {
  value: string;
  /** The random part alone: a search index splits the value into words and may keep this by itself. */
  random: string;
}

/**
 * A value nobody could write by chance. Letters, digits and "-" only: no
 * format on the way (HTML, JSON, a URL, a log line, a CSV cell) escapes them,
 * so a plain byte search finds every copy.
 */
export function canary(field: string): Canary {
  const random = randomBytes(12).toString('hex');
  return { value: `CANARY-${field}-${random}`, random };
}

export interface Needle {
  label: string;
  bytes: Buffer;
}

/** Base64 of `raw` at each of the three alignments it could sit at inside a longer encoded run, standard and URL-safe. */
export function base64Spellings(raw: Buffer): string[] {
  const spellings = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    // Characters that mix in unknown neighbouring bytes are left off at both ends.
    const inner = encoded.slice(shift === 0 ? 0 : 4, Math.floor((shift + raw.length) / 3) * 4);
    spellings.add(inner);
    spellings.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...spellings];
}

/** Binary secrets: the bytes themselves, and as hex or base64 text. */
export function byteNeedles(label: string, raw: Buffer): Needle[] {
  const hex = raw.toString('hex');
  return [
    { label, bytes: raw },
    { label: `${label} (hex)`, bytes: Buffer.from(hex) },
    { label: `${label} (HEX)`, bytes: Buffer.from(hex.toUpperCase()) },
    ...base64Spellings(raw).map((text) => ({ label: `${label} (base64)`, bytes: Buffer.from(text) })),
  ];
}

/** Text secrets: UTF-8 (as typed and lower-cased, as a search index keeps words), UTF-16 either way round, and the UTF-8 bytes encoded. */
export function textNeedles(label: string, text: string): Needle[] {
  const variants = [...new Set([text, text.toLowerCase()])];
  return [
    ...variants.flatMap((variant) => [
      { label: `${label} (UTF-8)`, bytes: Buffer.from(variant, 'utf8') },
      { label: `${label} (UTF-16LE)`, bytes: Buffer.from(variant, 'utf16le') },
      { label: `${label} (UTF-16BE)`, bytes: Buffer.from(variant, 'utf16le').swap16() },
    ]),
    ...byteNeedles(label, Buffer.from(text, 'utf8')).slice(1),
  ];
}

/** Every spelling of a canary, and of its random part alone. */
export function canaryNeedles(name: string, entry: Canary): Needle[] {
  return [...textNeedles(name, entry.value), ...textNeedles(`${name} (random part)`, entry.random)];
}

/** Where each needle occurs in `content`, as readable lines; empty when nothing leaked. */
export function leaksIn(where: string, content: Buffer | string, needles: readonly Needle[]): string[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return needles.flatMap((needle) => {
    const at = bytes.indexOf(needle.bytes);
    return at < 0 ? [] : [`${needle.label} in ${where} at byte ${at}`];
  });
}

/** The database files of a data directory that exist now, with their bytes. */
export function databaseFiles(dir: string): Array<{ name: string; bytes: Buffer }> {
  return ['vigil.db', 'vigil.db-wal', 'vigil.db-shm']
    .filter((name) => existsSync(join(dir, name)))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** The web app with Fastify's logger on; `log` holds every line it wrote. */
export interface LoggedWebApp extends WebApp {
  readonly log: string;
}

export interface LoggedAppOptions {
  /** The temporary folder: `files/` is written here. */
  root: string;
  dataDir: string;
  keyFile: string;
  /** A public document written to `files/` and imported first: what the public searches have to find. */
  publicFile: { name: string; content: string };
}

/**
 * Builds the app as createWebApp does, but with Fastify's logger on and its
 * output captured. `close()` closes the app and the database (each once) and
 * stops capturing; the folder is left for the caller to search and remove.
 * A start that fails half-way closes what it opened.
 */
export async function startLoggedApp(options: LoggedAppOptions): Promise<LoggedWebApp> {
  const file = join(options.root, 'files', options.publicFile.name);
  mkdirSync(join(options.root, 'files'), { recursive: true });
  writeFileSync(file, options.publicFile.content);
  let log = '';
  const open: { app?: FastifyInstance; vigil?: Vigil; stdout?: MockInstance<typeof process.stdout.write> } = {};
  const close = async (): Promise<void> => {
    const { app, vigil, stdout } = open;
    delete open.app;
    delete open.vigil;
    delete open.stdout;
    try {
      await app?.close();
      await vigil?.close();
    } finally {
      stdout?.mockRestore();
    }
  };
  try {
    // Pino writes to standard output, and through process.stdout.write once that is replaced, so it is replaced before the app exists.
    open.stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
    const vigil = await openVigil({ dataDir: options.dataDir, warn: () => undefined, env: { VIGIL_KEY_FILE: options.keyFile } });
    open.vigil = vigil;
    const summary = await vigil.archive.importFiles([file]);
    expect(summary.failed).toEqual([]);
    const app = await buildApp({ vigil, publicUrl: PUBLIC_URL, logger: true, limits: { signInPerMinute: 10_000 } });
    open.app = app;
    return {
      app, vigil, archive: vigil.archive, root: options.root, dataDir: options.dataDir, written: { [options.publicFile.name]: file }, summary, publicUrl: PUBLIC_URL,
      get log() {
        return log;
      },
      get: (url, headers) => app.inject({ method: 'GET', url, ...(headers ? { headers } : {}) }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
