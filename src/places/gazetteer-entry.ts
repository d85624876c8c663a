/**
 * Gazetteer entries as the rest of Vigil sees them, and the keys they are
 * known by: `country:45`, `division:2253`, `city:19868`, built from the
 * dataset's own ids, which it keeps from one release to the next.
 */

export type PlaceKind = 'country' | 'division' | 'city';

export const PLACE_KINDS: readonly PlaceKind[] = ['country', 'division', 'city'];

export interface GazetteerEntry {
  /** `city:19868`. */
  id: string;
  kind: PlaceKind;
  name: string;
  native?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  countryName: string;
  /** ISO 3166-2: the division itself, or the one a city lies in, where the dataset has a code. */
  division?: string;
  /** For a city, its division's name. */
  divisionName?: string;
  /** For a division: `province`, `municipality`, `state`… */
  divisionType?: string;
  /** A division's country, a city's division. */
  parentId?: string;
  lat?: number;
  lon?: number;
  population?: number;
  /** The city is its country's capital. */
  capital: boolean;
}

/** How a query met one of an entry's names, best first. */
export type NameMatch = 'exact' | 'prefix' | 'word' | 'substring';

export const NAME_MATCHES: readonly NameMatch[] = ['exact', 'prefix', 'word', 'substring'];

export interface GazetteerHit extends GazetteerEntry {
  match: NameMatch;
}

export interface PlaceKeyParts {
  kind: PlaceKind;
  /** The dataset's id for the place, unique within its kind. */
  datasetId: number;
}

/** The key an entry is known by outside the gazetteer: `city:19868`. */
export function placeKey(kind: PlaceKind, datasetId: number): string {
  return `${kind}:${datasetId}`;
}

/** Reads a key such as `city:19868`; null for anything else. */
export function parsePlaceKey(key: string): PlaceKeyParts | null {
  const match = /^(country|division|city):([1-9]\d{0,8})$/.exec(key.trim());
  if (!match) return null;
  return { kind: match[1] as PlaceKind, datasetId: Number(match[2]) };
}
