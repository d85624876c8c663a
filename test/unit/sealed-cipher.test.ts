/**
 * Sealing values and wrapping keys: round trips, and every way a blob can be
 * wrong (key, context, bytes, length) failing as a SealedValueError that
 * never repeats the plaintext.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  masterKeyFingerprint, openValue, SEALED_VERSION, SealedValueError, sealedFieldContext, sealValue, unwrapKey, wrapKey,
} from '../../src/access/sealed/cipher.ts';

const KEY = randomBytes(32);
const OTHER_KEY = randomBytes(32);
const CONTEXT = sealedFieldContext('sources', 'identity', 'S-0001');
const SECRET = 'Kim Young-hee, Yanji, Jilin — «contact via cousin» 김영희 🕯️';

/** The SealedValueError that `open` throws; fails the test if it throws anything else or nothing. */
function failureOf(open: () => unknown): SealedValueError {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(SealedValueError);
    return error as SealedValueError;
  }
  throw new Error('expected the blob not to open');
}

describe('sealValue / openValue', () => {
  it('round-trips text in any script, and the empty string', () => {
    for (const text of [SECRET, '', 'a', 'x'.repeat(100_000), '\u0000\uFFFD\n']) {
      expect(openValue(KEY, sealValue(KEY, text, CONTEXT), CONTEXT)).toBe(text);
    }
  });

  it('writes the versioned layout: version, 12-byte nonce, 16-byte tag, ciphertext', () => {
    const blob = sealValue(KEY, 'abc', CONTEXT);
    expect(blob[0]).toBe(SEALED_VERSION);
    expect(blob.length).toBe(1 + 12 + 16 + 3);
    expect(blob.includes(Buffer.from('abc'))).toBe(false);
  });

  it('seals the same text differently every time (random nonce)', () => {
    expect(sealValue(KEY, SECRET, CONTEXT).equals(sealValue(KEY, SECRET, CONTEXT))).toBe(false);
  });

  it('refuses the wrong key', () => {
    const error = failureOf(() => openValue(OTHER_KEY, sealValue(KEY, SECRET, CONTEXT), CONTEXT));
    expect(error.message).toMatch(/does not open/);
  });

  it('refuses a value copied to another row or another field', () => {
    const blob = sealValue(KEY, SECRET, CONTEXT);
    failureOf(() => openValue(KEY, blob, sealedFieldContext('sources', 'identity', 'S-0002')));
    failureOf(() => openValue(KEY, blob, sealedFieldContext('sources', 'contact', 'S-0001')));
  });

  it('refuses a blob with any single byte flipped', () => {
    const blob = sealValue(KEY, SECRET, CONTEXT);
    for (let i = 0; i < blob.length; i++) {
      const altered = Buffer.from(blob);
      altered[i] = altered[i]! ^ 0x01;
      failureOf(() => openValue(KEY, altered, CONTEXT));
    }
  });

  it('refuses a truncated blob, at every length', () => {
    const blob = sealValue(KEY, SECRET, CONTEXT);
    for (let length = 0; length < blob.length; length++) failureOf(() => openValue(KEY, blob.subarray(0, length), CONTEXT));
  });

  it('never puts the plaintext or the key in its messages', () => {
    const blob = sealValue(KEY, SECRET, CONTEXT);
    const messages = [
      failureOf(() => openValue(OTHER_KEY, blob, CONTEXT)).message,
      failureOf(() => openValue(KEY, blob.subarray(0, 20), CONTEXT)).message,
      failureOf(() => openValue(KEY, Buffer.concat([Buffer.from([9]), blob.subarray(1)]), CONTEXT)).message,
    ];
    for (const message of messages) {
      expect(message).not.toContain('Kim');
      expect(message).not.toContain(KEY.toString('hex'));
      expect(message).not.toContain(KEY.toString('base64'));
    }
  });

  it('refuses keys that are not 32 bytes', () => {
    failureOf(() => sealValue(randomBytes(16), SECRET, CONTEXT));
    failureOf(() => openValue(randomBytes(31), sealValue(KEY, SECRET, CONTEXT), CONTEXT));
  });

  it('opening arbitrary bytes never throws anything but SealedValueError', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.string(), (bytes, context) => {
      try {
        openValue(KEY, bytes, context);
      } catch (error) {
        return error instanceof SealedValueError;
      }
      return false;
    }), { numRuns: 500 });
  });

  it('altering a sealed blob anywhere, in any way, never opens', () => {
    const blob = sealValue(KEY, SECRET, CONTEXT);
    fc.assert(fc.property(fc.nat({ max: blob.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
      const altered = Buffer.from(blob);
      altered[at] = altered[at]! ^ mask;
      expect(() => openValue(KEY, altered, CONTEXT)).toThrow(SealedValueError);
    }), { numRuns: 300 });
  });
});

describe('wrapKey / unwrapKey', () => {
  it('round-trips a data key under its name only', () => {
    const dataKey = randomBytes(32);
    const wrapped = wrapKey(KEY, dataKey, 'compartment:1');
    expect(unwrapKey(KEY, wrapped, 'compartment:1').equals(dataKey)).toBe(true);
    failureOf(() => unwrapKey(KEY, wrapped, 'compartment:2'));
    failureOf(() => unwrapKey(OTHER_KEY, wrapped, 'compartment:1'));
  });

  it('a wrapped key never opens as a value, nor a value as a wrapped key', () => {
    const dataKey = randomBytes(32);
    failureOf(() => openValue(KEY, wrapKey(KEY, dataKey, 'system'), 'system'));
    failureOf(() => unwrapKey(KEY, sealValue(KEY, 'x'.repeat(32), 'system'), 'system'));
  });
});

describe('masterKeyFingerprint', () => {
  it('is the first 16 hex characters of the SHA-256, and differs between keys', () => {
    expect(masterKeyFingerprint(Buffer.alloc(32))).toBe('66687aadf862bd77');
    expect(masterKeyFingerprint(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(masterKeyFingerprint(KEY)).not.toBe(masterKeyFingerprint(OTHER_KEY));
  });
});
