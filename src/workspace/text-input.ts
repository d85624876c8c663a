/**
 * Records as people type them — in a form or a CSV row, every value a string —
 * read into the typed inputs the services take. Each problem becomes a
 * RecordInputError naming the field, so a form can mark it and an import can
 * say which column of which row is wrong.
 */
import { CountInputError, parseCount, type Count } from '../domain/count.ts';
import { DateInputError, parseEventDate, type EventDate } from '../domain/event-date.ts';
import type { GazetteerHit } from '../places/gazetteer-entry.ts';
import { parseCoordinates, place, PlaceInputError, type Place } from '../places/place.ts';
import type { EventInput, PerpetratorInput, VictimInput } from './event.service.ts';
import { RecordInputError } from './record.ts';

/** What place lookups need of the gazetteer. */
export interface PlaceFinder {
  search(text: string, options?: { country?: string; kind?: 'country' | 'division' | 'city'; limit?: number }): Promise<GazetteerHit[]>;
  placeOf(id: string, detail?: string): Promise<Place>;
}

/** A place name that matches more than one entry (or none exactly): the form offers these to choose from. */
export class PlaceChoiceError extends RecordInputError {
  constructor(message: string, readonly candidates: GazetteerHit[]) {
    super(message, 'place');
  }
}

export type Fields = Record<string, string | undefined>;

const text = (fields: Fields, name: string) => (fields[name] ?? '').trim();

/** A date with its precision from words ("earlier this month", "up to April 2002"); empty is no date. */
export function dateFrom(fields: Fields, name = 'date', referenceName = 'dateReference'): EventDate | null {
  const words = text(fields, name);
  if (words === '') return null;
  const reference = text(fields, referenceName);
  try {
    return parseEventDate(words, reference ? { reference } : {});
  } catch (error) {
    if (error instanceof DateInputError) throw new RecordInputError(error.message, name);
    throw error;
  }
}

/** A count with its precision ("up to 900", "tens of thousands"); empty is no count. */
export function countFrom(words: string, field: string): Count | null {
  if (words.trim() === '') return null;
  try {
    return parseCount(words);
  } catch (error) {
    if (error instanceof CountInputError) throw new RecordInputError(error.message, field);
    throw error;
  }
}

/**
 * The place a form or row names: a gazetteer entry chosen by key (`placeId`),
 * a name to look up (`place`, with `country` to narrow it), or a point
 * (`lat`/`lon` or `coordinates`, with `country`). `placeDetail` is free text
 * kept beside it. A name that matches no entry exactly is refused with the
 * candidates, never guessed.
 */
export async function placeFrom(fields: Fields, finder: PlaceFinder): Promise<Place | null> {
  const detail = text(fields, 'placeDetail') || undefined;
  const country = text(fields, 'country').toUpperCase() || undefined;
  try {
    const id = text(fields, 'placeId');
    if (id) return await finder.placeOf(id, detail);
    const coordinates = text(fields, 'coordinates') ? parseCoordinates(text(fields, 'coordinates'))
      : text(fields, 'lat') || text(fields, 'lon') ? { lat: Number(text(fields, 'lat')), lon: Number(text(fields, 'lon')) } : null;
    const name = text(fields, 'place');
    if (coordinates) {
      if (!country) throw new RecordInputError('A point needs its country (a two-letter code such as CN).', 'country');
      return place({ precision: 'point', name, country, lat: coordinates.lat, lon: coordinates.lon, ...(detail ? { detail } : {}) });
    }
    if (text(fields, 'coordinates')) throw new RecordInputError('Coordinates are written "latitude, longitude", e.g. 42.7714, 129.4233.', 'coordinates');
    if (!name) {
      if (country) return await countryPlace(country, finder, detail);
      if (detail) throw new RecordInputError('Say which country (or place) the detail is in.', 'place');
      return null;
    }
    const kind = text(fields, 'placeKind');
    const candidates = await finder.search(name, { ...(country ? { country } : {}), ...(kind ? { kind: kind as 'city' } : {}), limit: 8 });
    const exact = candidates.filter((hit) => hit.match === 'exact');
    if (exact.length >= 1) return await finder.placeOf(exact[0]!.id, detail);
    if (candidates.length === 0) throw new PlaceChoiceError(`No place called "${name}" in the gazetteer${country ? ` in ${country}` : ''}. Check the spelling, or give coordinates.`, []);
    throw new PlaceChoiceError(`"${name}" is not a place name in the gazetteer; choose one of these.`, candidates);
  } catch (error) {
    if (error instanceof PlaceInputError) throw new RecordInputError(error.message, error.field === 'country' ? 'country' : 'place');
    throw error;
  }
}

async function countryPlace(country: string, finder: PlaceFinder, detail: string | undefined): Promise<Place> {
  const hits = await finder.search(country, { country, kind: 'country', limit: 1 });
  if (hits.length === 0) throw new RecordInputError(`${country} is not a country code.`, 'country');
  return finder.placeOf(hits[0]!.id, detail);
}

/** Splits "a; b; c" (or "a, b" when no semicolon is used) into trimmed, non-empty parts. */
export function listFrom(value: string | undefined): string[] {
  const whole = (value ?? '').trim();
  if (whole === '') return [];
  return whole.split(whole.includes(';') ? ';' : ',').map((part) => part.trim()).filter(Boolean);
}

/**
 * The people affected, from numbered fields (`victimGroup.0`, `victimCount.0`,
 * `victimPerson.0` …) as a form sends them, or one group per row
 * (`victimGroup`, `victimCount`, `victimPerson`) as a CSV gives it.
 */
export function victimsFrom(fields: Fields): VictimInput[] {
  const victims: VictimInput[] = [];
  const indices = new Set<string>(['']);
  for (const key of Object.keys(fields)) {
    const match = /^victim(?:Group|Count|Person)\.(\d+)$/.exec(key);
    if (match) indices.add(`.${match[1]}`);
  }
  for (const suffix of [...indices].sort()) {
    const group = text(fields, `victimGroup${suffix}`);
    const person = text(fields, `victimPerson${suffix}`);
    const countWords = text(fields, `victimCount${suffix}`);
    if (!group && !person && !countWords) continue;
    if (!group && !person) throw new RecordInputError('Say who the count is of: a group or a person.', `victimGroup${suffix}`);
    victims.push({ ...(group ? { group } : {}), ...(person ? { person } : {}), count: countFrom(countWords, `victimCount${suffix}`) });
  }
  return victims;
}

/** Perpetrators from numbered fields (`perpetratorName.0` …) or one per row (`perpetratorName`). */
export function perpetratorsFrom(fields: Fields): PerpetratorInput[] {
  const out: PerpetratorInput[] = [];
  const indices = new Set<string>(['']);
  for (const key of Object.keys(fields)) {
    const match = /^perpetrator(?:Kind|Name|Involvement)\.(\d+)$/.exec(key);
    if (match) indices.add(`.${match[1]}`);
  }
  for (const suffix of [...indices].sort()) {
    const name = text(fields, `perpetratorName${suffix}`);
    if (!name) continue;
    out.push({ name, kind: text(fields, `perpetratorKind${suffix}`) || 'state body', involvement: text(fields, `perpetratorInvolvement${suffix}`) || 'carried out' });
  }
  return out;
}

/** An event from a form or a row; `acts` may come as a list (checkboxes) or one "a; b" string. */
export async function eventInputFrom(fields: Fields, acts: string[], finder: PlaceFinder): Promise<Omit<EventInput, 'compartment'>> {
  return {
    title: text(fields, 'title'),
    description: text(fields, 'description'),
    acts: acts.length > 0 ? acts : listFrom(fields.acts),
    date: dateFrom(fields),
    place: await placeFrom(fields, finder),
    victims: victimsFrom(fields),
    perpetrators: perpetratorsFrom(fields),
    status: text(fields, 'status'),
  };
}
