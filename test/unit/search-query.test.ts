import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSearchQuery, SearchQueryError, type ParsedQuery } from '../../src/archive/search/search-query.ts';

/** The FTS expression of a query that must be a full-text search. */
function ftsOf(query: string): string {
  const parsed = parseSearchQuery(query);
  if (parsed.kind !== 'match') throw new Error(`expected a text search for ${query}, got ${JSON.stringify(parsed)}`);
  return parsed.fts;
}

function errorOf(query: string): string {
  try {
    parseSearchQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchQueryError);
    return (error as SearchQueryError).message;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

const db = new Database(':memory:');
db.exec('CREATE VIRTUAL TABLE t USING fts5(title, body)');
const insert = db.prepare('INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)');
const ROWS: Array<[number, string, string]> = [
  [1, 'China: North Korean refugees at risk', 'A round-up of illegal immigrants is planned for April in Jilin.'],
  [2, 'Spanish embassy entry', 'Twenty-five North Koreans entered the Spanish embassy in Beijing.'],
  [3, 'Refugee convention', 'China acceded to the refugee convention in 1982.'],
  [4, 'Returns from Longjing', 'People were returned from Longjing and Tumen to North Korea.'],
];
for (const row of ROWS) insert.run(...row);
const select = db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid');
afterAll(() => db.close());

/** The rows a search box query finds in the real FTS5 table. */
const rowsFor = (query: string): number[] => select.all(ftsOf(query)).map((row) => row.rowid);

describe('parseSearchQuery: words and phrases', () => {
  it('quotes a single word', () => {
    expect(parseSearchQuery('refugees')).toMatchObject({ kind: 'match', fts: '"refugees"', terms: ['refugees'] });
  });

  it('joins words with AND', () => {
    expect(parseSearchQuery('china refugees')).toMatchObject({ kind: 'match', fts: '("china" AND "refugees")', terms: ['china', 'refugees'] });
    expect(rowsFor('china refugees')).toEqual([1]);
  });

  it('keeps a phrase together', () => {
    expect(parseSearchQuery('"illegal immigrants"')).toMatchObject({ kind: 'match', fts: '"illegal immigrants"', terms: ['illegal immigrants'] });
    expect(rowsFor('"illegal immigrants"')).toEqual([1]);
    expect(rowsFor('"immigrants illegal"')).toEqual([]);
  });

  it('reads a prefix search', () => {
    expect(ftsOf('refug*')).toBe('"refug"*');
    expect(rowsFor('refug*')).toEqual([1, 3]);
    expect(ftsOf('"north kor"*')).toBe('"north kor"*');
    expect(rowsFor('"north kor"*')).toEqual([1, 2, 4]);
  });

  it('quotes what would be FTS5 syntax, so it is searched for as text', () => {
    expect(ftsOf('title:china')).toBe('"title:china"');
    expect(ftsOf('NEAR(a b)')).toBe('("NEAR" AND ("a" AND "b"))');
    expect(ftsOf('a^b')).toBe('"a^b"');
    expect(ftsOf('and or not')).toBe('("and" AND "or" AND "not")');
    expect(rowsFor('title:china')).toEqual([]);
  });

  it('reads control characters as spaces', () => {
    expect(ftsOf('china\u0000korea\tnorth')).toBe('("china" AND "korea" AND "north")');
    expect(rowsFor('north\u0000embassy')).toEqual([2]);
  });

  it('ignores tokens with no letters or digits', () => {
    expect(ftsOf('china - * .')).toBe('"china"');
  });
});

describe('parseSearchQuery: operators', () => {
  it('reads AND, OR and NOT', () => {
    expect(ftsOf('china AND refugees')).toBe('("china" AND "refugees")');
    expect(ftsOf('longjing OR embassy')).toBe('("longjing" OR "embassy")');
    expect(ftsOf('china NOT april')).toBe('("china" NOT ("april"))');
    expect(rowsFor('longjing OR embassy')).toEqual([2, 4]);
    expect(rowsFor('china NOT april')).toEqual([3]);
  });

  it('reads -word as NOT', () => {
    expect(ftsOf('china -april')).toBe(ftsOf('china NOT april'));
    expect(ftsOf('korea* -"spanish embassy"')).toBe('("korea"* NOT ("spanish embassy"))');
    expect(rowsFor('north -embassy')).toEqual([1, 4]);
  });

  it('keeps a hyphen inside a word', () => {
    expect(ftsOf('round-up')).toBe('"round-up"');
    expect(rowsFor('round-up')).toEqual([1]);
  });

  it('reads parentheses', () => {
    expect(ftsOf('(longjing OR embassy) north')).toBe('(("longjing" OR "embassy") AND "north")');
    expect(rowsFor('(longjing OR embassy) beijing')).toEqual([2]);
    expect(rowsFor('((refugee))')).toEqual([3]);
  });

  it('excludes a whole group with NOT ( ) and with -( )', () => {
    expect(rowsFor('north NOT (embassy OR longjing)')).toEqual([1]);
    expect(rowsFor('north -(embassy OR longjing)')).toEqual([1]);
    expect(ftsOf('north -(embassy OR longjing)')).toBe(ftsOf('north NOT (embassy OR longjing)'));
  });

  it('gives OR a lower precedence than AND', () => {
    expect(ftsOf('a b OR c')).toBe('(("a" AND "b") OR "c")');
  });

  it('treats lower-case operators as words', () => {
    expect(ftsOf('china or korea')).toBe('("china" AND "or" AND "korea")');
  });

  it('lists the terms to highlight, not the excluded ones', () => {
    expect((parseSearchQuery('(a OR "b c") dee* -e') as Extract<ParsedQuery, { kind: 'match' }>).terms).toEqual(['a', 'b c', 'dee']);
  });
});

describe('parseSearchQuery: index numbers', () => {
  it.each(['ASA 17/013/2002', 'asa170132002', 'asa-17-013-2002', 'AI Index: ASA 17/013/2002', 'Al Index ASA 17/13/02', ' ASA 17/013/2002 ', '/documents/asa17/013/2002/en/'])(
    'sends %j to the index',
    (query) => {
      expect(parseSearchQuery(query)).toEqual({ kind: 'index', index: 'ASA 17/013/2002' });
    },
  );

  it('reads numbers of every era', () => {
    expect(parseSearchQuery('ASA 17/09/90')).toEqual({ kind: 'index', index: 'ASA 17/009/1990' });
    expect(parseSearchQuery('AMR 37/6674/2017')).toEqual({ kind: 'index', index: 'AMR 37/6674/2017' });
  });

  it('searches text for something that only looks like an index number', () => {
    expect(parseSearchQuery('ASA 17/013').kind).toBe('match');
    expect(parseSearchQuery('ASA 17/013/2002 china').kind).toBe('match');
  });
});

describe('parseSearchQuery: malformed queries', () => {
  it.each([
    ['', /no words/],
    ['   ', /no words/],
    ['* - ()', /no words/],
    ['"illegal immigrants', /quotation mark is not closed/],
    ['(china OR korea', /parenthesis is not closed/],
    ['china)', /closing parenthesis has no opening one/],
    ['china OR', /OR needs something .* both sides/],
    ['OR china', /OR needs something .* both sides/],
    ['china AND', /AND needs something .* both sides/],
    ['AND', /AND needs something/],
    ['china NOT', /NOT needs a word after it/],
    ['NOT china', /cannot only exclude/],
    ['-china', /cannot only exclude/],
    ['-china -korea', /cannot only exclude/],
    ['china NOT NOT korea', /NOT is misplaced/],
    ['ch*', /prefix needs at least 3 letters/],
  ])('refuses %j', (query, message) => {
    expect(errorOf(query)).toMatch(message);
  });

  it('refuses an overlong query, saying the limit', () => {
    expect(errorOf('word '.repeat(300))).toMatch(/too long.*1,000/);
  });

  it('refuses quickly a long query that is almost an index number', () => {
    const started = performance.now();
    expect(errorOf(`abc12${' '.repeat(100_000)}x`)).toMatch(/too long/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

const QUERY_PIECES = [
  'china', 'north', 'korea', 'refug', 'é', '中国', '"', '""', '(', ')', '*', '-', ' ', ' ', ' ', 'AND', 'OR', 'NOT', 'NEAR', ':', '^', '+',
  '\'', '\\', '\0', '\t', '\n', 'title:', '{', '}', '.', ',', '\u0301', '\u200b', '\uFFFF', '\uD800', '1', '2002', 'ASA 17/013/2002',
];
const queryLike = fc.array(fc.oneof(fc.constantFrom(...QUERY_PIECES), fc.string({ maxLength: 4 })), { maxLength: 25 }).map((pieces) => pieces.join(''));
const arbitraryQuery = fc.oneof(queryLike, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }));

describe('parseSearchQuery: properties', () => {
  it('either returns or throws SearchQueryError, never anything else', () => {
    fc.assert(
      fc.property(arbitraryQuery, (query) => {
        try {
          const parsed = parseSearchQuery(query);
          expect(['index', 'match']).toContain(parsed.kind);
        } catch (error) {
          expect(error).toBeInstanceOf(SearchQueryError);
          expect((error as Error).message).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives an FTS expression that a real FTS5 table accepts', () => {
    fc.assert(
      fc.property(arbitraryQuery, (query) => {
        let parsed: ParsedQuery;
        try {
          parsed = parseSearchQuery(query);
        } catch (error) {
          if (error instanceof SearchQueryError) return;
          throw error;
        }
        if (parsed.kind === 'match') expect(() => select.all(parsed.fts)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
