/**
 * A snippet: the stretch of a text, about WINDOW words long, that holds the
 * most of a query's terms (then the most matches), each matched word between
 * markers and an ellipsis where text was left out. Words are compared folded,
 * as the index folds them; a phrase's words are marked where they stand in
 * order. Pure.
 */
import type { QueryNode } from './search-query.ts';
import { wordSpans, words, type WordSpan } from './tokens.ts';

const WINDOW = 28;
/** Words kept before the first match, so that it is read in context. */
const LEAD = 3;

interface Wanted {
  /** Words of the term, in order; a prefix term's last word matches any word it begins. */
  words: string[];
  prefix: boolean;
}

function wantedOf(node: QueryNode): Wanted[] {
  if (node.n === 'term') {
    const found = words(node.text);
    return found.length === 0 ? [] : [{ words: found, prefix: node.prefix }];
  }
  return node.n === 'or' ? node.any.flatMap(wantedOf) : node.include.flatMap(wantedOf);
}

function matchesAt(spans: WordSpan[], at: number, wanted: Wanted): boolean {
  return wanted.words.every((word, i) => {
    const span = spans[at + i];
    if (!span) return false;
    return wanted.prefix && i === wanted.words.length - 1 ? span.word.startsWith(word) : span.word === word;
  });
}

export function makeSnippet(text: string, query: QueryNode, marks: { start: string; end: string; ellipsis: string }): string {
  const spans = wordSpans(text);
  if (spans.length === 0) return '';
  const wanted = wantedOf(query);
  // Which term each matched word belongs to (-1: none).
  const term = new Int32Array(spans.length).fill(-1);
  for (let at = 0; at < spans.length; at++) {
    wanted.forEach((w, index) => {
      if (matchesAt(spans, at, w)) for (let i = 0; i < w.words.length; i++) term[at + i] = index;
    });
  }
  let bestStart = 0;
  let bestScore = -1;
  for (let at = 0; at < spans.length; at++) {
    if (term[at] === -1 || (at > 0 && term[at - 1] !== -1)) continue;
    const start = Math.max(0, Math.min(at - LEAD, spans.length - WINDOW));
    const seen = new Set<number>();
    let hits = 0;
    for (let i = start; i < Math.min(start + WINDOW, spans.length); i++) {
      if (term[i] !== -1) { seen.add(term[i]!); hits++; }
    }
    const score = seen.size * 1000 + hits;
    if (score > bestScore) { bestScore = score; bestStart = start; }
  }
  const end = Math.min(bestStart + WINDOW, spans.length);
  let out = bestStart > 0 ? marks.ellipsis : '';
  let from = spans[bestStart]!.start;
  for (let i = bestStart; i < end; i++) {
    if (term[i] === -1) continue;
    const span = spans[i]!;
    out += text.slice(from, span.start) + marks.start + text.slice(span.start, span.end) + marks.end;
    from = span.end;
  }
  out += text.slice(from, spans[end - 1]!.end);
  return end < spans.length ? out + marks.ellipsis : out;
}
