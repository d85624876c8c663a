/**
 * The trust layer: compartments, accounts, sessions, API tokens, the data keys
 * that seal values, the audit chain, and the first sealed record (sources).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('compartments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    // The TOTP secret is sealed under the system data key, like any sealed value.
    .addColumn('totp_secret', 'blob')
    .addColumn('totp_enabled_at', 'text')
    // The last time step whose code was accepted: a code works once.
    .addColumn('totp_last_step', 'integer')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_compartments')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('compartment_id', 'integer', (c) => c.notNull().references('compartments.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_compartments_pk', ['user_id', 'compartment_id'])
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // A session is known by the SHA-256 of its cookie: a copy of the database opens no session.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // 'password' (second factor still owed), 'enrol' (must set up two-factor first) or 'full'.
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    /** JSON: the actions the token may do, a subset of its user's. */
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();

  // One data key per compartment (and one named 'system'), wrapped by the master key.
  await db.schema
    .createTable('data_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'blob', (c) => c.notNull())
    /** The first bytes of the master key's SHA-256: which master key wraps this one. */
    .addColumn('master_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rewrapped_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('ip', 'text')
    /** JSON: the fields changed, sealed values only as "sealed". */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`CREATE INDEX audit_log_action ON audit_log (action, seq)`.execute(db);
  // Append-only for the application; someone with the file can still edit it, and the chain shows that.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);

  await db.schema
    .createTable('sources')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('compartment_id', 'integer', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('identity', 'blob')
    .addColumn('contact', 'blob')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`CREATE INDEX sources_compartment ON sources (compartment_id, pseudonym)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sources', 'audit_log', 'data_keys', 'api_tokens', 'sessions', 'recovery_codes', 'user_compartments', 'users', 'compartments']) {
    await db.schema.dropTable(table).execute();
  }
}
