/**
 * When the gazetteer is filled and refilled, on small datasets written for
 * the test in the package's layout: a new version replaces the old one, the
 * same version is left alone, a broken dataset changes nothing, and records
 * that cannot be read are skipped and counted.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Connection } from '../../src/db/connection.ts';
import type { GazetteerDataset } from '../../src/places/gazetteer.loader.ts';
import { GazetteerService } from '../../src/places/gazetteer.service.ts';
import { tempDir, writeFileIn } from '../helpers/cli.ts';

const root = tempDir('vigil-gazetteer-reload-');
let connection: Connection;

interface City {
  id: number;
  name: string;
  latitude: string;
  longitude: string;
}

const LONGJING: City = { id: 19868, name: 'Longjing', latitude: '42.77139000', longitude: '129.42333000' };
const TUMEN: City = { id: 20198, name: 'Tumen', latitude: '42.96611000', longitude: '129.84250000' };

/** A dataset in the package's layout: China with Jilin and the given cities, and the Vatican, which has no folder. */
async function writeDataset(name: string, version: string, cities: readonly (City | Record<string, unknown>)[]): Promise<GazetteerDataset> {
  const directory = join(root, name);
  const china = { id: 45, name: 'China', iso2: 'CN', native: '中国', capital: 'Beijing', population: 1408280000, latitude: '35.00000000', longitude: '105.00000000' };
  const vatican = { id: 238, name: 'Vatican City State (Holy See)', iso2: 'VA', native: 'Vaticano', latitude: '41.9', longitude: '12.45' };
  await writeFileIn(join(directory, 'countries.json'), JSON.stringify([china, vatican]));
  await writeFileIn(join(directory, 'China-CN', 'meta.json'), JSON.stringify({ ...china, translations: { fr: 'Chine' } }));
  const jilin = { id: 2253, name: 'Jilin', country_id: 45, country_code: 'CN', iso2: 'JL', iso3166_2: 'CN-JL', type: 'province', latitude: '43.0', longitude: '126.0', native: '吉林省' };
  await writeFileIn(join(directory, 'China-CN', 'states.json'), JSON.stringify([jilin]));
  const rows = cities.map((city) => ({ state_id: 2253, state_code: 'JL', country_id: 45, country_code: 'CN', native: null, translations: {}, ...city }));
  await writeFileIn(join(directory, 'China-CN', 'Jilin-JL', 'cities.json'), JSON.stringify(rows));
  return { directory, version };
}

beforeAll(async () => {
  connection = await openDatabase(join(root, 'data'));
});

afterAll(async () => {
  await connection.close();
});

describe('ensureLoaded', () => {
  it('fills an empty gazetteer, refills it for a new version, and leaves it for the same one', async () => {
    const first = await writeDataset('v1', '1.0.0', [LONGJING]);
    const loaded = await new GazetteerService(connection.db, first).ensureLoaded();
    expect(loaded).toMatchObject({ loaded: true, version: '1.0.0', countries: 2, divisions: 1, cities: 1, skipped: 0, unreadable: [] });

    const second = await writeDataset('v2', '1.0.1', [LONGJING, TUMEN]);
    const gazetteer = new GazetteerService(connection.db, second);
    expect(await gazetteer.ensureLoaded()).toMatchObject({ loaded: true, version: '1.0.1', cities: 2 });
    expect((await gazetteer.search('Tumen')).map((hit) => hit.id)).toEqual(['city:20198']);
    // The entry keeps its key across versions: a record that stored it finds it again.
    expect(await gazetteer.get('city:19868')).toMatchObject({ name: 'Longjing', division: 'CN-JL', divisionName: 'Jilin', countryName: 'China' });
    const places = await connection.db.selectFrom('gazetteer_places').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(places.n).toBe(2 + 1 + 2);

    expect(await new GazetteerService(connection.db, second).ensureLoaded()).toMatchObject({ loaded: false, version: '1.0.1' });
  });

  it('keeps the gazetteer there was when a new version holds no country', async () => {
    const broken = join(root, 'broken');
    await writeFileIn(join(broken, 'countries.json'), '[]');
    await expect(new GazetteerService(connection.db, { directory: broken, version: '9.9.9' }).ensureLoaded()).rejects.toThrow(/holds no country/);
    const gazetteer = new GazetteerService(connection.db, { directory: join(root, 'v2'), version: '1.0.1' });
    expect(await gazetteer.ensureLoaded()).toMatchObject({ loaded: false, version: '1.0.1', cities: 2 });
    expect(await gazetteer.search('Tumen')).toHaveLength(1);
  });

  it('skips and counts records it cannot read, names files it cannot read, and loads the rest', async () => {
    const cities = [LONGJING, { id: 3, latitude: '1', longitude: '1' }, { name: 'No id' }, { ...TUMEN, latitude: 'north', longitude: '999' }, { ...LONGJING, name: 'Longjing again' }];
    const dataset = await writeDataset('v3', '1.0.2', cities);
    await writeFileIn(join(dataset.directory, 'China-CN', 'Liaoning-LN', 'cities.json'), '[{"id": 1, "name": "Dand');
    const gazetteer = new GazetteerService(connection.db, dataset);
    expect(await gazetteer.ensureLoaded()).toMatchObject({ loaded: true, cities: 2, skipped: 3, unreadable: [join('China-CN', 'Liaoning-LN', 'cities.json')] });
    expect(await new GazetteerService(connection.db, dataset).ensureLoaded()).toMatchObject({ loaded: false, unreadable: [join('China-CN', 'Liaoning-LN', 'cities.json')] });
    const tumen = await gazetteer.get('city:20198');
    expect(tumen).toMatchObject({ name: 'Tumen' });
    expect(tumen?.lat).toBeUndefined();
    expect(tumen?.lon).toBeUndefined();
    expect(await gazetteer.placeOf('city:20198')).toMatchObject({ precision: 'city', name: 'Tumen', division: 'CN-JL' });
  });

  it('loads once when two services ask at the same time', async () => {
    const dataset = await writeDataset('v4', '1.0.3', [LONGJING, TUMEN]);
    const results = await Promise.all([new GazetteerService(connection.db, dataset).ensureLoaded(), new GazetteerService(connection.db, dataset).ensureLoaded()]);
    expect(results.map((status) => status.loaded).sort()).toEqual([false, true]);
  });

  it('searches, gets and makes places only after loading, by itself', async () => {
    const dataset = await writeDataset('v5', '1.0.4', [LONGJING]);
    const gazetteer = new GazetteerService(connection.db, dataset);
    expect((await gazetteer.search('吉林'))[0]).toMatchObject({ id: 'division:2253', native: '吉林省' });
    expect(await gazetteer.ensureLoaded()).toMatchObject({ loaded: false, version: '1.0.4', cities: 1 });
  });

  it('finds a country without divisions, and the country by a translation', async () => {
    const gazetteer = new GazetteerService(connection.db, { directory: join(root, 'v5'), version: '1.0.4' });
    expect((await gazetteer.search('Vatican'))[0]).toMatchObject({ kind: 'country', country: 'VA', id: 'country:238' });
    expect((await gazetteer.search('Chine'))[0]).toMatchObject({ kind: 'country', country: 'CN', match: 'exact' });
  });
});
