/**
 * What the parts of an index number mean: the region of a prefix and the
 * country behind a two-digit number, as seen in public documents
 * (../shared/facts/index-numbers.md). Unknown numbers simply map to nothing.
 */

const REGIONS: Record<string, string> = {
  AFR: 'Africa',
  AMR: 'Americas',
  ASA: 'Asia and Pacific',
  EUR: 'Europe and Central Asia',
  MDE: 'Middle East and North Africa',
};

/** Non-regional series; their meaning is a reading of examples, not a definition. */
const SERIES: Record<string, string> = {
  ACT: 'Campaigns and themes',
  POL: 'Policy',
  IOR: 'International organisations',
  ORG: 'Organisational',
  NWS: 'News',
};

const COUNTRY_NUMBERS: Record<string, Record<number, string[]>> = {
  ASA: {
    11: ['AF'], 16: ['MM'], 17: ['CN'], 20: ['IN'], 21: ['ID'], 24: ['KP'],
    25: ['KR'], 28: ['MY'], 33: ['PK'], 35: ['PH'],
  },
  AFR: { 12: ['AO'], 16: ['BI'], 44: ['NG'], 54: ['SD'], 62: ['CD'], 65: ['SS'] },
  AMR: { 18: ['BO'], 23: ['CO'], 37: ['HN'], 41: ['MX'], 51: ['US'], 53: ['VE'] },
  EUR: { 44: ['TR'], 45: ['GB'], 46: ['RU'], 50: ['UA'] },
  MDE: {
    12: ['EG'], 13: ['IR'], 14: ['IQ'], 15: ['IL', 'PS'], 23: ['SA'], 24: ['SY'], 31: ['YE'],
  },
};

/** The region a prefix files under, or null for a non-regional series. */
export function regionOfPrefix(prefix: string): string | null {
  return REGIONS[prefix] ?? null;
}

/** The name of a non-regional series, or null. */
export function seriesOfPrefix(prefix: string): string | null {
  return SERIES[prefix] ?? null;
}

/** Countries (ISO alpha-2) that a prefix and country number stand for. */
export function countriesForIndex(prefix: string, countryNumber: number): string[] {
  return COUNTRY_NUMBERS[prefix]?.[countryNumber] ?? [];
}

/** Every (prefix, country number) pair known to stand for a country, for generators and tests. */
export function knownCountryNumbers(): Array<{ prefix: string; countryNumber: number; countries: string[] }> {
  return Object.entries(COUNTRY_NUMBERS).flatMap(([prefix, table]) =>
    Object.entries(table).map(([n, countries]) => ({ prefix, countryNumber: Number(n), countries })),
  );
}
