/**
 * Administering accounts and compartments, from `vigil user …` (whoever holds
 * the data directory) or from /admin/users (an administrator). Every change is
 * audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeTransaction, type Tx } from '../db/transaction.ts';
import { AccountError } from './account.service.ts';
import type { AuditActor, AuditRepository } from './audit/audit.repository.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { parseRole } from './policy.ts';
import type { SessionRepository } from './session.repository.ts';
import { normaliseEmail, type Compartment, type UserRepository, type UserSummary } from './user.repository.ts';

export interface NewUser {
  email: string;
  role: string;
  compartments: string[];
  password: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COMPARTMENT_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._'-]{0,79}$/u;

export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(): Promise<UserSummary[]> {
    return this.users.list();
  }

  compartments(): Promise<Compartment[]> {
    return this.users.compartments();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** Adds an account; named compartments that do not exist yet are created with it. */
  async add(by: AuditActor, input: NewUser): Promise<UserSummary> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email) || email.length > 254) throw new AccountError(`"${input.email}" is not an email address.`, 'email');
    const role = parseRole(input.role);
    if (!role) throw new AccountError(`"${input.role}" is not a role: use administrator, editor, press-officer, researcher or viewer.`, 'role');
    const problem = passwordProblem(input.password, { email });
    if (problem) throw new AccountError(problem, 'password');
    if (await this.users.byEmail(email)) throw new AccountError(`An account for ${email} already exists.`, 'email');
    const hash = await hashPassword(input.password);
    const at = this.now().toISOString();
    const id = await writeTransaction(this.db, async (tx) => {
      const userId = await this.users.insert(tx, { email, role, passwordHash: hash }, at);
      const compartments = await this.ensureCompartments(tx, by, input.compartments);
      await this.users.setCompartments(tx, userId, compartments.map((c) => c.id));
      await this.audit.append(tx, by, {
        action: 'user.create', subjectType: 'user', subjectId: userId,
        details: { email, role, compartments: compartments.map((c) => c.name), password: 'set' },
      }, this.now());
      return userId;
    });
    return this.summary(id);
  }

  /** Disables an account: its sessions end and its tokens are revoked at once. */
  async disable(by: AuditActor, email: string): Promise<UserSummary> {
    const user = await this.mustFind(email);
    const at = this.now().toISOString();
    await writeTransaction(this.db, async (tx) => {
      await this.users.update(tx, user.id, { disabled_at: user.disabled_at ?? at });
      const ended = await this.sessions.deleteAllOf(tx, user.id);
      await this.sessions.revokeAllTokensOf(tx, user.id, at);
      await this.audit.append(tx, by, { action: 'user.disable', subjectType: 'user', subjectId: user.id, details: { email: user.email, sessionsEnded: ended } }, this.now());
    });
    return this.summary(user.id);
  }

  async enable(by: AuditActor, email: string): Promise<UserSummary> {
    const user = await this.mustFind(email);
    await writeTransaction(this.db, async (tx) => {
      await this.users.update(tx, user.id, { disabled_at: null, failed_sign_ins: 0, locked_until: null });
      await this.audit.append(tx, by, { action: 'user.enable', subjectType: 'user', subjectId: user.id, details: { email: user.email } }, this.now());
    });
    return this.summary(user.id);
  }

  /** Clears two-factor sign-in (a lost phone): the person sets it up again at the next sign-in. */
  async resetTwoFactor(by: AuditActor, email: string): Promise<UserSummary> {
    const user = await this.mustFind(email);
    await writeTransaction(this.db, async (tx) => {
      await this.users.update(tx, user.id, { totp_secret: null, totp_enabled_at: null, totp_last_step: null });
      await this.users.replaceRecoveryCodes(tx, user.id, []);
      const ended = await this.sessions.deleteAllOf(tx, user.id);
      // A lost or stolen phone may mean a stolen session too: its tokens go with it.
      await this.sessions.revokeAllTokensOf(tx, user.id, this.now().toISOString());
      await this.audit.append(tx, by, { action: 'user.two-factor.reset', subjectType: 'user', subjectId: user.id, details: { email: user.email, sessionsEnded: ended } }, this.now());
    });
    return this.summary(user.id);
  }

  /** Changes role and compartments; sessions end so the new rights apply from the next sign-in. */
  async change(by: AuditActor, email: string, change: { role?: string; compartments?: string[] }): Promise<UserSummary> {
    const user = await this.mustFind(email);
    const role = change.role === undefined ? undefined : parseRole(change.role);
    if (role === null) throw new AccountError(`"${change.role ?? ''}" is not a role.`, 'role');
    const before = (await this.summary(user.id));
    await writeTransaction(this.db, async (tx) => {
      const details: Record<string, unknown> = {};
      if (role && role !== before.role) {
        await this.users.update(tx, user.id, { role });
        details.role = { from: before.role, to: role };
      }
      if (change.compartments) {
        const compartments = await this.ensureCompartments(tx, by, change.compartments);
        await this.users.setCompartments(tx, user.id, compartments.map((c) => c.id));
        details.compartments = { from: before.compartments, to: compartments.map((c) => c.name).sort() };
      }
      details.sessionsEnded = await this.sessions.deleteAllOf(tx, user.id);
      await this.audit.append(tx, by, { action: 'user.update', subjectType: 'user', subjectId: user.id, details }, this.now());
    });
    return this.summary(user.id);
  }

  async addCompartment(by: AuditActor, name: string): Promise<Compartment> {
    return writeTransaction(this.db, async (tx) => {
      const [compartment] = await this.ensureCompartments(tx, by, [name]);
      return compartment!;
    });
  }

  private async ensureCompartments(tx: Tx, by: AuditActor, names: string[]): Promise<Compartment[]> {
    const found: Compartment[] = [];
    for (const raw of new Set(names.map((name) => name.trim()).filter(Boolean))) {
      if (!COMPARTMENT_NAME.test(raw)) throw new AccountError(`"${raw}" is not a usable compartment name (letters, digits, spaces and . _ ' -, up to 80).`, 'compartments');
      let compartment = await this.users.compartmentByName(raw, tx);
      if (!compartment) {
        compartment = await this.users.insertCompartment(tx, raw, this.now().toISOString());
        await this.audit.append(tx, by, { action: 'compartment.create', subjectType: 'compartment', subjectId: compartment.id, details: { name: raw } }, this.now());
      }
      found.push(compartment);
    }
    return found;
  }

  private async mustFind(email: string) {
    const user = await this.users.byEmail(email);
    if (!user) throw new AccountError(`No account for ${normaliseEmail(email)}.`, 'email');
    return user;
  }

  /** One account by its id, as the admin pages address it. */
  async find(id: number): Promise<UserSummary | undefined> {
    return (await this.users.list(id))[0];
  }

  private async summary(id: number): Promise<UserSummary> {
    return (await this.find(id))!;
  }
}
