/**
 * What a signed-in person does to their own account: change the password,
 * set up two-factor sign-in, and make or revoke API tokens.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { AuditActor, AuditRepository } from './audit/audit.repository.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { actionsOf, ACTIONS, type Action, type Actor, type Role } from './policy.ts';
import type { Keyring } from './sealed/keyring.ts';
import { newSecret, type SessionRepository, type TokenRow } from './session.repository.ts';
import { totpContext, type Client, type LiveSession } from './sign-in.service.ts';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrSvg, totpUri } from './two-factor.ts';
import type { UserRepository } from './user.repository.ts';

/** A request the account cannot carry out, with a sentence for the person who asked. */
export class AccountError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

export interface Enrolment {
  secret: string;
  uri: string;
  qr: string;
}

export interface AccountOverview {
  compartments: string[];
  twoFactor: boolean;
  recoveryCodesLeft: number;
  tokens: TokenSummary[];
  /** What a new token of this person could be allowed to do. */
  tokenActions: Action[];
}

export interface TokenSummary {
  id: number;
  name: string;
  scopes: Action[];
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Actions a token may carry: its user's, except managing accounts, which stays with a person at a browser. */
export function tokenActionsOf(role: Role): Action[] {
  return actionsOf(role).filter((action) => action !== 'account.manage' && action !== 'users.manage');
}

function auditActorOf(user: { id: number; email: string }, client: Client): AuditActor {
  return { id: user.id, label: user.email, ip: client.ip };
}

function tokenSummary(row: TokenRow): TokenSummary {
  return {
    id: row.id, name: row.name, scopes: JSON.parse(row.scopes) as Action[], createdAt: row.created_at,
    expiresAt: row.expires_at, revokedAt: row.revoked_at, lastUsedAt: row.last_used_at,
  };
}

export class AccountService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Changes the password; every session of the person ends, and a fresh one is returned for this browser. */
  async changePassword(actor: Actor, current: string, next: string, client: Client): Promise<string> {
    const user = await this.users.byId(actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) throw new AccountError('The current password is not right.', 'current');
    const problem = passwordProblem(next, { email: user.email });
    if (problem) throw new AccountError(problem, 'password');
    const hash = await hashPassword(next);
    const secret = newSecret();
    const at = this.now().toISOString();
    await writeTransaction(this.db, async (tx) => {
      await this.users.update(tx, user.id, { password_hash: hash, password_changed_at: at });
      const ended = await this.sessions.deleteAllOf(tx, user.id);
      // A token made from a stolen session must not outlive the password change meant to shut the thief out.
      await this.sessions.revokeAllTokensOf(tx, user.id, at);
      await this.sessions.create(tx, { secret, userId: user.id, stage: 'full', ip: client.ip, userAgent: client.userAgent }, at);
      await this.audit.append(tx, auditActorOf(user, client), {
        action: 'user.password', subjectType: 'user', subjectId: user.id, details: { password: 'changed', sessionsEnded: ended, tokens: 'revoked' },
      }, this.now());
    });
    return secret;
  }

  /**
   * Starts (or restarts) setting up an authenticator: a new secret, sealed at
   * rest, shown once as a QR code and as text. Not in force until confirmed.
   */
  async startEnrolment(live: LiveSession, client: Client): Promise<Enrolment> {
    const user = await this.users.byId(live.user.id);
    if (!user || user.totp_enabled_at) throw new AccountError('Two-factor sign-in is already set up. An administrator can reset it.');
    // A secret already shown (and perhaps scanned) is shown again until it is confirmed.
    const stored = user.totp_secret;
    const secret = stored ? await this.keyring.open('system', stored, totpContext(user.id)) : newTotpSecret();
    // Showing the secret is reading a sealed value: it is audited like any other.
    await writeTransaction(this.db, async (tx) => {
      if (!stored) await this.users.update(tx, user.id, { totp_secret: await this.keyring.seal(tx, 'system', secret, totpContext(user.id)), totp_last_step: null });
      await this.audit.append(tx, auditActorOf(user, client), {
        action: stored ? 'user.two-factor.shown-again' : 'user.two-factor.start', subjectType: 'user', subjectId: user.id, details: { totpSecret: 'sealed' },
      }, this.now());
    });
    const uri = totpUri(secret, user.email);
    return { secret, uri, qr: await qrSvg(uri) };
  }

  /** Confirms the authenticator with a first code; returns the recovery codes, shown once. */
  async confirmEnrolment(live: LiveSession, code: string, client: Client): Promise<{ recoveryCodes: string[]; secret: string }> {
    const user = await this.users.byId(live.user.id);
    if (!user?.totp_secret || user.totp_enabled_at) throw new AccountError('Start setting up two-factor sign-in again.');
    const totp = await this.keyring.open('system', user.totp_secret, totpContext(user.id));
    const step = checkTotp(totp, code, user.totp_last_step, this.now().getTime());
    if (step === null) throw new AccountError('That code is not right. Check the time on your phone and type the six digits shown now.', 'code');
    const codes = newRecoveryCodes();
    const secret = newSecret();
    const at = this.now().toISOString();
    await writeTransaction(this.db, async (tx) => {
      await this.users.update(tx, user.id, { totp_enabled_at: at, totp_last_step: step });
      await this.users.replaceRecoveryCodes(tx, user.id, codes.map(hashRecoveryCode));
      // The session that enrolled becomes a full one under a new secret; others of this user end.
      await this.sessions.deleteAllOf(tx, user.id);
      await this.sessions.create(tx, { secret, userId: user.id, stage: 'full', ip: client.ip, userAgent: client.userAgent }, at);
      await this.audit.append(tx, auditActorOf(user, client), {
        action: 'user.two-factor.enrol', subjectType: 'user', subjectId: user.id, details: { totpSecret: 'sealed', recoveryCodes: codes.length },
      }, this.now());
    });
    return { recoveryCodes: codes, secret };
  }

  /** What the account page shows of a person's own account. */
  async overview(actor: Actor): Promise<AccountOverview> {
    const [user, compartments, recoveryCodesLeft, tokens] = await Promise.all([
      this.users.byId(actor.userId), this.users.compartments(), this.users.unusedRecoveryCodes(actor.userId), this.tokens(actor),
    ]);
    return {
      compartments: compartments.filter((c) => actor.compartments.has(c.id)).map((c) => c.name),
      twoFactor: Boolean(user?.totp_enabled_at),
      recoveryCodesLeft,
      tokens,
      // Tokens are made by a person at a browser, never by another token.
      tokenActions: actor.via === 'session' ? tokenActionsOf(actor.role) : [],
    };
  }

  async tokens(actor: Actor): Promise<TokenSummary[]> {
    return (await this.sessions.tokensOf(actor.userId)).map(tokenSummary);
  }

  /** Makes an API token; its secret is returned once and only its hash is kept. */
  async createToken(actor: Actor, name: string, scopes: string[], days: number, client: Client): Promise<{ id: number; secret: string }> {
    const label = name.trim();
    if (label === '' || label.length > 100) throw new AccountError('Give the token a name of up to 100 characters.', 'name');
    const allowed = tokenActionsOf(actor.role);
    const unknown = scopes.filter((scope) => !(ACTIONS as readonly string[]).includes(scope) || !allowed.includes(scope as Action));
    if (unknown.length > 0) throw new AccountError(`A token of yours cannot be given: ${unknown.join(', ')}.`, 'scopes');
    if (scopes.length === 0) throw new AccountError('Choose at least one thing the token may do.', 'scopes');
    if (!Number.isInteger(days) || days < 1 || days > 366) throw new AccountError('A token lasts from 1 to 366 days.', 'days');
    const secret = newSecret('vgl_');
    const expiresAt = new Date(this.now().getTime() + days * 86_400_000).toISOString();
    const id = await writeTransaction(this.db, async (tx) => {
      const tokenId = await this.sessions.insertToken(tx, { userId: actor.userId, name: label, secret, scopes, expiresAt }, this.now().toISOString());
      await this.audit.append(tx, auditActorOf({ id: actor.userId, email: actor.email }, client), {
        action: 'token.create', subjectType: 'token', subjectId: tokenId, details: { name: label, scopes, expiresAt },
      }, this.now());
      return tokenId;
    });
    return { id, secret };
  }

  async revokeToken(actor: Actor, tokenId: number, client: Client): Promise<void> {
    await writeTransaction(this.db, async (tx) => {
      if (!(await this.sessions.revokeToken(tx, actor.userId, tokenId, this.now().toISOString()))) throw new AccountError('No such token.');
      await this.audit.append(tx, auditActorOf({ id: actor.userId, email: actor.email }, client), {
        action: 'token.revoke', subjectType: 'token', subjectId: tokenId,
      }, this.now());
    });
  }

  /** The actor an API token stands for, or null when it is unknown, revoked, expired or its user disabled. */
  async resolveToken(secret: string): Promise<Actor | null> {
    const token = await this.sessions.tokenBySecret(secret);
    if (!token || token.revoked_at || Date.parse(token.expires_at) <= this.now().getTime()) return null;
    const user = await this.users.byId(token.user_id);
    if (!user || user.disabled_at) return null;
    const role = user.role as Role;
    // A token never outgrows its user: scopes beyond the user's current role are dropped.
    const scopes = new Set((JSON.parse(token.scopes) as Action[]).filter((scope) => tokenActionsOf(role).includes(scope)));
    const now = this.now();
    if (!token.last_used_at || now.getTime() - Date.parse(token.last_used_at) > 60_000) await this.sessions.tokenUsed(token.id, now.toISOString());
    return { userId: user.id, email: user.email, role, compartments: new Set(await this.users.compartmentIdsOf(user.id)), scopes, via: 'token', ip: null };
  }
}
