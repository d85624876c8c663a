/**
 * Dates, places and counts with their precision, to and from the columns that
 * hold them. The columns keep every part (precision, both edges, the words as
 * reported) so nothing is rounded on the way to the database and back.
 */
import type { Selectable } from 'kysely';
import type { CountColumns, DateColumns, PlaceColumns } from '../db/schema.ts';
import type { Count, CountPrecision } from '../domain/count.ts';
import type { DatePrecision, EventDate } from '../domain/event-date.ts';
import type { Place, PlacePrecision } from '../places/place.ts';

/** The date columns as a row holds them and as they are written. */
export type DateColumnValues = Selectable<DateColumns>;

export function dateColumns(date: EventDate | null | undefined): DateColumnValues {
  if (!date) return { date_precision: null, date_earliest: null, date_latest: null, date_approximate: 0, date_text: null };
  return { date_precision: date.precision, date_earliest: date.earliest, date_latest: date.latest, date_approximate: date.approximate ? 1 : 0, date_text: date.text ?? null };
}

export function dateOf(row: DateColumnValues): EventDate | null {
  if (!row.date_precision || !row.date_earliest || !row.date_latest) return null;
  return {
    precision: row.date_precision as DatePrecision, earliest: row.date_earliest, latest: row.date_latest,
    approximate: row.date_approximate === 1, ...(row.date_text ? { text: row.date_text } : {}),
  };
}

/** The place columns as a row holds them and as they are written. */
export type PlaceColumnValues = Selectable<PlaceColumns>;

export function placeColumns(place: Place | null | undefined): PlaceColumnValues {
  return {
    place_precision: place?.precision ?? null,
    place_gazetteer_id: place?.gazetteerId === undefined ? null : String(place.gazetteerId),
    place_name: place?.name ?? null,
    place_native: place?.native ?? null,
    place_country: place?.country ?? null,
    place_division: place?.division ?? null,
    place_division_name: place?.divisionName ?? null,
    place_lat: place?.lat ?? null,
    place_lon: place?.lon ?? null,
    place_detail: place?.detail ?? null,
  };
}

export function placeOf(row: PlaceColumnValues): Place | null {
  if (!row.place_precision || !row.place_country) return null;
  const place: Place = { precision: row.place_precision as PlacePrecision, name: row.place_name ?? '', country: row.place_country };
  if (row.place_gazetteer_id !== null) place.gazetteerId = row.place_gazetteer_id;
  if (row.place_native !== null) place.native = row.place_native;
  if (row.place_division !== null) place.division = row.place_division;
  if (row.place_division_name !== null) place.divisionName = row.place_division_name;
  if (row.place_lat !== null) place.lat = row.place_lat;
  if (row.place_lon !== null) place.lon = row.place_lon;
  if (row.place_detail !== null) place.detail = row.place_detail;
  return place;
}

/** The count columns as a row holds them and as they are written. */
export type CountColumnValues = Selectable<CountColumns>;

export function countColumns(count: Count | null | undefined): CountColumnValues {
  if (!count) return { count_precision: null, count_low: null, count_high: null, count_value: null, count_text: null };
  return { count_precision: count.precision, count_low: count.low, count_high: count.high, count_value: count.value ?? null, count_text: count.text ?? null };
}

export function countOf(row: CountColumnValues): Count | null {
  if (!row.count_precision) return null;
  return {
    precision: row.count_precision as CountPrecision, low: row.count_low, high: row.count_high,
    ...(row.count_value !== null ? { value: row.count_value } : {}), ...(row.count_text ? { text: row.count_text } : {}),
  };
}
