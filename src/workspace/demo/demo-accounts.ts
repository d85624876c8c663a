/**
 * The demonstration accounts: one of each kind of person who uses Vigil, with
 * a password drawn at random each time they are made — never a fixed one, so
 * a server started with the demonstration is not open to anyone who has read
 * this file. The passwords are shown once, when the accounts are made, and
 * only their Argon2id hashes are kept.
 */
import { randomInt } from 'node:crypto';
import type { AuditActor } from '../../access/audit/audit.repository.ts';
import { passwordProblem } from '../../access/password.ts';
import { TWO_FACTOR_ROLES, type Actor, type Role } from '../../access/policy.ts';
import type { UserSummary } from '../../access/user.repository.ts';
import type { UserService } from '../../access/user.service.ts';
import { DEMO_COMPARTMENT, OTHER_DEMO_COMPARTMENT } from './demo-workspace.ts';

export interface DemoAccountSpec {
  email: string;
  role: Role;
  compartments: string[];
}

/** A demonstration account as made now, with the password it was given. */
export interface DemoAccount extends DemoAccountSpec {
  password: string;
}

/** The administrator belongs to no compartment: administering accounts does not open anyone's records. */
export const DEMO_ACCOUNTS: readonly DemoAccountSpec[] = [
  { email: 'admin@demo.vigil.invalid', role: 'administrator', compartments: [] },
  { email: 'researcher@demo.vigil.invalid', role: 'researcher', compartments: [DEMO_COMPARTMENT] },
  { email: 'researcher.central-america@demo.vigil.invalid', role: 'researcher', compartments: [OTHER_DEMO_COMPARTMENT] },
  { email: 'editor@demo.vigil.invalid', role: 'editor', compartments: [DEMO_COMPARTMENT] },
  { email: 'viewer@demo.vigil.invalid', role: 'viewer', compartments: [DEMO_COMPARTMENT] },
];

// No l, o, 0 or 1, which are easy to misread when copied from a terminal: 32 symbols, 5 bits each.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** A new random password (100 bits, as `xxxxx-xxxxx-xxxxx-xxxxx`) that the password rules accept for this email. */
export function demoPassword(email: string): string {
  for (;;) {
    const groups = Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    if (passwordProblem(password, { email }) === null) return password;
  }
}

/**
 * Makes the demonstration accounts that do not exist yet (with their
 * compartments), each with a new random password. Accounts that already
 * exist are left as they are and returned in `existing`: their passwords
 * were shown when they were made and cannot be shown again.
 */
export async function createDemoAccounts(users: UserService, by: AuditActor): Promise<{ made: DemoAccount[]; existing: string[] }> {
  const present = new Set((await users.list()).map((user) => user.email));
  const made: DemoAccount[] = [];
  const existing: string[] = [];
  for (const spec of DEMO_ACCOUNTS) {
    if (present.has(spec.email)) {
      existing.push(spec.email);
      continue;
    }
    const password = demoPassword(spec.email);
    await users.add(by, { ...spec, compartments: [...spec.compartments], password });
    made.push({ ...spec, compartments: [...spec.compartments], password });
  }
  return { made, existing };
}

/** The lines that show the accounts just made: once, at start-up or from `vigil demo load`. */
export function demoAccountLines(made: readonly DemoAccount[], existing: readonly string[] = []): string[] {
  const lines: string[] = [];
  if (made.length > 0) {
    const width = Math.max(...made.map((account) => account.email.length));
    lines.push('Demonstration accounts, for trying Vigil out (not for real work). Their passwords were drawn at random and are shown only now:');
    for (const account of made) {
      lines.push(`  ${account.email.padEnd(width)}  ${account.role.padEnd(13)}  compartments: ${(account.compartments.join(', ') || '-').padEnd(15)}  password: ${account.password}`);
    }
    const enrol = [...new Set(made.filter((account) => TWO_FACTOR_ROLES.has(account.role)).map((account) => `${account.role}s`))];
    if (enrol.length > 0) lines.push(`At their first sign-in, ${enrol.join(' and ')} set up two-factor sign-in with an authenticator app.`);
    lines.push('Disable them before the server holds real records: vigil user disable EMAIL.');
  }
  if (existing.length > 0) {
    lines.push(`Demonstration accounts already made (their passwords were shown then): ${existing.join(', ')}.`);
  }
  return lines;
}

/** The researcher of a compartment as the services see them, from their account; null when there is none. */
export function researcherActor(users: readonly UserSummary[], compartmentIds: ReadonlyMap<string, number>, compartment: string): Actor | null {
  const spec = DEMO_ACCOUNTS.find((account) => account.role === 'researcher' && account.compartments.includes(compartment));
  const user = spec && users.find((candidate) => candidate.email === spec.email);
  const id = compartmentIds.get(compartment);
  if (!user || id === undefined || user.disabled || user.role !== 'researcher' || !user.compartments.includes(compartment)) return null;
  const compartments = new Set(user.compartments.map((name) => compartmentIds.get(name)).filter((value): value is number => value !== undefined));
  return { userId: user.id, email: user.email, role: user.role, compartments, via: 'session', ip: null };
}
