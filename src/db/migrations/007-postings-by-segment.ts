/**
 * The ranking index's postings are found by segment, then term: every batch
 * adds a segment, so its rows go to the end of this index. Indexed by term
 * first, each batch's fifteen thousand terms had landed all over the index,
 * and every commit rewrote most of its pages (at 100,000 documents, tens of
 * megabytes a batch). A query now asks each live segment for its terms.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX search_postings_term`.execute(db);
  await sql`DROP INDEX search_postings_segment`.execute(db);
  await sql`CREATE UNIQUE INDEX search_postings_segment_term ON search_postings (segment, term)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX search_postings_segment_term`.execute(db);
  await sql`CREATE UNIQUE INDEX search_postings_term ON search_postings (term, segment)`.execute(db);
  await sql`CREATE INDEX search_postings_segment ON search_postings (segment, term)`.execute(db);
}
