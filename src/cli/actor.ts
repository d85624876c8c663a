/** Who the command line acts as in the audit log: the operating-system user running it. */
import { userInfo } from 'node:os';
import type { AuditActor } from '../access/audit/audit.repository.ts';

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
