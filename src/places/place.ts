/**
 * A place as an event or a person's status records it: a gazetteer entry
 * (country, division, city) or a point, at the precision the reports give
 * ("Jilin and Liaoning" are provinces, not cities), with free text for what
 * no gazetteer names ("the hills along the border"). A place keeps its own
 * copy of names, codes and coordinates, so a record reads the same whatever
 * the gazetteer's next version says.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

export type PlacePrecision = 'country' | 'division' | 'city' | 'point';

export const PLACE_PRECISIONS: readonly PlacePrecision[] = ['country', 'division', 'city', 'point'];

export interface Place {
  precision: PlacePrecision;
  /** The gazetteer entry it was taken from (`city:19868`); absent for a point or a place typed in. */
  gazetteerId?: string | number;
  /** English (or romanised) name; for a point, whatever the researcher called it, possibly empty. */
  name: string;
  /** The name in the local language and script (`吉林省`). */
  native?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The country's name as shown, copied with the place; without it, formatting uses an English name of the code. */
  countryName?: string;
  /** ISO 3166-2 (`CN-JL`): the division itself, or the one a city or point lies in. */
  division?: string;
  /** The division's name as shown ("Jilin"), copied with the place. */
  divisionName?: string;
  lat?: number;
  lon?: number;
  /** Free text: "the hills along the border". */
  detail?: string;
}

/** What `place` accepts: a point may go without a name. */
export type PlaceParts = Omit<Place, 'name'> & { name?: string };

/** Input that is not a place; `field` names the part at fault. */
export class PlaceInputError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
    this.name = 'PlaceInputError';
  }
}

export interface Coordinates {
  lat: number;
  lon: number;
}

const DIVISION_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new PlaceInputError(`${field} must be text`, field);
  const text = value.trim();
  return text === '' ? undefined : text;
}

function coordinate(value: unknown, field: 'lat' | 'lon'): number | undefined {
  if (value === undefined || value === null) return undefined;
  const limit = field === 'lat' ? 90 : 180;
  const label = field === 'lat' ? 'latitude' : 'longitude';
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new PlaceInputError(`${field} (${label}) must be a number`, field);
  if (value < -limit || value > limit) throw new PlaceInputError(`${field} (${label}) must be between -${limit} and ${limit}, not ${value}`, field);
  return value;
}

/** Reads a country code in any case; throws unless it is a real ISO 3166-1 alpha-2 code. */
export function countryCode(value: unknown): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) {
    throw new PlaceInputError(`country must be an ISO 3166-1 alpha-2 code such as "CN", not ${JSON.stringify(value)}`, 'country');
  }
  return code;
}

/** Checks and tidies a place: trimmed texts, upper-case codes, coordinates in range, a point with both coordinates. */
export function place(parts: PlaceParts): Place {
  if (!PLACE_PRECISIONS.includes(parts.precision)) {
    throw new PlaceInputError(`precision must be one of ${PLACE_PRECISIONS.join(', ')}, not ${JSON.stringify(parts.precision)}`, 'precision');
  }
  const country = countryCode(parts.country);
  const name = optionalText(parts.name, 'name') ?? '';
  if (name === '' && parts.precision !== 'point') throw new PlaceInputError(`name is required for a place of precision ${parts.precision}`, 'name');

  const lat = coordinate(parts.lat, 'lat');
  const lon = coordinate(parts.lon, 'lon');
  if (parts.precision === 'point' && lat === undefined) throw new PlaceInputError('lat (latitude) is required for a point', 'lat');
  if (parts.precision === 'point' && lon === undefined) throw new PlaceInputError('lon (longitude) is required for a point', 'lon');
  if ((lat === undefined) !== (lon === undefined)) {
    const missing = lat === undefined ? 'lat' : 'lon';
    throw new PlaceInputError(`${missing} is missing: coordinates need both lat and lon`, missing);
  }

  const division = optionalText(parts.division, 'division')?.toUpperCase();
  if (division !== undefined && !DIVISION_CODE.test(division)) {
    throw new PlaceInputError(`division must be an ISO 3166-2 code such as "CN-JL", not ${JSON.stringify(parts.division)}`, 'division');
  }
  if (division !== undefined && parts.precision === 'country') throw new PlaceInputError('division cannot be given for a place of precision country', 'division');

  const gazetteerId = parts.gazetteerId;
  if (gazetteerId !== undefined && !(typeof gazetteerId === 'string' ? gazetteerId.trim() !== '' : Number.isSafeInteger(gazetteerId) && gazetteerId > 0)) {
    throw new PlaceInputError(`gazetteerId must be a gazetteer key such as "city:19868", not ${JSON.stringify(gazetteerId)}`, 'gazetteerId');
  }

  const result: Place = { precision: parts.precision, name, country };
  if (gazetteerId !== undefined) result.gazetteerId = typeof gazetteerId === 'string' ? gazetteerId.trim() : gazetteerId;
  const texts = {
    native: optionalText(parts.native, 'native'),
    countryName: optionalText(parts.countryName, 'countryName'),
    division,
    divisionName: optionalText(parts.divisionName, 'divisionName'),
    lat,
    lon,
    detail: optionalText(parts.detail, 'detail'),
  };
  for (const [key, value] of Object.entries(texts)) if (value !== undefined) Object.assign(result, { [key]: value });
  return result;
}

// Official names that begin like this have a shorter everyday form among the package's names.
const FORMAL = /^(?:the )?(?:(?:people's|islamic|united) )?republic of |^state of /i;

/** The English name a country is known by ("China", not "People's Republic of China"); the code itself if unknown. */
export function englishCountryName(code: string): string {
  const names = countries.getName(code, 'en', { select: 'all' }) ?? [];
  const official = names[0];
  if (official === undefined) return code;
  if (!FORMAL.test(official) && !official.includes(',')) return official;
  const everyday = names.slice(1).find((name) => !name.includes(',') && !name.includes('.') && name.length > 3);
  return everyday ?? official.split(',')[0]!;
}

/** A coordinate for reading: three decimals (about 100 m), without trailing zeros. */
function shortCoordinate(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** A place as a reader sees it: "Longjing, Jilin, China", "Jilin (吉林省), China", "near 42.771, 129.423, China". */
export function formatPlace(p: Place): string {
  const countryName = p.countryName ?? englishCountryName(p.country);
  const withNative = p.native && p.native !== p.name ? `${p.name} (${p.native})` : p.name;
  let parts: (string | undefined)[];
  switch (p.precision) {
    case 'country':
      parts = [p.name || countryName];
      break;
    case 'division':
      parts = [withNative, countryName];
      break;
    case 'city':
      // A city that is its own division (Beijing, Berlin) is named once.
      parts = [withNative, p.divisionName === p.name ? undefined : p.divisionName, countryName];
      break;
    case 'point': {
      const near = p.lat !== undefined && p.lon !== undefined ? `near ${shortCoordinate(p.lat)}, ${shortCoordinate(p.lon)}` : undefined;
      parts = [p.name, near, p.divisionName, countryName];
      break;
    }
  }
  const text = parts.filter((part) => part !== undefined && part !== '').join(', ');
  return p.detail ? `${text} — ${p.detail}` : text;
}

// One coordinate: an optional hemisphere letter, degrees (decimal, or with minutes and seconds), an optional letter.
const PART = String.raw`([NSEW]?)\s*([-+−]?\d{1,3}(?:\.\d+)?)\s*°?(?:\s*(\d{1,2}(?:\.\d+)?)\s*['′’])?(?:\s*(\d{1,2}(?:\.\d+)?)\s*(?:["″”]|''|′′))?\s*([NSEW]?)`;
const COORDINATES = new RegExp(String.raw`^\(?\s*${PART}\s*[,;\s]\s*${PART}\s*\)?$`, 'i');

interface Reading {
  value: number;
  axis: 'lat' | 'lon' | undefined;
}

function readPart(groups: (string | undefined)[]): Reading | null {
  const [before = '', degrees = '', minutes, seconds, after = ''] = groups;
  if (before !== '' && after !== '') return null;
  const letter = (before || after).toUpperCase();
  const negative = /^[-−]/.test(degrees);
  if (negative && letter !== '') return null;
  const value = Math.abs(Number(degrees.replace('−', '-'))) + Number(minutes ?? 0) / 60 + Number(seconds ?? 0) / 3600;
  if (Number(minutes ?? 0) >= 60 || Number(seconds ?? 0) >= 60) return null;
  const sign = negative || letter === 'S' || letter === 'W' ? -1 : 1;
  const axis = letter === 'N' || letter === 'S' ? 'lat' : letter === 'E' || letter === 'W' ? 'lon' : undefined;
  return { value: sign * value, axis };
}

/**
 * Reads coordinates as people paste them: "42.7714, 129.4233", "42.7714 N 129.4233 E",
 * "42°46′17″N 129°25′24″E". Null for text that is not coordinates; throws a
 * PlaceInputError for coordinates out of range.
 */
export function parseCoordinates(text: string): Coordinates | null {
  // Longer text is never a pair of coordinates, and the pattern need not meet it.
  if (text.length > 100) return null;
  const match = COORDINATES.exec(text.trim());
  if (!match) return null;
  const first = readPart(match.slice(1, 6));
  const second = readPart(match.slice(6, 11));
  if (!first || !second) return null;
  if (first.axis !== undefined && first.axis === second.axis) return null;
  const lonFirst = first.axis === 'lon' || second.axis === 'lat';
  const [lat, lon] = lonFirst ? [second.value, first.value] : [first.value, second.value];
  return { lat: coordinate(lat, 'lat')!, lon: coordinate(lon, 'lon')! };
}
