/**
 * Sealing values and wrapping keys with AES-256-GCM, pure (node:crypto only).
 *
 * A sealed blob is `version (1) | nonce (12) | tag (16) | ciphertext`. The
 * context (which table, field and row a value belongs to, or which data key a
 * wrapped key is) is authenticated but not stored: a blob copied to another
 * row, field or key name no longer opens. Every failure to open is a
 * `SealedValueError` whose message never holds the plaintext or a key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** The only layout written so far; a new layout gets a new number and old blobs still open. */
export const SEALED_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;
/** Master keys and data keys are both 32 bytes (AES-256). */
export const KEY_BYTES = 32;

/** A sealed value or wrapped key that cannot be opened, or a key of the wrong shape. */
export class SealedValueError extends Error {
  override name = 'SealedValueError';
}

/** What a blob is for: a value and a wrapped key never open as each other. */
type Purpose = 'value' | 'key';

function additionalData(purpose: Purpose, context: string): Buffer {
  // The version byte is authenticated too, so a blob cannot be relabelled as another layout.
  return Buffer.concat([Buffer.from([SEALED_VERSION]), Buffer.from(`vigil.${purpose}\u0000${context}`, 'utf8')]);
}

function checkKey(key: Uint8Array, what: string): void {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new SealedValueError(`the ${what} must be ${KEY_BYTES} bytes`);
  }
}

function seal(key: Uint8Array, plaintext: Uint8Array, purpose: Purpose, context: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(purpose, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([SEALED_VERSION]), nonce, cipher.getAuthTag(), ciphertext]);
}

function open(key: Uint8Array, blob: Uint8Array, purpose: Purpose, context: string, what: string): Buffer {
  if (!(blob instanceof Uint8Array) || blob.length < HEADER_BYTES) {
    throw new SealedValueError(`the ${what} is too short to be sealed (${blob instanceof Uint8Array ? blob.length : 0} bytes)`);
  }
  if (blob[0] !== SEALED_VERSION) throw new SealedValueError(`the ${what} has unknown layout version ${blob[0]}`);
  const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + NONCE_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(purpose, context));
    decipher.setAuthTag(bytes.subarray(1 + NONCE_BYTES, HEADER_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    // GCM does not say which of key, context or bytes is wrong, and the message must not guess.
    throw new SealedValueError(`the ${what} does not open: wrong key, wrong context "${context}", or altered bytes`);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Seals a text value for one field of one row, e.g. context `sources.identity:S-0001`. */
export function sealValue(dataKey: Uint8Array, plaintext: string, context: string): Buffer {
  checkKey(dataKey, 'data key');
  return seal(dataKey, Buffer.from(plaintext, 'utf8'), 'value', context);
}

/** Opens a value sealed by `sealValue` with the same key and context; throws `SealedValueError` otherwise. */
export function openValue(dataKey: Uint8Array, blob: Uint8Array, context: string): string {
  checkKey(dataKey, 'data key');
  const plaintext = open(dataKey, blob, 'value', context, 'sealed value');
  try {
    return strictUtf8.decode(plaintext);
  } catch {
    throw new SealedValueError('the sealed value opened but is not text');
  }
}

/** Wraps a data key under the master key, bound to the data key's name. */
export function wrapKey(masterKey: Uint8Array, dataKey: Uint8Array, name: string): Buffer {
  checkKey(masterKey, 'master key');
  checkKey(dataKey, 'data key');
  return seal(masterKey, dataKey, 'key', name);
}

/** Unwraps a data key wrapped by `wrapKey` under the same master key and name. */
export function unwrapKey(masterKey: Uint8Array, wrapped: Uint8Array, name: string): Buffer {
  checkKey(masterKey, 'master key');
  const dataKey = open(masterKey, wrapped, 'key', name, `wrapped data key "${name}"`);
  if (dataKey.length !== KEY_BYTES) throw new SealedValueError(`the wrapped data key "${name}" is not ${KEY_BYTES} bytes`);
  return dataKey;
}

/** Names a master key without revealing it: the first 16 hex characters of its SHA-256. */
export function masterKeyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The context of one sealed field of one row, e.g. `sealedFieldContext('sources', 'identity', 'S-0001')`. */
export function sealedFieldContext(table: string, field: string, row: string | number): string {
  return `${table}.${field}:${row}`;
}
