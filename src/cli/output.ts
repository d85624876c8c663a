/** What every command shares: errors meant for the user, JSON output, option parsing. */
import { InvalidArgumentError } from 'commander';
import type { Archive } from '../archive/index.ts';

/** An error the command line reports as one line, with its exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Prints a value as JSON on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Runs work with the archive open, closing it whatever happens. The archive's
 * code is loaded only here, so that `--help` and argument errors answer at once.
 */
export async function withArchive<T>(work: (archive: Archive) => Promise<T>): Promise<T> {
  const { openArchive } = await import('../archive/index.ts');
  const archive = await openArchive();
  try {
    return await work(archive);
  } finally {
    await archive.close();
  }
}

/** Option parser for whole numbers within bounds, with a message that names the option. */
export function wholeNumber(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return Number(value);
  };
}

/** Option parser for `YYYY-MM-DD` dates that exist (2002-02-30 does not). */
export function isoDay(value: string): string {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('dates are written YYYY-MM-DD, for example 2002-03-27.');
  }
  return value;
}
