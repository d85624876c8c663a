/**
 * Every query on the gazetteer's tables: filling them from the dataset,
 * finding an entry, and searching names. A place's row id is its kind's
 * number × 10⁹ + the dataset's id (`city:19868` is 3000019868): one integer
 * key, no second index for a text key, and the same id after every reload.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, GazetteerPlacesTable } from '../db/schema.ts';
import { NAME_MATCHES, parsePlaceKey, placeKey, type GazetteerEntry, type GazetteerHit, type PlaceKind, type PlaceKeyParts } from './gazetteer-entry.ts';
import type { GazetteerRecord } from './gazetteer.loader.ts';
import { englishCountryName } from './place.ts';

const KIND_NUMBER: Record<PlaceKind, number> = { country: 1, division: 2, city: 3 };
const KIND_OF_NUMBER: Record<number, PlaceKind> = { 1: 'country', 2: 'division', 3: 'city' };
const ID_SPAN = 1_000_000_000;

/** The row id of a place. */
function rowId(parts: PlaceKeyParts): number {
  if (!Number.isSafeInteger(parts.datasetId) || parts.datasetId <= 0 || parts.datasetId >= ID_SPAN) {
    throw new Error(`gazetteer: ${parts.kind} id ${parts.datasetId} does not fit the id scheme`);
  }
  return KIND_NUMBER[parts.kind] * ID_SPAN + parts.datasetId;
}

/** The key of a row id: 3000019868 is `city:19868`. */
function keyOfRow(id: number): string {
  return placeKey(KIND_OF_NUMBER[Math.floor(id / ID_SPAN)] ?? 'city', id % ID_SPAN);
}

export interface NameSearch {
  /** A search key (see `searchKey`), not empty. */
  key: string;
  kinds?: readonly PlaceKind[] | undefined;
  country?: string | undefined;
  limit: number;
}

/** A place row with the names of its division and country, as the entry queries read it. */
type EntryRow = Selectable<GazetteerPlacesTable> & { division_name: string | null; country_name: string | null };

function entryOf(row: EntryRow): GazetteerEntry {
  const entry: GazetteerEntry = { id: keyOfRow(row.id), kind: row.kind, name: row.name, country: row.country, countryName: row.country_name ?? englishCountryName(row.country), capital: row.capital === 1 };
  if (row.native !== null) entry.native = row.native;
  if (row.division !== null) entry.division = row.division;
  if (row.division_name !== null) entry.divisionName = row.division_name;
  if (row.division_type !== null) entry.divisionType = row.division_type;
  if (row.parent_id !== null) entry.parentId = keyOfRow(row.parent_id);
  if (row.lat !== null) entry.lat = row.lat;
  if (row.lon !== null) entry.lon = row.lon;
  if (row.population !== null) entry.population = row.population;
  return entry;
}

export class GazetteerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** What the last load recorded: `dataset`, `version`, `format`, `loaded_at` and the counts. */
  async meta(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('gazetteer_meta').select(['key', 'value']).execute();
    return Object.fromEntries(rows.map((row) => [row.key, row.value]));
  }

  /** Empties every gazetteer table; run inside the transaction that refills them. */
  async clear(): Promise<void> {
    // The trigram index keeps its own copy of what it indexed; clear it before its content goes.
    await sql`INSERT INTO gazetteer_name_trigrams (gazetteer_name_trigrams) VALUES ('delete-all')`.execute(this.db);
    await this.db.deleteFrom('gazetteer_names').execute();
    await this.db.deleteFrom('gazetteer_places').execute();
    await this.db.deleteFrom('gazetteer_meta').execute();
  }

  /**
   * Stores places and their search keys; returns how many keys. Each batch
   * goes in as one JSON parameter that SQLite unpacks: a statement of
   * thousands of bound values costs more to build than to run, and this is
   * the load's hot path. `jsonb_each` (SQLite 3.45 on) hands each row over in
   * binary form, so reading its twelve fields parses it once, not twelve times.
   */
  async insert(records: readonly GazetteerRecord[]): Promise<number> {
    if (records.length === 0) return 0;
    const places = records.map((record) => [
      rowId(record), record.kind, record.name, record.native, record.country, record.division, record.divisionType,
      record.parent ? rowId(record.parent) : null, record.lat, record.lon, record.population, record.capital ? 1 : 0,
    ]);
    await this.db
      .insertInto('gazetteer_places')
      .columns(['id', 'kind', 'name', 'native', 'country', 'division', 'division_type', 'parent_id', 'lat', 'lon', 'population', 'capital'])
      .expression(sql`SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
        value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11
        FROM jsonb_each(${JSON.stringify(places)})`)
      .execute();
    const names = records.flatMap((record) => [
      ...record.keys.map((key) => [rowId(record), key, 0]),
      ...record.translationKeys.map((key) => [rowId(record), key, 1]),
    ]);
    await this.db
      .insertInto('gazetteer_names')
      .columns(['place_id', 'key', 'translation'])
      .expression(sql`SELECT value ->> 0, value ->> 1, value ->> 2 FROM jsonb_each(${JSON.stringify(names)})`)
      .execute();
    return names.length;
  }

  /** Builds the trigram index over every stored name at once: faster than row by row, and one compact b-tree. */
  async indexNames(): Promise<void> {
    await sql`INSERT INTO gazetteer_name_trigrams (gazetteer_name_trigrams) VALUES ('rebuild')`.execute(this.db);
    await sql`INSERT INTO gazetteer_name_trigrams (gazetteer_name_trigrams) VALUES ('optimize')`.execute(this.db);
  }

  /** Replaces what the load records. */
  async writeMeta(values: Record<string, string>): Promise<void> {
    await this.db.deleteFrom('gazetteer_meta').execute();
    const rows = Object.entries(values).map(([key, value]) => ({ key, value }));
    if (rows.length > 0) await this.db.insertInto('gazetteer_meta').values(rows).execute();
  }

  /** The places (with their division's and country's names), without an order. */
  private entries() {
    return this.db
      .selectFrom('gazetteer_places as p')
      // A city's division; a division's or country's own name is not a "division name".
      .leftJoin('gazetteer_places as d', (join) => join.onRef('d.id', '=', 'p.parent_id').on('p.kind', '=', 'city'))
      .leftJoin('gazetteer_places as c', (join) => join.on('c.id', '=', sql<number>`CASE p.kind WHEN 'country' THEN p.id WHEN 'division' THEN p.parent_id ELSE d.parent_id END`))
      .selectAll('p')
      .select(['d.name as division_name', 'c.name as country_name']);
  }

  /** One entry by its key (`city:19868`). */
  async find(key: string): Promise<GazetteerEntry | undefined> {
    const parts = parsePlaceKey(key);
    if (!parts) return undefined;
    const row = await this.entries().where('p.id', '=', rowId(parts)).executeTakeFirst();
    return row ? entryOf(row) : undefined;
  }

  /**
   * Places with a name that is, begins with, has a word beginning with, or
   * contains the key, in that order; then countries, divisions, capitals and
   * other cities; then the larger population, the shorter name.
   */
  async search(search: NameSearch): Promise<GazetteerHit[]> {
    const { key } = search;
    const length = [...key].length;
    // A match's class is how it matched (0 exact … 3 substring) × 2, plus 1
    // through a translation: "Chine" still finds China first, but "s" does not
    // list China (Breton "Sina") before South Africa.
    // Three characters make a trigram: a shorter key is looked up by name and
    // prefix in the b-tree, a longer one by substring in the trigram index,
    // which also yields the names it is or begins.
    const matches = length < 3
      ? this.db
        .selectFrom('gazetteer_names as n')
        .where('n.key', '>=', key)
        .where('n.key', '<', `${key}\u{10FFFF}`)
        .select(['n.place_id', sql<number>`(CASE WHEN n.key = ${key} THEN 0 ELSE 1 END) * 2 + n.translation`.as('class')])
      : this.db
        .selectFrom('gazetteer_name_trigrams as t')
        .innerJoin('gazetteer_names as n', 'n.id', 't.rowid')
        .where('t.key', 'like', `%${key}%`)
        .select(['n.place_id', sql<number>`(CASE
          WHEN n.key = ${key} THEN 0
          WHEN substr(n.key, 1, ${length}) = ${key} THEN 1
          WHEN instr(' ' || n.key, ${` ${key}`}) > 0 THEN 2
          ELSE 3 END) * 2 + n.translation`.as('class')]);

    // Ranked first, named after: the joins for division and country names run for the few places shown, not for every match.
    let ranked = this.db
      .selectFrom(matches.as('m'))
      .innerJoin('gazetteer_places as p', 'p.id', 'm.place_id')
      .select(['p.id', sql<number>`min(m.class)`.as('class')])
      .groupBy('p.id');
    if (search.kinds && search.kinds.length > 0) ranked = ranked.where('p.kind', 'in', search.kinds);
    if (search.country) ranked = ranked.where('p.country', '=', search.country);
    const top = await ranked
      .orderBy('class')
      .orderBy(sql`CASE p.kind WHEN 'country' THEN 0 WHEN 'division' THEN 1 ELSE 3 - p.capital END`)
      .orderBy(sql`p.population IS NULL`)
      .orderBy('p.population', 'desc')
      .orderBy(sql`length(p.name)`)
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(search.limit)
      .execute();
    if (top.length === 0) return [];
    const rows = await this.entries().where('p.id', 'in', top.map((hit) => hit.id)).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return top.flatMap((hit) => {
      const row = byId.get(hit.id);
      return row ? [{ ...entryOf(row), match: NAME_MATCHES[Math.floor(hit.class / 2)] ?? 'substring' }] : [];
    });
  }
}
