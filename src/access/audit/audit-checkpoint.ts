/**
 * A checkpoint of the audit chain kept outside the data directory: the newest
 * entry's number and hash when the chain was last seen whole. The chain alone
 * cannot show that its newest entries were cut off (nothing after them
 * breaks); a checkpoint can, for every entry it has seen.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AuditRepository } from './audit.repository.ts';

export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
}

export const CHECKPOINT_VARIABLE = 'VIGIL_AUDIT_CHECKPOINT';

/** The checkpoint file: `VIGIL_AUDIT_CHECKPOINT`, else beside the data directory (`./vigil-data.audit-checkpoint`). */
export function checkpointFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const named = env[CHECKPOINT_VARIABLE];
  return named ? resolve(named) : `${resolve(dataDir)}.audit-checkpoint`;
}

/** The last checkpoint, or null when there is none (or it cannot be read, which `vigil audit verify` reports). */
export function readCheckpoint(file: string): AuditCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const value = JSON.parse(text) as Partial<AuditCheckpoint>;
  if (typeof value.seq !== 'number' || typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/.test(value.hash)) {
    throw new Error(`the audit checkpoint ${file} cannot be read: it is not a checkpoint Vigil wrote`);
  }
  return { seq: value.seq, hash: value.hash, at: String(value.at ?? '') };
}

/** Writes a checkpoint whole or not at all (a new file renamed over the old). */
export function writeCheckpoint(file: string, checkpoint: AuditCheckpoint): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * Moves the checkpoint forward to the newest entry, as the server does now and
 * then, but only while the entry the old checkpoint recorded is still there,
 * unchanged: a chain that lost it is left for `vigil audit verify` to report.
 */
export async function advanceCheckpoint(audit: AuditRepository, file: string, now = new Date()): Promise<'advanced' | 'unchanged' | 'mismatch'> {
  const previous = readCheckpoint(file);
  if (previous && (await audit.hashAt(previous.seq)) !== previous.hash) return 'mismatch';
  const tip = await audit.tip();
  if (!tip || (previous && tip.seq === previous.seq)) return 'unchanged';
  writeCheckpoint(file, { ...tip, at: now.toISOString() });
  return 'advanced';
}
