/**
 * Which documents a query matches and how well, computed over the ranking
 * index in typed arrays (FTS5, which the archive used before, scored every
 * match before it could keep the best ten, and collected its matches slowly
 * for common words and short prefixes). The scores are FTS5's bm25 (k1 1.2, b 0.75, its idf floor),
 * with a title word counting as TITLE_WEIGHT body words; a phrase is scored
 * as one term whose hits are the phrase's (phrase.ts). Pure, given a source.
 */
import type { QueryNode } from './search-query.ts';
import { phrasePostings, type PhraseSource } from './phrase.ts';
import type { Postings } from './postings.ts';
import { words } from './tokens.ts';

const K1 = 1.2;
const B = 0.75;

/** Matching documents in increasing id order, each with its score (higher is better). */
export interface Matches {
  ids: Uint32Array;
  scores: Float64Array;
}

export interface RankingSource extends PhraseSource {
  /** Documents in the index, and their average length in words. */
  readonly documents: number;
  readonly averageLength: number;
  lengthOf(id: number): number;
  /** A term's postings, in id order. */
  postings(term: string): Postings;
  /** The indexed terms that begin with `prefix`. */
  termsStartingWith(prefix: string): string[];
}

const NONE: Matches = { ids: new Uint32Array(0), scores: new Float64Array(0) };

export function evaluate(node: QueryNode, source: RankingSource): Matches {
  switch (node.n) {
    case 'term':
      return term(node, source);
    case 'or':
      return node.any.map((part) => evaluate(part, source)).reduce(union);
    case 'and': {
      const included = node.include.map((part) => evaluate(part, source)).sort((a, b) => a.ids.length - b.ids.length);
      let result = included.reduce(intersection);
      for (const part of node.exclude) if (result.ids.length > 0) result = difference(result, evaluate(part, source));
      return result;
    }
  }
}

function term(node: Extract<QueryNode, { n: 'term' }>, source: RankingSource): Matches {
  const found = words(node.text);
  if (found.length === 0) return NONE;
  if (found.length > 1) return scored(phrasePostings(found, node.prefix, source), source);
  const word = found[0]!;
  if (!node.prefix) return scored(source.postings(word), source);
  return scored(summed(source.termsStartingWith(word).map((form) => source.postings(form))), source);
}

/** BM25 of one term (or one prefix, its forms counted together) in each document that holds it. */
function scored({ ids, weights }: Postings, source: RankingSource): Matches {
  const n = ids.length;
  let idf = Math.log((source.documents - n + 0.5) / (n + 0.5));
  if (idf <= 0) idf = 1e-6;
  const scores = new Float64Array(n);
  const average = source.averageLength || 1;
  // tf + K1 × (1 − B + B × length / average), its constant parts worked out once.
  const base = K1 * (1 - B);
  const perWord = (K1 * B) / average;
  const top = idf * (K1 + 1);
  for (let i = 0; i < n; i++) {
    const tf = weights[i]!;
    scores[i] = (top * tf) / (tf + base + perWord * source.lengthOf(ids[i]!));
  }
  return { ids, scores };
}

/**
 * The forms of a prefix together: documents holding any, their weights added.
 * Many or long lists are added up in an array indexed by document (one pass
 * over each list, one over the ids); a few short ones are merged.
 */
function summed(forms: Postings[]): Postings {
  if (forms.length <= 1) return forms[0] ?? { ids: new Uint32Array(0), weights: new Uint32Array(0) };
  let total = 0;
  let maxId = 0;
  for (const { ids } of forms) {
    total += ids.length;
    if (ids.length > 0) maxId = Math.max(maxId, ids[ids.length - 1]!);
  }
  if (forms.length === 2 && 8 * total < maxId) {
    const [a, b] = forms as [Postings, Postings];
    const [ids, weights] = mergeAdding(a.ids, a.weights, b.ids, b.weights, new Uint32Array(total));
    return { ids, weights };
  }
  const byId = new Uint32Array(maxId + 1);
  let distinct = 0;
  for (const { ids, weights } of forms) {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (byId[id] === 0) distinct++;
      byId[id]! += weights[i]!;
    }
  }
  const ids = new Uint32Array(distinct);
  const weights = new Uint32Array(distinct);
  for (let id = 0, k = 0; k < distinct; id++) {
    if (byId[id] === 0) continue;
    ids[k] = id;
    weights[k++] = byId[id]!;
  }
  return { ids, weights };
}

/** Documents matching either part, their scores added. */
function union(a: Matches, b: Matches): Matches {
  const [ids, scores] = mergeAdding(a.ids, a.scores, b.ids, b.scores, new Float64Array(a.ids.length + b.ids.length));
  return { ids, scores };
}

/** The ids of both lists once each, in order, with the values of an id in both added, written to `values`. */
function mergeAdding<V extends Uint32Array | Float64Array>(aIds: Uint32Array, aValues: V, bIds: Uint32Array, bValues: V, values: V): [Uint32Array, V] {
  const ids = new Uint32Array(values.length);
  let i = 0, j = 0, k = 0;
  for (; i < aIds.length && j < bIds.length; k++) {
    const x = aIds[i]!, y = bIds[j]!;
    ids[k] = x < y ? x : y;
    values[k] = (x <= y ? aValues[i++]! : 0) + (y <= x ? bValues[j++]! : 0);
  }
  for (; i < aIds.length; k++) { ids[k] = aIds[i]!; values[k] = aValues[i++]!; }
  for (; j < bIds.length; k++) { ids[k] = bIds[j]!; values[k] = bValues[j++]!; }
  return [ids.subarray(0, k), values.subarray(0, k) as V];
}

function intersection(a: Matches, b: Matches): Matches {
  const ids = new Uint32Array(Math.min(a.ids.length, b.ids.length));
  const scores = new Float64Array(ids.length);
  let i = 0, j = 0, k = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!, y = b.ids[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else { ids[k] = x; scores[k++] = a.scores[i++]! + b.scores[j++]!; }
  }
  return { ids: ids.subarray(0, k), scores: scores.subarray(0, k) };
}

function difference(a: Matches, b: Matches): Matches {
  const ids = new Uint32Array(a.ids.length);
  const scores = new Float64Array(ids.length);
  let j = 0, k = 0;
  for (let i = 0; i < a.ids.length; i++) {
    const x = a.ids[i]!;
    while (j < b.ids.length && b.ids[j]! < x) j++;
    if (j < b.ids.length && b.ids[j] === x) continue;
    ids[k] = x;
    scores[k++] = a.scores[i]!;
  }
  return { ids: ids.subarray(0, k), scores: scores.subarray(0, k) };
}

/** Positions of the `count` best matches: higher score first, then the newer (higher) id, as FTS5's ranking did. */
export function bestPositions(matches: Matches, positions: ArrayLike<number>, count: number): number[] {
  const { ids, scores } = matches;
  const better = (p: number, q: number) => scores[q]! - scores[p]! || ids[q]! - ids[p]!;
  // Most matches score below the page's worst: skipped on one comparison of scores.
  return topPositions(positions, better, count, (p, worst) => scores[p]! < scores[worst]!);
}

/** The `count` first of `positions` by `better` (negative: a before b), in that order; `surelyWorse` may skip one cheaply. */
export function topPositions(
  positions: ArrayLike<number>, better: (a: number, b: number) => number, count: number,
  surelyWorse: (a: number, worst: number) => boolean = () => false,
): number[] {
  if (count >= positions.length / 4) return Array.from(positions).sort(better).slice(0, count);
  // A small page from many matches: keep the best so far in a short sorted list.
  const best: number[] = [];
  for (let i = 0; i < positions.length; i++) {
    const position = positions[i]!;
    if (best.length === count && (surelyWorse(position, best[count - 1]!) || better(position, best[count - 1]!) >= 0)) continue;
    let at = best.length;
    while (at > 0 && better(position, best[at - 1]!) < 0) at--;
    best.splice(at, 0, position);
    if (best.length > count) best.pop();
  }
  return best;
}
