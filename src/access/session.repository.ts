/**
 * Sessions and API tokens at rest. Both are known only by the SHA-256 of the
 * secret the browser or integrator holds: a copy of the database opens neither.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database, SessionsTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

export type SessionRow = Selectable<SessionsTable>;
export type TokenRow = Selectable<ApiTokensTable>;
export type SessionStage = SessionsTable['stage'];

/** A new secret for a cookie or a token: 256 random bits, URL-safe. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** How a secret is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(tx: Tx, session: { secret: string; userId: number; stage: SessionStage; ip: string | null; userAgent: string | null }, now: string): Promise<void> {
    await tx.insertInto('sessions').values({
      id_hash: hashSecret(session.secret), user_id: session.userId, stage: session.stage,
      created_at: now, last_seen_at: now, ip: session.ip, user_agent: session.userAgent?.slice(0, 300) ?? null,
    }).execute();
  }

  bySecret(secret: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id_hash', '=', hashSecret(secret)).executeTakeFirst();
  }

  async touch(idHash: string, now: string): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }

  async setStage(tx: Tx, idHash: string, stage: SessionStage): Promise<void> {
    await tx.updateTable('sessions').set({ stage }).where('id_hash', '=', idHash).execute();
  }

  /** Ends one session; false when it was already gone (used by another request first). */
  async delete(idHash: string, tx: Kysely<Database> = this.db): Promise<boolean> {
    const result = await tx.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Ends every session of a user (password changed, disabled, two-factor reset). */
  async deleteAllOf(tx: Tx, userId: number): Promise<number> {
    const result = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(idleBefore: string, createdBefore: string): Promise<void> {
    await this.db.deleteFrom('sessions').where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', createdBefore)])).execute();
  }

  async insertToken(tx: Tx, token: { userId: number; name: string; secret: string; scopes: string[]; expiresAt: string }, now: string): Promise<number> {
    const row = await tx.insertInto('api_tokens').values({
      user_id: token.userId, name: token.name, token_hash: hashSecret(token.secret), scopes: JSON.stringify(token.scopes),
      created_at: now, expires_at: token.expiresAt,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  tokenBySecret(secret: string): Promise<TokenRow | undefined> {
    return this.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(secret)).executeTakeFirst();
  }

  tokensOf(userId: number): Promise<TokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  }

  async revokeToken(tx: Tx, userId: number, tokenId: number, now: string): Promise<boolean> {
    const result = await tx.updateTable('api_tokens').set({ revoked_at: now })
      .where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async revokeAllTokensOf(tx: Tx, userId: number, now: string): Promise<void> {
    await tx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  }

  async tokenUsed(id: number, now: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}
