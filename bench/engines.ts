/**
 * Other JavaScript search engines behind one interface, so the benchmark can
 * run Vigil's query mix over them. Neither has phrase search: a phrase is run
 * as an AND of its words and the ranked hits are then checked against the
 * stored text until `limit` of them contain the phrase. Country filters use
 * MiniSearch's `filter` and FlexSearch's tags. FlexSearch gets prefix search
 * by expanding the prefix over its own term dictionary (its `forward`
 * tokenizer would make every query a prefix query and multiply its memory).
 */
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { phraseMatcher, type BenchQuery } from './queries.ts';

export type { BenchQuery } from './queries.ts';

export interface BenchDoc { id: number; title: string; body: string; country: string }

export interface Engine {
  name: string;
  add(docs: BenchDoc[]): void;
  /** Ids of the best `limit` matches, best first. */
  search(query: BenchQuery, limit: number): number[];
  /** Matches of the last search before `limit` (for a phrase: the AND matches checked); -1 when the engine stopped at `limit`. */
  lastHits: number;
}

/** Reads a document's full text back (from the corpus files), for phrase checks. */
export type TextSource = (id: number) => string;

/** Keeps the ranked ids whose text contains the phrase, stopping at `limit`. */
function filterPhrase(ids: Iterable<number>, query: BenchQuery, text: TextSource, limit: number): number[] {
  const re = phraseMatcher(query.words);
  const kept: number[] = [];
  for (const id of ids) {
    if (re.test(text(id))) kept.push(id);
    if (kept.length >= limit) break;
  }
  return kept;
}

/** MiniSearch 7: title boosted ×3, AND of terms, prefix only for the prefix query. */
export class MiniSearchEngine implements Engine {
  readonly name = 'MiniSearch';
  lastHits = 0;
  private readonly index = new MiniSearch<BenchDoc>({ fields: ['title', 'body'], idField: 'id' });
  private readonly countries: string[] = [];

  constructor(private readonly text: TextSource) {}

  add(docs: BenchDoc[]): void {
    for (const doc of docs) this.countries[doc.id] = doc.country;
    this.index.addAll(docs);
  }

  search(query: BenchQuery, limit: number): number[] {
    const country = query.country;
    const results = this.index.search(query.words.join(' '), {
      boost: { title: 3 },
      combineWith: 'AND',
      prefix: query.prefix === true,
      ...(country ? { filter: (r: { id: number }) => this.countries[r.id] === country } : {}),
    });
    this.lastHits = results.length;
    const ids = results.map((r) => r.id as number);
    return query.phrase ? filterPhrase(ids, query, this.text, limit) : ids.slice(0, limit);
  }
}

type FlexDoc = { id: number; title: string; body: string; country: string };
type FlexIndex = InstanceType<typeof FlexSearch.Document<FlexDoc>>;
/** One step of a FlexSearch Resolver chain: a term in a field, or a tag. */
type FlexStep = { index: FlexIndex; query?: string; field?: 'title' | 'body'; tag?: Record<string, string> };
/** The part of FlexSearch's Resolver used here; its published generic types do not follow a chain of and/or calls. */
interface FlexChain {
  or(...steps: FlexStep[]): FlexChain;
  and(...steps: (FlexStep | FlexChain)[]): FlexChain;
  resolve(options: { limit: number }): number[];
}
/** The internals read for prefix expansion: each field's index keeps its encoded terms in `map`. */
type FlexInternals = { index: Map<string, { map: Map<string, unknown> }> };

const FIELDS = ['title', 'body'] as const;
const PHRASE_CANDIDATES = 5000;

/** FlexSearch 0.8 Document index over title and body, tagged by country; AND across fields via its Resolver. */
export class FlexSearchEngine implements Engine {
  readonly name = 'FlexSearch';
  lastHits = 0;
  private readonly index: FlexIndex = new FlexSearch.Document<FlexDoc>({
    document: { id: 'id', index: [...FIELDS], tag: ['country'] },
    tokenize: 'strict',
  });
  private readonly encoder = new FlexSearch.Encoder(FlexSearch.Charset.Default);

  constructor(private readonly text: TextSource) {}

  add(docs: BenchDoc[]): void {
    for (const doc of docs) this.index.add(doc);
  }

  /** Encoded terms of the index that start with the (encoded) prefix. */
  private expand(prefix: string): string[] {
    const encoded = (this.encoder as unknown as { encode(s: string): string[] }).encode(prefix)[0] ?? prefix;
    const terms = new Set<string>();
    for (const field of (this.index as unknown as FlexInternals).index.values()) {
      for (const term of field.map.keys()) if (term.startsWith(encoded)) terms.add(term);
    }
    return [...terms];
  }

  /** Documents holding any of the terms in any field. */
  private anyField(terms: string[]): FlexChain {
    const steps: FlexStep[] = terms.flatMap((query) => FIELDS.map((field) => ({ index: this.index, query, field })));
    const [first, ...rest] = steps;
    const chain = new FlexSearch.Resolver<FlexDoc>(first) as unknown as FlexChain;
    return rest.length > 0 ? chain.or(...rest) : chain;
  }

  search(query: BenchQuery, limit: number): number[] {
    let chain: FlexChain | null = null;
    for (const word of query.words) {
      const terms = query.prefix ? this.expand(word) : [word];
      if (terms.length === 0) return [];
      const next = this.anyField(terms);
      chain = chain ? chain.and(next) : next;
    }
    if (!chain) return [];
    if (query.country) chain = chain.and({ index: this.index, tag: { country: query.country } });
    const wanted = query.phrase ? PHRASE_CANDIDATES : limit;
    const ids = chain.resolve({ limit: wanted });
    this.lastHits = ids.length < wanted ? ids.length : -1;
    return query.phrase ? filterPhrase(ids, query, this.text, limit) : ids;
  }
}

/** The engines the benchmark compares with Vigil, by name. */
export function createEngine(name: string, text: TextSource): Engine {
  if (name === 'MiniSearch') return new MiniSearchEngine(text);
  if (name === 'FlexSearch') return new FlexSearchEngine(text);
  throw new Error(`unknown engine ${name}`);
}
