/**
 * Index numbers: `PREFIX CC/SEQ/YEAR`, in all three eras of the scheme
 * (`ASA 17/09/90`, `ASA 17/013/2002`, `AMR 37/6674/2017`) and in the spellings
 * archives, web addresses and scanners produce. See ../shared/facts/index-numbers.md.
 */
import { countriesForIndex, regionOfPrefix } from './index-prefixes.ts';

export interface IndexNumber {
  prefix: string;
  countryNumber: number;
  sequence: number;
  year: number;
  /** Printed with a four-digit sequence (`0362`): the scheme from 2015 on. */
  wide?: boolean;
}

export interface IndexParts extends IndexNumber {
  region: string | null;
}

/** A match of an index number inside running text. */
export interface IndexNumberMatch {
  index: IndexNumber;
  start: number;
  end: number;
  /** Whether an "AI Index" label (in any scanned spelling) stood before it. */
  labelled: boolean;
}

const FIRST_YEAR = 1961;

/** Reads a two-digit year of the first era: `90` is 1990, `00` is 2000. */
function expandYear(digits: string): number {
  const n = Number(digits);
  if (digits.length === 4) return n;
  return n <= 30 ? 2000 + n : 1900 + n;
}

function plausible(index: IndexNumber): boolean {
  const thisYear = new Date().getUTCFullYear();
  return index.year >= FIRST_YEAR && index.year <= thisYear + 1 && index.sequence > 0;
}

function build(prefix: string, cc: string, seq: string, year: string): IndexNumber | null {
  const index: IndexNumber = {
    prefix: prefix.toUpperCase(),
    countryNumber: Number(cc),
    sequence: Number(seq),
    year: expandYear(year),
  };
  if (seq.length === 4) index.wide = true;
  return plausible(index) ? index : null;
}

const KNOWN_PREFIXES = new Set(['AFR', 'AMR', 'ASA', 'EUR', 'MDE', 'ACT', 'POL', 'IOR', 'ORG', 'NWS']);

// Separated forms: `ASA 17/013/2002`, `asa17/062/2002`, `asa-17-013-2002`, `ASA 17 013 2002`.
// Each separator is a slash or hyphen with optional spaces, or spaces alone: never ambiguous, so never slow.
const SEPARATED = /^([A-Za-z]{3})[\s_-]*(\d{2})(?:\s*[/-]\s*|\s+)(\d{1,4})(?:\s*[/-]\s*|\s+)(\d{4}|\d{2})$/;
// Compact archive form: `asa170132002`, `asa240121995`, `AMR3766742017`.
const COMPACT = /^([A-Za-z]{3})(\d{2})(\d{1,4})((?:19|20)\d{2})$/;

/** Parses one index number written in any known spelling; null when the text is not one. */
export function parseIndexNumber(text: string): IndexNumber | null {
  const cleaned = text
    .trim()
    .replace(/^\(|\)$/g, '')
    .replace(/^(?:A[Il1|]\s*[Il1|]ndex\s*(?:No\.?|Number)?\s*:?\s*)/i, '')
    .replace(/^(?:\S*\/)?documents\//i, '')
    .replace(/\/[a-z]{2}\/?$/i, '')
    .trim();
  const separated = SEPARATED.exec(cleaned);
  // Words and numbers with spaces only (`May 27 03 2002`) are an index number only under a known prefix.
  if (separated && (/[/-]/.test(cleaned) || KNOWN_PREFIXES.has(separated[1]!.toUpperCase()))) {
    return build(separated[1]!, separated[2]!, separated[3]!, separated[4]!);
  }
  const compact = COMPACT.exec(cleaned.replace(/\s+/g, ''));
  if (compact) return build(compact[1]!, compact[2]!, compact[3]!, compact[4]!);
  return null;
}

/**
 * The one normal spelling: a four-digit year, and a sequence of three digits
 * up to 2015 and four from then on (`ASA 24/0362/2019`). In 2015 both schemes
 * were used, so that year keeps the width the number was printed with.
 */
export function formatIndexNumber(index: IndexNumber): string {
  const cc = String(index.countryNumber).padStart(2, '0');
  const wide = index.year >= 2016 || (index.year === 2015 && index.wide === true);
  const seq = String(index.sequence).padStart(wide ? 4 : 3, '0');
  return `${index.prefix} ${cc}/${seq}/${index.year}`;
}

/** The address form of an index number: `asa-17-013-2002`. */
export function indexNumberSlug(index: IndexNumber): string {
  return formatIndexNumber(index).toLowerCase().replace(/[ /]/g, '-');
}

/** An index number with what its prefix says: its region. */
export function describeIndexNumber(index: IndexNumber): IndexParts {
  const { prefix, countryNumber, sequence, year } = index;
  return { prefix, region: regionOfPrefix(prefix), countryNumber, sequence, year };
}

/** ISO 3166-1 alpha-2 codes the index number's country table gives (may be empty). */
export function countriesOfIndexNumber(index: IndexNumber): string[] {
  return countriesForIndex(index.prefix, index.countryNumber);
}

// The label in every scanned spelling: AI, Al, A1, A| ; Index, lndex, Index:, Index No.
const LABEL = String.raw`\b[Aa][Il1|]\s*[Il1|][Nn][Dd][Ee][Xx](?:\s*(?:[Nn][Oo]\.?|[Nn]umber|NUMBER))?\s*:?\s*`;
// The number itself, tolerant of line wraps and stray spaces around the slashes.
const NUMBER = String.raw`\(?\b([A-Z]{3})\s*(\d{2})\s*\/\s*(\d{1,4})\s*\/\s*(\d{4}|\d{2})(?!\d)`;
const LABELLED_RE = new RegExp(`${LABEL}${NUMBER}`, 'g');
const BARE_RE = new RegExp(NUMBER, 'g');

/** Every index number found in running text, labelled ones first-class; in text order. */
export function findIndexNumbers(text: string): IndexNumberMatch[] {
  const found: IndexNumberMatch[] = [];
  const taken = new Set<number>();
  for (const m of text.matchAll(LABELLED_RE)) {
    const index = build(m[1]!, m[2]!, m[3]!, m[4]!);
    if (!index) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    taken.add(start);
    found.push({ index, start, end: m.index + m[0].length, labelled: true });
  }
  for (const m of text.matchAll(BARE_RE)) {
    const start = m.index + m[0].indexOf(m[1]!);
    if (taken.has(start) || !KNOWN_PREFIXES.has(m[1]!)) continue;
    const index = build(m[1]!, m[2]!, m[3]!, m[4]!);
    if (index) found.push({ index, start, end: m.index + m[0].length, labelled: false });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** True when two index numbers name the same document. */
export function sameIndexNumber(a: IndexNumber, b: IndexNumber): boolean {
  return formatIndexNumber(a) === formatIndexNumber(b);
}
