/** Sealed fields: the one entry point that loads the master key and opens the keyring for a data directory. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { Keyring } from './keyring.ts';
import { loadMasterKey, type LoadedMasterKey, type LoadMasterKeyOptions } from './master-key.ts';

export { SealedValueError, sealedFieldContext } from './cipher.ts';
export { compartmentKeyName, Keyring, MasterKeyMismatchError, SYSTEM_KEY_NAME } from './keyring.ts';
export { loadMasterKey, MASTER_KEY_VARIABLE, MasterKeyError, type LoadedMasterKey } from './master-key.ts';
export { rotateMasterKey, type RotationResult, type RotationStep } from './rotation.ts';

/**
 * Loads the master key for `dataDir` and returns the keyring over `db`,
 * refusing (MasterKeyMismatchError) a key that does not belong to this data.
 */
export async function openKeyring(db: Kysely<Database>, dataDir: string, options: LoadMasterKeyOptions = {}): Promise<{ keyring: Keyring; master: LoadedMasterKey }> {
  const master = loadMasterKey(dataDir, options);
  const keyring = new Keyring(db, master);
  await keyring.assertMasterKeyMatches();
  return { keyring, master };
}
