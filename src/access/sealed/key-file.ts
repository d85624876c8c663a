/**
 * Master keys as text and as files: parsing what an operator wrote, and
 * writing key files so that a crash never leaves half a key behind (created
 * exclusively, mode 0600, flushed to disk with the folder entry).
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, realpathSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { KEY_BYTES } from './cipher.ts';

/** A master key that cannot be read or written, or is in the wrong place. */
export class MasterKeyError extends Error {
  override name = 'MasterKeyError';
}

/** A fresh random master key. */
export function generateMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** How a key is written down: base64 on one line. */
export function encodeMasterKey(key: Uint8Array): string {
  return `${Buffer.from(key).toString('base64')}\n`;
}

/**
 * Reads a key written as base64 (standard or URL-safe) or as 64 hex digits;
 * null when the text is neither or is not exactly 32 bytes.
 */
export function decodeMasterKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  // 32 bytes are 43 base64 characters and one "="; Buffer's decoder would skip unknown characters, so the shape is checked first.
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const standard = trimmed.replace(/=$/, '').replace(/-/g, '+').replace(/_/g, '/');
  const key = Buffer.from(standard, 'base64');
  // The last character carries two unused bits: only the one spelling that re-encodes the same is accepted.
  return key.length === KEY_BYTES && key.toString('base64') === `${standard}=` ? key : null;
}

/** Reads and checks a key file; the error names the file, never its content. */
export function readKeyFile(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MasterKeyError(`cannot read the master key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`);
  }
  const key = decodeMasterKey(text);
  if (!key) throw new MasterKeyError(`the master key file ${file} does not hold a 32-byte key (base64 or 64 hex digits)`);
  return key;
}

/** Flushes a folder's entries, so a file just created or renamed in it survives a power cut. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot open or flush a folder; the file's own fsync is the best they offer.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes a key to a file that must not exist yet (mode 0600), flushes it and
 * its folder. Exclusive creation means two processes never both write one.
 */
export function writeKeyFileExclusive(file: string, key: Uint8Array): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, encodeMasterKey(key));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncFolder(dirname(file));
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended. */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  return resolve(realPathOf(parent), relative(parent, absolute));
}

function within(child: string, folder: string): boolean {
  const rel = relative(folder, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Whether `path` is the folder `folder` or inside it, following symbolic links where they exist. */
export function isInsideFolder(path: string, folder: string): boolean {
  return within(resolve(path), resolve(folder)) || within(realPathOf(path), realPathOf(folder));
}
