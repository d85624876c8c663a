/**
 * Records as integrators and import files send them: a JSON body or a JSON
 * file gives typed values (a number, a list, an object with a date's
 * precision), a CSV row gives only text. Either way the same names are read
 * into the inputs the services take, so the API, `vigil records import` and
 * the forms agree on what a field means. Dates, counts and places may be
 * words ("earlier this month", "up to 900", "Longjing") or structured
 * objects; every problem is a RecordInputError naming the field at fault.
 */
import { count as countOfParts, CountInputError, type Count, type CountParts } from '../domain/count.ts';
import { DateInputError, eventDate, type EventDate, type EventDateParts } from '../domain/event-date.ts';
import { place as placeOfParts, PlaceInputError, type Place, type PlaceParts } from '../places/place.ts';
import type { EventInput, PerpetratorInput, VictimInput } from './event.service.ts';
import type { PersonInput, StatusInput } from './person.service.ts';
import { RecordInputError } from './record.ts';
import type { ReportInput } from './report.service.ts';
import type { SourceInput } from './source.service.ts';
import { countFrom, dateFrom, listFrom, perpetratorsFrom, placeFrom, victimsFrom, type Fields, type PlaceFinder } from './text-input.ts';

/** A record as sent: names to values of any JSON type (all strings when it came from CSV). */
export type LooseRecord = Record<string, unknown>;

export interface ReadOptions {
  /** The day relative dates ("earlier this month") are read from when a record gives no `dateReference`. */
  dateReference?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A scalar as text: numbers and booleans as written; nothing as undefined; a list or an object is refused. */
function textOf(fields: LooseRecord, name: string): string | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new RecordInputError(`${name} must be text, not ${Array.isArray(value) ? 'a list' : 'an object'}.`, name);
}

/** Yes or no, as JSON gives it (true) or as a CSV cell does ("yes", "1", "true", or empty for no). */
function flagOf(fields: LooseRecord, name: string): boolean | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') throw new RecordInputError(`${name} is yes or no.`, name);
  const text = String(value).trim().toLowerCase();
  if (['', 'no', 'false', '0', 'n'].includes(text)) return false;
  if (['yes', 'true', '1', 'y'].includes(text)) return true;
  throw new RecordInputError(`${name} is yes or no.`, name);
}

/** A list of texts: a JSON list, or "a; b; c" in one cell. */
function listOf(fields: LooseRecord, name: string): string[] {
  const value = fields[name];
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      if (typeof item !== 'string') throw new RecordInputError(`${name} is a list of texts; item ${index + 1} is not text.`, name);
      return item.trim();
    }).filter(Boolean);
  }
  return listFrom(textOf(fields, name));
}

/** Every scalar of a record as text, for the readers of text-input.ts (which take what a form or a CSV row gives). */
function asFields(fields: LooseRecord, names: readonly string[]): Fields {
  const out: Fields = {};
  for (const name of names) {
    const text = textOf(fields, name);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/**
 * A date with its precision: words read against `dateReference` (or the
 * import's reference day), or `{ precision, earliest, latest?, approximate?, text? }`.
 */
export function readDate(fields: LooseRecord, name = 'date', options: ReadOptions = {}): EventDate | null {
  const value = fields[name];
  if (value === undefined || value === null) return null;
  if (isObject(value)) {
    try {
      return eventDate(value as unknown as EventDateParts);
    } catch (error) {
      if (error instanceof DateInputError) throw new RecordInputError(error.message, name);
      throw error;
    }
  }
  const reference = textOf(fields, 'dateReference')?.trim() || options.dateReference;
  return dateFrom({ [name]: textOf(fields, name), ...(reference ? { dateReference: reference } : {}) }, name);
}

/** A count with its precision: words ("up to 900"), a whole number, or `{ precision, low, high, value?, text? }`. */
export function readCount(value: unknown, field: string): Count | null {
  if (value === undefined || value === null) return null;
  if (isObject(value)) {
    try {
      return countOfParts(value as unknown as CountParts);
    } catch (error) {
      if (error instanceof CountInputError) throw new RecordInputError(error.message, field);
      throw error;
    }
  }
  if (typeof value === 'number') return readCount({ precision: 'exact', low: value, high: value }, field);
  if (typeof value !== 'string') throw new RecordInputError(`${field} is a count: a number, or words such as "up to 900".`, field);
  return countFrom(value, field);
}

const PLACE_FIELDS = ['placeId', 'place', 'placeKind', 'country', 'placeDetail', 'coordinates', 'lat', 'lon'] as const;

/**
 * A place: a gazetteer key (`placeId`), a name to look up (`place` with
 * `country`), a point (`coordinates`, or `lat` and `lon`), or a place object
 * (`{ gazetteerId }` is copied from the gazetteer; otherwise the parts are checked).
 */
export async function readPlace(fields: LooseRecord, finder: PlaceFinder): Promise<Place | null> {
  const value = fields.place;
  if (!isObject(value)) return placeFrom(asFields(fields, PLACE_FIELDS), finder);
  try {
    const parts = value as unknown as PlaceParts;
    const detail = typeof parts.detail === 'string' ? parts.detail : textOf(fields, 'placeDetail');
    if (parts.gazetteerId !== undefined) return await finder.placeOf(String(parts.gazetteerId), detail?.trim() || undefined);
    return placeOfParts({ ...parts, ...(detail ? { detail } : {}) });
  } catch (error) {
    if (error instanceof PlaceInputError) throw new RecordInputError(error.message, error.field === 'country' ? 'country' : 'place');
    throw error;
  }
}

/** The people affected: `victims` as a list of `{ group?, person?, count? }`, or the flat columns of a CSV row. */
function readVictims(fields: LooseRecord): VictimInput[] {
  const value = fields.victims;
  if (value === undefined || value === null) {
    const flat = Object.keys(fields).filter((key) => /^victim(?:Group|Count|Person)(?:\.\d+)?$/.test(key));
    return victimsFrom(asFields(fields, flat));
  }
  if (!Array.isArray(value)) throw new RecordInputError('victims is a list of { group, person, count }.', 'victims');
  return value.map((item, index) => {
    const field = `victims.${index}`;
    if (!isObject(item)) throw new RecordInputError(`${field} must be an object with group, person or count.`, field);
    const group = textOf(item, 'group');
    const person = textOf(item, 'person');
    return { ...(group ? { group } : {}), ...(person ? { person } : {}), count: readCount(item.count, `${field}.count`) };
  });
}

/** Perpetrators: `perpetrators` as a list of `{ kind?, name, involvement? }`, or the flat columns of a CSV row. */
function readPerpetrators(fields: LooseRecord): PerpetratorInput[] {
  const value = fields.perpetrators;
  if (value === undefined || value === null) {
    const flat = Object.keys(fields).filter((key) => /^perpetrator(?:Kind|Name|Involvement)(?:\.\d+)?$/.test(key));
    return perpetratorsFrom(asFields(fields, flat));
  }
  if (!Array.isArray(value)) throw new RecordInputError('perpetrators is a list of { kind, name, involvement }.', 'perpetrators');
  return value.map((item, index) => {
    const field = `perpetrators.${index}`;
    if (!isObject(item)) throw new RecordInputError(`${field} must be an object with kind, name and involvement.`, field);
    return { name: textOf(item, 'name') ?? '', kind: textOf(item, 'kind') || 'state body', involvement: textOf(item, 'involvement') || 'carried out' };
  });
}

/** A report's fields (without its compartment). */
export function readReport(fields: LooseRecord): Omit<ReportInput, 'compartment'> {
  const input: Omit<ReportInput, 'compartment'> = {
    receivedOn: textOf(fields, 'receivedOn') ?? '',
    channel: textOf(fields, 'channel') ?? '',
    summary: textOf(fields, 'summary') ?? '',
  };
  for (const name of ['source', 'fullText', 'credibility'] as const) {
    const text = textOf(fields, name);
    if (text !== undefined) input[name] = text;
  }
  const language = textOf(fields, 'language');
  if (language !== undefined) input.language = language.trim().toLowerCase();
  const seal = flagOf(fields, 'sealFullText');
  if (seal !== undefined) input.sealFullText = seal;
  return input;
}

/** A source's fields (without its compartment); identity and contact are sealed by the service. */
export function readSource(fields: LooseRecord): Omit<SourceInput, 'compartment'> {
  const input: Omit<SourceInput, 'compartment'> = { kind: textOf(fields, 'kind') ?? '' };
  for (const name of ['consent', 'reliability', 'independenceGroup', 'identity', 'contact'] as const) {
    const text = textOf(fields, name);
    if (text !== undefined) input[name] = text;
  }
  return input;
}

/** An event's fields (without its compartment), its place looked up in the gazetteer. */
export async function readEvent(fields: LooseRecord, finder: PlaceFinder, options: ReadOptions = {}): Promise<Omit<EventInput, 'compartment'>> {
  const description = textOf(fields, 'description');
  const status = textOf(fields, 'status');
  return {
    title: textOf(fields, 'title') ?? '',
    ...(description === undefined ? {} : { description }),
    acts: listOf(fields, 'acts'),
    date: readDate(fields, 'date', options),
    place: await readPlace(fields, finder),
    victims: readVictims(fields),
    perpetrators: readPerpetrators(fields),
    ...(status === undefined ? {} : { status }),
  };
}

/** A person's fields (without their compartment); name and contact are sealed by the service. */
export function readPerson(fields: LooseRecord): Omit<PersonInput, 'compartment'> {
  const input: Omit<PersonInput, 'compartment'> = {};
  for (const name of ['name', 'contact', 'sex', 'birthYear', 'nationality', 'notes'] as const) {
    const text = textOf(fields, name);
    if (text !== undefined) input[name] = text;
  }
  const approximate = flagOf(fields, 'birthYearApproximate');
  if (approximate !== undefined) input.birthYearApproximate = approximate;
  return input;
}

/** A change in a person's situation: its status, when (required), where, who holds them and the reports behind it. */
export async function readStatus(fields: LooseRecord, finder: PlaceFinder, options: ReadOptions = {}): Promise<StatusInput> {
  const date = readDate(fields, 'date', options);
  if (!date) throw new RecordInputError('Say when this happened, as precisely as is known.', 'date');
  const heldBy = textOf(fields, 'heldBy');
  const note = textOf(fields, 'note');
  return {
    status: textOf(fields, 'status') ?? '',
    date,
    place: await readPlace(fields, finder),
    ...(heldBy === undefined ? {} : { heldBy }),
    ...(note === undefined ? {} : { note }),
    reports: listOf(fields, 'reports'),
  };
}
