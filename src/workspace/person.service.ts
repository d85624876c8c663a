/**
 * People at risk and their cases: a person known by a pseudonym (their name
 * and contact sealed), and a dated history of what has happened to them —
 * detained, forcibly returned, whereabouts unknown… — each step backed by
 * reports. The current status says how long it has lasted.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../access/audit/audit.repository.ts';
import { authorize, NotFoundError, type Actor } from '../access/policy.ts';
import { compartmentKeyName, type Keyring } from '../access/sealed/keyring.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction, type Tx } from '../db/transaction.ts';
import { currentStatus, PERSON_STATUS_LABELS, PERSON_STATUSES, type PersonStatus } from '../domain/case-status.ts';
import { daysBetween, formatDuration, formatEventDate, type EventDate } from '../domain/event-date.ts';
import { formatPlace, type Place } from '../places/place.ts';
import { dateColumns, dateOf, placeColumns, placeOf } from './columns.ts';
import type { PersonFields, PersonFilter, PersonRepository, PersonRow } from './person.repository.ts';
import { auditActor, choice, cleanText, compartmentFor, newReference, RecordInputError, StaleEditError } from './record.ts';
import type { ReportService } from './report.service.ts';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const SEALED = ['name', 'contact'] as const;
type SealedField = (typeof SEALED)[number];
const sealedContext = (pseudonym: string, field: SealedField) => `people.${field}:${pseudonym}`;

export interface PersonInput {
  compartment: string;
  name?: string;
  contact?: string;
  sex?: string;
  birthYear?: string | number;
  birthYearApproximate?: boolean;
  nationality?: string;
  notes?: string;
}

export interface StatusInput {
  status: string;
  date: EventDate;
  place?: Place | null;
  heldBy?: string;
  note?: string;
  /** References of the reports that support this change. */
  reports?: string[];
}

export interface StatusView {
  id: number;
  status: string;
  label: string;
  date: EventDate | null;
  dateLabel: string | null;
  place: Place | null;
  placeLabel: string | null;
  heldBy: string | null;
  note: string;
  reports: string[];
  recordedAt: string;
}

export interface PersonView {
  pseudonym: string;
  compartment: string;
  hasName: boolean;
  hasContact: boolean;
  sex: string | null;
  birthYear: number | null;
  birthYearApproximate: boolean;
  nationality: string | null;
  notes: string;
  /** Oldest first. */
  statuses: StatusView[];
  /** "detained for 43 days" */
  current: { status: string; label: string; since: string | null; duration: string | null; summary: string } | null;
  events: { reference: string; title: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export class PersonService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly people: PersonRepository,
    private readonly reports: ReportService,
    private readonly audit: AuditRepository,
    private readonly keyring: Keyring,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: PersonFilter = {}): Promise<{ total: number; people: PersonView[] }> {
    authorize(actor, 'records.read');
    const [total, rows] = await Promise.all([this.people.count(actor.compartments, filter), this.people.list(actor.compartments, filter)]);
    const statuses = await this.people.statuses(rows.map((row) => row.id));
    return { total, people: rows.map((row) => this.present(row, statuses.filter((s) => s.person_id === row.id), [])) };
  }

  async get(actor: Actor, pseudonym: string): Promise<PersonView> {
    const row = await this.find(actor, 'records.read', pseudonym);
    const [statuses, events] = await Promise.all([this.people.statuses([row.id]), this.people.events(row.id)]);
    return this.present(row, statuses, events);
  }

  async create(actor: Actor, input: PersonInput): Promise<PersonView> {
    authorize(actor, 'records.write');
    const compartment = await compartmentFor(this.db, actor, input.compartment, 'records.write');
    const pseudonym = await writeTransaction(this.db, (tx) => this.createIn(tx, actor, compartment, input));
    return this.get(actor, pseudonym);
  }

  async createIn(tx: Tx, actor: Actor, compartment: { id: number; name: string }, input: PersonInput): Promise<string> {
    authorize(actor, 'records.write', { compartmentId: compartment.id });
    const pseudonym = await newReference(tx, 'people', 'P');
    const fields = await this.fieldsOf(tx, compartment.id, pseudonym, input);
    const id = await this.people.insert(tx, { ...fields, pseudonym, compartment_id: compartment.id }, this.now().toISOString());
    await this.audit.append(tx, auditActor(actor), {
      action: 'person.create', subjectType: 'person', subjectId: pseudonym, details: { id, compartment: compartment.name, ...this.auditDetails(fields) },
    }, this.now());
    return pseudonym;
  }

  async update(actor: Actor, pseudonym: string, version: number, input: Omit<PersonInput, 'compartment'>): Promise<PersonView> {
    const row = await this.find(actor, 'records.write', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      const fields = await this.fieldsOf(tx, row.compartment_id, row.pseudonym, input, row);
      if (!(await this.people.update(tx, row.id, version, fields, this.now().toISOString()))) throw new StaleEditError(row.pseudonym);
      const details: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(this.auditDetails(fields))) {
        const before = (SEALED as readonly string[]).includes(column) ? ((row as Record<string, unknown>)[column] ? 'sealed' : 'empty') : (row as Record<string, unknown>)[column];
        if (value !== before || (SEALED as readonly string[]).includes(column) && input[column as SealedField] !== undefined) details[column] = value === 'sealed' ? 'sealed value replaced' : { from: before, to: value };
      }
      await this.audit.append(tx, auditActor(actor), { action: 'person.update', subjectType: 'person', subjectId: row.pseudonym, details }, this.now());
    });
    return this.get(actor, pseudonym);
  }

  async delete(actor: Actor, pseudonym: string): Promise<void> {
    const row = await this.find(actor, 'records.write', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      await this.people.softDelete(tx, row.id, this.now().toISOString());
      await this.audit.append(tx, auditActor(actor), { action: 'person.delete', subjectType: 'person', subjectId: row.pseudonym, details: { compartment: row.compartment } }, this.now());
    });
  }

  /** Opens a person's sealed name and contact, writing the reading to the audit chain first. */
  async reveal(actor: Actor, pseudonym: string): Promise<{ name: string | null; contact: string | null }> {
    const row = await this.find(actor, 'records.reveal', pseudonym);
    await writeTransaction(this.db, (tx) => this.audit.append(tx, auditActor(actor), {
      action: 'person.reveal', subjectType: 'person', subjectId: row.pseudonym, details: { fields: SEALED.filter((field) => row[field] !== null) },
    }, this.now()));
    const key = compartmentKeyName(row.compartment_id);
    return {
      name: row.name ? await this.keyring.open(key, row.name, sealedContext(row.pseudonym, 'name')) : null,
      contact: row.contact ? await this.keyring.open(key, row.contact, sealedContext(row.pseudonym, 'contact')) : null,
    };
  }

  /** Records a change in a person's situation, backed by reports of the same compartment. */
  async addStatus(actor: Actor, pseudonym: string, input: StatusInput): Promise<PersonView> {
    await writeTransaction(this.db, (tx) => this.addStatusIn(tx, actor, pseudonym, input));
    return this.get(actor, pseudonym);
  }

  async addStatusIn(tx: Tx, actor: Actor, pseudonym: string, input: StatusInput): Promise<number> {
    const row = await this.find(actor, 'records.write', pseudonym, tx);
    const status = choice(input.status.replace(/\s+/g, '-'), PERSON_STATUSES, 'status');
    if (!input.date) throw new RecordInputError('Say when this happened, as precisely as is known.', 'date');
    const reportIds: number[] = [];
    for (const reference of new Set((input.reports ?? []).map((r) => r.trim().toUpperCase()).filter(Boolean))) {
      const report = await this.reports.find(actor, 'records.read', reference, tx).catch(() => null);
      if (!report || report.compartment_id !== row.compartment_id) throw new RecordInputError(`No report ${reference} in this person's compartment.`, 'reports');
      reportIds.push(report.id);
    }
    const fields = {
      status, held_by: cleanText(input.heldBy, 'heldBy', 300), note: cleanText(input.note, 'note', 5000) ?? '',
      ...dateColumns(input.date), ...placeColumns(input.place),
    };
    const id = await this.people.insertStatus(tx, row.id, fields, reportIds, this.now().toISOString());
    await this.audit.append(tx, auditActor(actor), {
      action: 'person.status', subjectType: 'person', subjectId: row.pseudonym,
      details: { statusId: id, status, date: formatEventDate(input.date), heldBy: fields.held_by, reports: reportIds.length },
    }, this.now());
    return id;
  }

  async removeStatus(actor: Actor, pseudonym: string, statusId: number): Promise<PersonView> {
    const row = await this.find(actor, 'records.write', pseudonym);
    await writeTransaction(this.db, async (tx) => {
      if (!(await this.people.softDeleteStatus(tx, row.id, statusId, this.now().toISOString()))) throw new NotFoundError('status');
      await this.audit.append(tx, auditActor(actor), { action: 'person.status.delete', subjectType: 'person', subjectId: row.pseudonym, details: { statusId } }, this.now());
    });
    return this.get(actor, pseudonym);
  }

  async find(actor: Actor, action: 'records.read' | 'records.write' | 'records.reveal', pseudonym: string, tx?: Tx): Promise<PersonRow> {
    authorize(actor, action, undefined, 'person');
    const row = await this.people.byPseudonym(actor.compartments, pseudonym, tx);
    if (!row) throw new NotFoundError('person');
    authorize(actor, action, { compartmentId: row.compartment_id }, 'person');
    return row;
  }

  private async fieldsOf(tx: Tx, compartmentId: number, pseudonym: string, input: Omit<PersonInput, 'compartment'>, current?: PersonRow): Promise<PersonFields> {
    const key = compartmentKeyName(compartmentId);
    const sealed = async (field: SealedField): Promise<Buffer | null> => {
      // Left out keeps what is stored; the stored value is never sent to a form.
      if (input[field] === undefined || (current && input[field] === '')) return current?.[field] ?? null;
      const text = cleanText(input[field], field, 2000);
      return text === null ? null : this.keyring.seal(tx, key, text, sealedContext(pseudonym, field));
    };
    const yearText = String(input.birthYear ?? '').trim();
    const birthYear = yearText === '' ? null : Number(yearText);
    const thisYear = this.now().getUTCFullYear();
    if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1880 || birthYear > thisYear)) {
      throw new RecordInputError(`Birth year must be a year between 1880 and ${thisYear}.`, 'birthYear');
    }
    const nationality = cleanText(input.nationality, 'nationality', 2)?.toUpperCase() ?? null;
    if (nationality && !/^[A-Z]{2}$/.test(nationality)) throw new RecordInputError('Nationality is a two-letter country code such as KP.', 'nationality');
    return {
      name: await sealed('name'),
      contact: await sealed('contact'),
      sex: input.sex === undefined || input.sex.trim() === '' ? null : choice(input.sex, SEXES, 'sex'),
      birth_year: birthYear,
      birth_year_approximate: input.birthYearApproximate && birthYear !== null ? 1 : 0,
      nationality,
      notes: cleanText(input.notes, 'notes', 20_000) ?? '',
    };
  }

  private auditDetails(fields: PersonFields): Record<string, unknown> {
    return {
      name: fields.name ? 'sealed' : 'empty', contact: fields.contact ? 'sealed' : 'empty', sex: fields.sex, birth_year: fields.birth_year,
      birth_year_approximate: fields.birth_year_approximate, nationality: fields.nationality,
    };
  }

  private present(row: PersonRow, statusRows: Awaited<ReturnType<PersonRepository['statuses']>>, events: { reference: string; title: string }[]): PersonView {
    const statuses: StatusView[] = statusRows.map((s) => {
      const date = dateOf(s);
      const place = placeOf(s);
      return {
        id: s.id, status: s.status, label: PERSON_STATUS_LABELS[s.status as PersonStatus] ?? s.status, date, dateLabel: date ? formatEventDate(date) : null, place,
        placeLabel: place ? formatPlace(place) : null, heldBy: s.held_by, note: s.note, reports: s.reports, recordedAt: s.recorded_at,
      };
    });
    const dated = statuses.filter((s) => s.date !== null);
    const entries = dated.map((s) => ({ status: s.status as PersonStatus, earliest: s.date!.earliest, latest: s.date!.latest, recordedAt: s.recordedAt }));
    const latest = currentStatus(entries);
    const currentView = latest ? dated[entries.indexOf(latest)]! : null;
    let current: PersonView['current'] = null;
    if (currentView) {
      const today = this.now().toISOString().slice(0, 10);
      const duration = currentView.date ? formatDuration(daysBetween(currentView.date, { precision: 'day', earliest: today, latest: today, approximate: false })) : null;
      current = {
        status: currentView.status, label: currentView.label, since: currentView.dateLabel, duration,
        summary: duration ? `${currentView.label.toLowerCase()} for ${duration}` : currentView.label.toLowerCase(),
      };
    }
    const order = (a: StatusView, b: StatusView) => (a.date?.earliest ?? '').localeCompare(b.date?.earliest ?? '') || a.recordedAt.localeCompare(b.recordedAt);
    return {
      pseudonym: row.pseudonym, compartment: row.compartment, hasName: row.name !== null, hasContact: row.contact !== null,
      sex: row.sex, birthYear: row.birth_year, birthYearApproximate: row.birth_year_approximate === 1, nationality: row.nationality, notes: row.notes,
      statuses: statuses.sort(order), current, events, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
    };
  }
}
