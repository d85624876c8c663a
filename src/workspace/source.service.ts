/**
 * Sources: people and bodies who give information, known by a pseudonym.
 * Their identity and contact details are sealed under their compartment's
 * data key; reading them is a permission of its own and is audited each time.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../access/audit/audit.repository.ts';
import { authorize, can, NotFoundError, type Actor } from '../access/policy.ts';
import { compartmentKeyName, type Keyring } from '../access/sealed/keyring.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction } from '../db/transaction.ts';
import type { SourceRepository, SourceRow } from './source.repository.ts';

export const SOURCE_KINDS = ['witness', 'victim', 'relative', 'partner organisation', 'media', 'official', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The sealed fields of a source. */
export const SOURCE_SEALED_FIELDS = ['identity', 'contact'] as const;
type SealedField = (typeof SOURCE_SEALED_FIELDS)[number];

/** A source as anyone allowed to see it sees it: never with its sealed values. */
export interface SourceView {
  pseudonym: string;
  kind: string;
  compartment: string;
  version: number;
  hasIdentity: boolean;
  hasContact: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A source's sealed values, opened for someone allowed to read them. */
export interface SourceSecrets {
  identity: string | null;
  contact: string | null;
}

export interface SourceInput {
  compartment: string;
  kind: string;
  identity?: string;
  contact?: string;
}

/** A form that cannot be saved as it is; `field` says which input is wrong. */
export class SourceInputError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

/** Thrown when a source changed after the copy that an edit was made on. */
export class StaleEditError extends Error {
  constructor(pseudonym: string) {
    super(`${pseudonym} was changed by someone else after you opened it. Your changes were not saved: open it again and redo them.`);
  }
}

function sealedContext(pseudonym: string, field: SealedField): string {
  return `sources.${field}:${pseudonym}`;
}

function present(row: SourceRow): SourceView {
  return {
    pseudonym: row.pseudonym, kind: row.kind, compartment: row.compartment, version: row.version,
    hasIdentity: row.identity !== null, hasContact: row.contact !== null, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function cleanText(value: string | undefined, field: string, max: number): string | null {
  const text = (value ?? '').trim();
  if (text.length > max) throw new SourceInputError(`${field} is longer than ${max} characters.`, field);
  return text === '' ? null : text;
}

export class SourceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sources: SourceRepository,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: { q?: string; limit?: number; offset?: number } = {}): Promise<{ total: number; sources: SourceView[] }> {
    authorize(actor, 'sources.read');
    const [total, rows] = await Promise.all([this.sources.count(actor.compartments), this.sources.list(actor.compartments, filter)]);
    return { total, sources: rows.map(present) };
  }

  async get(actor: Actor, pseudonym: string): Promise<SourceView> {
    return present(await this.find(actor, 'sources.read', pseudonym));
  }

  async create(actor: Actor, input: SourceInput): Promise<SourceView> {
    authorize(actor, 'sources.write');
    const compartment = await this.db.selectFrom('compartments').select(['id', 'name']).where('name', '=', input.compartment.trim()).executeTakeFirst();
    // A compartment one does not belong to is refused the same way as one that does not exist.
    if (!compartment || !can(actor, 'sources.write', { compartmentId: compartment.id })) {
      throw new SourceInputError('Choose one of your compartments.', 'compartment');
    }
    const kind = this.kindOf(input.kind);
    const identity = cleanText(input.identity, 'identity', 2000);
    const contact = cleanText(input.contact, 'contact', 2000);
    const at = this.now().toISOString();
    const pseudonym = await writeTransaction(this.db, async (tx) => {
      const name = await this.sources.nextPseudonym(tx);
      const key = compartmentKeyName(compartment.id);
      const id = await this.sources.insert(tx, {
        pseudonym: name, compartmentId: compartment.id, kind,
        identity: identity === null ? null : await this.keyring.seal(tx, key, identity, sealedContext(name, 'identity')),
        contact: contact === null ? null : await this.keyring.seal(tx, key, contact, sealedContext(name, 'contact')),
      }, at);
      await this.audit.append(tx, this.auditActor(actor), {
        action: 'source.create', subjectType: 'source', subjectId: name,
        details: { id, compartment: compartment.name, kind, identity: identity === null ? 'empty' : 'sealed', contact: contact === null ? 'empty' : 'sealed' },
      }, this.now());
      return name;
    });
    return this.get(actor, pseudonym);
  }

  /** Changes a source made from the copy at `version`; an edit on a stale copy is refused. */
  async update(actor: Actor, pseudonym: string, version: number, input: Omit<SourceInput, 'compartment'>): Promise<SourceView> {
    const row = await this.find(actor, 'sources.write', pseudonym);
    const kind = this.kindOf(input.kind);
    const identity = input.identity === undefined ? undefined : cleanText(input.identity, 'identity', 2000);
    const contact = input.contact === undefined ? undefined : cleanText(input.contact, 'contact', 2000);
    const key = compartmentKeyName(row.compartment_id);
    await writeTransaction(this.db, async (tx) => {
      const changes: { kind?: string; identity?: Buffer | null; contact?: Buffer | null } = { kind };
      const details: Record<string, unknown> = {};
      if (kind !== row.kind) details.kind = { from: row.kind, to: kind };
      if (identity !== undefined) {
        changes.identity = identity === null ? null : await this.keyring.seal(tx, key, identity, sealedContext(row.pseudonym, 'identity'));
        details.identity = 'sealed value replaced';
      }
      if (contact !== undefined) {
        changes.contact = contact === null ? null : await this.keyring.seal(tx, key, contact, sealedContext(row.pseudonym, 'contact'));
        details.contact = 'sealed value replaced';
      }
      if (!(await this.sources.update(tx, row.id, version, changes, this.now().toISOString()))) throw new StaleEditError(row.pseudonym);
      await this.audit.append(tx, this.auditActor(actor), { action: 'source.update', subjectType: 'source', subjectId: row.pseudonym, details }, this.now());
    });
    return this.get(actor, pseudonym);
  }

  async delete(actor: Actor, pseudonym: string): Promise<void> {
    const row = await this.find(actor, 'sources.write', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      await this.sources.softDelete(tx, row.id, this.now().toISOString());
      await this.audit.append(tx, this.auditActor(actor), { action: 'source.delete', subjectType: 'source', subjectId: row.pseudonym, details: { compartment: row.compartment } }, this.now());
    });
  }

  /** Opens a source's sealed values for someone allowed to, writing the reading to the audit chain first. */
  async reveal(actor: Actor, pseudonym: string): Promise<SourceSecrets> {
    const row = await this.find(actor, 'sources.reveal', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      await this.audit.append(tx, this.auditActor(actor), {
        action: 'source.reveal', subjectType: 'source', subjectId: row.pseudonym, details: { fields: SOURCE_SEALED_FIELDS.filter((field) => row[field] !== null) },
      }, this.now());
    });
    const key = compartmentKeyName(row.compartment_id);
    return {
      identity: row.identity ? await this.keyring.open(key, row.identity, sealedContext(row.pseudonym, 'identity')) : null,
      contact: row.contact ? await this.keyring.open(key, row.contact, sealedContext(row.pseudonym, 'contact')) : null,
    };
  }

  private async find(actor: Actor, action: 'sources.read' | 'sources.write' | 'sources.reveal', pseudonym: string): Promise<SourceRow> {
    authorize(actor, action, undefined, 'source');
    const row = await this.sources.byPseudonym(actor.compartments, pseudonym);
    if (!row) throw new NotFoundError('source');
    authorize(actor, action, { compartmentId: row.compartment_id }, 'source');
    return row;
  }

  private kindOf(text: string): SourceKind {
    const kind = text.trim().toLowerCase();
    if (!(SOURCE_KINDS as readonly string[]).includes(kind)) throw new SourceInputError(`Choose a kind: ${SOURCE_KINDS.join(', ')}.`, 'kind');
    return kind as SourceKind;
  }

  private auditActor(actor: Actor) {
    return { id: actor.userId, label: actor.email, ip: actor.ip ?? null };
  }
}
