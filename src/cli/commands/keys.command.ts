/** `vigil keys status` and `vigil keys rotate`: the master key that wraps the data keys, never its material. */
import type { Command } from 'commander';
import { CliError, printJson } from '../output.ts';

interface RotateFlags {
  newKeyFile?: string;
  json?: boolean;
}

const ROTATE_HELP = `
With a key file, the new key replaces it and the old key is kept beside it as
<key file>.retired-<fingerprint>: backups made before the rotation need it.
With VIGIL_MASTER_KEY, --new-key-file names a new file (outside the data
directory) for the new key; put it into VIGIL_MASTER_KEY afterwards.
An interrupted rotation is finished or undone the next time Vigil starts.`;

/** The sealed-field modules, loaded only when a keys command runs. */
async function loadSealed() {
  const [connection, sealed, rotation] = await Promise.all([
    import('../../db/connection.ts'), import('../../access/sealed/index.ts'), import('../../access/sealed/rotation.ts'),
  ]);
  return { ...connection, ...sealed, ...rotation };
}

/** Turns what the sealed-field modules throw on purpose into one-line command errors. */
async function reportingKeyErrors<T>(work: () => Promise<T>): Promise<T> {
  const { MasterKeyError, SealedValueError } = await import('../../access/sealed/index.ts');
  try {
    return await work();
  } catch (error) {
    if (error instanceof MasterKeyError || error instanceof SealedValueError) throw new CliError(error.message, 1);
    throw error;
  }
}

async function status(flags: { json?: boolean }): Promise<void> {
  const { defaultDataDir, openDatabase, loadMasterKey, Keyring, MasterKeyMismatchError } = await loadSealed();
  const dataDir = defaultDataDir();
  const connection = await openDatabase(dataDir);
  try {
    const master = loadMasterKey(dataDir);
    const keyring = new Keyring(connection.db, master);
    const counts = await keyring.status();
    const foreign = Object.keys(counts.byFingerprint).filter((fingerprint) => fingerprint !== master.fingerprint);
    const report = { source: master.source, file: master.file ?? null, fingerprint: master.fingerprint, dataKeys: counts.dataKeys, matches: foreign.length === 0 };
    if (flags.json) printJson({ ...report, byFingerprint: counts.byFingerprint });
    else {
      process.stdout.write([
        `master key:  ${master.source === 'env' ? 'the environment variable VIGIL_MASTER_KEY' : `the key file ${master.file}`}`,
        `fingerprint: ${master.fingerprint}`,
        `data keys:   ${counts.dataKeys}${counts.dataKeys > 0 && foreign.length === 0 ? ', all wrapped under this master key' : ''}`,
        '',
      ].join('\n'));
    }
    if (foreign.length > 0) throw new MasterKeyMismatchError(master.fingerprint, foreign);
  } finally {
    await connection.close();
  }
}

async function rotate(flags: RotateFlags): Promise<void> {
  const { defaultDataDir, openDatabase, openKeyring, rotateMasterKey, MASTER_KEY_VARIABLE } = await loadSealed();
  const { cliActor } = await import('../actor.ts');
  const envMode = process.env[MASTER_KEY_VARIABLE] !== undefined;
  if (envMode && !flags.newKeyFile) throw new CliError('VIGIL_MASTER_KEY holds the master key: give --new-key-file PATH (outside the data directory, not existing) to receive the new key', 2);
  if (!envMode && flags.newKeyFile) throw new CliError('--new-key-file is only for a master key given in VIGIL_MASTER_KEY; with a key file the new key replaces it', 2);
  const dataDir = defaultDataDir();
  const connection = await openDatabase(dataDir);
  try {
    const { keyring, master } = await openKeyring(connection.db, dataDir);
    const result = await rotateMasterKey({ db: connection.db, keyring, master, dataDir, actor: cliActor(), ...(flags.newKeyFile ? { newKeyFile: flags.newKeyFile } : {}) });
    if (flags.json) {
      printJson(result);
      return;
    }
    const lines = [`Rotated the master key from ${result.oldFingerprint} to ${result.newFingerprint}; ${result.dataKeys} data keys re-wrapped.`];
    if (result.source === 'file') {
      lines.push(
        `The key file ${result.keyFile} now holds the new key: back it up now, apart from the data.`,
        `The old key is kept in ${result.retiredKeyFile}: backups made before this rotation can only be read with it, so keep it as long as those backups.`,
      );
    } else {
      lines.push(
        `The new key is in ${result.newKeyFile}. Put its content into VIGIL_MASTER_KEY before Vigil runs again, back it up apart from the data, then remove the file.`,
        `Keep the old key: backups made before this rotation can only be read with it.`,
      );
    }
    lines.push('Restart a running `vigil serve`: it still holds the old key.', '');
    process.stdout.write(lines.join('\n'));
  } finally {
    await connection.close();
  }
}

/** Registers `vigil keys` and its subcommands. */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('The master key that protects sealed values (source identities, two-factor secrets): status and rotation.');
  keys
    .command('status')
    .description('Where the master key comes from, its fingerprint, and how many data keys it wraps (never key material).')
    .option('--json', 'print { source, file, fingerprint, dataKeys, matches, byFingerprint }')
    .action((flags: { json?: boolean }) => reportingKeyErrors(() => status(flags)));
  keys
    .command('rotate')
    .description('Make a new master key and re-wrap every data key under it, in one audited transaction.')
    .option('--new-key-file <path>', 'with VIGIL_MASTER_KEY: the new file to write the new key to')
    .option('--json', 'print { oldFingerprint, newFingerprint, dataKeys, source, keyFile, retiredKeyFile, newKeyFile }')
    .addHelpText('after', ROTATE_HELP)
    .action((flags: RotateFlags) => reportingKeyErrors(() => rotate(flags)));
}
