/** The `vigil` command line: parses arguments and hands each command to its module. */
import { Command, CommanderError } from 'commander';
import { registerBackup, registerRestore } from './commands/backup.command.ts';
import { registerAudit } from './commands/audit.command.ts';
import { registerDemo } from './commands/demo.command.ts';
import { registerImport } from './commands/import.command.ts';
import { registerKeys } from './commands/keys.command.ts';
import { registerRecords } from './commands/records.command.ts';
import { registerSearch } from './commands/search.command.ts';
import { registerServe } from './commands/serve.command.ts';
import { registerShow } from './commands/show.command.ts';
import { registerUser } from './commands/user.command.ts';
import { CliError } from './output.ts';

/** Builds the program with every command, for the binary and for tests. */
export function buildProgram(argv: string[] = []): Command {
  const program = new Command('vigil')
    .description('Vigil: documentation and publishing for human-rights organisations.\nData lives in the folder VIGIL_DATA names (default ./vigil-data).')
    .version('0.1.0')
    .showHelpAfterError('(add --help for how to use it)')
    .exitOverride();
  registerImport(program);
  registerShow(program);
  registerSearch(program, argv);
  registerServe(program);
  registerKeys(program);
  registerBackup(program);
  registerRestore(program);
  registerAudit(program);
  registerUser(program);
  registerDemo(program);
  registerRecords(program);
  return program;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      process.stderr.write(`vigil: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`vigil: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
