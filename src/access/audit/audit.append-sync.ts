/**
 * Appending to the audit chain from inside a synchronous better-sqlite3
 * transaction (the bulk document writer), with the same rule as
 * AuditRepository.append: read the tip, hash after it, insert, all inside the
 * caller's transaction.
 */
import type SQLite from 'better-sqlite3';
import { GENESIS_HASH, hashAuditEntry } from './audit-chain.ts';
import type { AuditActor, AuditInput } from './audit.repository.ts';

/** Returns a function that appends one entry; call it only inside a write transaction on `sqlite`. */
export function auditAppender(sqlite: SQLite.Database): (actor: AuditActor, input: AuditInput, now?: Date) => void {
  const tip = sqlite.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const insert = sqlite.prepare(`INSERT INTO audit_log (seq, at, actor_id, actor, action, subject_type, subject_id, ip, details, prev_hash, hash)
    VALUES (@seq, @at, @actorId, @actor, @action, @subjectType, @subjectId, @ip, @details, @prevHash, @hash)`);
  return (actor, input, now = new Date()) => {
    const last = tip.get();
    const fields = {
      seq: (last?.seq ?? 0) + 1, at: now.toISOString(), actorId: actor.id, actor: actor.label, action: input.action,
      subjectType: input.subjectType ?? null, subjectId: input.subjectId === undefined ? null : String(input.subjectId),
      ip: actor.ip ?? null, details: JSON.stringify(input.details ?? {}),
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    insert.run({ ...fields, prevHash, hash: hashAuditEntry(prevHash, fields) });
  };
}
