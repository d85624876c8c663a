/**
 * The data keys that seal values: one per compartment (`compartment:<id>`)
 * and one named `system` (two-factor secrets and the like), each stored in
 * `data_keys` wrapped by the master key. A compartment's values can so be
 * re-keyed or shredded alone, and rotating the master key re-wraps a few
 * small keys instead of re-sealing every value.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import { KEY_BYTES, openValue, SealedValueError, sealValue, unwrapKey, wrapKey } from './cipher.ts';
import { MasterKeyError } from './key-file.ts';
import type { MasterKey } from './master-key.ts';

/** The data key for values that belong to no compartment. */
export const SYSTEM_KEY_NAME = 'system';

/** The data key name of one compartment. */
export function compartmentKeyName(compartmentId: number): string {
  if (!Number.isSafeInteger(compartmentId) || compartmentId < 1) throw new RangeError(`not a compartment id: ${compartmentId}`);
  return `compartment:${compartmentId}`;
}

/** The master key in use is not the one this data directory's data keys are wrapped under. */
export class MasterKeyMismatchError extends MasterKeyError {
  override name = 'MasterKeyMismatchError';

  constructor(readonly used: string, readonly stored: string[]) {
    super(
      `the master key ${used} does not belong to this data directory: its data keys are wrapped under master key ${stored.join(', ')}. ` +
      'Use the key that goes with this data (a backup made before a rotation needs the key kept as <key file>.retired-<fingerprint>); ' +
      'a server started before a rotation must be restarted',
    );
  }
}

/** How many data keys there are, by the master key fingerprint they are wrapped under. */
export interface KeyringStatus {
  dataKeys: number;
  byFingerprint: Record<string, number>;
}

interface DataKeyRow {
  wrapped_key: Buffer;
  master_fingerprint: string;
}

/** Reads anywhere: the connection, or the open transaction (inside one, only the transaction may be used). */
type Reader = Kysely<Database>;

export class Keyring {
  #master: MasterKey;
  /** Unwrapped keys by name, with the wrapped bytes they came from: a re-wrapped or replaced row misses. */
  readonly #cache = new Map<string, { wrapped: Buffer; key: Buffer }>();

  constructor(private readonly db: Kysely<Database>, master: MasterKey) {
    this.#master = master;
  }

  /** The fingerprint of the master key this keyring wraps with. */
  get fingerprint(): string {
    return this.#master.fingerprint;
  }

  /** Seals `plaintext` under the named data key, creating the key inside `tx` if it is missing. */
  async seal(tx: Tx, keyName: string, plaintext: string, context: string): Promise<Buffer> {
    const row = await this.#row(tx, keyName);
    const dataKey = row ? this.#unwrap(keyName, row) : await this.#create(tx, keyName);
    return sealValue(dataKey, plaintext, context);
  }

  /**
   * Opens a value sealed under the named data key; throws `SealedValueError`
   * when it does not open. Inside a write transaction pass `tx` as `reader`:
   * the connection is held by the transaction until it ends.
   */
  async open(keyName: string, blob: Uint8Array, context: string, reader: Reader = this.db): Promise<string> {
    const row = await this.#row(reader, keyName);
    if (!row) throw new SealedValueError(`there is no data key "${keyName}" to open the value with`);
    return openValue(this.#unwrap(keyName, row, 'open'), blob, context);
  }

  /** Throws `MasterKeyMismatchError` when any data key is wrapped under another master key. */
  async assertMasterKeyMatches(reader: Reader = this.db): Promise<void> {
    const foreign = await reader.selectFrom('data_keys').select('master_fingerprint').distinct()
      .where('master_fingerprint', '!=', this.#master.fingerprint).execute();
    if (foreign.length > 0) throw new MasterKeyMismatchError(this.#master.fingerprint, foreign.map((row) => row.master_fingerprint));
  }

  /** Counts the data keys, by the master key they are wrapped under; never reads key material. */
  async status(): Promise<KeyringStatus> {
    const rows = await this.db.selectFrom('data_keys').select(['master_fingerprint', (eb) => eb.fn.countAll<number>().as('count')])
      .groupBy('master_fingerprint').execute();
    const byFingerprint = Object.fromEntries(rows.map((row) => [row.master_fingerprint, Number(row.count)]));
    return { dataKeys: rows.reduce((sum, row) => sum + Number(row.count), 0), byFingerprint };
  }

  /**
   * Re-wraps every data key under `next` inside `tx` and returns how many.
   * Call `useMasterKey(next)` once the transaction has committed.
   */
  async rewrapAll(tx: Tx, next: MasterKey, now = new Date()): Promise<number> {
    await this.assertMasterKeyMatches(tx);
    const rows = await tx.selectFrom('data_keys').select(['name', 'wrapped_key', 'master_fingerprint']).orderBy('name').execute();
    for (const row of rows) {
      const dataKey = this.#unwrap(row.name, row);
      await tx.updateTable('data_keys')
        .set({ wrapped_key: wrapKey(next.key, dataKey, row.name), master_fingerprint: next.fingerprint, rewrapped_at: now.toISOString() })
        .where('name', '=', row.name).execute();
    }
    return rows.length;
  }

  /** Switches to a new master key after a committed re-wrap. */
  useMasterKey(next: MasterKey): void {
    this.#master = next;
    this.#cache.clear();
  }

  async #row(reader: Reader, keyName: string): Promise<DataKeyRow | undefined> {
    return reader.selectFrom('data_keys').select(['wrapped_key', 'master_fingerprint']).where('name', '=', keyName).executeTakeFirst();
  }

  /**
   * The data key of a row. After another process rotated the master key the
   * row no longer matches; a key already in memory still opens values (a
   * rotation re-wraps data keys, it does not change them, and a wrong key only
   * fails to open), but nothing is sealed with it until a restart loads the new master key.
   */
  #unwrap(keyName: string, row: DataKeyRow, use: 'open' | 'seal' = 'seal'): Buffer {
    const cached = this.#cache.get(keyName);
    if (row.master_fingerprint !== this.#master.fingerprint) {
      if (use === 'open' && cached) return cached.key;
      throw new MasterKeyMismatchError(this.#master.fingerprint, [row.master_fingerprint]);
    }
    if (cached && cached.wrapped.equals(row.wrapped_key)) return cached.key;
    const key = unwrapKey(this.#master.key, row.wrapped_key, keyName);
    this.#cache.set(keyName, { wrapped: Buffer.from(row.wrapped_key), key });
    return key;
  }

  async #create(tx: Tx, keyName: string): Promise<Buffer> {
    // Another process may have rotated the master key since this one loaded it: a key wrapped now
    // under the old one would be unreadable after a restart, so that is refused.
    await this.assertMasterKeyMatches(tx);
    const key = randomBytes(KEY_BYTES);
    const wrapped = wrapKey(this.#master.key, key, keyName);
    await tx.insertInto('data_keys').values({
      name: keyName, wrapped_key: wrapped, master_fingerprint: this.#master.fingerprint, created_at: new Date().toISOString(), rewrapped_at: null,
    }).execute();
    // Cached by its wrapped bytes: if the transaction rolls back, the next lookup finds no row and makes another key.
    this.#cache.set(keyName, { wrapped, key });
    return key;
  }
}
