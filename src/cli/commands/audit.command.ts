/** `vigil audit verify` and `vigil audit list`: check the audit chain and read the audit log. */
import type { Command } from 'commander';
import type { AuditEntry } from '../../access/audit/audit-chain.ts';
import type { AuditRepository } from '../../access/audit/audit.repository.ts';
import { printJson, wholeNumber } from '../output.ts';

interface ListFlags {
  action?: string;
  actor?: string;
  limit: number;
  before?: number;
  json?: boolean;
}

/**
 * Runs work with the audit log of the data directory open. The database code
 * is loaded only here, so that `--help` and argument errors answer at once.
 */
async function withAuditLog<T>(work: (audit: AuditRepository) => Promise<T>): Promise<T> {
  const [{ defaultDataDir, openDatabase }, { AuditRepository }] = await Promise.all([
    import('../../db/connection.ts'),
    import('../../access/audit/audit.repository.ts'),
  ]);
  const connection = await openDatabase(defaultDataDir());
  try {
    return await work(new AuditRepository(connection.db));
  } finally {
    await connection.close();
  }
}

function renderEntry(entry: AuditEntry): string {
  const subject = entry.subjectType ? `${entry.subjectType}${entry.subjectId ? ` ${entry.subjectId}` : ''}` : '-';
  const details = entry.details === '{}' ? '' : `  ${entry.details}`;
  return `${entry.seq}  ${entry.at}  ${entry.actor}${entry.ip ? ` (${entry.ip})` : ''}  ${entry.action}  ${subject}${details}`;
}

async function verify(): Promise<void> {
  const [{ defaultDataDir }, checkpoints] = await Promise.all([import('../../db/connection.ts'), import('../../access/audit/audit-checkpoint.ts')]);
  // The checkpoint lives beside the data directory, like the key file: whoever edits the database alone cannot move it.
  const file = checkpoints.checkpointFile(defaultDataDir());
  const checkpoint = checkpoints.readCheckpoint(file);
  const report = await withAuditLog((audit) => audit.verify(checkpoint));
  if (report.broken) {
    process.stdout.write(`audit chain broken at entry ${report.broken.seq}: ${report.broken.reason}\n`);
    process.exitCode = 1;
    return;
  }
  if (report.tip) checkpoints.writeCheckpoint(file, { ...report.tip, at: new Date().toISOString() });
  process.stdout.write(`${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}, chain intact\n`);
}

async function list(flags: ListFlags): Promise<void> {
  const entries = await withAuditLog((audit) => audit.list({
    action: flags.action, actor: flags.actor, limit: flags.limit, beforeSeq: flags.before,
  }));
  // JSON keeps `details` as the stored text: the hash covers those exact characters, so anyone can recompute it.
  if (flags.json) printJson(entries);
  else if (entries.length === 0) process.stdout.write('No audit entries match.\n');
  else process.stdout.write(`${entries.map(renderEntry).join('\n')}\n`);
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('The audit log: every change, chained by hashes so that editing, removing or reordering an entry shows.');

  audit
    .command('verify')
    .description('Check the whole chain. Prints "N entries, chain intact" (exit 0) or the first broken entry (exit 1).')
    .addHelpText('after', '\nEach verify that finds the chain whole leaves a checkpoint (its newest entry and hash) beside the data\ndirectory (VIGIL_AUDIT_CHECKPOINT names another file); the next verify also fails if entries the checkpoint\nsaw were cut from the end or the chain was rebuilt. Run it regularly, e.g. from cron.')
    .action(verify);

  audit
    .command('list')
    .description('Show audit entries, newest first.')
    .option('--action <action>', 'only actions starting with this, e.g. "source." for every change to sources')
    .option('--actor <actor>', 'only entries by this actor (a user, or a process such as "cli" or "system")')
    .option('--limit <n>', 'how many entries', wholeNumber('--limit', 1, 1000), 50)
    .option('--before <seq>', 'only entries before this entry number, to page back', wholeNumber('--before', 1, Number.MAX_SAFE_INTEGER))
    .option('--json', 'print the entries as stored, hashes included, as JSON')
    .action(list);
}
