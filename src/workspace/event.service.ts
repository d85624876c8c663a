/**
 * Events: who did what to whom, when, where and how many — and who says so.
 * Acts come from the controlled vocabulary; dates, places and counts keep
 * their precision; corroboration is worked out from the linked reports each
 * time an event is read, so it is always current as reports come and go.
 */
import type { Kysely } from 'kysely';
import type { AuditRepository } from '../access/audit/audit.repository.ts';
import { authorize, NotFoundError, type Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction, type Tx } from '../db/transaction.ts';
import { actType, childrenOf, parseActTypes } from '../domain/act-types.ts';
import { corroborate, EVENT_STATUSES, suggestedStatus, type Corroboration } from '../domain/corroboration.ts';
import { formatCount, type Count } from '../domain/count.ts';
import { formatEventDate, type EventDate } from '../domain/event-date.ts';
import { formatPlace, type Place } from '../places/place.ts';
import { countColumns, countOf, dateColumns, dateOf, placeColumns, placeOf } from './columns.ts';
import type { EventFields, EventFilter, EventRepository, EventRow, PerpetratorFields, VictimFields } from './event.repository.ts';
import { auditActor, choice, cleanText, compartmentFor, newReference, RecordInputError, StaleEditError } from './record.ts';
import type { ReportService } from './report.service.ts';

export const PERPETRATOR_KINDS = ['state body', 'unit', 'individual', 'non-state actor'] as const;
export const INVOLVEMENTS = ['carried out', 'ordered', 'assisted', 'failed to protect', 'acquiesced'] as const;
export const STANCES = ['supports', 'contradicts'] as const;
export type Stance = (typeof STANCES)[number];

export interface VictimInput {
  /** A person's pseudonym (P-…) for an individual… */
  person?: string;
  /** …or a group's description ("North Korean asylum seekers"). */
  group?: string;
  count?: Count | null;
}

export interface PerpetratorInput {
  kind: string;
  name: string;
  involvement: string;
}

export interface EventInput {
  compartment: string;
  title: string;
  description?: string;
  /** Codes or labels from the act-type vocabulary. */
  acts: string[];
  date?: EventDate | null;
  place?: Place | null;
  victims?: VictimInput[];
  perpetrators?: PerpetratorInput[];
  status?: string;
  /** Reports to link as the event is recorded (an event recorded from a report starts with it). */
  reports?: { reference: string; stance: Stance }[];
}

export interface EventView {
  reference: string;
  compartment: string;
  title: string;
  description: string;
  acts: { code: string; label: string }[];
  date: EventDate | null;
  dateLabel: string | null;
  place: Place | null;
  placeLabel: string | null;
  victims: { person: string | null; group: string | null; count: Count | null; countLabel: string | null }[];
  perpetrators: PerpetratorInput[];
  status: string;
  corroboration: Corroboration;
  suggestedStatus: string;
  reports: { reference: string; stance: string; source: string | null; summary: string; receivedOn: string; reliability: string | null; credibility: number | null }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An event in a list: no linked records, but its acts, date, place and status. */
export type EventSummary = Pick<EventView, 'reference' | 'compartment' | 'title' | 'acts' | 'date' | 'dateLabel' | 'place' | 'placeLabel' | 'status' | 'version' | 'updatedAt'>;

function descendantsOf(code: string): string[] {
  return childrenOf(code, { includeRetired: true }).flatMap((child) => [child.code, ...descendantsOf(child.code)]);
}

export class EventService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: EventRepository,
    private readonly reports: ReportService,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor, filter: EventFilter = {}): Promise<{ total: number; events: EventSummary[] }> {
    authorize(actor, 'records.read');
    // A broader act type finds the events recorded under its narrower ones.
    if (filter.acts) filter = { ...filter, acts: filter.acts.flatMap((code) => [code, ...descendantsOf(code)]) };
    const [total, rows] = await Promise.all([this.events.count(actor.compartments, filter), this.events.list(actor.compartments, filter)]);
    const acts = await this.events.acts(rows.map((row) => row.id));
    return { total, events: rows.map((row) => this.summary(row, acts.get(row.id) ?? [])) };
  }

  async get(actor: Actor, reference: string): Promise<EventView> {
    const row = await this.find(actor, 'records.read', reference);
    const [acts, victims, perpetrators, evidence] = await Promise.all([
      this.events.acts([row.id]), this.events.victims(row.id), this.events.perpetrators(row.id), this.events.evidence(row.id),
    ]);
    const corroboration = corroborate(evidence.map((e) => ({
      report: e.reference, stance: e.stance, source: e.source, independenceGroup: e.independence_group, reliability: e.reliability, credibility: e.credibility,
    })));
    return {
      ...this.summary(row, acts.get(row.id) ?? []),
      description: row.description,
      victims: victims.filter((v) => v.person_deleted_at === null).map((v) => {
        const count = countOf(v);
        return { person: v.person, group: v.group_label, count, countLabel: count ? formatCount(count) : null };
      }),
      perpetrators: perpetrators.map((p) => ({ kind: p.kind, name: p.name, involvement: p.involvement })),
      corroboration,
      suggestedStatus: suggestedStatus(corroboration, row.status as (typeof EVENT_STATUSES)[number]),
      reports: evidence.map((e) => ({ reference: e.reference, stance: e.stance, source: e.source, summary: e.summary, receivedOn: e.received_on, reliability: e.reliability, credibility: e.credibility })),
      createdAt: row.created_at,
    };
  }

  async create(actor: Actor, input: EventInput): Promise<EventView> {
    authorize(actor, 'records.write');
    const compartment = await compartmentFor(this.db, actor, input.compartment, 'records.write');
    const reference = await writeTransaction(this.db, (tx) => this.createIn(tx, actor, compartment, input));
    return this.get(actor, reference);
  }

  /** Creates an event inside a transaction the caller holds (bulk import uses this). */
  async createIn(tx: Tx, actor: Actor, compartment: { id: number; name: string }, input: EventInput): Promise<string> {
    authorize(actor, 'records.write', { compartmentId: compartment.id });
    const { fields, parts } = await this.fieldsOf(tx, actor, compartment.id, input);
    const reference = await newReference(tx, 'events', 'E');
    const id = await this.events.insert(tx, { ...fields, reference, compartment_id: compartment.id }, this.now().toISOString());
    await this.events.replaceParts(tx, id, parts);
    await this.audit.append(tx, auditActor(actor), {
      action: 'event.create', subjectType: 'event', subjectId: reference, details: { id, compartment: compartment.name, ...fields, acts: parts.acts },
    }, this.now());
    for (const link of input.reports ?? []) await this.linkIn(tx, actor, reference, link.reference, choice(link.stance, STANCES, 'stance'));
    return reference;
  }

  async update(actor: Actor, reference: string, version: number, input: Omit<EventInput, 'compartment'>): Promise<EventView> {
    const row = await this.find(actor, 'records.write', reference);
    await writeTransaction(this.db, async (tx) => {
      const { fields, parts } = await this.fieldsOf(tx, actor, row.compartment_id, input);
      if (!(await this.events.update(tx, row.id, version, fields, this.now().toISOString()))) throw new StaleEditError(row.reference);
      await this.events.replaceParts(tx, row.id, parts);
      const details: Record<string, unknown> = { acts: parts.acts };
      for (const [column, value] of Object.entries(fields)) {
        const before = (row as Record<string, unknown>)[column];
        if (value !== before) details[column] = { from: before, to: value };
      }
      await this.audit.append(tx, auditActor(actor), { action: 'event.update', subjectType: 'event', subjectId: row.reference, details }, this.now());
    });
    return this.get(actor, reference);
  }

  async delete(actor: Actor, reference: string): Promise<void> {
    const row = await this.find(actor, 'records.write', reference);
    await writeTransaction(this.db, async (tx) => {
      await this.events.softDelete(tx, row.id, this.now().toISOString());
      await this.audit.append(tx, auditActor(actor), { action: 'event.delete', subjectType: 'event', subjectId: row.reference, details: { compartment: row.compartment } }, this.now());
    });
  }

  /** Links a report to an event as supporting or contradicting it; both must be visible and share a compartment. */
  async link(actor: Actor, eventReference: string, reportReference: string, stance: string): Promise<EventView> {
    const side = choice(stance, STANCES, 'stance');
    await writeTransaction(this.db, (tx) => this.linkIn(tx, actor, eventReference, reportReference, side));
    return this.get(actor, eventReference);
  }

  async linkIn(tx: Tx, actor: Actor, eventReference: string, reportReference: string, stance: Stance): Promise<void> {
    const event = await this.find(actor, 'records.write', eventReference, tx);
    const report = await this.reports.find(actor, 'records.write', reportReference, tx).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new RecordInputError(`No report ${reportReference.toUpperCase()} in your compartments.`, 'report');
      throw error;
    });
    if (report.compartment_id !== event.compartment_id) throw new RecordInputError(`${report.reference} is in another compartment than ${event.reference}.`, 'report');
    const before = await this.events.link(tx, report.id, event.id, stance, this.now().toISOString());
    await this.audit.append(tx, auditActor(actor), {
      action: 'event.link', subjectType: 'event', subjectId: event.reference, details: { report: report.reference, stance, before },
    }, this.now());
  }

  async unlink(actor: Actor, eventReference: string, reportReference: string): Promise<EventView> {
    const event = await this.find(actor, 'records.write', eventReference);
    const report = await this.reports.find(actor, 'records.write', reportReference);
    await writeTransaction(this.db, async (tx) => {
      if (!(await this.events.unlink(tx, report.id, event.id))) throw new RecordInputError(`${report.reference} is not linked to ${event.reference}.`, 'report');
      await this.audit.append(tx, auditActor(actor), { action: 'event.unlink', subjectType: 'event', subjectId: event.reference, details: { report: report.reference } }, this.now());
    });
    return this.get(actor, eventReference);
  }

  async find(actor: Actor, action: 'records.read' | 'records.write', reference: string, tx?: Tx): Promise<EventRow> {
    authorize(actor, action, undefined, 'event');
    const row = await this.events.byReference(actor.compartments, reference, tx);
    if (!row) throw new NotFoundError('event');
    authorize(actor, action, { compartmentId: row.compartment_id }, 'event');
    return row;
  }

  private async fieldsOf(tx: Tx, actor: Actor, compartmentId: number, input: Omit<EventInput, 'compartment'>): Promise<{ fields: EventFields; parts: { acts: string[]; victims: VictimFields[]; perpetrators: PerpetratorFields[] } }> {
    let acts: string[];
    try {
      acts = [...new Set(parseActTypes(input.acts))];
    } catch (error) {
      throw new RecordInputError((error as Error).message, 'acts');
    }
    if (acts.length === 0) throw new RecordInputError('Choose at least one act type.', 'acts');
    const victims: VictimFields[] = [];
    for (const [index, victim] of (input.victims ?? []).entries()) {
      const field = `victims.${index}`;
      const group = cleanText(victim.group, field, 300);
      const pseudonym = cleanText(victim.person, field, 20);
      if (!group && !pseudonym) continue;
      let personId: number | null = null;
      if (pseudonym) {
        const person = await tx.selectFrom('people').select(['id', 'compartment_id']).where('pseudonym', '=', pseudonym.toUpperCase()).where('deleted_at', 'is', null).executeTakeFirst();
        // A person in another compartment is refused exactly like one that does not exist.
        if (!person || person.compartment_id !== compartmentId || !actor.compartments.has(person.compartment_id)) {
          throw new RecordInputError(`No person ${pseudonym.toUpperCase()} in this event's compartment.`, field);
        }
        personId = person.id;
      }
      victims.push({ person_id: personId, group_label: group, ...countColumns(victim.count) });
    }
    const perpetrators = (input.perpetrators ?? []).filter((p) => (p.name ?? '').trim() !== '').map((p, index) => ({
      kind: choice(p.kind, PERPETRATOR_KINDS, `perpetrators.${index}.kind`),
      name: cleanText(p.name, `perpetrators.${index}.name`, 300, true)!,
      involvement: choice(p.involvement, INVOLVEMENTS, `perpetrators.${index}.involvement`),
    }));
    const fields: EventFields = {
      title: cleanText(input.title, 'title', 300, true)!,
      description: cleanText(input.description, 'description', 20_000) ?? '',
      status: input.status === undefined || input.status.trim() === '' ? 'alleged' : choice(input.status, EVENT_STATUSES, 'status'),
      ...dateColumns(input.date),
      ...placeColumns(input.place),
    };
    return { fields, parts: { acts, victims, perpetrators } };
  }

  private summary(row: EventRow, acts: string[]): EventSummary & { description: string; createdAt: string } {
    const date = dateOf(row);
    const place = placeOf(row);
    return {
      reference: row.reference, compartment: row.compartment, title: row.title, description: row.description,
      acts: acts.map((code) => ({ code, label: actType(code)?.label ?? code })),
      date, dateLabel: date ? formatEventDate(date) : null, place, placeLabel: place ? formatPlace(place) : null,
      status: row.status, version: row.version, updatedAt: row.updated_at, createdAt: row.created_at,
    };
  }
}
