/** `vigil user add|list|disable|enable|reset-2fa|set`: accounts, for whoever holds the data directory. */
import type { Command } from 'commander';
import type { UserSummary } from '../../access/user.repository.ts';
import type { Vigil } from '../../vigil.ts';
import { CliError, printJson } from '../output.ts';

/** Runs work with Vigil open, closing it whatever happens; an account error becomes one line and exit 1. */
async function withVigil<T>(work: (vigil: Vigil) => Promise<T>): Promise<T> {
  const [{ openVigil }, { AccountError }] = await Promise.all([import('../../vigil.ts'), import('../../access/account.service.ts')]);
  const vigil = await openVigil();
  try {
    return await work(vigil);
  } catch (error) {
    if (error instanceof AccountError) throw new CliError(error.message, 1);
    throw error;
  } finally {
    await vigil.close();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('--password-stdin reads the password from standard input: pipe it in (printf %s "$PW" | vigil user add …).', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is what `echo` adds; anything else is part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function line(user: UserSummary): string {
  const state = user.disabled ? 'disabled' : user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? 'locked' : 'active';
  return `${user.email}  ${user.role}  compartments: ${user.compartments.join(', ') || '-'}  two-factor: ${user.twoFactor ? 'on' : 'off'}  ${state}`;
}

async function actor() {
  return (await import('../actor.ts')).cliActor();
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage accounts: add, list, disable, enable, reset two-factor, change role or compartments.');

  user.command('add')
    .description('Add an account. The password is read from standard input, never from the command line (where other users could see it).')
    .argument('<email>', 'the person\'s email address, used to sign in')
    .requiredOption('--role <role>', 'administrator, editor, press-officer, researcher or viewer')
    .option('--compartment <name>', 'a compartment the person belongs to (repeat for several; made if new)', (value: string, all: string[]) => [...all, value], [] as string[])
    .option('--password-stdin', 'read the first password from standard input')
    .option('--json', 'print the account as JSON')
    .action(async (email: string, flags: { role: string; compartment: string[]; passwordStdin?: boolean; json?: boolean }) => {
      if (!flags.passwordStdin) throw new CliError('give the first password on standard input with --password-stdin', 2);
      const password = await readStdin();
      const by = await actor();
      const added = await withVigil((vigil) => vigil.users.add(by, { email, role: flags.role, compartments: flags.compartment, password }));
      if (flags.json) printJson(added);
      else process.stdout.write(`added ${line(added)}\n`);
    });

  user.command('list')
    .description('List every account with its role, compartments and state.')
    .option('--json', 'print the accounts as JSON')
    .action(async (flags: { json?: boolean }) => {
      const users = await withVigil((vigil) => vigil.users.list());
      if (flags.json) printJson(users);
      else process.stdout.write(users.length === 0 ? 'no accounts\n' : `${users.map(line).join('\n')}\n`);
    });

  const simple = (name: string, description: string, run: (vigil: Vigil, email: string) => Promise<UserSummary>, done: string) => {
    user.command(name).description(description).argument('<email>', 'the account\'s email address').action(async (email: string) => {
      const changed = await withVigil((vigil) => run(vigil, email));
      process.stdout.write(`${done} ${line(changed)}\n`);
    });
  };
  simple('disable', 'Disable an account: its sessions end and its API tokens are revoked at once.', async (vigil, email) => vigil.users.disable(await actor(), email), 'disabled');
  simple('enable', 'Enable a disabled or locked account again.', async (vigil, email) => vigil.users.enable(await actor(), email), 'enabled');
  simple('reset-2fa', 'Clear two-factor sign-in (a lost phone); the person sets it up again at the next sign-in.', async (vigil, email) => vigil.users.resetTwoFactor(await actor(), email), 'reset two-factor of');

  user.command('set')
    .description('Change an account\'s role or compartments; its sessions end so the change applies at once.')
    .argument('<email>', 'the account\'s email address')
    .option('--role <role>', 'the new role')
    .option('--compartment <name>', 'the compartments (repeat; replaces the current list)', (value: string, all: string[]) => [...all, value], [] as string[])
    .action(async (email: string, flags: { role?: string; compartment: string[] }) => {
      if (!flags.role && flags.compartment.length === 0) throw new CliError('give --role or --compartment (or both)', 2);
      const by = await actor();
      const changed = await withVigil((vigil) => vigil.users.change(by, email, { ...(flags.role ? { role: flags.role } : {}), ...(flags.compartment.length > 0 ? { compartments: flags.compartment } : {}) }));
      process.stdout.write(`changed ${line(changed)}\n`);
    });
}
