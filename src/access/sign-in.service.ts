/**
 * Signing in and staying signed in: password, then the second factor, then a
 * session with idle and absolute time-outs. Failures slow down and then lock
 * the account; every answer to a failure is the same, so nobody learns from it
 * whether an account exists or is locked.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { AuditActor, AuditRepository } from './audit/audit.repository.ts';
import { verifyAgainstNothing, verifyPassword } from './password.ts';
import { TWO_FACTOR_ROLES, type Actor, type Role } from './policy.ts';
import type { Keyring } from './sealed/keyring.ts';
import { newSecret, type SessionRepository, type SessionStage } from './session.repository.ts';
import { checkTotp, hashRecoveryCode } from './two-factor.ts';
import { normaliseEmail, type UserRepository, type UserRow } from './user.repository.ts';

export interface SignInRules {
  /** A session unused this long ends. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteHours: number;
  /** Failures before answers start to slow down. */
  slowAfter: number;
  /** Failures in a row that lock the account. */
  lockAfter: number;
  lockMinutes: number;
  /** The first slowed answer waits this long; each further failure doubles it, up to `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_SIGN_IN_RULES: SignInRules = {
  idleMinutes: 30, absoluteHours: 12, slowAfter: 3, lockAfter: 10, lockMinutes: 15, delayMs: 500, maxDelayMs: 8000,
};

export interface Client {
  ip: string | null;
  userAgent: string | null;
}

/** The outcome of a step of signing in: a session (maybe still owing a factor), or one same failure. */
export type SignInResult = { ok: true; secret: string; stage: SessionStage } | { ok: false };

/** A live session and the person it belongs to. */
export interface LiveSession {
  idHash: string;
  stage: SessionStage;
  user: UserRow;
  /** Set only when the session is fully signed in. */
  actor: Actor | null;
}

/** The context a TOTP secret is sealed under, so it opens only as this user's. */
export function totpContext(userId: number): string {
  return `users.totp_secret:${userId}`;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SignInService {
  /** Recent failures by typed email, known or not, so unknown accounts slow down alike. */
  private readonly failures = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    readonly rules: SignInRules = DEFAULT_SIGN_IN_RULES,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** First step: email and password. */
  async signIn(email: string, password: string, client: Client): Promise<SignInResult> {
    const key = normaliseEmail(email);
    await this.slowDown(key);
    const user = key === '' ? undefined : await this.users.byEmail(key);
    const usable = user && !user.disabled_at && !this.isLocked(user);
    const passwordOk = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstNothing(password);
    if (!user || !usable || !passwordOk) {
      await this.recordFailure(key, user, client, !user ? 'unknown account' : user.disabled_at ? 'account disabled' : this.isLocked(user) ? 'account locked' : 'wrong password');
      return { ok: false };
    }
    const stage: SessionStage = user.totp_enabled_at ? 'password' : TWO_FACTOR_ROLES.has(user.role as Role) ? 'enrol' : 'full';
    // Only a finished sign-in forgives earlier failures: a password alone must not reset the count that guards the second factor.
    if (stage === 'full') this.failures.delete(key);
    const secret = newSecret();
    const at = this.now().toISOString();
    const done = await writeTransaction(this.db, async (tx) => {
      // Read again under the write lock: a burst of requests must not all pass a lock that one of them just set.
      const fresh = await this.users.byId(user.id, tx);
      if (!fresh || fresh.disabled_at || this.isLocked(fresh)) return false;
      if (stage === 'full') await this.users.update(tx, user.id, { failed_sign_ins: 0, locked_until: null });
      await this.sessions.create(tx, { secret, userId: user.id, stage, ip: client.ip, userAgent: client.userAgent }, at);
      await this.audit.append(tx, { id: user.id, label: user.email, ip: client.ip }, {
        action: stage === 'full' ? 'sign-in' : 'sign-in.password', subjectType: 'user', subjectId: user.id, details: { stage },
      }, this.now());
      return true;
    });
    if (!done) {
      await this.recordFailure(key, user, client, 'account locked');
      return { ok: false };
    }
    return { ok: true, secret, stage };
  }

  /**
   * Second step: a TOTP code or a recovery code, for a session that owes one.
   * The session is replaced by a new one, so a secret seen before sign-in is worth nothing after.
   */
  async secondFactor(sessionSecret: string, code: string, client: Client): Promise<SignInResult> {
    const live = await this.resolve(sessionSecret);
    const sealedTotp = live?.user.totp_secret;
    if (!live || live.stage !== 'password' || !sealedTotp) return { ok: false };
    const user = live.user;
    await this.slowDown(user.email);
    if (this.isLocked(user)) {
      await this.recordFailure(user.email, user, client, 'account locked');
      return { ok: false };
    }
    const at = this.now().toISOString();
    const totp = await this.keyring.open('system', sealedTotp, totpContext(user.id));
    const step = checkTotp(totp, code, user.totp_last_step, this.now().getTime());
    const secret = newSecret();
    const done = await writeTransaction(this.db, async (tx) => {
      // Everything the decision rests on is read again under the write lock, so parallel attempts are judged one by one:
      // a lock set by one of them holds for the rest, and a code's time step is spent once.
      const fresh = await this.users.byId(user.id, tx);
      if (!fresh || fresh.disabled_at || this.isLocked(fresh)) return false;
      const stepFresh = step !== null && (fresh.totp_last_step === null || step > fresh.totp_last_step);
      const usedRecovery = !stepFresh && (await this.users.useRecoveryCode(tx, user.id, hashRecoveryCode(code), at));
      if (!stepFresh && !usedRecovery) return false;
      if (!(await this.sessions.delete(live.idHash, tx))) return false;
      await this.users.update(tx, user.id, { failed_sign_ins: 0, locked_until: null, ...(stepFresh ? { totp_last_step: step } : {}) });
      await this.sessions.create(tx, { secret, userId: user.id, stage: 'full', ip: client.ip, userAgent: client.userAgent }, at);
      await this.audit.append(tx, { id: user.id, label: user.email, ip: client.ip }, {
        action: 'sign-in', subjectType: 'user', subjectId: user.id, details: { secondFactor: usedRecovery ? 'recovery code' : 'authenticator' },
      }, this.now());
      return true;
    });
    if (!done) {
      await this.recordFailure(user.email, user, client, 'wrong second-factor code');
      return { ok: false };
    }
    this.failures.delete(user.email);
    return { ok: true, secret, stage: 'full' };
  }

  /** The session behind a cookie, or null when it is unknown, timed out or its user disabled. */
  async resolve(secret: string | undefined): Promise<LiveSession | null> {
    if (!secret) return null;
    const session = await this.sessions.bySecret(secret);
    if (!session) return null;
    const now = this.now().getTime();
    const idle = now - Date.parse(session.last_seen_at) > this.rules.idleMinutes * 60_000;
    const old = now - Date.parse(session.created_at) > this.rules.absoluteHours * 3_600_000;
    const user = await this.users.byId(session.user_id);
    if (idle || old || !user || user.disabled_at) {
      await this.sessions.delete(session.id_hash);
      return null;
    }
    // Writing on every request would serialise readers behind the writer; once a minute is enough for time-outs.
    if (now - Date.parse(session.last_seen_at) > 60_000) await this.sessions.touch(session.id_hash, new Date(now).toISOString());
    const actor: Actor | null = session.stage === 'full' ? {
      userId: user.id, email: user.email, role: user.role as Role,
      compartments: new Set(await this.users.compartmentIdsOf(user.id)), via: 'session', ip: null,
    } : null;
    return { idHash: session.id_hash, stage: session.stage, user, actor };
  }

  /** Ends one session. */
  async signOut(secret: string, client: Client): Promise<void> {
    const session = await this.sessions.bySecret(secret);
    if (!session) return;
    const user = await this.users.byId(session.user_id);
    await writeTransaction(this.db, async (tx) => {
      await this.sessions.delete(session.id_hash, tx);
      await this.audit.append(tx, { id: session.user_id, label: user?.email ?? `user ${session.user_id}`, ip: client.ip }, {
        action: 'sign-out', subjectType: 'user', subjectId: session.user_id,
      }, this.now());
    });
  }

  /** Clears sessions past their time-outs; the server calls it now and then. */
  async sweep(): Promise<void> {
    const now = this.now().getTime();
    await this.sessions.deleteExpired(
      new Date(now - this.rules.idleMinutes * 60_000).toISOString(),
      new Date(now - this.rules.absoluteHours * 3_600_000).toISOString(),
    );
  }

  private isLocked(user: UserRow): boolean {
    return user.locked_until !== null && Date.parse(user.locked_until) > this.now().getTime();
  }

  private async slowDown(key: string): Promise<void> {
    const recent = this.failures.get(key);
    if (!recent) return;
    if (this.now().getTime() - recent.at > this.rules.lockMinutes * 60_000) {
      this.failures.delete(key);
      return;
    }
    const beyond = recent.count - this.rules.slowAfter;
    if (beyond <= 0) return;
    await sleep(Math.min(this.rules.delayMs * 2 ** (beyond - 1), this.rules.maxDelayMs));
  }

  private async recordFailure(key: string, user: UserRow | undefined, client: Client, reason: string): Promise<void> {
    const recent = this.failures.get(key);
    this.failures.set(key, { count: (recent?.count ?? 0) + 1, at: this.now().getTime() });
    if (this.failures.size > 10_000) this.forgetOldFailures();
    // The typed text of an unknown account is not written down: people type passwords into the email box.
    const actor: AuditActor = user ? { id: user.id, label: user.email, ip: client.ip } : { id: null, label: 'unknown', ip: client.ip };
    await writeTransaction(this.db, async (tx) => {
      let locked = false;
      if (user && !this.isLocked(user) && !user.disabled_at) {
        const failures = (await this.users.byId(user.id, tx))?.failed_sign_ins ?? 0;
        locked = failures + 1 >= this.rules.lockAfter;
        await this.users.update(tx, user.id, {
          failed_sign_ins: locked ? 0 : failures + 1,
          locked_until: locked ? new Date(this.now().getTime() + this.rules.lockMinutes * 60_000).toISOString() : null,
        });
      }
      await this.audit.append(tx, actor, {
        action: 'sign-in.failed', subjectType: user ? 'user' : undefined, subjectId: user?.id, details: { reason, ...(locked ? { locked: `${this.rules.lockMinutes} minutes` } : {}) },
      }, this.now());
    });
  }

  private forgetOldFailures(): void {
    const cutoff = this.now().getTime() - this.rules.lockMinutes * 60_000;
    for (const [key, value] of this.failures) if (value.at < cutoff) this.failures.delete(key);
  }
}
