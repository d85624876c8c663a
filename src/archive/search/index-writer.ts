/**
 * Writing the ranking index, inside the transaction that stores the
 * documents. The documents added since the last write become one segment
 * (a batch, or 1,000 documents of an import); when a level holds
 * FANOUT segments they are merged into one of the next level, so a term is
 * spread over a few dozen segments at most however large the archive grows.
 * A merge is done at once, or (in an import) a few thousand terms at a time
 * between batches; either way inside one transaction, so no reader ever sees
 * one half done.
 * A term's postings in a segment have their position lists (for phrases)
 * beside them, in search_positions under the same id. A document's current postings are those of the segment search_documents
 * names for it: an updated document's old postings are left behind and
 * dropped at the next merge, a deleted document's go with its row.
 */
import type SQLite from 'better-sqlite3';
import { decodePostings, encodePostings, maxPostings, positionalInIdOrder, type Postings } from './postings.ts';
import { PositionLists } from './positions.ts';
import type { DocumentTerms } from './document-terms.ts';

const FANOUT = 16;
/**
 * Terms read together while merging: few enough that a chunk of common words' position
 * lists stays small (at 100,000 documents, 2,000 terms had held 37 MB at once).
 */
const MERGE_CHUNK = 400;
/** A merge under way: what it merges, into which segment, and how far it has come through their terms. */
interface Merge {
  /** The segments merged, as a JSON list. */
  list: string;
  merged: number;
  /** Each document's segment when the merge began: postings of documents held elsewhere are left out. */
  holder: Uint32Array;
  terms: string[];
  next: number;
}

/** A document waiting for its segment: its terms as numbers in the writer's dictionary, the rest as termsOf made it. */
interface Waiting extends Omit<DocumentTerms, 'terms'> {
  numbers: Uint32Array;
}

export class IndexWriter {
  private pending = new Map<number, Waiting>();
  /**
   * The terms of the documents waiting, numbered in order of first use: a waiting document keeps four bytes a
   * term rather than a string, and an import holds up to 1,000 of them.
   */
  private readonly dictionary = new Map<string, number>();
  private merging: Merge | null = null;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(sqlite: SQLite.Database) {
    this.statements = prepare(sqlite);
  }

  /** Forgets what was added but not written, and a merge under way (the transaction they belonged to rolled back). */
  reset(): void {
    this.pending.clear();
    this.dictionary.clear();
    this.merging = null;
  }

  /** Documents added and not yet written. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** A document (new, or a new version of one) to write with the batch; a later add of the same id replaces it. */
  add(id: number, { terms, ...rest }: DocumentTerms): void {
    const numbers = new Uint32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      let number = this.dictionary.get(terms[i]!);
      if (number === undefined) {
        number = this.dictionary.size;
        this.dictionary.set(terms[i]!, number);
      }
      numbers[i] = number;
    }
    this.pending.set(id, { ...rest, numbers });
  }

  /** Writes the batch's documents as one new segment, then merges full levels. Call inside the batch's transaction. */
  write(): void {
    this.writeSegment();
    while (this.mergeStep(Infinity));
  }

  /** Writes the documents added since the last write as one new segment; full levels wait for `mergeStep`. */
  writeSegment(): void {
    if (this.pending.size === 0) return;
    const s = this.statements;
    const segment = Number(s.newSegment.run(0).lastInsertRowid);
    const ids = [...this.pending.keys()].sort((a, b) => a - b);
    const documents = ids.map((id) => this.pending.get(id)!);
    // Every term's postings gathered with a counting sort into two flat arrays (which document, which of its
    // terms), in id order, rather than an array per term.
    const terms = this.dictionary.size;
    const starts = new Uint32Array(terms + 1);
    documents.forEach(({ numbers, length, titleLength }, d) => {
      s.placeDocument.run(ids[d]!, segment, length, titleLength);
      for (let i = 0; i < numbers.length; i++) starts[numbers[i]! + 1]!++;
    });
    for (let t = 0; t < terms; t++) starts[t + 1]! += starts[t]!;
    const next = starts.slice(0, terms);
    const documentOf = new Uint32Array(starts[terms]!);
    const indexOf = new Uint32Array(starts[terms]!);
    documents.forEach(({ numbers }, d) => {
      for (let i = 0; i < numbers.length; i++) {
        const slot = next[numbers[i]!]!++;
        documentOf[slot] = d;
        indexOf[slot] = i;
      }
    });
    // Scratch space for one term at a time, made once per batch: a term is in each document at most once.
    const termIds = new Uint32Array(documents.length);
    const weights = new Uint32Array(documents.length);
    const lists = new PositionLists(documents.length, documents.map((document) => document.positions));
    let t = 0;
    for (const term of this.dictionary.keys()) {
      const first = starts[t]!;
      const count = starts[++t]! - first;
      // A term only a replaced version of a document had.
      if (count === 0) continue;
      lists.length = 0;
      for (let k = 0; k < count; k++) {
        const d = documentOf[first + k]!;
        const i = indexOf[first + k]!;
        const { weights: documentWeights, positionEnds } = documents[d]!;
        termIds[k] = ids[d]!;
        weights[k] = documentWeights[i]!;
        lists.add(d, i === 0 ? 0 : positionEnds[i - 1]!, positionEnds[i]!);
      }
      this.insert(segment, term, encodePostings(termIds, weights, count), lists.encode());
    }
    this.pending.clear();
    this.dictionary.clear();
  }

  /** A term's postings in a segment, and their position lists under the same id. */
  private insert(segment: number, term: string, postings: Buffer, positions: Buffer): void {
    const id = this.statements.insertPostings.run(term, segment, postings).lastInsertRowid;
    this.statements.insertPositions.run(id, positions);
  }

  /**
   * Goes on merging, inside the caller's transaction: begins a merge when none is under way and a
   * level is full, rewrites up to `terms` more of its terms, and after the last one puts the new
   * segment in the old ones' place. Returns whether merging is left to do. A merge begun in a
   * transaction must be finished in it.
   */
  mergeStep(terms: number): boolean {
    this.merging ??= this.beginMerge();
    const merge = this.merging;
    if (!merge) return false;
    const end = Math.min(merge.next + terms, merge.terms.length);
    for (let first = merge.next; first < end; first += MERGE_CHUNK) this.rewrite(merge, first, Math.min(first + MERGE_CHUNK, end) - 1);
    merge.next = end;
    if (end < merge.terms.length) return true;
    this.finishMerge(merge);
    this.merging = null;
    return this.statements.fullLevel.get(FANOUT) !== undefined;
  }

  /** The lowest full level's merge, if a level is full. */
  private beginMerge(): Merge | null {
    const s = this.statements;
    const full = s.fullLevel.get(FANOUT);
    if (!full) return null;
    const list = JSON.stringify(s.segmentsAt.all(full.level));
    const held = s.holders.all(list);
    const holder = new Uint32Array(held.reduce((max, [id]) => Math.max(max, id), 0) + 1);
    for (const [id, segment] of held) holder[id] = segment;
    const merged = Number(s.newSegment.run(full.level + 1).lastInsertRowid);
    return { list, merged, holder, terms: s.termsOf.all(list), next: 0 };
  }

  /** Rewrites the postings of the merge's terms `first`…`last` (one read for them all) into its new segment. */
  private rewrite(merge: Merge, first: number, last: number): void {
    const rows = this.statements.postingsOf.all(merge.list, merge.terms[first]!, merge.terms[last]!);
    for (let at = 0; at < rows.length;) {
      const term = rows[at]![0];
      let end = at;
      let capacity = 0;
      while (end < rows.length && rows[end]![0] === term) capacity += maxPostings(rows[end++]![2]);
      const out: Postings = { ids: new Uint32Array(capacity), weights: new Uint32Array(capacity) };
      const lists = new PositionLists(capacity);
      let count = 0;
      for (; at < end; at++) count = decodePostings(rows[at]![2], merge.holder, rows[at]![1], out, count, { positions: rows[at]![3], lists });
      if (count === 0) continue;
      const sorted = positionalInIdOrder(out.ids.subarray(0, count), out.weights.subarray(0, count), lists);
      this.insert(merge.merged, term, encodePostings(sorted.ids, sorted.weights), sorted.lists.encode());
    }
  }

  /**
   * The new segment takes the old ones' place: their documents move to it (those not updated since the
   * merge began; an updated one's merged postings are ignored, as in any older segment) and they go.
   */
  private finishMerge({ merged, list }: Merge): void {
    const s = this.statements;
    s.deletePositions.run(list);
    s.deletePostings.run(list);
    s.moveDocuments.run(merged, list);
    s.deleteSegments.run(list);
  }
}

function prepare(sqlite: SQLite.Database) {
  const inList = 'SELECT value FROM json_each(?)';
  return {
    newSegment: sqlite.prepare<[number]>('INSERT INTO search_segments (level) VALUES (?)'),
    placeDocument: sqlite.prepare<[number, number, number, number]>(`INSERT INTO search_documents (id, segment, length, title_length) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET segment = excluded.segment, length = excluded.length, title_length = excluded.title_length`),
    insertPostings: sqlite.prepare<[string, number, Buffer]>('INSERT INTO search_postings (term, segment, postings) VALUES (?, ?, ?)'),
    insertPositions: sqlite.prepare<[number | bigint, Buffer]>('INSERT OR REPLACE INTO search_positions (id, positions) VALUES (?, ?)'),
    fullLevel: sqlite.prepare<[number], { level: number }>('SELECT level FROM search_segments GROUP BY level HAVING count(*) >= ? ORDER BY level LIMIT 1'),
    segmentsAt: sqlite.prepare<[number], number>('SELECT id FROM search_segments WHERE level = ? ORDER BY id').pluck(),
    holders: sqlite.prepare<[string], [number, number]>(`SELECT id, segment FROM search_documents WHERE segment IN (${inList})`).raw(),
    termsOf: sqlite.prepare<[string], string>(`SELECT DISTINCT term FROM search_postings WHERE segment IN (${inList}) ORDER BY term`).pluck(),
    postingsOf: sqlite.prepare<[string, string, string], [string, number, Buffer, Buffer]>(
      `SELECT term, segment, postings, positions FROM search_postings JOIN search_positions USING (id)
        WHERE segment IN (${inList}) AND term BETWEEN ? AND ? ORDER BY term, segment`,
    ).raw(),
    deletePositions: sqlite.prepare<[string]>(`DELETE FROM search_positions WHERE id IN (SELECT id FROM search_postings WHERE segment IN (${inList}))`),
    deletePostings: sqlite.prepare<[string]>(`DELETE FROM search_postings WHERE segment IN (${inList})`),
    moveDocuments: sqlite.prepare<[number, string]>(`UPDATE search_documents SET segment = ? WHERE segment IN (${inList})`),
    deleteSegments: sqlite.prepare<[string]>(`DELETE FROM search_segments WHERE id IN (${inList})`),
  };
}
