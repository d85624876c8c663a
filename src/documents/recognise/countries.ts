/**
 * The countries a text is about: country names (from i18n-iso-countries, in
 * the languages documents are issued in) and the adjectives that name their
 * people ("North Korean", "Chinese"), counted as they occur.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import pt from 'i18n-iso-countries/langs/pt.json' with { type: 'json' };
import { DEMONYMS } from './demonyms.ts';

const LANGUAGES = [en, fr, es, de, pt];
// Names that are also ordinary capitalised words or too short to trust.
const AMBIGUOUS = new Set(['US', 'U.S.', 'Congo', 'Georgia', 'Jersey', 'Guinea', 'Chad', 'Niger', 'Jordan', 'Man']);

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  for (const locale of LANGUAGES) {
    countries.registerLocale(locale);
    for (const [code, aliases] of Object.entries(countries.getNames(locale.locale, { select: 'all' }))) {
      for (const alias of aliases) {
        if (/[,()]/.test(alias) || AMBIGUOUS.has(alias)) continue;
        if (!names.has(alias)) names.set(alias, code);
      }
    }
  }
  for (const [demonym, code] of Object.entries(DEMONYMS)) names.set(demonym, code);
  names.set('Jordan', 'JO');
  names.set('DR Congo', 'CD');
  // The everyday names of the two Koreas, which the package gives only in English.
  for (const name of ['Corea del Norte', 'Corée du Nord', 'Nordkorea', 'Coreia do Norte']) names.set(name, 'KP');
  for (const name of ['Corea del Sur', 'Corée du Sud', 'Südkorea', 'Coreia do Sul']) names.set(name, 'KR');
  // Everyday names the package lacks or files under another country (German "…Republik Kongo" is not CG).
  const everyday: Record<string, string[]> = {
    SY: ['Syria', 'Syrie', 'Siria', 'Síria', 'Syrien'],
    US: ['États-Unis', 'Estados Unidos', 'Vereinigte Staaten'],
    SA: ['Arabie saoudite', 'Arabia Saudí', 'Arabia Saudita', 'Arábia Saudita', 'Saudi-Arabien'],
    CD: ['République démocratique du Congo', 'República Democrática del Congo', 'República Democrática do Congo', 'Demokratische Republik Kongo'],
    MM: ['Mianmar', 'Birmanie', 'Birmania'],
    IR: ['Irã', 'Irán'],
    YE: ['Iêmen', 'Yémen'],
  };
  for (const [code, list] of Object.entries(everyday)) for (const name of list) names.set(name, code);
  // North Korea's official name, which otherwise ends in "Republic of Korea" (South Korea).
  names.set("Democratic People's Republic of Korea", 'KP');
  names.set('Democratic People’s Republic of Korea', 'KP');
  return names;
}

const NAMES = buildNames();
// For each first word, the most words a name starting with it has.
const SPAN = new Map<string, number>();
// Every name's first words short of the whole name ("United", "United Arab"): a phrase reads on only while it is one.
const UNFINISHED = new Set<string>();
for (const name of NAMES.keys()) {
  const words = name.split(' ');
  SPAN.set(words[0]!, Math.max(SPAN.get(words[0]!) ?? 0, words.length));
  for (let n = 1; n < words.length; n++) UNFINISHED.add(words.slice(0, n).join(' '));
}
// Only capitalised words can start a name; the words after one are read only when a name could go on.
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}\p{L}*(?:[.'’-]\p{L}+)*\.?/gu;
const NEXT_WORD = /\s+(\p{L}+(?:[.'’-]\p{L}+)*\.?)/uy;

/** The country a phrase names, as written, with a full stop, or with a plural or possessive ending. */
function lookup(written: string): string | undefined {
  const phrase = written.endsWith('.') ? written.slice(0, -1) : written;
  const code = NAMES.get(phrase);
  if (code !== undefined || !phrase.endsWith('s')) return code;
  const possessive = phrase.endsWith("'s") || phrase.endsWith('’s');
  return (possessive ? NAMES.get(phrase.slice(0, -2)) : undefined) ?? NAMES.get(phrase.slice(0, -1));
}

/** The span of a word that carries a sentence's full stop ("Spain.") or a plural or possessive ending. */
function spanOfInflected(word: string): number {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (bare !== word) {
    const span = SPAN.get(bare);
    if (span !== undefined) return span;
  }
  if (!bare.endsWith('s')) return 0;
  return SPAN.get(bare.replace(/(?:['’]s|s)$/, '')) ?? 0;
}

/** How many times each country (ISO alpha-2) is named in a text. */
export function countCountryMentions(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // A name's words so far, joined, and where each ends in the text.
  const phrases: string[] = [];
  const ends: number[] = [];
  CAPITALISED.lastIndex = 0;
  for (let match = CAPITALISED.exec(text); match; match = CAPITALISED.exec(text)) {
    const word = match[0];
    if ((SPAN.get(word) ?? spanOfInflected(word)) === 0) continue;
    phrases.length = 0;
    ends.length = 0;
    phrases.push(word);
    ends.push(match.index + word.length);
    while (UNFINISHED.has(phrases[phrases.length - 1]!)) {
      NEXT_WORD.lastIndex = ends[ends.length - 1]!;
      const next = NEXT_WORD.exec(text);
      if (!next) break;
      phrases.push(`${phrases[phrases.length - 1]!} ${next[1]!}`);
      ends.push(NEXT_WORD.lastIndex);
    }
    for (let n = phrases.length; n >= 1; n--) {
      const code = lookup(phrases[n - 1]!);
      if (code) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
        // The next capitalised word is looked for after the name.
        CAPITALISED.lastIndex = ends[n - 1]!;
        break;
      }
    }
  }
  return counts;
}
