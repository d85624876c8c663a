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

/** The first complete written date (day, month and year all stated) in a text, or null. */
export function readWrittenDate(text: string, language = 'en'): string | null {
  const parsers = language === 'en' ? [PARSERS.en!] : [PARSERS[language], PARSERS.en!].filter(Boolean);
  for (const parser of parsers as Parser[]) {
    for (const result of parser.parse(text, REFERENCE)) {
      const date = completeDate(parser, result);
      if (date) return date;
    }
  }
  return null;
}
