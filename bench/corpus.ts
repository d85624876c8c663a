/**
 * A deterministic corpus of realistic human-rights documents for the benchmark:
 * laid out like a 2002 public statement (organisation line, type, header with
 * date, index and news-service number, `# Country: title`, body, Background,
 * ENDS, `public document`, contact), 300–1,500 words, index numbers of all
 * three eras, five languages. Every sentence is assembled from the
 * vocabularies in vocab-*.ts. The corpus of N documents is the first N
 * documents of any larger one with the same seed.
 */
import { COUNTRIES, SERIES, THEMES, type Country, type Lang } from './countries.ts';
import { LANGUAGE_SHARES, TOPICS, TYPE_SHARES, VOCABULARIES, type Vocabulary } from './vocab.ts';

export interface CorpusMeta { index: string | null; country: string; language: string; year: number; type: string }
export interface CorpusDoc { name: string; text: string; meta: CorpusMeta }

/** The mulberry32 generator: a fast 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weighted choice by binary search over cumulative weights. */
class Picker<T> {
  private readonly cumulative: number[] = [];
  constructor(private readonly items: T[], weights: number[]) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
  }
  pick(rnd: () => number): T {
    const x = rnd() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const zipf = <T>(items: T[], s = 1): Picker<T> => new Picker(items, items.map((_, r) => 1 / (r + 1) ** s));
const FIRST_YEAR = 1985;
const LAST_YEAR = 2024;
const SYLLABLES = 'ba da ka la ma na ra sa ta va li mi ni ri si ti lo mo no ro so to ku mu nu ru su tu han wen min jun el ar is om dar bek zan hol qui fer'.split(' ');

/** A pool sentence: literal text at even positions, placeholder names ({P}, {T}...) at odd ones. */
interface Sentence { parts: string[]; words: number; key: string }
interface LangPools { vocab: Vocabulary; topics: Map<string, Sentence[]>; rare: Picker<string>; group: Picker<string> }

function toSentence(text: string): Sentence {
  return { parts: text.split(/\{(IC|C|P|T|N|Y|R|group)\}/), words: text.split(' ').length, key: text };
}

/** Fills the slot words of every template many times: the sentences documents are drawn from. */
function buildPools(lang: Lang, rnd: () => number): LangPools {
  const vocab = VOCABULARIES[lang];
  const slots = new Map(Object.entries(vocab.slots).map(([name, words]) => [name, zipf(words)]));
  const copies = lang === 'en' ? 60 : 40;
  const topics = new Map<string, Sentence[]>();
  for (const [topic, templates] of Object.entries(vocab.templates)) {
    const pool: Sentence[] = [];
    for (const template of templates) {
      for (let k = 0; k < copies; k++) {
        const taken = new Set<string>();
        const text = template.replace(/\{([a-z]+|O)\}/g, (_, name: string) => {
          const slot = slots.get(name);
          if (name === 'O' || !slot) return name === 'O' ? vocab.org : name;
          let word = slot.pick(rnd);
          for (let retry = 0; retry < 5 && taken.has(word); retry++) word = slot.pick(rnd);
          taken.add(word);
          return word;
        });
        pool.push(toSentence(text.charAt(0).toUpperCase() + text.slice(1)));
      }
    }
    topics.set(topic, pool);
  }
  topics.set('rare', vocab.rareFrames.map(toSentence));
  // Sentences naming the country: the second one of every document, so the body names it at least twice.
  topics.set('country', (topics.get('gen') ?? []).filter((s) => s.parts.includes('IC')));
  topics.set('title', vocab.titles.map(toSentence));
  return { vocab, topics, rare: zipf(vocab.rare, 1.1), group: zipf(vocab.slots.group ?? ['people']) };
}

/** Hands out index numbers that are unique within the corpus, moving the year when a series is full. */
class IndexNumbers {
  private readonly used = new Map<string, number>();
  constructor(private readonly rnd: () => number) {}

  allocate(prefix: string, cc: number, year: number): { index: string; year: number } {
    const ccs = String(cc).padStart(2, '0');
    for (let attempt = 0; attempt < 80; attempt++) {
      const y = attempt === 0 ? year : this.shift(year, attempt);
      if (y <= 2000) {
        const key = `${prefix}${cc}/${y}`;
        const n = (this.used.get(key) ?? 0) + 1;
        if (n > 99) continue;
        this.used.set(key, n);
        return { index: `${prefix} ${ccs}/${String(n).padStart(2, '0')}/${String(y % 100).padStart(2, '0')}`, year: y };
      }
      if (y <= 2014) {
        const key = `${prefix}${cc}/${y}`;
        const n = (this.used.get(key) ?? 0) + 1;
        if (n > 999) continue;
        this.used.set(key, n);
        return { index: `${prefix} ${ccs}/${String(n).padStart(3, '0')}/${y}`, year: y };
      }
      // From 2015 one counter serves every prefix; each year starts further on and wraps after 9999.
      const key = `#${y}`;
      const offset = (this.used.get(key) ?? 0) + 1 + (this.rnd() < 0.3 ? 1 : 0);
      if (offset >= 9999) continue;
      this.used.set(key, offset);
      const n = (((y - 2015) * 2311 + offset - 1) % 9999) + 1;
      return { index: `${prefix} ${ccs}/${String(n).padStart(4, '0')}/${y}`, year: y };
    }
    throw new Error(`no free index number for ${prefix} ${ccs} near ${year}`);
  }

  private shift(year: number, attempt: number): number {
    // Alternate earlier and later years, then spill into the next era.
    const step = Math.ceil(attempt / 2) * (attempt % 2 === 0 ? -1 : 1);
    const y = year + step;
    return y < FIRST_YEAR || y > LAST_YEAR ? 2001 + ((year + attempt) % 14) : y;
  }
}

function capitalised(rnd: () => number, min: number, max: number): string {
  let word = '';
  const n = min + Math.floor(rnd() * (max - min + 1));
  for (let i = 0; i < n; i++) word += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function writeDate(vocab: Vocabulary, lang: Lang, d: number, m: number, y: number, rnd: () => number): string {
  const r = rnd();
  if (lang === 'en' && r < 0.2) return `${vocab.months[m - 1]} ${d}, ${y}`;
  if (r < 0.6) return vocab.longDate(d, vocab.months[m - 1]!, y);
  if (r < 0.8) return `${pad2(d)}/${pad2(m)}/${y}`;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** One key for an index number however it is spelt (`ASA 17/09/90` and `ASA 17/009/1990` alike): prefix, country, sequence, full year. */
export function indexKey(printed: string): string {
  const [, prefix, cc, seq, year] = /([A-Z]{3})\s*(\d{2})\s*\/\s*(\d+)\s*\/\s*(\d+)/.exec(printed) ?? [];
  if (!prefix || !cc || !seq || !year) return printed;
  const fullYear = year.length === 4 ? Number(year) : Number(year) <= 30 ? 2000 + Number(year) : 1900 + Number(year);
  return `${prefix} ${cc}/${Number(seq)}/${fullYear}`;
}

/** Generates `count` documents, deterministically for a given seed. */
export function* generateCorpus(count: number, seed = 1): Generator<CorpusDoc> {
  const rnd = mulberry32(seed);
  const pools = new Map<Lang, LangPools>();
  for (const [lang] of LANGUAGE_SHARES) pools.set(lang, buildPools(lang, mulberry32(seed * 7919 + lang.charCodeAt(0))));
  const langs = new Picker(LANGUAGE_SHARES.map(([l]) => l), LANGUAGE_SHARES.map(([, w]) => w));
  const countries = new Picker(COUNTRIES, COUNTRIES.map((c) => c.weight));
  const types = new Picker(TYPE_SHARES.map(([t]) => t), TYPE_SHARES.map(([, w]) => w));
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) years.push(y);
  const yearPicker = new Picker(years, years.map((y) => 1 + (y - FIRST_YEAR) / 13));
  const topics = zipf(TOPICS, 0.7);
  const indexNumbers = new IndexNumbers(rnd);

  for (let i = 0; i < count; i++) {
    const lang = langs.pick(rnd);
    const { vocab, topics: pool, rare, group } = pools.get(lang)!;
    const kind = rnd();
    const country: Country = countries.pick(rnd);
    let year = yearPicker.pick(rnd);
    let index: string | null = null;
    let head = country.names[lang][0];
    if (kind >= 0.03) {
      const series = kind < 0.11 ? SERIES[Math.floor(rnd() * SERIES.length)]! : null;
      const cc = series ? series.subjects[Math.floor(rnd() * series.subjects.length)]! : country.cc;
      const allocated = indexNumbers.allocate(series ? series.prefix : country.prefix, cc, year);
      index = allocated.index;
      year = allocated.year;
      if (series) head = THEMES[lang][Math.floor(rnd() * THEMES[lang].length)]!;
    }
    const type = types.pick(rnd);
    const month = 1 + Math.floor(rnd() * 12);
    const day = 1 + Math.floor(rnd() * 28);
    const person = `${capitalised(rnd, 2, 3)} ${capitalised(rnd, 2, 3)}`;
    const town = capitalised(rnd, 2, 4);
    const [cName, cIn] = country.names[lang];
    const value = (k: string): string => {
      switch (k) {
        case 'IC': return cIn;
        case 'C': return cName;
        case 'P': return person;
        case 'T': return town;
        case 'N': return String(2 + Math.floor(rnd() * rnd() * 300));
        case 'Y': return String(Math.max(1980, year - 1 - Math.floor(rnd() * 6)));
        case 'R': return rare.pick(rnd);
        default: return group.pick(rnd);
      }
    };
    let extraWords = 0;
    const fill = (s: Sentence): string => {
      const parts = s.parts;
      if (parts.length === 1) return parts[0]!;
      let out = parts[0]!;
      for (let p = 1; p < parts.length; p += 2) {
        const v = value(parts[p]!);
        for (let c = 0; c < v.length; c++) if (v.charCodeAt(c) === 32) extraWords++;
        out += v + parts[p + 1]!;
      }
      return out;
    };
    const draw = (from: Sentence[]): Sentence => from[Math.floor(rnd() * from.length)]!;

    const news = 1 + Math.floor(rnd() * 250);
    const label = rnd() < 0.05 ? 'Al Index' : 'AI Index';
    const date = writeDate(vocab, lang, day, month, year, rnd);
    const orgLine = type === 'Press Release' || type === 'Public Statement' ? ' PRESS RELEASE' : type === 'Urgent Action' ? ' URGENT ACTION' : '';
    const lines = [
      `## DEMONSTRATION HUMAN RIGHTS ORGANISATION${orgLine}`, '',
      `#### **${vocab.types[type] ?? type}**`, '',
      index ? `${date} ${label} ${index} - News Service Nr. ${news}` : `${date} - News Service Nr. ${news}`,
    ];
    if (type === 'Urgent Action') lines.push(`${rnd() < 0.3 ? 'FURTHER INFORMATION ON ' : ''}UA ${1 + Math.floor(rnd() * 300)}/${pad2(year % 100)}`);
    lines.push('', `# ${head}: ${fill(draw(pool.get('title')!))}`, '');

    // Body then background, sentence by sentence, until the drawn length is reached.
    const target = 300 + Math.floor(1150 * rnd() ** 1.6);
    const budget = target - 55;
    const topic = topics.pick(rnd);
    const general = pool.get('gen')!;
    const own = pool.get(topic) ?? general;
    // A topic with few templates of its own (the smaller languages) lends fewer sentences, or they repeat.
    const ownShare = 0.02 + Math.min(0.55, (0.1 * own.length) / (lang === 'en' ? 60 : 40));
    const used = new Set<string>();
    const lead = draw(pool.get('lead')!);
    const second = draw(pool.get('country')!);
    let words = lead.words + second.words;
    let paragraph: string[] = [fill(lead), fill(second)];
    let inBackground = false;
    let perParagraph = 2 + Math.floor(rnd() * 4);
    while (words + extraWords < budget) {
      const r = rnd();
      const from = r < 0.02 ? pool.get('rare')! : r < ownShare ? own : r < 0.92 ? general : pool.get(TOPICS[Math.floor(rnd() * TOPICS.length)]!) ?? general;
      let sentence = draw(from);
      for (let retry = 0; retry < 4 && used.has(sentence.key); retry++) sentence = draw(from);
      used.add(sentence.key);
      paragraph.push(fill(sentence));
      words += sentence.words;
      if (paragraph.length >= perParagraph) {
        lines.push(paragraph.join(' '), '');
        paragraph = [];
        perParagraph = 2 + Math.floor(rnd() * 4);
        if (!inBackground && words >= budget * 0.8) {
          inBackground = true;
          lines.push(`## ${vocab.background}`, '');
        }
      }
    }
    if (paragraph.length > 0) lines.push(paragraph.join(' '), '');
    if (!inBackground) lines.splice(lines.length - 2, 0, `## ${vocab.background}`, '');
    const ends = rnd();
    lines.push(
      ends < 0.5 ? '### **\\ENDS**' : ends < 0.8 ? '### ENDS' : 'ENDS', '',
      'public document', '**********', '',
      `For more information please call the press office of ${VOCABULARIES.en.org} in London, UK, on +00 00 0000 0000`, '',
      `${VOCABULARIES.en.org}, 1 Example Street, London; web: https://example.org`, '',
    );
    yield {
      name: `${String(i + 1).padStart(6, '0')}.txt`,
      text: lines.join('\n'),
      meta: { index, country: country.iso, language: lang, year, type },
    };
  }
}
