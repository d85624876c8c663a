/**
 * Passwords: the rules a new one must meet, and Argon2id hashing. Passwords
 * are NFKC-normalised before anything else (NIST SP 800-63B), so the same
 * characters typed on two keyboards or input methods give the same hash.
 */
import { createRequire } from 'node:module';
import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

/** Shortest and longest accepted length, in Unicode code points. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// Argon2id, version 0x13 (the library's default), as the numeric value of its const enum:
// isolatedModules forbids reading an ambient const enum.
const ARGON2ID = 2;

/**
 * OWASP's first recommended Argon2id setting: 19 MiB of memory, 2 passes, one
 * lane. Memory is what makes guessing expensive on GPUs; 19 MiB keeps a verify
 * near 20 ms of one core, so several sign-ins at once do not starve a small
 * server, and each runs on libuv's pool rather than the event loop.
 */
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } satisfies Options;

/**
 * A hash of a random value nobody kept, made with HASH_OPTIONS. Verifying
 * against it costs what a real verify costs, so an unknown account answers no
 * faster than a known one. Exported so a test can hold it to HASH_OPTIONS.
 */
export const TIMING_DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$hfZq67JANsZlmUAvFmdc8g$2czaAR2bdfYqNd/XbJuhyRgQfwwgSQHwBTCBonMMZOs';

function normalise(password: string): string {
  return password.normalize('NFKC');
}

/** Hashes a new password for storage (a PHC string starting `$argon2id$`). */
export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), HASH_OPTIONS);
}

/** Whether `password` matches a stored hash; a malformed or foreign hash is simply no match. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalise(password));
  } catch {
    return false;
  }
}

/** Spends a real verify's time and answers no: for sign-ins naming an account that does not exist. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(TIMING_DUMMY_HASH, password);
  return false;
}

/** Whether a stored hash was made with weaker or other settings than today's, so it should be redone at the next sign-in. */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return !storedHash.startsWith('$argon2id$') || used.memoryCost < HASH_OPTIONS.memoryCost
      || used.timeCost < HASH_OPTIONS.timeCost || used.parallelism !== HASH_OPTIONS.parallelism;
  } catch {
    return true;
  }
}

let commonPasswords: Set<string> | undefined;

function isCommon(candidate: string): boolean {
  if (!commonPasswords) {
    // Loaded on first use, synchronously: only code that checks a new password pays for the ~49k words.
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    commonPasswords = new Set(dictionary['passwords-common']);
  }
  return commonPasswords.has(candidate);
}

// People meet "add a number and a symbol" rules by decorating a common word: `Password123!`, `!!letmein2024`.
const TRAILING_DECORATION = /[\p{N}\p{P}\p{S}\s]+$/u;
const LEADING_DECORATION = /^[\p{N}\p{P}\p{S}\s]+/u;

function looksCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const stripped = lower.replace(TRAILING_DECORATION, '');
  const core = stripped.replace(LEADING_DECORATION, '');
  return [lower, stripped, core].some((candidate) => candidate.length > 0 && isCommon(candidate));
}

function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@');
  const local = normalise(at < 0 ? email : email.slice(0, at)).toLowerCase();
  // `name+tag@` is still `name`.
  return local.split('+')[0] ?? '';
}

/** Why a new password is refused, as one sentence for the person choosing it, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const text = normalise(password);
  const length = [...text].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters; a few ordinary words in a row are easy to remember and hard to guess.`;
  }
  if (length > PASSWORD_MAX_LENGTH) return `Choose a password of at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (looksCommon(text)) {
    return 'This password is on the lists attackers try first, even with numbers or symbols added; choose another.';
  }
  const local = context.email ? emailLocalPart(context.email) : '';
  if ([...local].length >= 4 && text.toLowerCase().includes(local)) {
    return 'Choose a password that does not contain your email address or its name part.';
  }
  return null;
}
