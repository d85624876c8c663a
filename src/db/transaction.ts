/**
 * Write transactions that take SQLite's write lock at once (BEGIN IMMEDIATE).
 * A deferred transaction that reads first (the audit chain's last hash) and
 * writes later can find another process has written in between; taking the
 * lock first makes "read the tip, append after it" one indivisible step.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A handle bound to the open transaction; pass it to every repository call inside. */
export type Tx = Kysely<Database>;

/** Runs `work` in one immediate write transaction: all of it is kept, or none. */
export async function writeTransaction<T>(db: Kysely<Database>, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.connection().execute(async (tx) => {
    await sql`BEGIN IMMEDIATE`.execute(tx);
    try {
      const result = await work(tx);
      await sql`COMMIT`.execute(tx);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(tx);
      throw error;
    }
  });
}
