/**
 * What every workspace record shares: a reference allocated by Vigil, a
 * compartment it lives in, a version that refuses stale edits, and input
 * errors that name the field at fault.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { can, type Action, type Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

/** Input that cannot be saved as it is; `field` names the input (or CSV column) at fault. */
export class RecordInputError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

/** Thrown when a record changed after the copy that an edit was made on. */
export class StaleEditError extends Error {
  constructor(reference: string) {
    super(`${reference} was changed by someone else after you opened it. Your changes were not saved: open it again and redo them.`);
  }
}

/** `table.compartment_id IN (…)`, false for a reader with no compartments. */
export function inCompartments(column: string, compartments: ReadonlySet<number>) {
  const ids = [...compartments];
  return ids.length > 0 ? sql<boolean>`${sql.ref(column)} IN (${sql.join(ids)})` : sql<boolean>`0`;
}

/** The LIKE pattern for words typed into a list's search box, found anywhere in a column; `%`, `_` and `\` are dropped so they never act as wildcards. */
export function containing(words: string): string {
  return `%${words.replace(/[%_\\]/g, '')}%`;
}

type ReferencedTable = 'sources' | 'reports' | 'events' | 'people';
const REFERENCE_COLUMN: Record<ReferencedTable, 'pseudonym' | 'reference'> = { sources: 'pseudonym', reports: 'reference', events: 'reference', people: 'pseudonym' };

/**
 * A new reference such as `S-4821`: random, not sequential, so that nobody can
 * read from a number how many records other compartments hold. Four digits
 * while they last, then five, and so on.
 */
export async function newReference(tx: Tx, table: ReferencedTable, prefix: string): Promise<string> {
  const column = REFERENCE_COLUMN[table];
  for (let digits = 4; ; digits += 1) {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const candidate = `${prefix}-${String(randomInt(1, 10 ** digits)).padStart(digits, '0')}`;
      const taken = await tx.selectFrom(table).select('id').where(column, '=', candidate).executeTakeFirst();
      if (!taken) return candidate;
    }
  }
}

/** The actor as the audit chain names them. */
export function auditActor(actor: Actor) {
  return { id: actor.userId, label: actor.email, ip: actor.ip ?? null };
}

/** The compartment named `name` when `actor` may do `action` in it; refused alike when it does not exist. */
export async function compartmentFor(db: Kysely<Database>, actor: Actor, name: string, action: Action): Promise<{ id: number; name: string }> {
  const compartment = await db.selectFrom('compartments').select(['id', 'name']).where('name', '=', name.trim()).executeTakeFirst();
  if (!compartment || !can(actor, action, { compartmentId: compartment.id })) throw new RecordInputError('Choose one of your compartments.', 'compartment');
  return compartment;
}

/** Trimmed text within `max` characters; empty becomes null, or an error when `required`. */
export function cleanText(value: string | null | undefined, field: string, max: number, required = false): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw new RecordInputError(`${field} is longer than ${max} characters.`, field);
  if (text === '' && required) throw new RecordInputError(`${field} is required.`, field);
  return text === '' ? null : text;
}

/** One of `choices` (compared without case), or an error listing them. */
export function choice<T extends string>(value: string | null | undefined, choices: readonly T[], field: string): T {
  const text = (value ?? '').trim().toLowerCase();
  const found = choices.find((option) => option.toLowerCase() === text);
  if (!found) throw new RecordInputError(`Choose ${field}: ${choices.join(', ')}.`, field);
  return found;
}
