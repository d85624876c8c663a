/**
 * The search box's language — words, "phrases", prefix*, AND / OR / NOT,
 * -word and parentheses — turned into a query tree for the ranking index.
 * Index numbers in any spelling are recognised first. The same query is also
 * written as an FTS5 expression, every term quoted, for the tests that check
 * the ranking index against SQLite's FTS5. Pure.
 */
import { formatIndexNumber, parseIndexNumber } from '../../domain/index-number.ts';

export class SearchQueryError extends Error {
  override name = 'SearchQueryError';
}

export type ParsedQuery =
  | { kind: 'index'; index: string }
  | { kind: 'match'; fts: string; terms: string[]; node: QueryNode };

type Token =
  | { t: 'term'; text: string; prefix: boolean; phrase: boolean; negated: boolean }
  | { t: 'and' | 'or' | 'not' | 'open' | 'close' };

/** A read query: terms (words, prefixes, phrases) under AND (with exclusions) and OR. */
export type QueryNode = Node;
type Node =
  | { n: 'term'; text: string; prefix: boolean; phrase: boolean }
  | { n: 'and'; include: Node[]; exclude: Node[] }
  | { n: 'or'; any: Node[] };

const HAS_WORD = /[\p{L}\p{N}]/u;
// Shorter prefixes would match a large part of the vocabulary and answer slowly.
const MIN_PREFIX = 3;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { tokens.push({ t: c === '(' ? 'open' : 'close' }); i++; continue; }
    const negated = c === '-' && i + 1 < query.length && !/\s/.test(query[i + 1]!);
    if (negated) i++;
    if (negated && query[i] === '(') {
      // `-(a OR b)` excludes the whole group, as `NOT (a OR b)` does.
      tokens.push({ t: 'not' });
      continue;
    }
    if (query[i] === '"') {
      const end = query.indexOf('"', i + 1);
      if (end < 0) throw new SearchQueryError('a quotation mark is not closed: end the phrase with "');
      const prefix = query[end + 1] === '*';
      tokens.push({ t: 'term', text: query.slice(i + 1, end), prefix, phrase: true, negated });
      i = end + (prefix ? 2 : 1);
      continue;
    }
    let end = i;
    while (end < query.length && !/[\s()"]/.test(query[end]!)) end++;
    const word = query.slice(i, end);
    i = end;
    if (!negated && (word === 'AND' || word === 'OR' || word === 'NOT')) {
      tokens.push({ t: word.toLowerCase() as 'and' | 'or' | 'not' });
      continue;
    }
    const prefix = word.endsWith('*');
    tokens.push({ t: 'term', text: word.replace(/\*+$/, ''), prefix, phrase: false, negated });
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node | null {
    const node = this.or();
    if (this.at < this.tokens.length) {
      throw new SearchQueryError(this.tokens[this.at]!.t === 'close' ? 'a closing parenthesis has no opening one' : 'the query could not be read');
    }
    return node;
  }

  private or(): Node | null {
    const parts: Node[] = [];
    for (;;) {
      const part = this.and();
      if (part) parts.push(part);
      if (this.peek() !== 'or') break;
      this.at++;
      if (!part || this.atEndOfGroup()) throw new SearchQueryError('OR needs something to search for on both sides');
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : { n: 'or', any: parts };
  }

  private and(): Node | null {
    const include: Node[] = [];
    const exclude: Node[] = [];
    while (!this.atEndOfGroup() && this.peek() !== 'or') {
      const token = this.tokens[this.at]!;
      if (token.t === 'and') {
        this.at++;
        if (this.atEndOfGroup() || this.peek() === 'or') throw new SearchQueryError('AND needs something to search for on both sides');
        continue;
      }
      let negate = false;
      if (token.t === 'not') {
        this.at++;
        if (this.atEndOfGroup() || this.peek() === 'or') throw new SearchQueryError('NOT needs a word after it');
        negate = true;
      }
      const atom = this.atom();
      if (!atom) continue;
      (negate || atom.negated ? exclude : include).push(atom.node);
    }
    if (include.length === 0 && exclude.length > 0) {
      throw new SearchQueryError('a query cannot only exclude words: add a word to search for');
    }
    if (include.length === 0) return null;
    return include.length === 1 && exclude.length === 0 ? include[0]! : { n: 'and', include, exclude };
  }

  private atom(): { node: Node; negated: boolean } | null {
    const token = this.tokens[this.at++]!;
    if (token.t === 'open') {
      const inner = this.or();
      if (this.peek() !== 'close') throw new SearchQueryError('a parenthesis is not closed');
      this.at++;
      return inner ? { node: inner, negated: false } : null;
    }
    if (token.t !== 'term') throw new SearchQueryError(`${token.t.toUpperCase()} is misplaced`);
    if (!HAS_WORD.test(token.text)) return null;
    if (token.prefix && !token.phrase && [...token.text].length < MIN_PREFIX) {
      throw new SearchQueryError(`a prefix needs at least ${MIN_PREFIX} letters before the * ("${token.text}*" is too short)`);
    }
    return { node: { n: 'term', text: token.text, prefix: token.prefix, phrase: token.phrase }, negated: token.negated };
  }

  private peek(): Token['t'] | undefined {
    return this.tokens[this.at]?.t;
  }

  private atEndOfGroup(): boolean {
    const next = this.peek();
    return next === undefined || next === 'close';
  }
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The FTS5 expression for a query or a part of one, every term quoted. */
export function toFts(node: Node): string {
  switch (node.n) {
    case 'term':
      return quote(node.text.trim()) + (node.prefix ? '*' : '');
    case 'or':
      return `(${node.any.map(toFts).join(' OR ')})`;
    case 'and': {
      const include = node.include.map(toFts).join(' AND ');
      const base = node.include.length > 1 ? `(${include})` : include;
      if (node.exclude.length === 0) return base;
      return `(${base} NOT (${node.exclude.map(toFts).join(' OR ')}))`;
    }
  }
}

function termsOf(node: Node): string[] {
  if (node.n === 'term') return [node.text];
  if (node.n === 'or') return node.any.flatMap(termsOf);
  return node.include.flatMap(termsOf);
}

/** Reads a search box query; throws SearchQueryError with a message meant for the reader. */
export function parseSearchQuery(input: string, options?: { indexNumbers: true }): ParsedQuery;
/** Reads a query as words only, even when it looks like an index number. */
export function parseSearchQuery(input: string, options: { indexNumbers: false }): Extract<ParsedQuery, { kind: 'match' }>;
export function parseSearchQuery(input: string, options = { indexNumbers: true }): ParsedQuery {
  // Control characters are never searched for, and FTS5 reads a NUL as the end of the expression.
  const query = input.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const index = options.indexNumbers ? parseIndexNumber(query) : null;
  if (index) return { kind: 'index', index: formatIndexNumber(index) };
  if (query.length > 1000) throw new SearchQueryError('the query is too long (at most 1,000 characters)');
  const node = new Parser(tokenize(query)).parse();
  if (!node) throw new SearchQueryError('the query has no words to search for');
  return { kind: 'match', fts: toFts(node), terms: termsOf(node), node };
}
