/** The audit chain's pure rule: an intact chain passes; each kind of tampering is reported at the entry where it shows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createChainChecker, GENESIS_HASH, hashAuditEntry, type AuditEntry, type AuditFields, type ChainBreak,
} from '../../src/access/audit/audit-chain.ts';

/** A chain of `length` entries as AuditRepository would write them. */
function buildChain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const fields: AuditFields = {
      seq,
      at: new Date(Date.UTC(2024, 0, 1, 9, seq)).toISOString(),
      actorId: seq % 3 === 0 ? null : seq % 2,
      actor: seq % 3 === 0 ? 'cli' : `user${seq % 2}@example.org`,
      action: seq % 2 ? 'source.update' : 'document.import',
      subjectType: seq % 2 ? 'source' : 'document',
      subjectId: String(100 + seq),
      ip: seq % 3 === 0 ? null : '192.0.2.7',
      details: JSON.stringify({ changed: ['contact'], n: seq }),
    };
    const hash = hashAuditEntry(prevHash, fields);
    entries.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

/** Runs the checker over entries in the given order, as verify() streams them. */
function check(entries: AuditEntry[]): { broken: ChainBreak | null; count: number } {
  const checker = createChainChecker();
  for (const entry of entries) {
    const broken = checker.check(entry);
    if (broken) return { broken, count: checker.count() };
  }
  return { broken: null, count: checker.count() };
}

/** A copy of the chain with entry `seq` replaced through `change`. */
function withEntry(entries: AuditEntry[], seq: number, change: (entry: AuditEntry) => AuditEntry): AuditEntry[] {
  return entries.map((entry) => (entry.seq === seq ? change({ ...entry }) : entry));
}

const EDITS: Record<string, (entry: AuditEntry) => AuditEntry> = {
  at: (e) => ({ ...e, at: '2023-12-31T23:59:59.000Z' }),
  actorId: (e) => ({ ...e, actorId: 99 }),
  actor: (e) => ({ ...e, actor: 'someone-else@example.org' }),
  action: (e) => ({ ...e, action: 'source.read' }),
  subjectType: (e) => ({ ...e, subjectType: 'report' }),
  subjectId: (e) => ({ ...e, subjectId: '1' }),
  ip: (e) => ({ ...e, ip: '198.51.100.1' }),
  details: (e) => ({ ...e, details: '{"changed":[]}' }),
};

describe('audit chain checker', () => {
  const chain = buildChain(20);

  it('passes an intact chain and counts every entry', () => {
    expect(check(chain)).toEqual({ broken: null, count: 20 });
    expect(check([])).toEqual({ broken: null, count: 0 });
  });

  it('reports an edited field at the edited entry, whichever field it is', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20 }), fc.constantFrom(...Object.keys(EDITS)), (seq, field) => {
      const { broken } = check(withEntry(chain, seq, EDITS[field]!));
      expect(broken?.seq).toBe(seq);
      expect(broken?.reason).toMatch(/edited/);
    }));
  });

  it('reports a removed entry at the entry that follows the gap', () => {
    for (const removed of [1, 2, 10, 19]) {
      const { broken } = check(chain.filter((entry) => entry.seq !== removed));
      expect(broken?.seq, `removed ${removed}`).toBe(removed + 1);
      expect(broken?.reason).toContain(`expected entry ${removed} here`);
    }
  });

  it('cannot see the last entry removed: the chain alone has nothing after it to break', () => {
    // A known limit of any hash chain; the count must be compared with one kept elsewhere.
    expect(check(chain.slice(0, -1))).toEqual({ broken: null, count: 19 });
  });

  it('reports two entries swapped in place at the first of the two positions', () => {
    const swapped = [...chain];
    [swapped[6], swapped[7]] = [swapped[7]!, swapped[6]!];
    expect(check(swapped).broken).toMatchObject({ seq: 8, reason: expect.stringContaining('expected entry 7 here') as unknown });
  });

  it('reports two entries swapped with their numbers rewritten at the first of the two', () => {
    // The attacker renumbers, so seq runs 1..20 again; the hashes still point the old way.
    const a = chain[6]!;
    const b = chain[7]!;
    const swapped = chain.map((entry) => (entry === a ? { ...b, seq: a.seq } : entry === b ? { ...a, seq: b.seq } : entry));
    expect(check(swapped).broken).toMatchObject({ seq: 7, reason: expect.stringContaining('does not point') as unknown });
  });

  it('reports a changed prev_hash at that entry', () => {
    const changed = withEntry(chain, 12, (e) => ({ ...e, prevHash: chain[3]!.hash }));
    expect(check(changed).broken).toMatchObject({ seq: 12, reason: expect.stringContaining('does not point') as unknown });
  });

  it('reports an edited entry whose hash was recomputed at the next entry', () => {
    const rehashed = withEntry(chain, 9, (e) => {
      const edited = EDITS.details!(e);
      return { ...edited, hash: hashAuditEntry(edited.prevHash, edited) };
    });
    expect(check(rehashed).broken).toMatchObject({ seq: 10, reason: expect.stringContaining('does not point') as unknown });
  });

  it('reports only the first break', () => {
    const twice = withEntry(withEntry(chain, 15, EDITS.actor!), 4, EDITS.details!);
    expect(check(twice)).toMatchObject({ broken: { seq: 4 }, count: 4 });
  });

  it('cannot see a chain rebuilt from the edit onwards: only a copy of the tip kept elsewhere can', () => {
    const rebuilt: AuditEntry[] = [];
    let prevHash = GENESIS_HASH;
    for (const entry of withEntry(chain, 5, EDITS.details!)) {
      const hash = hashAuditEntry(prevHash, entry);
      rebuilt.push({ ...entry, prevHash, hash });
      prevHash = hash;
    }
    expect(check(rebuilt)).toEqual({ broken: null, count: 20 });
    expect(rebuilt.at(-1)!.hash).not.toBe(chain.at(-1)!.hash);
  });
});
