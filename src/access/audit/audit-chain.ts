/**
 * The audit chain's rule, pure: each entry's hash covers its own fields and
 * the hash of the entry before it, so changing, removing or reordering any
 * entry breaks every hash after it.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says, before it is chained. */
export interface AuditFields {
  seq: number;
  at: string;
  actorId: number | null;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  /** JSON text, exactly as stored. */
  details: string;
}

/** An entry as stored: its fields, the hash before it and its own. */
export interface AuditEntry extends AuditFields {
  prevHash: string;
  hash: string;
}

/** The SHA-256 (hex) that chains `fields` after `prevHash`. */
export function hashAuditEntry(prevHash: string, fields: AuditFields): string {
  // A JSON array fixes the order and the boundaries of every field, so no two entries hash alike by accident.
  const canonical = JSON.stringify([
    prevHash, fields.seq, fields.at, fields.actorId, fields.actor, fields.action,
    fields.subjectType, fields.subjectId, fields.ip, fields.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Why a chain is broken, at the first entry where it is. */
export interface ChainBreak {
  seq: number;
  reason: string;
}

/**
 * Checks entries in stored order; returns the first break or null. The caller
 * streams entries in, so a chain of millions never sits in memory.
 */
export function createChainChecker(): { check(entry: AuditEntry): ChainBreak | null; count(): number } {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let seen = 0;
  return {
    check(entry) {
      seen++;
      if (entry.seq !== expectedSeq) {
        return { seq: entry.seq, reason: `expected entry ${expectedSeq} here, found entry ${entry.seq} (an entry was removed or moved)` };
      }
      if (entry.prevHash !== expectedPrev) {
        return { seq: entry.seq, reason: 'it does not point to the entry before it (an entry before it was removed, replaced or moved)' };
      }
      if (hashAuditEntry(entry.prevHash, entry) !== entry.hash) {
        return { seq: entry.seq, reason: 'its content does not match its hash (the entry was edited)' };
      }
      expectedPrev = entry.hash;
      expectedSeq++;
      return null;
    },
    count: () => seen,
  };
}
