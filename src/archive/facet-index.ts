/**
 * The facet values of every document (type, year, language, date, countries)
 * held in typed arrays indexed by document id, so that counting the facets of
 * a search touches memory, not the database, however many documents match.
 * About 20 bytes a document: 2 MB for 100,000.
 */
import type { FacetCounts, SearchFilters } from './document.search.ts';

export interface FacetRow {
  id: number;
  type: string | null;
  year: number | null;
  language: string;
  date: string | null;
}

/** Interns strings as small numbers; 0 stands for none. */
class Dictionary {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>();

  id(value: string | null): number {
    if (value === null) return 0;
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

function dayNumber(date: string | null): number {
  return date === null ? 0 : Number(date.replaceAll('-', ''));
}

export class FacetIndex {
  private readonly types = new Dictionary();
  private readonly languages = new Dictionary();
  private readonly countries = new Dictionary();
  private readonly present: Uint8Array;
  private readonly type: Uint16Array;
  private readonly language: Uint16Array;
  private readonly year: Uint16Array;
  private readonly day: Uint32Array;
  /** Countries of document `id` are countryCodes[countryStart[id] .. countryStart[id + 1]). */
  private readonly countryStart: Uint32Array;
  private readonly countryCodes: Uint16Array;
  readonly size: number;
  /** The highest document id the index covers. */
  readonly maxId: number;
  private maxYear = 0;

  /** Builds the index from every document's facet row and its (document, country) pairs sorted by document. */
  constructor(rows: Iterable<FacetRow>, countryPairs: Array<[number, string]>, maxId: number) {
    this.maxId = maxId;
    const length = maxId + 1;
    this.present = new Uint8Array(length);
    this.type = new Uint16Array(length);
    this.language = new Uint16Array(length);
    this.year = new Uint16Array(length);
    this.day = new Uint32Array(length);
    let size = 0;
    for (const row of rows) {
      this.present[row.id] = 1;
      this.type[row.id] = this.types.id(row.type);
      this.language[row.id] = this.languages.id(row.language);
      this.year[row.id] = row.year ?? 0;
      this.maxYear = Math.max(this.maxYear, row.year ?? 0);
      this.day[row.id] = dayNumber(row.date);
      size++;
    }
    this.size = size;
    this.countryStart = new Uint32Array(length + 1);
    this.countryCodes = new Uint16Array(countryPairs.length);
    let at = 0;
    for (let id = 0, pair = 0; id < length; id++) {
      this.countryStart[id] = at;
      while (pair < countryPairs.length && countryPairs[pair]![0] === id) {
        this.countryCodes[at++] = this.countries.id(countryPairs[pair]![1]);
        pair++;
      }
    }
    this.countryStart[length] = at;
  }

  /** A test for the filters, or null when a filter names a value no document has (nothing passes). */
  private exactMatcher(filters: SearchFilters): ((id: number) => boolean) | null {
    const type = filters.type ? this.types.find(filters.type) : 0;
    const language = filters.language ? this.languages.find(filters.language) : 0;
    const country = filters.country ? this.countries.find(filters.country) : 0;
    if (type < 0 || language < 0 || country < 0) return null;
    const from = filters.from ? dayNumber(filters.from) : 0;
    const to = filters.to ? dayNumber(filters.to) : 0;
    const year = filters.year ?? 0;
    return (id) => {
      if (this.present[id] !== 1) return false;
      if (type && this.type[id] !== type) return false;
      if (language && this.language[id] !== language) return false;
      if (year && this.year[id] !== year) return false;
      if (from && (this.day[id] === 0 || this.day[id]! < from)) return false;
      if (to && (this.day[id] === 0 || this.day[id]! > to)) return false;
      if (country) {
        let found = false;
        for (let i = this.countryStart[id]!; i < this.countryStart[id + 1]!; i++) if (this.countryCodes[i] === country) found = true;
        if (!found) return false;
      }
      return true;
    };
  }

  /** A document's date as a sortable number (yyyymmdd), 0 when undated. */
  dayOf(id: number): number {
    return this.day[id] ?? 0;
  }

  /**
   * The total and facet counts of the documents among `ids` (all documents
   * when null) that pass the filters; `passing` (as long as `ids`) receives the position in `ids` of
   * each one that does, so that ranking can share this one pass.
   */
  count(ids: ArrayLike<number> | null, filters: SearchFilters, passing?: Uint32Array): { total: number; facets: FacetCounts } {
    const typeCounts = new Uint32Array(this.types.values.length);
    const languageCounts = new Uint32Array(this.languages.values.length);
    const countryCounts = new Uint32Array(this.countries.values.length);
    const yearCounts = new Uint32Array(this.maxYear + 1);
    const passes = this.exactMatcher(filters);
    // Without filters the test is only "is this a document": the common case, and worth a loop of its own.
    const unfiltered = !hasFilters(filters);
    const { present, type, language, countryStart, countryCodes } = this;
    const yearOf = this.year;
    const length = ids === null ? present.length : ids.length;
    let total = 0;
    if (passes) {
      for (let position = 0; position < length; position++) {
        const id = ids === null ? position : ids[position]!;
        if (unfiltered ? present[id] !== 1 : !passes(id)) continue;
        if (passing) passing[total] = position;
        total++;
        typeCounts[type[id]!]!++;
        languageCounts[language[id]!]!++;
        yearCounts[yearOf[id]!]!++;
        const end = countryStart[id + 1]!;
        for (let i = countryStart[id]!; i < end; i++) countryCounts[countryCodes[i]!]!++;
      }
    }
    const named = (dictionary: Dictionary, counts: Uint32Array): Record<string, number> => {
      const out: Record<string, number> = {};
      for (let i = 1; i < counts.length; i++) if (counts[i]! > 0) out[dictionary.values[i]!] = counts[i]!;
      return out;
    };
    const year: Record<string, number> = {};
    for (let value = 1; value < yearCounts.length; value++) if (yearCounts[value]! > 0) year[String(value)] = yearCounts[value]!;
    return {
      total,
      facets: {
        type: named(this.types, typeCounts),
        year,
        country: named(this.countries, countryCounts),
        language: named(this.languages, languageCounts),
      },
    };
  }
}

function hasFilters(f: SearchFilters): boolean {
  return Boolean(f.type || f.country || f.language || f.year !== undefined || f.from || f.to);
}
