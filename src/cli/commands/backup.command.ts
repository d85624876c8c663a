/** `vigil backup FILE` and `vigil restore FILE`: one-file copies of the data directory, and back. */
import type { Command } from 'commander';
import { cliActor } from '../actor.ts';
import { printJson } from '../output.ts';

const BACKUP_HELP = `
The copy is consistent even while \`vigil serve\` is writing. It holds sealed
values but not the master key: keep the key (and, after a rotation, the
retired key) safe and apart from the backups.`;

const RESTORE_HELP = `
Restores only into an empty or missing data directory (VIGIL_DATA). The file
is checked (integrity, Vigil schema), migrated, its audit chain verified, and
the master key must be the one its sealed values were wrapped under.`;

/** Registers `vigil backup`. */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Copy the database to a new file, safely while the server runs.')
    .argument('<file>', 'the backup file to create (must not exist)')
    .option('--json', 'print { file, bytes, auditSeq, masterKeys }')
    .addHelpText('after', BACKUP_HELP)
    .action(async (target: string, flags: { json?: boolean }) => {
      const [{ createBackup }, { defaultDataDir }] = await Promise.all([import('../backup.ts'), import('../../db/connection.ts')]);
      const summary = await createBackup(defaultDataDir(), target, cliActor());
      if (flags.json) {
        printJson(summary);
        return;
      }
      const keys = summary.masterKeys.length > 0
        ? `Its sealed values open with master key ${summary.masterKeys.join(', ')}; that key is not in the backup.`
        : 'It holds no sealed values yet.';
      process.stdout.write(`Backed up to ${summary.file} (${summary.bytes} bytes, recorded as audit entry ${summary.auditSeq}).\n${keys}\n`);
    });
}

/** Registers `vigil restore`. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('Restore a backup file into an empty or missing data directory.')
    .argument('<file>', 'a file made by vigil backup')
    .option('--json', 'print { dataDir, file, documents, auditEntries, dataKeys, master }')
    .addHelpText('after', RESTORE_HELP)
    .action(async (source: string, flags: { json?: boolean }) => {
      const [{ restoreBackup }, { defaultDataDir }] = await Promise.all([import('../backup.ts'), import('../../db/connection.ts')]);
      const summary = await restoreBackup(defaultDataDir(), source, cliActor());
      if (flags.json) {
        printJson(summary);
        return;
      }
      const key = summary.master.source === 'env' ? 'VIGIL_MASTER_KEY' : summary.master.file ?? 'the key file';
      process.stdout.write([
        `Restored ${summary.file} into ${summary.dataDir}:`,
        `  ${summary.documents} documents`,
        `  ${summary.auditEntries} audit entries, chain verified (the restore is the last)`,
        `  ${summary.dataKeys} data keys; sealed values open with master key ${summary.master.fingerprint} (${key})`,
        '',
      ].join('\n'));
    });
}
