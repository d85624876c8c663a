/** The normalised names the gazetteer searches, and the keys its entries are known by. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlaceKey, placeKey } from '../../src/places/gazetteer-entry.ts';
import { searchKey } from '../../src/places/search-key.ts';

describe('searchKey', () => {
  it.each([
    ['Longjing', 'longjing'],
    ['  New   York ', 'new york'],
    ['Saint-Denis', 'saint denis'],
    ['São Tomé', 'sao tome'],
    ['SÃO-TOMÉ', 'sao tome'],
    ["Xi'an", 'xian'],
    ['N’Djamena', 'ndjamena'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['İstanbul', 'istanbul'],
    ['Macau S.A.R.', 'macau s a r'],
    ['CN-JL', 'cn jl'],
    ['ＢＥＩＪＩＮＧ', 'beijing'],
  ])('%s → %s', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });

  it('keeps Chinese, Korean and Indic names whole', () => {
    expect(searchKey('吉林省')).toBe('吉林省');
    expect(searchKey('평양')).toBe('평양');
    expect(searchKey('दिल्ली')).toBe('दिल्ली');
  });

  it('drops Arabic short vowels and Hebrew points', () => {
    expect(searchKey('صَنْعَاء')).toBe('صنعاء');
    expect(searchKey('יְרוּשָׁלַיִם')).toBe('ירושלים');
  });

  it('gives a key that is its own key, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const key = searchKey(text);
      expect(searchKey(key)).toBe(key);
      expect(key).toBe(key.trim());
      expect(key).not.toMatch(/\s\s/);
    }), { numRuns: 2000 });
  });
});

describe('place keys', () => {
  it('reads back what it writes', () => {
    expect(placeKey('city', 19868)).toBe('city:19868');
    expect(parsePlaceKey('city:19868')).toEqual({ kind: 'city', datasetId: 19868 });
    expect(parsePlaceKey(' division:2253 ')).toEqual({ kind: 'division', datasetId: 2253 });
  });

  it.each(['', 'city', 'city:', 'city:0', 'city:-1', 'town:5', 'city:1234567890', 'city:12x'])('refuses %j', (key) => {
    expect(parsePlaceKey(key)).toBeNull();
  });
});
