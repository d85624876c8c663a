/**
 * The gazetteer loaded from the installed dataset into a fresh database: it
 * covers every country, finds places by English and native names, ranks
 * them, and hands out places that keep their own copy of the entry. Loading
 * takes seconds, so every test shares one database, loaded once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../src/db/connection.ts';
import type { GazetteerHit } from '../../src/places/gazetteer-entry.ts';
import { packagedDataset } from '../../src/places/gazetteer.loader.ts';
import { GazetteerService, type GazetteerStatus } from '../../src/places/gazetteer.service.ts';
import { formatPlace, PlaceInputError } from '../../src/places/place.ts';
import { tempDir } from '../helpers/cli.ts';

const root = tempDir('vigil-gazetteer-');
let connection: Connection;
let gazetteer: GazetteerService;
let firstLoad: GazetteerStatus;

beforeAll(async () => {
  connection = await openDatabase(join(root, 'data'));
  gazetteer = new GazetteerService(connection.db);
  firstLoad = await gazetteer.ensureLoaded();
});

afterAll(async () => {
  await connection.close();
});

/** Within 0.1° of a point: the dataset lists some cities twice, a few hundred metres apart. */
function near(hit: GazetteerHit | undefined, lat: number, lon: number): boolean {
  return hit?.lat !== undefined && hit.lon !== undefined && Math.abs(hit.lat - lat) < 0.1 && Math.abs(hit.lon - lon) < 0.1;
}

describe('loading', () => {
  it('stores every country, the divisions and the cities, and says so', () => {
    expect(firstLoad).toMatchObject({ loaded: true, dataset: 'countries-states-cities-database', version: packagedDataset().version, skipped: 0, unreadable: [] });
    expect(firstLoad.countries).toBe(250);
    expect(firstLoad.divisions).toBeGreaterThan(5000);
    expect(firstLoad.cities).toBeGreaterThan(150_000);
    expect(firstLoad.names).toBeGreaterThan(firstLoad.countries + firstLoad.divisions + firstLoad.cities);
  });

  it('has every ISO 3166-1 country that the dataset has, including those without divisions', async () => {
    const listed = JSON.parse(readFileSync(join(packagedDataset().directory, 'countries.json'), 'utf8')) as { iso2: string }[];
    const inDataset = new Set(listed.map((country) => country.iso2));
    const stored = new Set((await connection.db.selectFrom('gazetteer_places').select('country').where('kind', '=', 'country').execute()).map((row) => row.country));
    const iso = Object.keys(countries.getAlpha2Codes());
    expect(iso.filter((code) => inDataset.has(code) && !stored.has(code))).toEqual([]);
    // At this version the dataset lacks none of them; a later one that does should be noticed.
    expect(iso.filter((code) => !inDataset.has(code))).toEqual([]);
    // Antarctica, the Vatican and Gibraltar have no folder of divisions in the package.
    for (const code of ['AQ', 'VA', 'GI']) expect(stored.has(code)).toBe(true);
  });

  it('does nothing the second time, in this service or a new one', async () => {
    const started = performance.now();
    const again = await gazetteer.ensureLoaded();
    expect(again).toMatchObject({ loaded: false, loadedAt: firstLoad.loadedAt, cities: firstLoad.cities });
    const elsewhere = await new GazetteerService(connection.db).ensureLoaded();
    expect(elsewhere).toMatchObject({ loaded: false, loadedAt: firstLoad.loadedAt });
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('search', () => {
  it('finds the province of Jilin first by its English name and by its Chinese one', async () => {
    for (const text of ['Jilin', '吉林', 'jilin', 'JIL']) {
      const [first] = await gazetteer.search(text);
      expect(first, text).toMatchObject({ kind: 'division', division: 'CN-JL', name: 'Jilin', native: '吉林省', country: 'CN', countryName: 'China', divisionType: 'province' });
    }
  });

  it('finds Longjing and Tumen, the cities in Jilin, with their coordinates', async () => {
    const longjing = (await gazetteer.search('Longjing')).find((hit) => hit.kind === 'city' && hit.division === 'CN-JL');
    expect(longjing).toMatchObject({ name: 'Longjing', divisionName: 'Jilin', match: 'exact' });
    expect(near(longjing, 42.7714, 129.4233)).toBe(true);
    const tumen = (await gazetteer.search('Tumen')).find((hit) => hit.kind === 'city' && hit.division === 'CN-JL');
    expect(tumen).toMatchObject({ name: 'Tumen', divisionName: 'Jilin' });
    expect(near(tumen, 42.9661, 129.8425)).toBe(true);
  });

  it('finds Beijing the municipality and Beijing the capital city', async () => {
    const hits = await gazetteer.search('Beijing');
    expect(hits[0]).toMatchObject({ kind: 'division', division: 'CN-BJ', divisionType: 'municipality', native: '北京市' });
    expect(hits.find((hit) => hit.kind === 'city')).toMatchObject({ name: 'Beijing', country: 'CN', division: 'CN-BJ', capital: true });
  });

  it('places Yantai in Shandong', async () => {
    const [yantai] = await gazetteer.search('Yantai', { kind: 'city' });
    expect(yantai).toMatchObject({ name: 'Yantai', country: 'CN', division: 'CN-SD', divisionName: 'Shandong' });
  });

  it('ranks whole names before beginnings, beginnings before words, words before the middle of names', async () => {
    const hits = await gazetteer.search('york', { country: 'US', limit: 50 });
    const matches = hits.map((hit) => hit.match);
    expect(matches[0]).toBe('exact');
    expect(matches).toEqual([...matches].sort((a, b) => ['exact', 'prefix', 'word', 'substring'].indexOf(a) - ['exact', 'prefix', 'word', 'substring'].indexOf(b)));
    expect(hits.find((hit) => hit.name === 'East New York')?.match).toBe('word');
  });

  it('ranks countries before divisions before cities of the same name', async () => {
    const hits = await gazetteer.search('Georgia', { limit: 3 });
    expect(hits.map((hit) => [hit.kind, hit.country])).toEqual([['country', 'GE'], ['division', 'US'], expect.any(Array)]);
  });

  it('finds a name inside another, from three characters on', async () => {
    const hits = await gazetteer.search('ngjin', { country: 'CN', limit: 100 });
    expect(hits.map((hit) => hit.name)).toContain('Longjing');
    expect(hits.every((hit) => hit.match === 'substring')).toBe(true);
  });

  it('finds names without their accents, and countries by other names', async () => {
    expect((await gazetteer.search('Sao Paulo', { kind: 'division' }))[0]).toMatchObject({ country: 'BR', division: 'BR-SP' });
    expect((await gazetteer.search('Chine'))[0]).toMatchObject({ kind: 'country', country: 'CN' });
    expect((await gazetteer.search('조선', { kind: 'country' })).map((hit) => hit.country)).toContain('KP');
    expect((await gazetteer.search('Macao'))[0]).toMatchObject({ kind: 'country', country: 'MO' });
  });

  it('keeps to a country and to kinds when asked', async () => {
    const hits = await gazetteer.search('San', { country: 'mx', limit: 50 });
    expect(hits.length).toBe(50);
    expect(hits.every((hit) => hit.country === 'MX')).toBe(true);
    const divisions = await gazetteer.search('Jilin', { kind: ['city', 'country'] });
    expect(divisions.some((hit) => hit.kind === 'division')).toBe(false);
    expect(divisions[0]).toMatchObject({ kind: 'city', name: 'Jilin', division: 'CN-JL' });
    expect(await gazetteer.search('Jilin', { country: 'KR', kind: 'division' })).toEqual([]);
  });

  it('finds nothing for nonsense, punctuation or nothing', async () => {
    expect(await gazetteer.search('qxzvwjk')).toEqual([]);
    expect(await gazetteer.search('zz')).toEqual([]);
    expect(await gazetteer.search(' -- ')).toEqual([]);
    expect(await gazetteer.search('')).toEqual([]);
  });

  it('refuses a country that is not one, an unknown kind and a limit out of range', async () => {
    await expect(gazetteer.search('Jilin', { country: 'XX' })).rejects.toThrow(PlaceInputError);
    await expect(gazetteer.search('Jilin', { kind: 'village' as 'city' })).rejects.toMatchObject({ field: 'kind' });
    await expect(gazetteer.search('Jilin', { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
  });

  it('answers quickly, even a query of one letter', async () => {
    for (const text of ['s', 'san', '吉', 'Longjing']) {
      const started = performance.now();
      await gazetteer.search(text);
      expect(performance.now() - started, text).toBeLessThan(250);
    }
  });
});

describe('entries and places', () => {
  it('gets an entry by its key, with its parent', async () => {
    const [tumen] = await gazetteer.search('Tumen', { kind: 'city', country: 'CN' });
    const entry = await gazetteer.get(tumen!.id);
    expect(entry).toMatchObject({ id: tumen!.id, name: 'Tumen', division: 'CN-JL' });
    const jilin = await gazetteer.get(entry!.parentId!);
    expect(jilin).toMatchObject({ kind: 'division', division: 'CN-JL' });
    expect(await gazetteer.get(jilin!.parentId!)).toMatchObject({ kind: 'country', country: 'CN', name: 'China', native: '中国' });
    expect(await gazetteer.get('city:999999999')).toBeUndefined();
    expect(await gazetteer.get('Tumen')).toBeUndefined();
  });

  it('makes a place that carries its own copy of the entry', async () => {
    const longjing = (await gazetteer.search('Longjing', { kind: 'city' })).find((hit) => hit.division === 'CN-JL')!;
    const place = await gazetteer.placeOf(longjing.id, 'the hills along the border');
    expect(place).toEqual({
      precision: 'city',
      gazetteerId: longjing.id,
      name: 'Longjing',
      country: 'CN',
      countryName: 'China',
      division: 'CN-JL',
      divisionName: 'Jilin',
      lat: longjing.lat,
      lon: longjing.lon,
      detail: 'the hills along the border',
    });
    expect(formatPlace(place)).toBe('Longjing, Jilin, China — the hills along the border');
  });

  it('formats divisions and countries as readers expect', async () => {
    const [jilin] = await gazetteer.search('吉林');
    expect(formatPlace(await gazetteer.placeOf(jilin!.id))).toBe('Jilin (吉林省), China');
    const [china] = await gazetteer.search('China', { kind: 'country' });
    const place = await gazetteer.placeOf(china!.id);
    expect(place).toMatchObject({ precision: 'country', name: 'China', native: '中国', country: 'CN' });
    expect(place.division).toBeUndefined();
    expect(formatPlace(place)).toBe('China');
  });

  it('refuses a place for a key it does not hold', async () => {
    await expect(gazetteer.placeOf('city:999999999')).rejects.toMatchObject({ field: 'gazetteerId' });
  });

  it('gives the attribution the Open Database License asks for', () => {
    const attribution = gazetteer.attribution();
    expect(attribution).toMatchObject({ licence: 'ODbL-1.0', url: 'https://github.com/dr5hn/countries-states-cities-database' });
    expect(attribution.text).toContain('countries-states-cities-database');
    expect(attribution.text).toContain('dr5hn');
    expect(attribution.text).toContain('Open Database License');
  });
});
