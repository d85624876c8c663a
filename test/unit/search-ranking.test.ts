/**
 * The ranking index against FTS5 itself: for random corpora, stored through
 * the repository in random batches (so that postings spread over segments,
 * which merge) with some documents updated afterwards, and random queries of
 * words, prefixes, phrases, AND, OR and NOT, the repository's search must
 * find the documents FTS5 finds, in FTS5's order (bm25 with the title
 * weighted 5, then the newer id), with FTS5's scores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentRepository, type NewDocumentRow } from '../../src/archive/document.repository.ts';
import { bestPositions } from '../../src/archive/search/ranking.ts';
import { parseSearchQuery, toFts, type QueryNode } from '../../src/archive/search/search-query.ts';
import { termsOf } from '../../src/archive/search/document-terms.ts';
import { openDatabase, type Connection } from '../../src/db/connection.ts';
import { fts5Oracle, type Fts5Oracle } from '../helpers/fts5-oracle.ts';

/** A row as an import hands it to the writer, with its terms. */
const toSave = (row: NewDocumentRow) => ({ row, countries: [], terms: termsOf(row.title, row.body) });

const root = mkdtempSync(join(tmpdir(), 'vigil-ranking-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));
let databases = 0;

const SYSTEM = { id: null, label: 'system' };
const NOW = '2024-01-01T00:00:00.000Z';

function row(n: number, title: string, body: string): NewDocumentRow {
  return {
    slug: `doc-${n}`, index_number: `TEST ${n}`, index_as_printed: null, index_prefix: null, index_country_number: null,
    index_sequence: null, index_year: null, language: 'en', type: null, date: null, year: null, news_service_number: null,
    urgent_action: null, title, organisation: null, body, sections: '[]', end_marker: null, distribution: null, contact: null,
    countries: '[]', content_hash: `hash-${n}`, source_file: null,
  };
}

async function freshArchive(): Promise<{ connection: Connection; repository: DocumentRepository }> {
  const connection = await openDatabase(join(root, `db-${++databases}`));
  return { connection, repository: new DocumentRepository(connection.db, connection.sqlite) };
}

/** A small vocabulary, so that words repeat; spellings differ in case and accents but fold alike. */
const VOCABULARY = [
  'refugee', 'refugees', 'refuge', 'border', 'borders', 'China', 'chinese', 'korea', 'Korean', 'koreans', 'embassy',
  'police', 'prison', 'prisoners', 'asylum', 'seoul', 'Séoul', 'SEOUL', 'Łódź', 'camp', 'camps', 'return', 'returned',
];
const word = fc.constantFrom(...VOCABULARY);
const separator = fc.constantFrom(' ', ' ', ' ', ', ', '. ', ' - ', '\n', ' (', ') ');
function textOf(min: number, max: number) {
  return fc.array(fc.tuple(word, separator), { minLength: min, maxLength: max })
    .map((parts) => parts.map(([w, s]) => w + s).join('').trim());
}
const document = fc.record({ title: textOf(1, 5), body: textOf(0, 30) });

/** Documents, then the sizes of the batches they are saved in, then updates: [which document, new text]. */
const corpus = fc.array(document, { minLength: 20, maxLength: 60 }).chain((documents) => fc.record({
  documents: fc.constant(documents),
  batches: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: documents.length, maxLength: documents.length }),
  updates: fc.array(fc.tuple(fc.nat(documents.length - 1), document), { maxLength: 8 }),
}));

const atom = fc.oneof(
  { weight: 3, arbitrary: word.map((w) => w.toLowerCase() === w ? w : w.toUpperCase()) },
  { weight: 1, arbitrary: fc.constant('absent') },
  { weight: 2, arbitrary: fc.constantFrom('ref*', 'refugee*', 'bor*', 'kor*', 'chi*', 'pri*', 'ret*', 'seo*', 'séo*', 'emb*', 'camp*', 'łod*', 'zzz*') },
  { weight: 2, arbitrary: fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`) },
  { weight: 1, arbitrary: fc.tuple(word, word, word).map(([a, b, c]) => `"${a} ${b} ${c}"`) },
  { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom('ref', 'bor', 'kor', 'camp', 'séo', 're', 'zzz')).map(([a, b]) => `"${a} ${b}"*`) },
);
const query = fc.oneof(
  atom,
  fc.tuple(atom, atom).map(([a, b]) => `${a} ${b}`),
  fc.tuple(atom, atom).map(([a, b]) => `${a} AND ${b}`),
  fc.tuple(atom, atom).map(([a, b]) => `${a} OR ${b}`),
  fc.tuple(atom, atom).map(([a, b]) => `${a} NOT ${b}`),
  fc.tuple(atom, atom, atom).map(([a, b, c]) => `(${a} OR ${b}) ${c}`),
  fc.tuple(atom, atom, atom).map(([a, b, c]) => `${a} OR ${b} -${c}`),
  fc.tuple(atom, atom, atom, atom).map(([a, b, c, d]) => `(${a} OR ${b}) NOT (${c} OR ${d})`),
);

const RELATIVE = 1e-9;
const close = (a: number, b: number) => Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b));

/**
 * Whether FTS5's bm25 is off for this query: when a NOT sits under an OR and
 * its positive side matches no document at all, FTS5 never moves the
 * excluded phrase on, and counts that phrase's hits in the first document
 * holding it as if they were wanted (a quirk of FTS5: with "zz" in no
 * document, `"a" OR ("zz" NOT "c")` scores the first document holding both a
 * and c as if c were asked for, and no other). The ranking index does not;
 * for such queries only the documents found, and the pages, are compared.
 */
function fts5MiscountsExclusions(oracle: Fts5Oracle, node: QueryNode, underOr = false): boolean {
  if (node.n === 'term') return false;
  if (node.n === 'or') return node.any.some((part) => fts5MiscountsExclusions(oracle, part, true));
  if (underOr && node.exclude.length > 0) {
    const positive = toFts(node.include.length === 1 ? node.include[0]! : { n: 'and', include: node.include, exclude: [] });
    if (oracle.count(positive) === 0) return true;
  }
  return [...node.include, ...node.exclude].some((part) => fts5MiscountsExclusions(oracle, part, underOr));
}

/** Compares the repository's answer to a query with FTS5's own, over the whole result. */
async function expectSameAsFts5(oracle: Fts5Oracle, repository: DocumentRepository, q: string): Promise<void> {
  const parsed = parseSearchQuery(q, { indexNumbers: false });
  const fts5 = oracle.ranked(parsed.fts);
  const ours = await repository.search({ query: parsed.node, filters: {}, sort: 'relevance', limit: 10_000, offset: 0 });
  const context = `query ${q} (FTS5: ${parsed.fts})`;
  expect(ours.total, context).toBe(fts5.length);
  expect(ours.hits.map((hit) => hit.id).sort((a, b) => a - b), context).toEqual(fts5.map((hit) => hit.id).sort((a, b) => a - b));
  // Pages are stretches of the whole ranking.
  const page = await repository.search({ query: parsed.node, filters: {}, sort: 'relevance', limit: 3, offset: 2 });
  expect(page.total, context).toBe(ours.total);
  expect(page.hits.map((hit) => hit.id), context).toEqual(ours.hits.slice(2, 5).map((hit) => hit.id));
  if (fts5MiscountsExclusions(oracle, parsed.node)) return;
  const expectedScore = new Map(fts5.map((hit) => [hit.id, hit.score]));
  for (const hit of ours.hits) {
    const expected = expectedScore.get(hit.id)!;
    if (!close(hit.score, expected)) expect.fail(`${context}: document ${hit.id} scores ${hit.score}, FTS5 ${expected}`);
  }
  // The order: FTS5's, except that documents FTS5 scores the same to within rounding may come in either order.
  const groups = (hits: Array<{ id: number; score: number }>, scoreOf: (id: number) => number): number[][] => {
    const out: number[][] = [];
    for (const hit of hits) {
      const last = out.at(-1);
      if (last && close(scoreOf(last[0]!), scoreOf(hit.id))) last.push(hit.id);
      else out.push([hit.id]);
    }
    return out.map((group) => group.sort((a, b) => a - b));
  };
  const fts5Score = (id: number) => expectedScore.get(id)!;
  expect(groups(ours.hits, fts5Score), context).toEqual(groups(fts5, fts5Score));
  // Among equal scores, the newer (higher) id first.
  for (let i = 1; i < ours.hits.length; i++) {
    const [before, after] = [ours.hits[i - 1]!, ours.hits[i]!];
    if (before.score === after.score) expect(before.id, context).toBeGreaterThan(after.id);
    else expect(before.score, context).toBeGreaterThan(after.score);
  }
}

describe('ranking index: the same answers as FTS5', () => {
  it('finds the documents FTS5 finds, in its order, with its bm25 scores, for words, prefixes, phrases, AND, OR and NOT', async () => {
    await fc.assert(fc.asyncProperty(corpus, fc.array(query, { minLength: 8, maxLength: 8 }), async ({ documents, batches, updates }, queries) => {
      const { connection, repository } = await freshArchive();
      try {
        let next = 0;
        for (const size of batches) {
          if (next >= documents.length) break;
          const batch = documents.slice(next, next + size).map((d, i) => toSave(row(next + i, d.title, d.body)));
          expect(repository.save(batch, NOW, SYSTEM).every((outcome) => outcome === 'imported')).toBe(true);
          next += size;
        }
        // Updates come one or two to a batch; the same document may be updated twice in one batch (the later text wins).
        for (let i = 0; i < updates.length; i += 2) {
          const batch = updates.slice(i, i + 2).map(([n, d]) => toSave(row(n, d.title, d.body)));
          expect(repository.save(batch, NOW, SYSTEM).every((outcome) => outcome === 'updated')).toBe(true);
        }
        const oracle = fts5Oracle(connection.sqlite);
        for (const q of queries) await expectSameAsFts5(oracle, repository, q);
      } finally {
        await connection.close();
      }
    }), { numRuns: 20 });
  });

  it('ranks a word in the title above the same word in the body, as FTS5 does', async () => {
    const { connection, repository } = await freshArchive();
    try {
      const texts: Array<[string, string]> = [
        ['Other news', 'Nothing else but the border.'],
        ['Border news', 'Nothing else but the camps.'],
        ['Camps', 'The border was closed, and the border police stayed.'],
        ['Other words', 'Unrelated words only.'],
        ['More words', 'Still unrelated.'],
      ];
      repository.save(texts.map(([title, body], n) => toSave(row(n + 1, title, body))), NOW, SYSTEM);
      const oracle = fts5Oracle(connection.sqlite);
      for (const q of ['border', 'border camps', 'border OR camps', 'border -camps', '"border police"', 'bord*']) {
        await expectSameAsFts5(oracle, repository, q);
      }
      const ranked = await repository.search({ query: parseSearchQuery('border', { indexNumbers: false }).node, filters: {}, sort: 'relevance', limit: 10, offset: 0 });
      expect(ranked.hits.map((hit) => hit.title)).toEqual(['Border news', 'Camps', 'Other news']);
    } finally {
      await connection.close();
    }
  });

  it('bestPositions keeps the best of the given positions, higher score first, then the higher id', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 }).chain((ids) => fc.tuple(
        fc.constant(ids.sort((a, b) => a - b)),
        fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 1e-6), { minLength: ids.length, maxLength: ids.length }),
        fc.subarray(ids.map((_, i) => i)),
        fc.integer({ min: 1, max: 20 }),
      )),
      ([ids, scores, positions, count]) => {
        const matches = { ids: Uint32Array.from(ids), scores: Float64Array.from(scores) };
        const expected = [...positions].sort((p, q) => scores[q]! - scores[p]! || ids[q]! - ids[p]!).slice(0, count);
        expect(bestPositions(matches, Uint32Array.from(positions), count)).toEqual(expected);
      },
    ), { numRuns: 300 });
  });

  it('finds Greek words in capitals and in small letters alike, as FTS5 does', async () => {
    const { connection, repository } = await freshArchive();
    try {
      repository.save([
        toSave(row(1, 'Η ιστορία της πόλης', 'Κείμενο.')),
        toSave(row(2, 'Η ΙΣΤΟΡΙΑ ΤΗΣ ΠΟΛΗΣ', 'ΚΕΙΜΕΝΟ.')),
        toSave(row(3, 'Άλλο', 'Τίποτα.')),
      ], NOW, SYSTEM);
      // FTS5 finds both documents for either spelling; the ranking index finds one.
      const oracle = fts5Oracle(connection.sqlite);
      for (const q of ['της', 'ΤΗΣ', '"ιστορία της"', '"ΙΣΤΟΡΙΑ ΤΗΣ πολ"*']) await expectSameAsFts5(oracle, repository, q);
    } finally {
      await connection.close();
    }
  });
});
