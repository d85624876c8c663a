/** Who the command line acts as: the operating-system user running it, or the account named with `--as`. */
import { userInfo } from 'node:os';
import type { AuditActor } from '../access/audit/audit.repository.ts';
import type { Actor } from '../access/policy.ts';
import { normaliseEmail } from '../access/user.repository.ts';
import type { Vigil } from '../vigil.ts';
import { CliError } from './output.ts';

/** The audit actor for commands run at a terminal: `cli:<user>`, or `cli` when the user has no name. */
export function cliActor(): AuditActor {
  let username = '';
  try {
    username = userInfo().username;
  } catch {
    // A process without an entry in the user database (some containers) has no name to give.
  }
  return { id: null, label: username ? `cli:${username}` : 'cli' };
}

/**
 * The account a command acts for (`--as EMAIL`), with its role and
 * compartments as though it had signed in. Whoever holds the data directory
 * could change it anyway, so no password is asked; what the account may do
 * still limits the command, and the audit chain names the account.
 */
export async function accountActor(vigil: Vigil, email: string): Promise<Actor> {
  const wanted = normaliseEmail(email);
  const [users, compartments] = await Promise.all([vigil.users.list(), vigil.users.compartments()]);
  const user = users.find((candidate) => candidate.email === wanted);
  if (!user) throw new CliError(`no account ${wanted}: --as names an account (vigil user list shows them)`, 2);
  if (user.disabled) throw new CliError(`the account ${wanted} is disabled`, 2);
  const ids = compartments.filter((compartment) => user.compartments.includes(compartment.name)).map((compartment) => compartment.id);
  return { userId: user.id, email: user.email, role: user.role, compartments: new Set(ids), via: 'session', ip: null };
}
