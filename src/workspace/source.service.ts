/**
 * Sources: people and bodies who give information, known by a pseudonym.
 * Their identity and contact details are sealed under their compartment's
 * data key; reading them is a permission of its own and is audited each time.
 * A source carries its consent, a reliability grade (A–F, with who graded it
 * and when) and an independence group: sources repeating one origin share a
 * group and count once in corroboration.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../access/audit/audit.repository.ts';
import { authorize, NotFoundError, type Actor } from '../access/policy.ts';
import { compartmentKeyName, type Keyring } from '../access/sealed/keyring.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction, type Tx } from '../db/transaction.ts';
import { parseReliability } from '../domain/grading.ts';
import { auditActor, choice, cleanText, compartmentFor, newReference, RecordInputError, StaleEditError } from './record.ts';
import { fullTextContext } from './report.service.ts';
import type { SourceFields, SourceFilter, SourceRepository, SourceRow } from './source.repository.ts';

export const SOURCE_KINDS = ['witness', 'victim', 'relative', 'partner organisation', 'media', 'official', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What a source agreed to; the strictest is the default. */
export const SOURCE_CONSENTS = ['may-be-named', 'may-be-quoted', 'never-identify'] as const;
export type SourceConsent = (typeof SOURCE_CONSENTS)[number];

/** The sealed fields of a source. */
export const SOURCE_SEALED_FIELDS = ['identity', 'contact'] as const;
type SealedField = (typeof SOURCE_SEALED_FIELDS)[number];

/** A source as anyone allowed to see it sees it: never with its sealed values. */
export interface SourceView {
  pseudonym: string;
  kind: string;
  compartment: string;
  consent: string;
  reliability: string | null;
  gradedBy: string | null;
  gradedAt: string | null;
  independenceGroup: string | null;
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
  consent?: string;
  /** A–F, or empty for "not graded yet". */
  reliability?: string;
  independenceGroup?: string;
  identity?: string;
  contact?: string;
}

export { RecordInputError as SourceInputError, StaleEditError } from './record.ts';

function sealedContext(pseudonym: string, field: SealedField): string {
  return `sources.${field}:${pseudonym}`;
}

function present(row: SourceRow): SourceView {
  return {
    pseudonym: row.pseudonym, kind: row.kind, compartment: row.compartment, consent: row.consent,
    reliability: row.reliability, gradedBy: row.graded_by, gradedAt: row.graded_at, independenceGroup: row.independence_group,
    version: row.version, hasIdentity: row.identity !== null, hasContact: row.contact !== null, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function reliabilityOf(text: string | undefined): string | null {
  if (!text || text.trim() === '') return null;
  try {
    return parseReliability(text);
  } catch (error) {
    throw new RecordInputError((error as Error).message, 'reliability');
  }
}

export class SourceService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sources: SourceRepository,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: SourceFilter = {}): Promise<{ total: number; sources: SourceView[] }> {
    authorize(actor, 'sources.read');
    const [total, rows] = await Promise.all([this.sources.count(actor.compartments, filter), this.sources.list(actor.compartments, filter)]);
    return { total, sources: rows.map(present) };
  }

  async get(actor: Actor, pseudonym: string): Promise<SourceView> {
    return present(await this.find(actor, 'sources.read', pseudonym));
  }

  async create(actor: Actor, input: SourceInput): Promise<SourceView> {
    authorize(actor, 'sources.write');
    const compartment = await compartmentFor(this.db, actor, input.compartment, 'sources.write');
    const fields = this.fieldsOf(actor, input, null);
    const identity = cleanText(input.identity, 'identity', 2000);
    const contact = cleanText(input.contact, 'contact', 2000);
    const at = this.now().toISOString();
    const pseudonym = await writeTransaction(this.db, async (tx) => {
      const name = await newReference(tx, 'sources', 'S');
      const key = compartmentKeyName(compartment.id);
      const id = await this.sources.insert(tx, {
        ...fields, pseudonym: name, compartmentId: compartment.id,
        identity: identity === null ? null : await this.keyring.seal(tx, key, identity, sealedContext(name, 'identity')),
        contact: contact === null ? null : await this.keyring.seal(tx, key, contact, sealedContext(name, 'contact')),
      }, at);
      await this.audit.append(tx, auditActor(actor), {
        action: 'source.create', subjectType: 'source', subjectId: name,
        details: {
          id, compartment: compartment.name, kind: fields.kind, consent: fields.consent, reliability: fields.reliability, independenceGroup: fields.independence_group,
          identity: identity === null ? 'empty' : 'sealed', contact: contact === null ? 'empty' : 'sealed',
        },
      }, this.now());
      return name;
    });
    return this.get(actor, pseudonym);
  }

  /** Changes a source made from the copy at `version`; an edit on a stale copy is refused. */
  async update(actor: Actor, pseudonym: string, version: number, input: Omit<SourceInput, 'compartment'>): Promise<SourceView> {
    const row = await this.find(actor, 'sources.write', pseudonym);
    const fields = this.fieldsOf(actor, input, row);
    const identity = input.identity === undefined ? undefined : cleanText(input.identity, 'identity', 2000);
    const contact = input.contact === undefined ? undefined : cleanText(input.contact, 'contact', 2000);
    const key = compartmentKeyName(row.compartment_id);
    await writeTransaction(this.db, async (tx) => {
      const changes: Partial<SourceFields> & { identity?: Buffer | null; contact?: Buffer | null } = { ...fields };
      const details: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(fields) as [keyof SourceFields, string | null][]) {
        if (value !== row[column]) details[column] = { from: row[column], to: value };
      }
      if (identity !== undefined) {
        changes.identity = identity === null ? null : await this.keyring.seal(tx, key, identity, sealedContext(row.pseudonym, 'identity'));
        details.identity = 'sealed value replaced';
      }
      if (contact !== undefined) {
        changes.contact = contact === null ? null : await this.keyring.seal(tx, key, contact, sealedContext(row.pseudonym, 'contact'));
        details.contact = 'sealed value replaced';
      }
      if (!(await this.sources.update(tx, row.id, version, changes, this.now().toISOString()))) throw new StaleEditError(row.pseudonym);
      await this.audit.append(tx, auditActor(actor), { action: 'source.update', subjectType: 'source', subjectId: row.pseudonym, details }, this.now());
      if (fields.consent === 'never-identify' && row.consent !== 'never-identify') await this.sealReportsOf(tx, actor, row);
    });
    return this.get(actor, pseudonym);
  }

  /**
   * A source that now must never be identified: the full texts of its reports
   * that were kept unsealed (as its consent then allowed) would otherwise stay
   * readable to every reader of the compartment. They are sealed now, as
   * recording them today would seal them (report.service.ts), each in the audit chain.
   */
  private async sealReportsOf(tx: Tx, actor: Actor, source: SourceRow): Promise<void> {
    const plain = await tx.selectFrom('reports').select(['id', 'reference', 'compartment_id', 'full_text', 'version'])
      .where('source_id', '=', source.id).where('full_text', 'is not', null).where('full_text_sealed', 'is', null).execute();
    for (const report of plain) {
      const sealed = await this.keyring.seal(tx, compartmentKeyName(report.compartment_id), report.full_text!, fullTextContext(report.reference));
      await tx.updateTable('reports').set({ full_text: null, full_text_sealed: sealed, version: report.version + 1, updated_at: this.now().toISOString() })
        .where('id', '=', report.id).execute();
      await this.audit.append(tx, auditActor(actor), {
        action: 'report.update', subjectType: 'report', subjectId: report.reference,
        details: { full_text: { from: 'plain', to: 'sealed' }, because: `source ${source.pseudonym} must never be identified` },
      }, this.now());
    }
  }

  async delete(actor: Actor, pseudonym: string): Promise<void> {
    const row = await this.find(actor, 'sources.write', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      await this.sources.softDelete(tx, row.id, this.now().toISOString());
      await this.audit.append(tx, auditActor(actor), { action: 'source.delete', subjectType: 'source', subjectId: row.pseudonym, details: { compartment: row.compartment } }, this.now());
    });
  }

  /** Opens a source's sealed values for someone allowed to, writing the reading to the audit chain first. */
  async reveal(actor: Actor, pseudonym: string): Promise<SourceSecrets> {
    const row = await this.find(actor, 'sources.reveal', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      await this.audit.append(tx, auditActor(actor), {
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

  /** The plain fields from a form; a changed grade records who graded it and when. */
  private fieldsOf(actor: Actor, input: Omit<SourceInput, 'compartment'>, current: SourceRow | null): SourceFields {
    // A field left out (undefined) keeps what is stored; an empty one clears it.
    const reliability = input.reliability === undefined ? (current?.reliability ?? null) : reliabilityOf(input.reliability);
    const regraded = reliability !== (current?.reliability ?? null);
    return {
      kind: choice(input.kind, SOURCE_KINDS, 'kind'),
      consent: input.consent === undefined || input.consent.trim() === '' ? (current?.consent ?? 'never-identify') : choice(input.consent, SOURCE_CONSENTS, 'consent'),
      reliability,
      graded_by: reliability === null ? null : regraded ? actor.email : current!.graded_by,
      graded_at: reliability === null ? null : regraded ? this.now().toISOString() : current!.graded_at,
      independence_group: input.independenceGroup === undefined ? (current?.independence_group ?? null) : cleanText(input.independenceGroup, 'independenceGroup', 200),
    };
  }
}
