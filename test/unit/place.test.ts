/** Places as records keep them: checked and tidied, formatted for readers, and coordinates read as people paste them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishCountryName, formatPlace, parseCoordinates, place, PlaceInputError, type Place, type PlaceParts } from '../../src/places/place.ts';

/** The field a PlaceInputError names, or a failure if `make` does not throw one. */
function faultyField(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    if (error instanceof PlaceInputError) return error.field;
    throw error;
  }
  throw new Error('expected a PlaceInputError');
}

const longjing: Place = {
  precision: 'city',
  gazetteerId: 'city:19868',
  name: 'Longjing',
  country: 'CN',
  countryName: 'China',
  division: 'CN-JL',
  divisionName: 'Jilin',
  lat: 42.77139,
  lon: 129.42333,
};

describe('place', () => {
  it('tidies what it is given: trimmed texts, upper-case codes, empty texts left out', () => {
    expect(place({ precision: 'division', name: ' Jilin ', native: '吉林省', country: 'cn', division: 'cn-jl', detail: '  ', countryName: '' })).toEqual({
      precision: 'division',
      name: 'Jilin',
      native: '吉林省',
      country: 'CN',
      division: 'CN-JL',
    });
  });

  it('keeps every field of a city taken from the gazetteer', () => {
    expect(place({ ...longjing, detail: 'the hills along the border' })).toEqual({ ...longjing, detail: 'the hills along the border' });
  });

  it('takes a point with coordinates and no name', () => {
    expect(place({ precision: 'point', country: 'CN', lat: 42.7714, lon: 129.4233 })).toEqual({ precision: 'point', name: '', country: 'CN', lat: 42.7714, lon: 129.4233 });
  });

  it('accepts the extremes of latitude and longitude', () => {
    expect(place({ precision: 'point', country: 'AQ', lat: -90, lon: 180 })).toMatchObject({ lat: -90, lon: 180 });
    expect(place({ precision: 'point', country: 'RU', lat: 90, lon: -180 })).toMatchObject({ lat: 90, lon: -180 });
  });

  it.each<[string, PlaceParts, string]>([
    ['a latitude beyond 90', { precision: 'point', country: 'CN', lat: 90.5, lon: 129 }, 'lat'],
    ['a longitude beyond -180', { precision: 'point', country: 'CN', lat: 42, lon: -180.01 }, 'lon'],
    ['a latitude that is not a number', { precision: 'point', country: 'CN', lat: Number.NaN, lon: 129 }, 'lat'],
    ['a point without a latitude', { precision: 'point', country: 'CN', lon: 129 }, 'lat'],
    ['a point without a longitude', { precision: 'point', country: 'CN', lat: 42 }, 'lon'],
    ['a city with a latitude but no longitude', { precision: 'city', name: 'Tumen', country: 'CN', lat: 42.97 }, 'lon'],
    ['a country code that does not exist', { precision: 'country', name: 'Nowhere', country: 'XX' }, 'country'],
    ['an alpha-3 country code', { precision: 'country', name: 'China', country: 'CHN' }, 'country'],
    ['no country', { precision: 'city', name: 'Tumen', country: '' }, 'country'],
    ['a city without a name', { precision: 'city', name: '  ', country: 'CN' }, 'name'],
    ['an unknown precision', { precision: 'village' as Place['precision'], name: 'Sanhe', country: 'CN' }, 'precision'],
    ['a division that is a name, not a code', { precision: 'city', name: 'Tumen', country: 'CN', division: 'Jilin' }, 'division'],
    ['a division on a country', { precision: 'country', name: 'China', country: 'CN', division: 'CN-JL' }, 'division'],
    ['an empty gazetteer id', { precision: 'city', name: 'Tumen', country: 'CN', gazetteerId: ' ' }, 'gazetteerId'],
  ])('refuses %s, naming the field', (_, parts, field) => {
    expect(faultyField(() => place(parts))).toBe(field);
  });

  it('says in its message what is wrong and what was given', () => {
    expect(() => place({ precision: 'point', country: 'CN', lat: 95, lon: 129 })).toThrow('lat (latitude) must be between -90 and 90, not 95');
    expect(() => place({ precision: 'country', name: 'Nowhere', country: 'XX' })).toThrow('country must be an ISO 3166-1 alpha-2 code such as "CN", not "XX"');
  });

  it('accepts any coordinates in range and refuses any out of it', () => {
    fc.assert(fc.property(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -200, max: 200, noNaN: true }), (lat, lon) => {
      const make = () => place({ precision: 'point', country: 'CN', lat, lon });
      if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) expect(make()).toMatchObject({ lat, lon });
      else expect(make).toThrow(PlaceInputError);
    }));
  });
});

describe('formatPlace', () => {
  it('writes a city with its division and country', () => {
    expect(formatPlace(longjing)).toBe('Longjing, Jilin, China');
  });

  it('writes a division with its native name', () => {
    expect(formatPlace({ precision: 'division', name: 'Jilin', native: '吉林省', country: 'CN', countryName: 'China', division: 'CN-JL' })).toBe('Jilin (吉林省), China');
  });

  it('writes a native name only where it differs', () => {
    expect(formatPlace({ precision: 'division', name: 'New York', native: 'New York', country: 'US', countryName: 'United States' })).toBe('New York, United States');
  });

  it('writes a country by its name alone', () => {
    expect(formatPlace({ precision: 'country', name: 'China', native: '中国', country: 'CN' })).toBe('China');
  });

  it('writes a point as "near" its coordinates, to three decimals', () => {
    expect(formatPlace({ precision: 'point', name: '', country: 'CN', lat: 42.7714, lon: 129.4233 })).toBe('near 42.771, 129.423, China');
    expect(formatPlace({ precision: 'point', name: 'Crossing point', country: 'CN', divisionName: 'Jilin', lat: 42.5, lon: -0.25 })).toBe('Crossing point, near 42.5, -0.25, Jilin, China');
  });

  it('adds the free text after the place', () => {
    expect(formatPlace({ ...longjing, detail: 'the hills along the border' })).toBe('Longjing, Jilin, China — the hills along the border');
  });

  it('names the country in English from its code when the place carries no country name', () => {
    expect(formatPlace({ precision: 'city', name: 'Tumen', country: 'CN' })).toBe('Tumen, China');
  });
});

describe('englishCountryName', () => {
  it.each([
    ['CN', 'China'],
    ['KP', 'North Korea'],
    ['KR', 'South Korea'],
    ['IR', 'Iran'],
    ['TW', 'Taiwan'],
    ['MD', 'Moldova'],
    ['TZ', 'Tanzania'],
    ['GB', 'United Kingdom'],
    ['CD', 'Democratic Republic of the Congo'],
    ['ES', 'Spain'],
  ])('%s is %s', (code, name) => {
    expect(englishCountryName(code)).toBe(name);
  });

  it('gives back a code it does not know', () => {
    expect(englishCountryName('ZZ')).toBe('ZZ');
  });
});

describe('parseCoordinates', () => {
  it.each<[string, number, number]>([
    ['42.7714, 129.4233', 42.7714, 129.4233],
    ['42.7714,129.4233', 42.7714, 129.4233],
    ['42.7714 129.4233', 42.7714, 129.4233],
    ['(42.7714; 129.4233)', 42.7714, 129.4233],
    ['-33.8688, 151.2093', -33.8688, 151.2093],
    ['42.7714 N, 129.4233 E', 42.7714, 129.4233],
    ['42.7714°N 129.4233°E', 42.7714, 129.4233],
    ['N 42.7714, E 129.4233', 42.7714, 129.4233],
    ['33.8688 S 70.6693 W', -33.8688, -70.6693],
    ['129.4233 E, 42.7714 N', 42.7714, 129.4233],
    ['42°46′17″N 129°25′24″E', 42.77139, 129.42333],
    [`42°46'17"N, 129°25'24"E`, 42.77139, 129.42333],
    ['42° 46′ N, 129° 25′ E', 42.76667, 129.41667],
  ])('reads %s', (text, lat, lon) => {
    const read = parseCoordinates(text);
    expect(read?.lat).toBeCloseTo(lat, 4);
    expect(read?.lon).toBeCloseTo(lon, 4);
  });

  it.each(['Longjing', '', '42.7714', '42.7714, 129.4233, 7', '42 N, 43 N', '-42 N, 129 E', '42°75′N 129°E', `${'4'.repeat(60)}, ${'1'.repeat(60)}`])(
    'finds no coordinates in %j',
    (text) => {
      expect(parseCoordinates(text)).toBeNull();
    },
  );

  it('refuses coordinates out of range, naming which', () => {
    expect(faultyField(() => parseCoordinates('95, 129'))).toBe('lat');
    expect(faultyField(() => parseCoordinates('42, 190'))).toBe('lon');
    // A longitude first, without letters, reads as a latitude out of range: an error, not a silent swap.
    expect(faultyField(() => parseCoordinates('129.4233, 42.7714'))).toBe('lat');
  });

  it('reads back what it formats', () => {
    fc.assert(fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lon) => {
      const read = parseCoordinates(`${lat.toFixed(5)}, ${lon.toFixed(5)}`);
      expect(read?.lat).toBeCloseTo(lat, 4);
      expect(read?.lon).toBeCloseTo(lon, 4);
    }));
  });
});
