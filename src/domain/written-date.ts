/**
 * Dates as documents write them (`27 March 2002`, `March 27, 2002`,
 * `27/03/2002`, `2002-03-27`, `27 mars 2002`), read with chrono-node in the
 * document's language. Numeric dates are read day first, as the organisations
 * Vigil serves write them.
 */
import * as chrono from 'chrono-node';

type Parser = { parse: (text: string, ref?: Date, options?: chrono.ParsingOption) => chrono.ParsedResult[] };

const PARSERS: Record<string, Parser> = {
  en: chrono.en.GB,
  fr: chrono.fr,
  de: chrono.de,
  es: chrono.es,
  pt: chrono.pt,
  nl: chrono.nl,
  it: chrono.it,
  ru: chrono.ru,
  uk: chrono.uk,
  sv: chrono.sv,
  fi: chrono.fi,
  id: chrono.id,
  vi: chrono.vi,
  ja: chrono.ja,
  zh: chrono.zh,
};

const REFERENCE = new Date(Date.UTC(2000, 0, 1));
// A second "today": a written date reads the same against both, a relative one (`yesterday`) does not.
const OTHER_REFERENCE = new Date(Date.UTC(2010, 6, 15));

/** A calendar date as `YYYY-MM-DD`, after checking the day exists. */
export function isoDate(year: number, month: number, day: number): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a result states in full, unless it only means something relative to today. */
function completeDate(parser: Parser, result: chrono.ParsedResult): string | null {
  const start = result.start;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return null;
  const date = isoDate(start.get('year')!, start.get('month')!, start.get('day')!);
  // A four-digit year written out cannot be relative to today: no need to read it again.
  if (/\b\d{4}\b/.test(result.text)) return date;
  const again = parser.parse(result.text, OTHER_REFERENCE)[0]?.start;
  const stable = again !== undefined && (['year', 'month', 'day'] as const).every((unit) => again.get(unit) === start.get(unit));
  return stable ? date : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// The forms most headers open with; anything else, or a day that does not exist, is left to chrono.
const NUMERIC_FIRST = /^\s*(?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?![\p{L}\p{N}/.-])/u;
const NAMED_FIRST = /^\s*(?:(\d{1,2}) ([A-Za-z]+) (\d{4})|([A-Za-z]+) (\d{1,2}), (\d{4}))(?![\p{L}\p{N}/.-])/u;
/** Languages whose chrono parser reads `27/03/2002` day first, as the English (GB) one does. */
const DAY_FIRST = new Set(['en', 'fr', 'de', 'es', 'pt', 'nl', 'it']);

/**
 * The date a text opens with, when it opens with one of the usual forms, read without chrono
 * (which was a fifth of the time spent reading a document). On ordinary header lines chrono reads
 * the same; it misreads a few that this does not, such as `2002-03-01 - 28 March 2002` as a range.
 */
function openingDate(text: string, language: string): string | null {
  if (!DAY_FIRST.has(language)) return null;
  const numeric = NUMERIC_FIRST.exec(text);
  if (numeric) {
    return numeric[1] ? isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1])) : isoDate(Number(numeric[4]), Number(numeric[5]), Number(numeric[6]));
  }
  // English month names in English documents only: another language's parser reads the whole text first.
  const named = language === 'en' ? NAMED_FIRST.exec(text) : null;
  if (!named) return null;
  const [day, month, year] = named[1] ? [named[1], named[2]!, named[3]!] : [named[5]!, named[4]!, named[6]!];
  const number = MONTHS.indexOf(month.toLowerCase()) + 1;
  return number > 0 ? isoDate(Number(year), number, Number(day)) : null;
}

/** The first complete written date (day, month and year all stated) in a text, or null. */
export function readWrittenDate(text: string, language = 'en'): string | null {
  return openingDate(text, language) ?? readWithChrono(text, language);
}

/** What chrono reads: the first complete date in the document's language, else in English. */
export function readWithChrono(text: string, language = 'en'): string | null {
  const parsers = language === 'en' ? [PARSERS.en!] : [PARSERS[language], PARSERS.en!].filter(Boolean);
  for (const parser of parsers as Parser[]) {
    for (const result of parser.parse(text, REFERENCE)) {
      const date = completeDate(parser, result);
      if (date) return date;
    }
  }
  return null;
}
