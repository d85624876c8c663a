/**
 * Reading the ranking index for one state of the archive: every document's
 * length, title length and current segment in typed arrays (12 bytes a
 * document), and the postings of the terms a query names (with their
 * position lists, for phrases), read from the database as asked.
 * Built again whenever the documents change (the repository decides when).
 */
import type SQLite from 'better-sqlite3';
import { decodePostings, inIdOrder, positionalInIdOrder, maxPostings, type PositionalPostings, type Postings } from './postings.ts';
import { PositionLists } from './positions.ts';
import type { RankingSource } from './ranking.ts';

export class RankingIndex implements RankingSource {
  readonly documents: number;
  readonly averageLength: number;
  private readonly segmentOf: Uint32Array;
  private readonly length: Uint32Array;
  private readonly titleLength: Uint32Array;
  private readonly postingsRows: SQLite.Statement<[string, string], [number, Buffer]>;
  private readonly startingWith: SQLite.Statement<[string, string, string], string>;
  /** The live segments, as a JSON list: postings are found segment by segment (migration 007). */
  private readonly segments: string;
  private readonly positionalRows: SQLite.Statement<[string, string], [number, Buffer, Buffer]>;

  constructor(sqlite: SQLite.Database, maxId: number) {
    this.segmentOf = new Uint32Array(maxId + 1);
    this.length = new Uint32Array(maxId + 1);
    this.titleLength = new Uint32Array(maxId + 1);
    let documents = 0;
    let words = 0;
    const rows = sqlite.prepare<[], [number, number, number, number]>('SELECT id, segment, length, title_length FROM search_documents').raw();
    for (const [id, segment, length, titleLength] of rows.iterate()) {
      if (id > maxId) continue;
      this.segmentOf[id] = segment;
      this.length[id] = length;
      this.titleLength[id] = titleLength;
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
    this.positionalRows = sqlite.prepare<[string, string], [number, Buffer, Buffer]>(
      `SELECT segment, postings, positions FROM search_postings JOIN search_positions USING (id) WHERE ${live} AND term = ?`,
    ).raw();
  }

  lengthOf(id: number): number {
    return this.length[id] ?? 0;
  }

  /** A term's postings: each segment's, keeping the documents whose current version it holds (segments follow import order). */
  postings(term: string): Postings {
    const rows = this.postingsRows.all(this.segments, term);
    const out = outputFor(rows);
    let count = 0;
    for (const [segment, bytes] of rows) count = decodePostings(bytes, this.segmentOf, segment, out, count);
    return inIdOrder(out.ids.subarray(0, count), out.weights.subarray(0, count));
  }

  termsStartingWith(prefix: string): string[] {
    return this.startingWith.all(this.segments, prefix, `${prefix}\u{10ffff}`);
  }

  titleLengthOf(id: number): number {
    return this.titleLength[id] ?? 0;
  }

  /** A term's postings with their position lists, in id order. */
  positional(term: string): PositionalPostings {
    const rows = this.positionalRows.all(this.segments, term);
    const out = outputFor(rows);
    const lists = new PositionLists(out.ids.length);
    let count = 0;
    for (const [segment, bytes, positions] of rows) count = decodePostings(bytes, this.segmentOf, segment, out, count, { positions, lists });
    return positionalInIdOrder(out.ids.subarray(0, count), out.weights.subarray(0, count), lists);
  }
}

/** Room for every posting of the rows a term's segments gave. */
function outputFor(rows: Array<[number, Buffer, ...Buffer[]]>): Postings {
  const capacity = rows.reduce((sum, [, bytes]) => sum + maxPostings(bytes), 0);
  return { ids: new Uint32Array(capacity), weights: new Uint32Array(capacity) };
}
