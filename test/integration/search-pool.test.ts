/**
 * Search threads on a real data directory: they answer exactly as a search in
 * the main thread does, see documents imported after they started, and when
 * one stops its searches are answered in the main thread.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DocumentSearch, type SearchRequest } from '../../src/archive/document.search.ts';
import { SearchPool } from '../../src/archive/search-pool.ts';
import { parseSearchQuery } from '../../src/archive/search/search-query.ts';
import type { Database as Schema } from '../../src/db/schema.ts';
import { openVigil } from '../../src/vigil.ts';

const root = mkdtempSync(join(tmpdir(), 'vigil-search-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));

const COUNTRIES = ['China', 'Nepal', 'Peru', 'Kenya'];
const WORDS = ['refugees', 'detained', 'detainees', 'border', 'camps', 'trial', 'press', 'law', 'journalists', 'released'];

/** A plain-text public statement in our own words: index number, date, title, a few sentences. */
function statement(n: number): string {
  const country = COUNTRIES[n % COUNTRIES.length]!;
  const words = Array.from({ length: 40 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(' ');
  return [`AI Index: ASA 17/${String(n).padStart(3, '0')}/2002`, '', `${country}: statement number ${n} on ${WORDS[n % WORDS.length]}`, '',
    `${1 + (n % 27)} March 2002`, '', `People in ${country} were ${words}. The press law was used again.`, ''].join('\n');
}

/** Searches in this thread, on a read-only connection of their own (so that they see every import, as the threads do). */
function searchHere(file: string): { search: DocumentSearch; close: () => void } {
  const sqlite = new Database(file, { readonly: true });
  return { search: new DocumentSearch(new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite), close: () => sqlite.close() };
}

const request = (q: string | null, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  query: q === null ? null : parseSearchQuery(q, { indexNumbers: false }).node,
  filters: {}, sort: q === null ? 'date' : 'relevance', limit: 10, offset: 0, ...extra,
});

const REQUESTS: SearchRequest[] = [
  request('refugees'), request('"press law"'), request('detain*'), request('border OR camps -trial'),
  request('refugees', { filters: { country: 'NP' } }), request('journalists', { sort: 'date', limit: 3, offset: 2 }),
  request(null), request(null, { filters: { year: 2002, country: 'PE' } }), request('absentword'),
];

describe('search threads', () => {
  it('answer as the main thread does, see later imports, and hand their searches back when they stop', async () => {
    const dataDir = join(root, 'data');
    const files = join(root, 'files');
    mkdirSync(files, { recursive: true });
    for (let n = 1; n <= 40; n++) writeFileSync(join(files, `s${n}.txt`), statement(n));
    const vigil = await openVigil({ dataDir, cacheSize: 0, warn: () => {} });
    const fallback = searchHere(vigil.connection.file);
    const pool = new SearchPool(vigil.connection.file, 2, fallback.search);
    const oracle = searchHere(vigil.connection.file);
    const here = oracle.search;
    try {
      await pool.ready;
      expect((await vigil.archive.importFiles([files])).imported).toBe(40);
      for (const asked of REQUESTS) expect(await pool.search(asked)).toEqual(await here.search(asked));
      expect((await pool.search(request('refugees'))).total).toBeGreaterThan(0);

      // Written through the main connection after the threads built their indexes: seen at once.
      writeFileSync(join(files, 'late.txt'), statement(41).replace('statement number 41', 'a zanzibarite statement'));
      await vigil.archive.importFiles([join(files, 'late.txt')]);
      const late = await pool.search(request('zanzibarite'));
      expect(late.total).toBe(1);
      expect(late.hits[0]!.title).toContain('zanzibarite');

      // Threads that stop with searches in hand: those searches, and later ones, are answered here.
      const threads = (pool as unknown as { threads: Array<{ worker: Worker; alive: boolean }> }).threads;
      // Until now the threads answered, not the fallback.
      expect(threads.map((thread) => thread.alive)).toEqual([true, true]);
      const inHand = REQUESTS.map((asked) => pool.search(asked));
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
      const answers = await Promise.all(inHand);
      for (const [i, asked] of REQUESTS.entries()) expect(answers[i]).toEqual(await here.search(asked));
      for (const asked of REQUESTS) expect(await pool.search(asked)).toEqual(await here.search(asked));
    } finally {
      await pool.close();
      fallback.close();
      oracle.close();
      await vigil.close();
    }
  });
});
