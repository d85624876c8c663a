/**
 * SQLite's FTS5 as the oracle for the archive's own search index: a
 * temporary FTS5 table (the connection's own, never in the data file) over
 * the documents as they are when it is made, with the tokenizer the ranking
 * index follows, and bm25 weighting the title 5 to the body's 1.
 */
import type SQLite from 'better-sqlite3';

export interface Fts5Oracle {
  /** Matches for an FTS5 expression, best first (bm25, then the newer id), with FTS5's score made positive. */
  ranked(fts: string): Array<{ id: number; score: number }>;
  /** How many documents an FTS5 expression matches. */
  count(fts: string): number;
}

/** Indexes the documents table now (again, if called before on this connection). */
export function fts5Oracle(sqlite: SQLite.Database): Fts5Oracle {
  sqlite.exec(`DROP TABLE IF EXISTS temp.oracle_fts;
    CREATE VIRTUAL TABLE temp.oracle_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO temp.oracle_fts (rowid, title, body) SELECT id, title, body FROM main.documents;`);
  const ranked = sqlite.prepare<[string], [number, number]>(
    'SELECT rowid, bm25(oracle_fts, 5.0, 1.0) FROM oracle_fts WHERE oracle_fts MATCH ? ORDER BY 2, rowid DESC',
  ).raw();
  const count = sqlite.prepare<[string], number>('SELECT count(*) FROM oracle_fts WHERE oracle_fts MATCH ?').pluck();
  return {
    ranked: (fts) => ranked.all(fts).map(([id, bm25]) => ({ id, score: -bm25 })),
    count: (fts) => count.get(fts)!,
  };
}
