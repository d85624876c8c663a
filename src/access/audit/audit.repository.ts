/**
 * The audit log in the database: appending inside the caller's write
 * transaction, reading with filters, and verifying the whole chain.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Tx } from '../../db/transaction.ts';
import type { AuditCheckpoint } from './audit-checkpoint.ts';
import { createChainChecker, GENESIS_HASH, hashAuditEntry, type AuditEntry, type ChainBreak } from './audit-chain.ts';

/** Who did something: a signed-in user, or a named process (`cli`, `system`). */
export interface AuditActor {
  id: number | null;
  label: string;
  ip?: string | null;
}

/** One change to record. `details` must never hold a sealed value in clear. */
export interface AuditInput {
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit?: number;
}

export interface ChainReport {
  entries: number;
  broken: ChainBreak | null;
  /** The newest entry, when the chain is intact and not empty: what the next checkpoint records. */
  tip: { seq: number; hash: string } | null;
}

type Row = Database['audit_log'];

function toEntry(row: Row): AuditEntry {
  return {
    seq: row.seq, at: row.at, actorId: row.actor_id, actor: row.actor, action: row.action,
    subjectType: row.subject_type, subjectId: row.subject_id, ip: row.ip, details: row.details,
    prevHash: row.prev_hash, hash: row.hash,
  };
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Appends one entry after the current tip. Call it inside `writeTransaction`
   * with the change it records, so both are kept or neither.
   */
  async append(tx: Tx, actor: AuditActor, input: AuditInput, now = new Date()): Promise<AuditEntry> {
    const tip = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const fields = {
      seq: (tip?.seq ?? 0) + 1,
      at: now.toISOString(),
      actorId: actor.id,
      actor: actor.label,
      action: input.action,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId === undefined ? null : String(input.subjectId),
      ip: actor.ip ?? null,
      details: JSON.stringify(input.details ?? {}),
    };
    const prevHash = tip?.hash ?? GENESIS_HASH;
    const hash = hashAuditEntry(prevHash, fields);
    await tx.insertInto('audit_log').values({
      seq: fields.seq, at: fields.at, actor_id: fields.actorId, actor: fields.actor, action: fields.action,
      subject_type: fields.subjectType, subject_id: fields.subjectId, ip: fields.ip, details: fields.details,
      prev_hash: prevHash, hash,
    }).execute();
    return { ...fields, prevHash, hash };
  }

  /** The newest entry's number and hash, or null for an empty chain. */
  async tip(): Promise<{ seq: number; hash: string } | null> {
    return (await this.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()) ?? null;
  }

  /** The stored hash of entry `seq`, or null when there is no such entry. */
  async hashAt(seq: number): Promise<string | null> {
    return (await this.db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash ?? null;
  }

  /** Newest first, filtered; `beforeSeq` pages back through older entries. */
  async list(filter: AuditFilter = {}): Promise<AuditEntry[]> {
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.action) query = query.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
    if (filter.actor) query = query.where('actor', '=', filter.actor);
    if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
    if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<', filter.to);
    if (filter.beforeSeq) query = query.where('seq', '<', filter.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(Math.min(filter.limit ?? 100, 1000)).execute();
    return rows.map(toEntry);
  }

  /**
   * Reads the chain in order, in pages, and reports its length and its first
   * break. With a checkpoint, the chain must still hold the entry it recorded,
   * unchanged: that shows entries cut from the end, or a chain rebuilt since.
   */
  async verify(checkpoint: AuditCheckpoint | null = null): Promise<ChainReport> {
    const checker = createChainChecker();
    // `seq` is the table's rowid, so this is the order the rows are stored in; a moved entry shows as a break.
    let after = 0;
    let tip: ChainReport['tip'] = null;
    for (;;) {
      const rows = await this.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(5000).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const broken = checker.check(toEntry(row));
        if (broken) return { entries: checker.count(), broken, tip: null };
        if (checkpoint && row.seq === checkpoint.seq && row.hash !== checkpoint.hash) {
          return { entries: checker.count(), broken: { seq: row.seq, reason: `it differs from the checkpoint of ${checkpoint.at} (the chain was rebuilt since)` }, tip: null };
        }
        after = row.seq;
        tip = { seq: row.seq, hash: row.hash };
      }
    }
    if (checkpoint && checker.count() < checkpoint.seq) {
      return {
        entries: checker.count(),
        broken: { seq: checker.count() + 1, reason: `the chain ends at entry ${checker.count()}, but the checkpoint of ${checkpoint.at} saw entry ${checkpoint.seq} (entries were removed from its end)` },
        tip: null,
      };
    }
    return { entries: checker.count(), broken: null, tip };
  }
}
