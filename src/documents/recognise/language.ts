/** The language a document is written in, as an ISO 639-1 code, detected with franc. */
import { franc } from 'franc-min';
// The one table, not the package's index: the index loads every language's record (~13 MB in each reading thread).
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import { languageByFunctionWords } from './function-words.ts';

// The languages human-rights documents are issued in most; restricting franc
// to them keeps detection fast (it compares trigram profiles one by one) and
// avoids confusing close neighbours that are never used.
const CANDIDATES = [
  'eng', 'fra', 'spa', 'deu', 'por', 'ita', 'nld', 'ind', 'tur', 'pol', 'swe', 'ron', 'hun', 'ces',
  'vie', 'tgl', 'swh', 'hau', 'som', 'cmn', 'kor', 'jpn', 'arb', 'rus', 'ukr', 'pes', 'urd', 'hin',
  'ben', 'tha', 'ell', 'heb',
];
const MACRO: Record<string, string> = { cmn: 'zh', arb: 'ar', pes: 'fa', swh: 'sw' };
const SAMPLE = 300;
const FUNCTION_WORD_SAMPLE = 1500;

/** ISO 639-1 code of the text's language, or `und` when it cannot be told. */
export function detectLanguage(text: string): string {
  // franc costs a fraction of a millisecond a call; most long texts are settled by their function words first.
  const obvious = languageByFunctionWords(text.slice(0, FUNCTION_WORD_SAMPLE));
  if (obvious) return obvious;
  const sample = text.length > SAMPLE * 2 ? text.slice(text.length / 4, text.length / 4 + SAMPLE) : text;
  const code = franc(sample, { only: CANDIDATES, minLength: 20 });
  if (code === 'und') return 'und';
  return MACRO[code] ?? iso6393To1[code] ?? 'und';
}
