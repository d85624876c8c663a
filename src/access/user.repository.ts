/** Accounts, compartments and memberships: every query about who someone is. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';
import type { Role } from './policy.ts';

export type UserRow = Selectable<UsersTable>;

export interface Compartment {
  id: number;
  name: string;
}

/** An account as the admin pages and `vigil user list` show it. */
export interface UserSummary {
  id: number;
  email: string;
  role: Role;
  compartments: string[];
  twoFactor: boolean;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

/** Emails are compared as people mean them: without surrounding spaces, in lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  byEmail(email: string, tx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return tx.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  }

  byId(id: number, tx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(tx: Tx, user: { email: string; role: Role; passwordHash: string }, now: string): Promise<number> {
    const row = await tx.insertInto('users').values({
      email: normaliseEmail(user.email), role: user.role, password_hash: user.passwordHash,
      password_changed_at: now, created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(tx: Tx, id: number, changes: Partial<Omit<UserRow, 'id' | 'email' | 'created_at'>>): Promise<void> {
    await tx.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  async compartmentIdsOf(userId: number, tx: Kysely<Database> = this.db): Promise<number[]> {
    const rows = await tx.selectFrom('user_compartments').select('compartment_id').where('user_id', '=', userId).execute();
    return rows.map((row) => row.compartment_id);
  }

  async setCompartments(tx: Tx, userId: number, compartmentIds: number[]): Promise<void> {
    await tx.deleteFrom('user_compartments').where('user_id', '=', userId).execute();
    if (compartmentIds.length > 0) {
      await tx.insertInto('user_compartments').values(compartmentIds.map((id) => ({ user_id: userId, compartment_id: id }))).execute();
    }
  }

  async compartments(tx: Kysely<Database> = this.db): Promise<Compartment[]> {
    return tx.selectFrom('compartments').select(['id', 'name']).orderBy('name').execute();
  }

  compartmentByName(name: string, tx: Kysely<Database> = this.db): Promise<Compartment | undefined> {
    return tx.selectFrom('compartments').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst();
  }

  async insertCompartment(tx: Tx, name: string, now: string): Promise<Compartment> {
    const row = await tx.insertInto('compartments').values({ name: name.trim(), created_at: now }).returning(['id', 'name']).executeTakeFirstOrThrow();
    return row;
  }

  /** Every account, or only the one with `id`, with its compartments' names. */
  async list(id?: number): Promise<UserSummary[]> {
    let users = this.db.selectFrom('users').selectAll();
    let memberships = this.db.selectFrom('user_compartments')
      .innerJoin('compartments', 'compartments.id', 'user_compartments.compartment_id')
      .select(['user_compartments.user_id', 'compartments.name']);
    if (id !== undefined) {
      users = users.where('id', '=', id);
      memberships = memberships.where('user_compartments.user_id', '=', id);
    }
    const [userRows, membershipRows] = await Promise.all([users.orderBy('email').execute(), memberships.orderBy('compartments.name').execute()]);
    return userRows.map((user) => ({
      id: user.id,
      email: user.email,
      role: user.role as Role,
      compartments: membershipRows.filter((m) => m.user_id === user.id).map((m) => m.name),
      twoFactor: user.totp_enabled_at !== null,
      disabled: user.disabled_at !== null,
      lockedUntil: user.locked_until,
      createdAt: user.created_at,
    }));
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async replaceRecoveryCodes(tx: Tx, userId: number, hashes: string[]): Promise<void> {
    await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    if (hashes.length > 0) await tx.insertInto('recovery_codes').values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
  }

  /** Marks an unused recovery code used; false when there is none such. */
  async useRecoveryCode(tx: Tx, userId: number, hash: string, now: string): Promise<boolean> {
    const result = await tx.updateTable('recovery_codes').set({ used_at: now })
      .where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async unusedRecoveryCodes(userId: number): Promise<number> {
    const row = await this.db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
