/**
 * Reading the ranking index for one state of the archive: every document's
 * length and current segment in typed arrays (8 bytes a document), and the
 * postings of the terms a query names, read from the database as asked.
 * Built again whenever the documents change (the repository decides when).
 */
import type SQLite from 'better-sqlite3';
import { decodePostings, inIdOrder, maxPostings, type Postings } from './postings.ts';
import type { RankingSource } from './ranking.ts';

export class RankingIndex implements RankingSource {
  readonly documents: number;
  readonly averageLength: number;
  private readonly segmentOf: Uint32Array;
  private readonly length: Uint32Array;
  private readonly postingsRows: SQLite.Statement<[string, string], [number, Buffer]>;
  private readonly startingWith: SQLite.Statement<[string, string, string], string>;
  /** The live segments, as a JSON list: postings are found segment by segment (migration 007). */
  private readonly segments: string;
  private readonly phraseRows: SQLite.Statement<[string], [number, number]>;

  constructor(sqlite: SQLite.Database, maxId: number) {
    this.segmentOf = new Uint32Array(maxId + 1);
    this.length = new Uint32Array(maxId + 1);
    let documents = 0;
    let words = 0;
    for (const [id, segment, length] of sqlite.prepare<[], [number, number, number]>('SELECT id, segment, length FROM search_documents').raw().iterate()) {
      if (id > maxId) continue;
      this.segmentOf[id] = segment;
      this.length[id] = length;
      documents++;
      words += length;
    }
    this.documents = documents;
    this.averageLength = documents === 0 ? 0 : words / documents;
    this.segments = JSON.stringify(sqlite.prepare<[], number>('SELECT id FROM search_segments ORDER BY id').pluck().all());
    const live = 'segment IN (SELECT value FROM json_each(?))';
    this.postingsRows = sqlite.prepare<[string, string], [number, Buffer]>(`SELECT segment, postings FROM search_postings WHERE ${live} AND term = ?`).raw();
    this.startingWith = sqlite.prepare<[string, string, string], string>(
      `SELECT DISTINCT term FROM search_postings WHERE ${live} AND term >= ? AND term < ? ORDER BY term`,
    ).pluck();
    this.phraseRows = sqlite.prepare<[string], [number, number]>(
      'SELECT rowid, bm25(documents_fts, 5.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?',
    ).raw();
  }

  lengthOf(id: number): number {
    return this.length[id] ?? 0;
  }

  /** A term's postings: each segment's, keeping the documents whose current version it holds (segments follow import order). */
  postings(term: string): Postings {
    const rows = this.postingsRows.all(this.segments, term);
    const capacity = rows.reduce((sum, [, bytes]) => sum + maxPostings(bytes), 0);
    const out: Postings = { ids: new Uint32Array(capacity), weights: new Uint32Array(capacity) };
    let count = 0;
    for (const [segment, bytes] of rows) count = decodePostings(bytes, this.segmentOf, segment, out, count);
    return inIdOrder(out.ids.subarray(0, count), out.weights.subarray(0, count));
  }

  termsStartingWith(prefix: string): string[] {
    return this.startingWith.all(this.segments, prefix, `${prefix}\u{10ffff}`);
  }

  phrase(fts: string): Array<[number, number]> {
    return this.phraseRows.all(fts).filter(([id]) => (this.segmentOf[id] ?? 0) !== 0);
  }
}
