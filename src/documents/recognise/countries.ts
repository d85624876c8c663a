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
  // North Korea's official name, which otherwise ends in "Republic of Korea" (South Korea).
  names.set("Democratic People's Republic of Korea", 'KP');
  names.set('Democratic People’s Republic of Korea', 'KP');
  return names;
}

const NAMES = buildNames();
// For each first word, the most words a name starting with it has.
const SPAN = new Map<string, number>();
for (const name of NAMES.keys()) {
  const words = name.split(' ');
  SPAN.set(words[0]!, Math.max(SPAN.get(words[0]!) ?? 0, words.length));
}
const WORD = /\p{L}+(?:[.'’-]\p{L}+)*\.?/gu;

function lookup(phrase: string): string | undefined {
  return (
    NAMES.get(phrase) ??
    NAMES.get(phrase.replace(/['’]s$/, '')) ??
    (phrase.endsWith('s') ? NAMES.get(phrase.slice(0, -1)) : undefined)
  );
}

/** How many times each country (ISO alpha-2) is named in a text. */
export function countCountryMentions(text: string): Map<string, number> {
  const words = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const first = word.charAt(0);
    if (first === first.toLowerCase()) continue;
    // A sentence's full stop stays on its last word ("Spain."): look the word up without it too.
    const bare = word.replace(/\.$/, '');
    const span = SPAN.get(word) ?? SPAN.get(bare) ?? SPAN.get(bare.replace(/(?:['’]s|s)$/, '')) ?? 0;
    for (let n = Math.min(span, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ').replace(/\.$/, '');
      const code = lookup(phrase);
      if (code) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
        i += n - 1;
        break;
      }
    }
  }
  return counts;
}
