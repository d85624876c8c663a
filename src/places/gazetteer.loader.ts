/**
 * Reads the gazetteer's dataset, dr5hn's countries-states-cities-database as
 * the `@countrystatecity/countries` package ships it, into records ready to
 * store. The package's folders hold only the countries that have divisions,
 * so the countries come from its top-level list (`countries.json`), and each
 * folder adds its country's translations, divisions and cities:
 *
 *     data/countries.json                 every country
 *     data/<Country-CC>/meta.json         the country again, with translations
 *     data/<Country-CC>/states.json       its divisions, with ISO 3166-2 codes and native names
 *     data/<Country-CC>/<State-XX>/cities.json
 *
 * Folders are found by listing, never by building their names. A record
 * without an id, a name or a country code is skipped and counted, and a file
 * that cannot be read is skipped and named: neither stops the others loading.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import type { PlaceKind, PlaceKeyParts } from './gazetteer-entry.ts';
import { searchKey } from './search-key.ts';

countries.registerLocale(en);

/** Where a version of the dataset lies on disk. */
export interface GazetteerDataset {
  /** The data folder: the one holding `countries.json`. */
  directory: string;
  /** The package's version: a different one means the stored gazetteer is reloaded. */
  version: string;
}

/** One place, ready to store. */
export interface GazetteerRecord extends PlaceKeyParts {
  kind: PlaceKind;
  name: string;
  native: string | null;
  country: string;
  division: string | null;
  divisionType: string | null;
  parent: PlaceKeyParts | null;
  lat: number | null;
  lon: number | null;
  population: number | null;
  capital: boolean;
  /** The search keys of its English and native names and codes, without repeats. */
  keys: string[];
  /** The search keys of its names in other languages that are not among `keys`. */
  translationKeys: string[];
}

/** The dataset as the installed package ships it. */
export function packagedDataset(): GazetteerDataset {
  const countriesFile = createRequire(import.meta.url).resolve('@countrystatecity/countries/data/countries.json');
  const directory = dirname(countriesFile);
  // `data/*` lives in `dist/data`; the package's manifest is two folders up.
  const manifest = readJson(join(directory, '..', '..', 'package.json'));
  const version = isRecord(manifest) ? text(manifest.version) : null;
  if (!version) throw new Error(`cannot read the version of the gazetteer package in ${directory}`);
  return { directory, version };
}

type Json = Record<string, unknown>;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** The dataset's ids are below 10⁹, which the gazetteer's own ids rely on. */
function datasetIdOf(value: unknown): number | null {
  const id = integer(value);
  return id !== null && id < 1_000_000_000 ? id : null;
}

/** The dataset writes coordinates as strings ("42.77139000"); out-of-range values are dropped, not stored. */
function degrees(value: unknown, limit: number): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : null;
}

function countryCodeOf(value: unknown): string | null {
  const code = text(value)?.toUpperCase() ?? null;
  return code !== null && /^[A-Z]{2}$/.test(code) ? code : null;
}

function keysOf(names: (string | null | undefined)[], except: readonly string[] = []): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = name ? searchKey(name) : '';
    if (key !== '' && !except.includes(key)) keys.add(key);
  }
  return [...keys];
}

/** The two kinds of keys of a place: its own names, and translations that add to them. */
function keysAndTranslations(names: (string | null | undefined)[], translations: unknown): Pick<GazetteerRecord, 'keys' | 'translationKeys'> {
  const keys = keysOf(names);
  const translated = isRecord(translations) ? Object.values(translations).map(text) : [];
  return { keys, translationKeys: keysOf(translated, keys) };
}

/** What a pass over the dataset yields besides records. */
export interface ReadReport {
  /** Records skipped: no id, name or country code, or an id seen before. */
  skipped: number;
  /** Files that could not be read, relative to the data folder. */
  unreadable: string[];
}

/** A file's records, or none (and the file named in the report) if it cannot be read. */
function readRecords(file: string, directory: string, report: ReadReport): Json[] {
  try {
    const value = readJson(file);
    if (Array.isArray(value)) return records(value);
  } catch {
    // Named below, with the files that hold no list.
  }
  report.unreadable.push(relative(directory, file));
  return [];
}

interface CountryFolder {
  path: string;
  meta: Json;
}

function countryFolders(directory: string, report: ReadReport): Map<string, CountryFolder> {
  const folders = new Map<string, CountryFolder>();
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    const metaFile = join(path, 'meta.json');
    if (!existsSync(metaFile)) continue;
    let meta: unknown;
    try {
      meta = readJson(metaFile);
    } catch {
      meta = null;
    }
    const code = isRecord(meta) ? countryCodeOf(meta.iso2) : null;
    if (isRecord(meta) && code) folders.set(code, { path, meta });
    else report.unreadable.push(relative(directory, metaFile));
  }
  return folders;
}

function countryRecord(row: Json, meta: Json | undefined): GazetteerRecord | null {
  const datasetId = datasetIdOf(row.id);
  const name = text(row.name);
  const country = countryCodeOf(row.iso2);
  if (datasetId === null || name === null || country === null) return null;
  // The English names people use that the dataset spells otherwise ("Macao" for "Macau S.A.R.").
  const english = countries.getName(country, 'en', { select: 'all' }) ?? [];
  return {
    kind: 'country',
    datasetId,
    name,
    native: text(row.native),
    country,
    division: null,
    divisionType: null,
    parent: null,
    lat: degrees(row.latitude, 90),
    lon: degrees(row.longitude, 180),
    population: integer(row.population),
    capital: false,
    ...keysAndTranslations([name, text(row.native), country, ...english], meta?.translations),
  };
}

function divisionRecord(row: Json): GazetteerRecord | null {
  const datasetId = datasetIdOf(row.id);
  const name = text(row.name);
  const country = countryCodeOf(row.country_code);
  const countryId = datasetIdOf(row.country_id);
  if (datasetId === null || name === null || country === null) return null;
  const code = text(row.iso3166_2)?.toUpperCase() ?? null;
  return {
    kind: 'division',
    datasetId,
    name,
    native: text(row.native),
    country,
    division: code,
    divisionType: text(row.type),
    parent: countryId === null ? null : { kind: 'country', datasetId: countryId },
    lat: degrees(row.latitude, 90),
    lon: degrees(row.longitude, 180),
    population: null,
    capital: false,
    ...keysAndTranslations([name, text(row.native), code], row.translations),
  };
}

function cityRecord(row: Json, divisions: Map<number, GazetteerRecord>, capital: string | null): GazetteerRecord | null {
  const datasetId = datasetIdOf(row.id);
  const name = text(row.name);
  const country = countryCodeOf(row.country_code);
  if (datasetId === null || name === null || country === null) return null;
  const division = divisions.get(datasetIdOf(row.state_id) ?? 0);
  return {
    kind: 'city',
    datasetId,
    name,
    native: text(row.native),
    country,
    division: division?.division ?? null,
    divisionType: null,
    parent: division ? { kind: 'division', datasetId: division.datasetId } : null,
    lat: degrees(row.latitude, 90),
    lon: degrees(row.longitude, 180),
    population: integer(row.population),
    capital: capital !== null && name === capital,
    ...keysAndTranslations([name, text(row.native)], row.translations),
  };
}

/**
 * Every place of the dataset: the countries first, then, country by country,
 * its divisions and its cities. `report` counts the records skipped and names
 * the files that could not be read.
 */
export function* readDataset(dataset: GazetteerDataset, report: ReadReport = { skipped: 0, unreadable: [] }): Generator<GazetteerRecord> {
  const { directory } = dataset;
  const folders = countryFolders(directory, report);
  // Without its list of countries the dataset is not one: that error stops the load.
  const listed = records(readJson(join(directory, 'countries.json')));
  // Ids already given out, by kind: a repeated one would break the load, so it is skipped.
  const seen: Record<PlaceKind, Set<number>> = { country: new Set(), division: new Set(), city: new Set() };
  const fresh = (record: GazetteerRecord | null): record is GazetteerRecord => {
    if (record === null || seen[record.kind].has(record.datasetId)) {
      report.skipped++;
      return false;
    }
    seen[record.kind].add(record.datasetId);
    return true;
  };

  const capitals = new Map<string, string>();
  const countryCodes = new Set<string>();
  // A folder whose country the list lacks still counts: its meta.json describes the country too.
  const listedCodes = new Set(listed.map((row) => countryCodeOf(row.iso2)));
  const unlisted = [...folders].filter(([code]) => !listedCodes.has(code)).map(([, folder]) => folder.meta);
  for (const row of [...listed, ...unlisted]) {
    const record = countryRecord(row, folders.get(countryCodeOf(row.iso2) ?? '')?.meta);
    if (record && countryCodes.has(record.country)) {
      report.skipped++;
      continue;
    }
    if (!fresh(record)) continue;
    countryCodes.add(record.country);
    const capital = text(row.capital);
    if (capital) capitals.set(record.country, capital);
    yield record;
  }

  for (const [code, folder] of folders) {
    const divisions = new Map<number, GazetteerRecord>();
    const statesFile = join(folder.path, 'states.json');
    for (const row of existsSync(statesFile) ? readRecords(statesFile, directory, report) : []) {
      const record = divisionRecord(row);
      if (fresh(record)) divisions.set(record.datasetId, record);
    }
    yield* divisions.values();

    const cityRows: Json[] = [];
    for (const entry of readdirSync(folder.path, { withFileTypes: true })) {
      const citiesFile = join(folder.path, entry.name, 'cities.json');
      if (entry.isDirectory() && existsSync(citiesFile)) cityRows.push(...readRecords(citiesFile, directory, report));
    }
    // The capital by name, only where the name is the capital's alone: fifteen places
    // in the United States are called Washington, and none of them is the capital.
    const capital = capitals.get(code) ?? null;
    const unique = capital !== null && cityRows.filter((row) => text(row.name) === capital).length === 1 ? capital : null;
    for (const row of cityRows) {
      const record = cityRecord(row, divisions, unique);
      if (fresh(record)) yield record;
    }
  }
}
