/**
 * Bulk import of sources, reports or events from rows already read from a
 * file (record-rows.ts). Each row is read, checked and written in its own
 * transaction: a bad row changes nothing and is named with the field at
 * fault, and the good rows around it are kept. The services seal what must
 * be sealed and write the audit chain; nothing here repeats a sealed value.
 */
import type { Kysely } from 'kysely';
import { can, type Action, type Actor } from '../access/policy.ts';
import type { Database } from '../db/schema.ts';
import { writeTransaction } from '../db/transaction.ts';
import { STANCES, type EventService, type Stance } from './event.service.ts';
import { compartmentFor, RecordInputError } from './record.ts';
import { readEvent, readReport, readSource, type LooseRecord } from './record-input.ts';
import type { FileRow } from './record-rows.ts';
import type { ReportService } from './report.service.ts';
import type { SourceService } from './source.service.ts';
import type { PlaceFinder } from './text-input.ts';

export const IMPORT_KINDS = ['sources', 'reports', 'events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields (CSV columns, JSON names) each kind reads. */
export const IMPORT_FIELDS: Readonly<Record<ImportKind, readonly string[]>> = {
  sources: ['kind', 'consent', 'reliability', 'independenceGroup', 'identity', 'contact'],
  reports: ['source', 'receivedOn', 'channel', 'summary', 'fullText', 'sealFullText', 'language', 'credibility'],
  events: [
    'title', 'description', 'acts', 'date', 'dateReference',
    'place', 'placeId', 'placeKind', 'country', 'placeDetail', 'coordinates', 'lat', 'lon',
    'victimGroup', 'victimCount', 'victimPerson', 'victims',
    'perpetratorKind', 'perpetratorName', 'perpetratorInvolvement', 'perpetrators',
    'status', 'reports',
  ],
};

/** Several victim groups or perpetrators in one CSV row: `victimGroup.1`, `perpetratorName.1`… */
const NUMBERED = /^(?:victim(?:Group|Count|Person)|perpetrator(?:Kind|Name|Involvement))\.\d+$/;

/** The names among `names` that `kind` does not read. */
export function unknownFields(kind: ImportKind, names: readonly string[]): string[] {
  return names.filter((name) => !IMPORT_FIELDS[kind].includes(name) && !(kind === 'events' && NUMBERED.test(name)));
}

export interface ImportedRow {
  row: number;
  reference: string;
}

export interface FailedRow {
  row: number;
  /** The field (column) at fault; empty when the row as a whole is. */
  field: string;
  error: string;
}

export interface ImportResult {
  imported: ImportedRow[];
  failed: FailedRow[];
}

/** What an import writes with. */
export interface ImportServices {
  db: Kysely<Database>;
  sources: SourceService;
  reports: ReportService;
  events: EventService;
  places: PlaceFinder;
}

export interface ImportOptions {
  kind: ImportKind;
  /** The compartment every record goes into. */
  compartment: string;
  /** The day relative dates are read from when a row gives no `dateReference`. */
  dateReference?: string;
  /** Called after each row, in order, to report progress. */
  onRow?: (outcome: { imported: ImportedRow } | { failed: FailedRow }) => void;
}

/** The import cannot start: the account may not write this kind, or not in that compartment. Nothing was written. */
export class ImportRefusedError extends Error {}

/** A link from an event row to a report: "R-1234 supports", "R-5678 contradicts" (supports when not said). */
function linksOf(fields: LooseRecord): { report: string; stance: Stance }[] {
  const value = fields.reports;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) && typeof value !== 'string') throw new RecordInputError('reports is a list of links such as "R-1234 supports; R-5678 contradicts".', 'reports');
  const items: unknown[] = Array.isArray(value) ? value : value.split(';');
  const links: { report: string; stance: Stance }[] = [];
  for (const item of items) {
    let report: string;
    let stance: string;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const link = item as Record<string, unknown>;
      report = typeof link.report === 'string' ? link.report.trim() : '';
      stance = typeof link.stance === 'string' ? link.stance.trim() : 'supports';
    } else {
      if (typeof item !== 'string') throw new RecordInputError('each link is text such as "R-1234 supports", or { report, stance }.', 'reports');
      const words = item.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0) continue;
      if (words.length > 2) throw new RecordInputError(`"${words.join(' ')}" is not a link: write a report and its stance, e.g. "R-1234 supports; R-5678 contradicts".`, 'reports');
      report = words[0]!;
      stance = words[1] ?? 'supports';
    }
    if (!/^R-\d+$/i.test(report)) throw new RecordInputError(`"${report}" is not a report reference such as R-1234.`, 'reports');
    const side = STANCES.find((s) => s === stance.toLowerCase());
    if (!side) throw new RecordInputError(`${report.toUpperCase()}: say "supports" or "contradicts", not "${stance}".`, 'reports');
    links.push({ report: report.toUpperCase(), stance: side });
  }
  return links;
}

/** Writes one row and returns the new record's reference; a RecordInputError names what is wrong. */
async function importRow(services: ImportServices, actor: Actor, compartment: { id: number; name: string }, options: ImportOptions, fields: LooseRecord): Promise<string> {
  const unknown = unknownFields(options.kind, Object.keys(fields));
  if (unknown.length > 0) throw new RecordInputError(`"${unknown[0]!}" is not a field of ${options.kind}; use ${IMPORT_FIELDS[options.kind].join(', ')}.`, unknown[0]!);
  switch (options.kind) {
    case 'sources':
      return (await services.sources.create(actor, { ...readSource(fields), compartment: compartment.name })).pseudonym;
    case 'reports': {
      const input = { ...readReport(fields), compartment: compartment.name };
      return writeTransaction(services.db, (tx) => services.reports.createIn(tx, actor, compartment, input));
    }
    case 'events': {
      // Read (and look places up) before the transaction: the gazetteer must not wait on the write lock this row holds.
      const input = { ...(await readEvent(fields, services.places, options.dateReference ? { dateReference: options.dateReference } : {})), compartment: compartment.name };
      const links = linksOf(fields);
      return writeTransaction(services.db, async (tx) => {
        const reference = await services.events.createIn(tx, actor, compartment, input);
        for (const link of links) {
          await services.events.linkIn(tx, actor, reference, link.report, link.stance).catch((error: unknown) => {
            if (error instanceof RecordInputError) throw new RecordInputError(error.message, 'reports');
            throw error;
          });
        }
        return reference;
      });
    }
  }
}

/**
 * Imports rows as records of one kind into one compartment, acting as
 * `actor`. Throws ImportRefusedError before any row when the actor may not;
 * otherwise every row is either imported or named among the failures.
 */
export async function importRecords(services: ImportServices, actor: Actor, rows: readonly FileRow[], options: ImportOptions): Promise<ImportResult> {
  const action: Action = options.kind === 'sources' ? 'sources.write' : 'records.write';
  if (!can(actor, action)) throw new ImportRefusedError(`${actor.email} may not record ${options.kind} (a researcher's account may).`);
  const compartment = await compartmentFor(services.db, actor, options.compartment, action).catch((error: unknown) => {
    if (error instanceof RecordInputError) throw new ImportRefusedError(`"${options.compartment}" is not a compartment ${actor.email} belongs to.`);
    throw error;
  });
  const result: ImportResult = { imported: [], failed: [] };
  for (const { row, fields, problem } of rows) {
    try {
      if (problem) throw new RecordInputError(problem.error, problem.field);
      const reference = await importRow(services, actor, compartment, options, fields);
      result.imported.push({ row, reference });
      options.onRow?.({ imported: { row, reference } });
    } catch (error) {
      if (!(error instanceof RecordInputError)) throw error;
      const failed = { row, field: error.field, error: error.message };
      result.failed.push(failed);
      options.onRow?.({ failed });
    }
  }
  return result;
}
