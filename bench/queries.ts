/**
 * The benchmark's fixed query mix, picked from the corpus itself: the first
 * documents of the corpus (the same for every size) are tokenised and the
 * words chosen by how many documents contain them. Deterministic for a seed.
 */
import { generateCorpus } from './corpus.ts';
import { EN } from './vocab-en.ts';

export interface BenchQuery {
  label: string;
  words: string[];
  phrase?: boolean;
  prefix?: boolean;
  country?: string;
  /** The same query in Vigil's syntax: `a b`, `"a b"`, `detain*`. */
  vigilQuery: string;
  /** How the query was chosen, with its share of the sampled documents. */
  note: string;
}

// Words of the organisation line, header and trailer (in every document) and common function words.
const STOP = new Set(('demonstration human rights organisation information please press office london example street ' +
  'document public release service index their about there other those these after under since where before against ' +
  'without during being which while would could should people')
  .split(' '));
const PHRASES = ['fair trial', 'border areas', 'death threats', 'international law', 'without charge', 'land rights', 'press law', 'tear gas'];
const PREFIXES = ['detain', 'tortur', 'arrest', 'protest'];
const TOKEN = /[\p{L}\p{N}]+/gu;

/** A matcher for words standing next to each other, as a full-text phrase query finds them. */
export function phraseMatcher(words: string[], escape = true): RegExp {
  const escaped = escape ? words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : words;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

const content = (w: string): boolean => /^[a-z]{5,}$/.test(w) && !STOP.has(w);
// Vigil's full-text index stems (FTS5 porter); MiniSearch and FlexSearch match whole words. Queries are
// picked where that makes no difference in the corpus, so the engines can be compared on the same hits.
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'edly', 'ed', 'ers', 'er', 'es', 's', 'ly', 'ment', 'ness', 'e'];
/** A rough English stem (`reported` → `report`), enough to see which words have other forms in the corpus. */
function stem(text: string): string {
  // Porter folds -bly into -ble (`forcibly` and `forcible` are one stem).
  const word = text.endsWith('bly') ? `${text.slice(0, -1)}e` : text;
  for (const suffix of SUFFIXES) if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  return word;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function closest<T>(items: T[], value: (t: T) => number, target: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = Math.abs(value(item) - target);
    if (distance < bestDistance) [best, bestDistance] = [item, distance];
  }
  return best;
}

/** Picks the six queries of the mix from the first `sample` documents of the corpus. */
export function pickQueries(seed = 1, sample = 5000): BenchQuery[] {
  const texts: string[] = [];
  const tokens: Set<string>[] = [];
  const countries: string[] = [];
  for (const doc of generateCorpus(sample, seed)) {
    texts.push(doc.text);
    tokens.push(new Set(doc.text.toLowerCase().match(TOKEN) ?? []));
    countries.push(doc.meta.country);
  }
  const n = texts.length;
  const df = new Map<string, number>();
  for (const set of tokens) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const share = (w: string): number => (df.get(w) ?? 0) / n;
  const stemDf = new Map<string, number>();
  for (const set of tokens) for (const st of new Set([...set].map(stem))) stemDf.set(st, (stemDf.get(st) ?? 0) + 1);
  // A word whose other forms never stand in a document without it finds the same documents stemmed or not.
  const words = [...df.keys()].filter((w) => content(w) && stemDf.get(stem(w)) === df.get(w)).sort();
  const single = new Set(words);
  const both = (a: string, b: string): number => tokens.filter((s) => s.has(a) && s.has(b)).length / n;

  const common = closest(words.filter((w) => w.length >= 7), share, 0.5)!;
  const rareWords = EN.rare.filter((w) => single.has(w) && (df.get(w) ?? 0) >= 1);
  const rare = closest(rareWords, (w) => df.get(w) ?? 0, 3)!;

  const mid = words.filter((w) => w !== common && share(w) >= 0.08 && share(w) <= 0.35)
    .sort((a, b) => share(b) - share(a) || (a < b ? -1 : 1)).slice(0, 25);
  const pairs: [string, string][] = [];
  for (let i = 0; i < mid.length; i++) for (let j = i + 1; j < mid.length; j++) pairs.push([mid[i]!, mid[j]!]);
  const pair = closest(pairs, ([a, b]) => both(a, b), 0.05)!;

  const phraseStats = PHRASES.map((p) => {
    const ws = p.split(' ');
    const re = phraseMatcher(ws);
    const stemmed = phraseMatcher(ws.map((w) => `${stem(w)}\\p{L}*`), false);
    const and = tokens.filter((s) => ws.every((w) => s.has(w))).length / n;
    const exact = texts.filter((t) => re.test(t)).length / n;
    const same = texts.filter((t) => stemmed.test(t)).length / n === exact;
    return { p, and, exact, gain: exact >= 0.02 && same ? (and - exact) / and : -1 };
  });
  const phrase = phraseStats.reduce((a, b) => (b.gain > a.gain ? b : a));

  const cn = tokens.filter((_, i) => countries[i] === 'CN');
  const cnShare = (w: string): number => cn.filter((s) => s.has(w)).length / cn.length;
  const cnWords = words.filter((w) => w !== common && w !== 'china' && w !== 'chinese' && share(w) < 0.4);
  const cnWord = closest(cnWords, cnShare, 0.3)!;

  const expansions = (p: string): string[] => [...df.keys()].filter((w) => w.startsWith(p));
  const prefix = PREFIXES.find((p) => expansions(p).length >= 3) ?? PREFIXES[0]!;

  return [
    { label: 'common word', words: [common], vigilQuery: common, note: `in ${pct(share(common))} of sampled docs` },
    { label: 'rare word', words: [rare], vigilQuery: rare, note: `in ${df.get(rare)} of ${n} sampled docs` },
    { label: 'two words', words: pair, vigilQuery: pair.join(' '), note: `both in ${pct(both(...pair))}` },
    {
      label: 'phrase', words: phrase.p.split(' '), phrase: true, vigilQuery: `"${phrase.p}"`,
      note: `phrase in ${pct(phrase.exact)}, all its words in ${pct(phrase.and)}`,
    },
    { label: 'word + country', words: [cnWord], country: 'CN', vigilQuery: cnWord, note: `in ${pct(cnShare(cnWord))} of CN docs` },
    {
      label: 'prefix', words: [prefix], prefix: true, vigilQuery: `${prefix}*`,
      note: `${expansions(prefix).length} forms: ${expansions(prefix).sort().slice(0, 6).join(', ')}`,
    },
  ];
}
