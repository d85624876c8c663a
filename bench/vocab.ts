/** The shape of a corpus language's vocabulary, and the five languages with their shares of the corpus. */
import type { Lang } from './countries.ts';
import { DE, PT } from './vocab-de-pt.ts';
import { EN } from './vocab-en.ts';
import { ES, FR } from './vocab-fr-es.ts';

export interface Vocabulary {
  /** The organisation's name as the language writes it (fictitious). */
  org: string;
  months: string[];
  /** A date written out, e.g. `27 March 2002`. */
  longDate: (day: number, month: string, year: number) => string;
  /** Heading of the background section. */
  background: string;
  /** Local names of document types; missing ones stay in English. */
  types: Partial<Record<string, string>>;
  /** Words to fill `{slot}` placeholders, most frequent first. */
  slots: Record<string, string[]>;
  /** Sentence templates by topic; `lead` opens a document, `gen` fits any topic. */
  templates: Record<string, string[]>;
  /** Sentences that carry a rare word in `{R}`. */
  rareFrames: string[];
  /** Rare words, least rare first. */
  rare: string[];
  /** Title templates (the text after `Country: `). */
  titles: string[];
}

/** The vocabulary of each corpus language. */
export const VOCABULARIES: Record<Lang, Vocabulary> = { en: EN, fr: FR, es: ES, de: DE, pt: PT };

/** About 80% English, the rest split between the other four. */
export const LANGUAGE_SHARES: [Lang, number][] = [['en', 0.8], ['fr', 0.05], ['es', 0.05], ['de', 0.05], ['pt', 0.05]];

export const TOPICS = ['detention', 'refugees', 'torture', 'deathpenalty', 'expression', 'protest', 'conflict', 'justice', 'women', 'land'];

/** Document types (../shared/facts/index-numbers.md) with how often the corpus uses them. */
export const TYPE_SHARES: [string, number][] = [
  ['Press Release', 28], ['Public Statement', 18], ['Urgent Action', 16], ['Report', 6], ['Open Letter', 4],
  ['Action', 3], ['Article', 3], ['Blog', 3], ['Research Briefing', 3], ['Story', 3], ['Campaign', 2],
  ['Newsletter', 2], ['Position', 2], ['Questions and Answers', 2], ['Annual Report', 1], ['Litigation Submission', 1],
];
