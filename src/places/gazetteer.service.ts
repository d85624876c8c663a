/**
 * The offline gazetteer: every country, the divisions below them and some
 * 150,000 cities, searchable by English and native names, with no request to
 * another host. Its data is public reference data, so no access check guards
 * it. The tables are filled on first use, in one transaction, and refilled
 * when the installed dataset's version changes: the migration that creates
 * them must stay fast, and loading takes seconds.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { writeTransaction } from '../db/transaction.ts';
import { PLACE_KINDS, type GazetteerEntry, type GazetteerHit, type PlaceKind } from './gazetteer-entry.ts';
import { packagedDataset, readDataset, type GazetteerDataset, type GazetteerRecord, type ReadReport } from './gazetteer.loader.ts';
import { GazetteerRepository } from './gazetteer.repository.ts';
import { countryCode, place, PlaceInputError, type Place } from './place.ts';
import { searchKey } from './search-key.ts';

export const GAZETTEER_DATASET = 'countries-states-cities-database';

/**
 * Raised when what the loader derives from the dataset changes (search keys,
 * ids), so that gazetteers stored by an older Vigil are rebuilt although the
 * dataset's version is the same.
 */
const LOAD_FORMAT = '1';

/** Records read before each insert: enough to amortise the statements, few enough to keep memory flat. */
const LOAD_BATCH = 5000;
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** A query longer than any place name finds nothing more; the cap keeps the pattern small. */
const MAX_QUERY = 200;

export interface GazetteerStatus {
  /** Whether this call filled the tables (false: they were already current). */
  loaded: boolean;
  dataset: string;
  version: string;
  loadedAt: string;
  countries: number;
  divisions: number;
  cities: number;
  /** Search keys: every place's names, codes and translations. */
  names: number;
  /** Dataset records that could not be read (no id, name or country code) or repeated an id. */
  skipped: number;
  /** Dataset files that could not be read, relative to its data folder; the rest was loaded. */
  unreadable: string[];
}

export interface GazetteerSearchOptions {
  kind?: PlaceKind | readonly PlaceKind[] | undefined;
  /** ISO 3166-1 alpha-2, in any case. */
  country?: string | undefined;
  /** 1–100; 10 when not given. */
  limit?: number | undefined;
}

/** What the Open Database License asks a public use of the data to show. */
export interface GazetteerAttribution {
  text: string;
  licence: 'ODbL-1.0';
  /** The dataset's home. */
  url: string;
  licenceUrl: string;
}

function statusOf(meta: Record<string, string>, loaded: boolean): GazetteerStatus {
  const count = (key: string) => Number(meta[key] ?? 0);
  return {
    loaded,
    dataset: meta.dataset ?? '',
    version: meta.version ?? '',
    loadedAt: meta.loaded_at ?? '',
    countries: count('countries'),
    divisions: count('divisions'),
    cities: count('cities'),
    names: count('names'),
    skipped: count('skipped'),
    unreadable: meta.unreadable ? meta.unreadable.split('\n') : [],
  };
}

export class GazetteerService {
  private readonly repository: GazetteerRepository;
  private loading: Promise<GazetteerStatus> | null = null;
  private current: GazetteerStatus | null = null;

  /** `dataset` defaults to the installed package; tests pass a small one of their own. */
  constructor(private readonly db: Kysely<Database>, private readonly dataset: GazetteerDataset = packagedDataset()) {
    this.repository = new GazetteerRepository(db);
  }

  /**
   * Fills the gazetteer if it is empty or from another version of the dataset;
   * otherwise does nothing. Calls made while a load runs wait for it.
   */
  async ensureLoaded(): Promise<GazetteerStatus> {
    if (this.current) return this.current;
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    const status = await this.loading;
    this.current = { ...status, loaded: false };
    return status;
  }

  private isCurrent(meta: Record<string, string>): boolean {
    return meta.dataset === GAZETTEER_DATASET && meta.version === this.dataset.version && meta.format === LOAD_FORMAT;
  }

  private async load(): Promise<GazetteerStatus> {
    const stored = await this.repository.meta();
    if (this.isCurrent(stored)) return statusOf(stored, false);
    return writeTransaction(this.db, async (tx) => {
      const repository = new GazetteerRepository(tx);
      // Another process may have loaded it while this one waited for the write lock.
      const again = await repository.meta();
      if (this.isCurrent(again)) return statusOf(again, false);
      await repository.clear();
      const report: ReadReport = { skipped: 0, unreadable: [] };
      const counts: Record<PlaceKind, number> = { country: 0, division: 0, city: 0 };
      let names = 0;
      let batch: GazetteerRecord[] = [];
      for (const record of readDataset(this.dataset, report)) {
        counts[record.kind]++;
        batch.push(record);
        if (batch.length === LOAD_BATCH) {
          names += await repository.insert(batch);
          batch = [];
        }
      }
      names += await repository.insert(batch);
      // A dataset that yields no country is broken: keep the gazetteer there was.
      if (counts.country === 0) throw new Error(`the gazetteer dataset in ${this.dataset.directory} holds no country; nothing was changed`);
      await repository.indexNames();
      const meta = {
        dataset: GAZETTEER_DATASET,
        version: this.dataset.version,
        format: LOAD_FORMAT,
        loaded_at: new Date().toISOString(),
        countries: String(counts.country),
        divisions: String(counts.division),
        cities: String(counts.city),
        names: String(names),
        skipped: String(report.skipped),
        unreadable: report.unreadable.join('\n'),
      };
      await repository.writeMeta(meta);
      return statusOf(meta, true);
    });
  }

  /**
   * Places by name, English or native, whole or in part: whole names first,
   * then names that begin with the text, then names with a word that does,
   * then names that contain it; within each, countries, divisions, capitals,
   * other cities.
   */
  async search(text: string, options: GazetteerSearchOptions = {}): Promise<GazetteerHit[]> {
    const kinds = options.kind === undefined ? undefined : typeof options.kind === 'string' ? [options.kind] : options.kind;
    for (const kind of kinds ?? []) {
      if (!PLACE_KINDS.includes(kind)) throw new PlaceInputError(`kind must be one of ${PLACE_KINDS.join(', ')}, not ${JSON.stringify(kind)}`, 'kind');
    }
    const country = options.country === undefined ? undefined : countryCode(options.country);
    const limit = options.limit ?? DEFAULT_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new PlaceInputError(`limit must be a whole number from 1 to ${MAX_LIMIT}, not ${limit}`, 'limit');
    const key = searchKey(text.slice(0, MAX_QUERY));
    if (key === '') return [];
    await this.ensureLoaded();
    return this.repository.search({ key, kinds, country, limit });
  }

  /** One entry by its key (`city:19868`), or undefined. */
  async get(id: string): Promise<GazetteerEntry | undefined> {
    await this.ensureLoaded();
    return this.repository.find(id);
  }

  /**
   * The place to store for an entry: a copy of its names, codes and
   * coordinates, so the record never depends on the gazetteer's next version.
   */
  async placeOf(id: string, detail?: string): Promise<Place> {
    const entry = await this.get(id);
    if (!entry) throw new PlaceInputError(`there is no gazetteer entry ${JSON.stringify(id)}`, 'gazetteerId');
    return place({
      precision: entry.kind,
      gazetteerId: entry.id,
      name: entry.name,
      native: entry.native,
      country: entry.country,
      countryName: entry.countryName,
      division: entry.kind === 'country' ? undefined : entry.division,
      divisionName: entry.divisionName,
      lat: entry.lat,
      lon: entry.lon,
      detail,
    });
  }

  /** The attribution the data's licence asks for, to show wherever places are shown or exported. */
  attribution(): GazetteerAttribution {
    return {
      text: `Place names and coordinates from the countries-states-cities-database by dr5hn (package @countrystatecity/countries ${this.dataset.version}), made available under the Open Database License (ODbL) 1.0.`,
      licence: 'ODbL-1.0',
      url: 'https://github.com/dr5hn/countries-states-cities-database',
      licenceUrl: 'https://opendatacommons.org/licenses/odbl/1-0/',
    };
  }
}
