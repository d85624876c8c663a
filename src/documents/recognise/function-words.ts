/**
 * A fast first look at a long text's language: the short words every
 * sentence of a language is full of. It answers only when one language is
 * far ahead of the rest; anything less clear-cut goes to franc.
 */

const WORDS: Record<string, string> = {
  en: 'the and of to in is that for are with was this have from which by not has been their',
  fr: 'le la les des et est une du que dans pour sur pas qui au sont ont leur ces aux',
  es: 'el la los las y en que del por una con para se su al han fue sus este como',
  de: 'der die und das den ist nicht mit von sich des dem auf eine für wurden sind auch im zu',
  pt: 'o os as do da em que não uma dos das para com foi pelo pela ao seu são mais',
  it: 'il di che la per non una sono gli della del nel alla con le dei hanno anche è',
  nl: 'de het een van en niet dat zijn op voor met aan door worden wordt ook naar bij',
};

// Each word scores for every language that uses it, so shared words ("la", "de") decide nothing alone.
const SCORES = new Map<string, string[]>();
for (const [language, list] of Object.entries(WORDS)) {
  for (const word of list.split(' ')) SCORES.set(word, [...(SCORES.get(word) ?? []), language]);
}

const MIN_HITS = 12;
const LEAD = 2.5;

/** The language of a text when its function words leave no doubt, else null. */
export function languageByFunctionWords(text: string): string | null {
  const counts: Record<string, number> = {};
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const languages = SCORES.get(word);
    if (languages) for (const language of languages) counts[language] = (counts[language] ?? 0) + 1;
  }
  const ranked = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < MIN_HITS) return null;
  return !second || first[1] >= second[1] * LEAD ? first[0] : null;
}
