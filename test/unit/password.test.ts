/** Password rules and Argon2id hashing: what is refused and why, and hashes that verify only the right password. */
import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  hashPassword, needsRehash, passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH,
  TIMING_DUMMY_HASH, verifyAgainstNothing, verifyPassword,
} from '../../src/access/password.ts';

describe('passwordProblem', () => {
  it('accepts a 12-character passphrase', () => {
    expect('vivid-cobalt').toHaveLength(12);
    expect(passwordProblem('vivid-cobalt')).toBeNull();
    expect(passwordProblem('lanterns above the quiet river', { email: 'amina.haddad@example.org' })).toBeNull();
  });

  it('refuses anything shorter than 12 characters, saying so', () => {
    expect(passwordProblem('vivid-cobal')).toMatch(/at least 12 characters/);
    expect(passwordProblem('')).toMatch(/at least 12 characters/);
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    // Each emoji is two UTF-16 units: 11 of them are 22 units but 11 characters.
    expect(passwordProblem('🌊'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('🌊'.repeat(12))).toBeNull();
    expect(passwordProblem('سلامٌ على النهر')).toBeNull();
  });

  it('counts after NFKC normalisation, so a decomposed accent is one character', () => {
    // "e" + combining acute is two code points as typed, one (é) once normalised.
    expect(passwordProblem('e\u0301'.repeat(11))).toMatch(/at least 12/);
    expect(passwordProblem('e\u0301'.repeat(12))).toBeNull();
  });

  it(`refuses anything longer than ${PASSWORD_MAX_LENGTH} characters`, () => {
    const words = 'river stone lamp oath '.repeat(20);
    expect(passwordProblem(words.slice(0, PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem(words.slice(0, PASSWORD_MAX_LENGTH + 1))).toMatch(/at most 256 characters/);
  });

  it('refuses common passwords, ignoring case and added digits or punctuation', () => {
    for (const common of ['Password123!', 'PASSWORD1234', 'qwertyuiop123', 'Letmein2024!!', '!!iloveyou2024', 'leavemealone', '1qaz2wsx3edc', 'Sunshine 2024.']) {
      expect(common.length, common).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(passwordProblem(common), common).toMatch(/lists attackers try first/);
    }
  });

  it('does not refuse a common word inside a longer passphrase', () => {
    expect(passwordProblem('password lanterns river')).toBeNull();
  });

  it("refuses a password containing the email's name part, when it has 4 characters or more", () => {
    const email = 'Amina.Haddad@example.org';
    expect(passwordProblem('my amina.haddad secret', { email })).toMatch(/email address/);
    expect(passwordProblem('AMINA.HADDAD-river', { email })).toMatch(/email address/);
    expect(passwordProblem('lanterns-river-9', { email: 'lanterns+vigil@example.org' })).toMatch(/email address/);
    // A short name part would refuse too much by accident.
    expect(passwordProblem('ali river lanterns', { email: 'ali@example.org' })).toBeNull();
    expect(passwordProblem('amina river lanterns', { email: 'haddad@example.org' })).toBeNull();
  });
});

describe('hashPassword and verifyPassword', () => {
  it('hashes with Argon2id at the chosen cost and verifies the same password only', async () => {
    const stored = await hashPassword('lanterns above the river');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(parseOptions(stored)).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(stored, 'lanterns above the river')).toBe(true);
    expect(await verifyPassword(stored, 'lanterns above the river ')).toBe(false);
    expect(await verifyPassword(stored, 'Lanterns above the river')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('salts every hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same words twice'), hashPassword('same words twice')]);
    expect(a).not.toBe(b);
  });

  it('verifies a password typed in another Unicode form', async () => {
    const stored = await hashPassword('caf\u00e9 au bord du fleuve');
    expect(await verifyPassword(stored, 'cafe\u0301 au bord du fleuve')).toBe(true);
  });

  it('answers false, never throws, for a malformed or foreign hash', async () => {
    for (const bad of ['', 'not a hash', '$argon2id$', '$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB', '$2b$10$abcdefghijklmnopqrstuu5ZVG3Lz4c1m4G8yXeqHhXyWQk7mZ2a', 'x'.repeat(10_000)]) {
      await expect(verifyPassword(bad, 'lanterns above the river'), bad.slice(0, 40)).resolves.toBe(false);
    }
  });
});

describe('verifyAgainstNothing', () => {
  it('answers false', async () => {
    await expect(verifyAgainstNothing('anything at all')).resolves.toBe(false);
  });

  it('verifies against a dummy made with the same settings as a real hash, so it costs the same', async () => {
    const real = parseOptions(await hashPassword('lanterns above the river'));
    const dummy = parseOptions(TIMING_DUMMY_HASH);
    expect(dummy).toEqual(real);
    expect(needsRehash(TIMING_DUMMY_HASH)).toBe(false);
  });
});

describe('needsRehash', () => {
  it('asks for a new hash when the stored one is weaker, another algorithm or unreadable', () => {
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$hfZq67JANsZlmUAvFmdc8g$2czaAR2bdfYqNd/XbJuhyRgQfwwgSQHwBTCBonMMZOs')).toBe(true);
    expect(needsRehash('$argon2i$v=19$m=19456,t=2,p=1$hfZq67JANsZlmUAvFmdc8g$2czaAR2bdfYqNd/XbJuhyRgQfwwgSQHwBTCBonMMZOs')).toBe(true);
    expect(needsRehash('not a hash')).toBe(true);
  });
});
