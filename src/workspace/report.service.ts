/**
 * Reports: single pieces of incoming information — when they came, through
 * which channel, from which source, what they say and how credible they are.
 * The full text is sealed when its source must never be identified, or when
 * the researcher asks; opening it is audited like opening a source.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../access/audit/audit.repository.ts';
import { authorize, NotFoundError, type Actor } from '../access/policy.ts';
import { compartmentKeyName, type Keyring } from '../access/sealed/keyring.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction, type Tx } from '../db/transaction.ts';
import { parseCredibility } from '../domain/grading.ts';
import { readIsoDay } from '../domain/event-date.ts';
import { auditActor, choice, cleanText, compartmentFor, newReference, RecordInputError, StaleEditError } from './record.ts';
import type { ReportFields, ReportFilter, ReportRepository, ReportRow } from './report.repository.ts';
import type { SourceRepository } from './source.repository.ts';

export const REPORT_CHANNELS = ['interview', 'phone', 'messaging app', 'email', 'partner report', 'news', 'official statement', 'document'] as const;

export interface ReportView {
  reference: string;
  compartment: string;
  source: string | null;
  receivedOn: string;
  channel: string;
  summary: string;
  /** The full text when it is not sealed. */
  fullText: string | null;
  fullTextSealed: boolean;
  language: string | null;
  credibility: number | null;
  events: { reference: string; title: string; stance: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportInput {
  compartment: string;
  /** A source pseudonym, or empty for none recorded. */
  source?: string;
  receivedOn: string;
  channel: string;
  summary: string;
  fullText?: string;
  /** Seal the full text even when the source does not require it. */
  sealFullText?: boolean;
  language?: string;
  /** 1–6, or empty for not graded. */
  credibility?: string | number;
}

/** What a sealed full text is bound to: sealed for one report, it opens for no other. */
export const fullTextContext = (reference: string) => `reports.full_text:${reference}`;

export class ReportService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly reports: ReportRepository,
    private readonly sources: SourceRepository,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: ReportFilter = {}): Promise<{ total: number; reports: ReportView[] }> {
    authorize(actor, 'records.read');
    const [total, rows] = await Promise.all([this.reports.count(actor.compartments, filter), this.reports.list(actor.compartments, filter)]);
    return { total, reports: rows.map((row) => this.present(row, [])) };
  }

  async get(actor: Actor, reference: string): Promise<ReportView> {
    const row = await this.find(actor, 'records.read', reference);
    return this.present(row, await this.reports.events(row.id));
  }

  async create(actor: Actor, input: ReportInput): Promise<ReportView> {
    authorize(actor, 'records.write');
    const compartment = await compartmentFor(this.db, actor, input.compartment, 'records.write');
    const reference = await writeTransaction(this.db, (tx) => this.createIn(tx, actor, compartment, input));
    return this.get(actor, reference);
  }

  /** Creates a report inside a transaction the caller holds (bulk import uses this). */
  async createIn(tx: Tx, actor: Actor, compartment: { id: number; name: string }, input: ReportInput): Promise<string> {
    authorize(actor, 'records.write', { compartmentId: compartment.id });
    const reference = await newReference(tx, 'reports', 'R');
    const fields = await this.fieldsOf(tx, actor, compartment.id, reference, input);
    const id = await this.reports.insert(tx, { ...fields, reference, compartment_id: compartment.id }, this.now().toISOString());
    await this.audit.append(tx, auditActor(actor), {
      action: 'report.create', subjectType: 'report', subjectId: reference,
      details: { id, compartment: compartment.name, ...this.auditDetails(fields) },
    }, this.now());
    return reference;
  }

  async update(actor: Actor, reference: string, version: number, input: Omit<ReportInput, 'compartment'>): Promise<ReportView> {
    const row = await this.find(actor, 'records.write', reference);
    await writeTransaction(this.db, async (tx) => {
      const fields = await this.fieldsOf(tx, actor, row.compartment_id, row.reference, input, row);
      if (!(await this.reports.update(tx, row.id, version, fields, this.now().toISOString()))) throw new StaleEditError(row.reference);
      const details: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(this.auditDetails(fields))) {
        const before = column === 'full_text' ? (row.full_text_sealed ? 'sealed' : row.full_text === null ? 'empty' : 'plain') : (row as Record<string, unknown>)[column];
        if (value !== before) details[column] = { from: before, to: value };
      }
      await this.audit.append(tx, auditActor(actor), { action: 'report.update', subjectType: 'report', subjectId: row.reference, details }, this.now());
    });
    return this.get(actor, reference);
  }

  async delete(actor: Actor, reference: string): Promise<void> {
    const row = await this.find(actor, 'records.write', reference);
    await writeTransaction(this.db, async (tx) => {
      await this.reports.softDelete(tx, row.id, this.now().toISOString());
      await this.audit.append(tx, auditActor(actor), { action: 'report.delete', subjectType: 'report', subjectId: row.reference, details: { compartment: row.compartment } }, this.now());
    });
  }

  /** Opens a sealed full text, writing the reading to the audit chain first. */
  async reveal(actor: Actor, reference: string): Promise<string | null> {
    const row = await this.find(actor, 'records.reveal', reference);
    if (!row.full_text_sealed) return row.full_text;
    await writeTransaction(this.db, (tx) => this.audit.append(tx, auditActor(actor), {
      action: 'report.reveal', subjectType: 'report', subjectId: row.reference, details: { fields: ['full_text'] },
    }, this.now()));
    return this.keyring.open(compartmentKeyName(row.compartment_id), row.full_text_sealed, fullTextContext(row.reference));
  }

  /** The report when `actor` may do `action` to it; otherwise exactly "not found". */
  async find(actor: Actor, action: 'records.read' | 'records.write' | 'records.reveal', reference: string, tx?: Tx): Promise<ReportRow> {
    authorize(actor, action, undefined, 'report');
    const row = await this.reports.byReference(actor.compartments, reference, tx);
    if (!row) throw new NotFoundError('report');
    authorize(actor, action, { compartmentId: row.compartment_id }, 'report');
    return row;
  }

  private async fieldsOf(tx: Tx, actor: Actor, compartmentId: number, reference: string, input: Omit<ReportInput, 'compartment'>, current?: ReportRow): Promise<ReportFields> {
    const receivedOn = (input.receivedOn ?? '').trim();
    if (readIsoDay(receivedOn) === null) throw new RecordInputError('Received on must be a date written YYYY-MM-DD.', 'receivedOn');
    if (receivedOn > this.now().toISOString().slice(0, 10)) throw new RecordInputError('Received on cannot be in the future.', 'receivedOn');
    let sourceId: number | null = null;
    let consent: string | null = null;
    const pseudonym = cleanText(input.source, 'source', 20);
    if (pseudonym) {
      // A source in another compartment is refused exactly like one that does not exist.
      const [source] = await this.sources.byPseudonyms(actor.compartments, [pseudonym], tx);
      if (!source || source.compartment_id !== compartmentId) throw new RecordInputError(`No source ${pseudonym.toUpperCase()} in this report's compartment.`, 'source');
      sourceId = source.id;
      consent = source.consent;
    }
    const language = cleanText(input.language, 'language', 3);
    if (language && !/^[a-z]{2,3}$/.test(language)) throw new RecordInputError('Language is an ISO 639 code such as en, zh or ko.', 'language');
    const seal = Boolean(input.sealFullText) || consent === 'never-identify';
    // A full text left out keeps what is stored. Kept as it was, a text stored unsealed would stay readable to
    // every reader after a change that says it must be sealed (the report moved to a source never to be
    // identified, or the seal asked for without sending the text again): it is sealed here instead.
    const keptPlain = seal && current && current.full_text !== null && current.full_text_sealed === null ? current.full_text : undefined;
    const fullText = input.fullText === undefined && current ? keptPlain : cleanText(input.fullText, 'fullText', 200_000);
    const sealed = fullText === undefined ? {} : {
      full_text: seal || fullText === null ? null : fullText,
      full_text_sealed: seal && fullText !== null ? await this.keyring.seal(tx, compartmentKeyName(compartmentId), fullText, fullTextContext(reference)) : null,
    };
    return {
      source_id: sourceId,
      received_on: receivedOn,
      channel: choice(input.channel, REPORT_CHANNELS, 'channel'),
      summary: cleanText(input.summary, 'summary', 5000, true)!,
      full_text: current?.full_text ?? null,
      full_text_sealed: current?.full_text_sealed ?? null,
      ...sealed,
      language,
      credibility: this.credibilityOf(input.credibility),
    };
  }

  private credibilityOf(value: string | number | undefined): number | null {
    if (value === undefined || String(value).trim() === '') return null;
    try {
      return parseCredibility(String(value));
    } catch (error) {
      throw new RecordInputError((error as Error).message, 'credibility');
    }
  }

  /** What the audit chain keeps of a report's fields: never the full text itself. */
  private auditDetails(fields: ReportFields): Record<string, unknown> {
    return {
      source_id: fields.source_id, received_on: fields.received_on, channel: fields.channel, language: fields.language, credibility: fields.credibility,
      full_text: fields.full_text_sealed ? 'sealed' : fields.full_text === null ? 'empty' : 'plain',
    };
  }

  private present(row: ReportRow, events: ReportView['events']): ReportView {
    return {
      reference: row.reference, compartment: row.compartment, source: row.source, receivedOn: row.received_on, channel: row.channel,
      summary: row.summary, fullText: row.full_text, fullTextSealed: row.full_text_sealed !== null, language: row.language,
      credibility: row.credibility, events, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    };
  }
}
