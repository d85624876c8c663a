/**
 * The ranking index over a real data directory, written by imports: a changed
 * document replaces its old words, segments merge once a level holds sixteen,
 * and a database made before the index existed is indexed when opened. Each
 * answer is checked against FTS5, read through a second connection.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/index.ts';
import { DocumentRepository, type NewDocumentRow } from '../../src/archive/document.repository.ts';
import { parseSearchQuery } from '../../src/archive/search/search-query.ts';
import { termsOf } from '../../src/archive/search/document-terms.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { fts5Oracle } from '../helpers/fts5-oracle.ts';

/** A document row with nothing recognised in it. */
const BLANK: NewDocumentRow = {
  slug: '', index_number: null, index_as_printed: null, index_prefix: null, index_country_number: null,
  index_sequence: null, index_year: null, language: 'en', type: null, date: null, year: null, news_service_number: null,
  urgent_action: null, title: '', organisation: null, body: '', sections: '[]', end_marker: null, distribution: null,
  contact: null, countries: '[]', content_hash: '', source_file: null,
};

/** A row as an import hands it to the writer, with its terms. */
const toSave = (row: NewDocumentRow) => ({ row, countries: [], terms: termsOf(row.title, row.body) });

const root = mkdtempSync(join(tmpdir(), 'vigil-ranking-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));

/** A fresh data directory and a folder for the files to import into it. */
function place(name: string): { dataDir: string; files: string; write: (file: string, text: string) => string } {
  const files = join(root, name, 'files');
  mkdirSync(files, { recursive: true });
  return {
    dataDir: join(root, name, 'data'),
    files,
    write: (file, text) => {
      const path = join(files, file);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** A second, read-only connection: FTS5's answers, and the index tables as stored. */
function inspect(dataDir: string) {
  const sqlite = new Database(join(dataDir, 'vigil.db'), { readonly: true });
  return {
    /** The ids FTS5 finds for a search box query, best first, over the documents as they are now. */
    fts5: (q: string) => fts5Oracle(sqlite).ranked(parseSearchQuery(q, { indexNumbers: false }).fts).map((hit) => hit.id),
    count: (sql: string, ...params: unknown[]) => sqlite.prepare<unknown[], number>(sql).pluck().get(...params)!,
    levels: () => Object.fromEntries(sqlite.prepare<[], [number, number]>('SELECT level, count(*) FROM search_segments GROUP BY level').raw().all()),
    close: () => sqlite.close(),
  };
}

/** The ids a search finds, best first, and its total; every match on one page. */
async function found(archive: Archive, q: string): Promise<{ total: number; ids: number[]; titles: string[] }> {
  const result = await archive.search({ q, limit: 1000 });
  return { total: result.total, ids: result.results.map((hit) => hit.id), titles: result.results.map((hit) => hit.title) };
}

/** A document as a file: header lines (an index number, say), then a Markdown title and body. */
function markdown(title: string, body: string, header = ''): string {
  return `${header ? `${header}\n\n` : ''}# ${title}\n\n${body}\n`;
}

describe('ranking index: a document imported again', () => {
  const { dataDir, write } = place('update');
  const statement = (title: string, body: string) => markdown(title, body, 'AI Index: ASA 17/013/2002');

  it('finds the new version\'s words, no longer the old ones, and counts the document once', async () => {
    const archive = await openArchive({ dataDir, cacheSize: 0 });
    const db = inspect(dataDir);
    try {
      const path = write('statement.md', statement('Crackdown on illegal immigrants', 'Police began a crackdown near the border. Oldword appears only here.'));
      write('other-1.md', markdown('Border camps', 'People waited at the border for weeks.'));
      write('other-2.md', markdown('Asylum request', 'A family asked for asylum at an embassy.'));
      expect(await archive.importFiles([join(root, 'update', 'files')])).toMatchObject({ imported: 3, updated: 0, failed: [] });
      expect((await found(archive, 'oldword')).total).toBe(1);
      expect((await found(archive, 'border')).total).toBe(2);

      writeFileSync(path, statement('Returns across the river', 'Officials returned people across the border. Newword replaces the old text.'));
      expect(await archive.importFiles([path])).toMatchObject({ imported: 0, updated: 1, failed: [] });

      for (const q of ['oldword', 'oldw*', 'crackdown', '"illegal immigrants"', 'oldword OR crackdown']) {
        expect(await found(archive, q), q).toEqual({ total: 0, ids: [], titles: [] });
      }
      const newer = await found(archive, 'newword');
      expect(newer).toMatchObject({ total: 1, titles: ['Returns across the river'] });
      expect((await found(archive, 'neww*')).ids).toEqual(newer.ids);
      expect((await found(archive, '"old text"')).ids).toEqual(newer.ids);
      // A word both versions hold: one document, not two, and the same answer as FTS5.
      for (const q of ['border', 'police OR officials', 'bord*', 'border -newword', 'the']) {
        const ours = await found(archive, q);
        expect(ours.ids, q).toEqual(db.fts5(q));
        expect(ours.total, q).toBe(db.fts5(q).length);
      }
      expect((await found(archive, 'border')).total).toBe(2);
      // The old postings stay until a merge, ignored: the document's row names the newer segment.
      expect(db.count("SELECT count(*) FROM search_postings WHERE term = 'oldword'")).toBe(1);
      expect(db.count('SELECT count(*) FROM search_documents')).toBe(3);
    } finally {
      db.close();
      await archive.close();
    }
  });
});

describe('ranking index: many imports', () => {
  const { dataDir, write } = place('merge');
  const BATCHES = 20;

  it('merges sixteen segments into one of the next level, keeping every document findable with FTS5\'s totals', async () => {
    const archive = await openArchive({ dataDir, cacheSize: 0 });
    const db = inspect(dataDir);
    try {
      const unique: Array<{ word: string; title: string }> = [];
      let previousSegments = 0;
      for (let batch = 1; batch <= BATCHES; batch++) {
        const paths: string[] = [];
        const inBatch = batch % 3 === 0 ? 2 : 1;
        for (let n = 1; n <= inBatch; n++) {
          const word = `token${batch}x${n}`;
          const title = `Report ${batch}.${n} on the border camps`;
          unique.push({ word, title });
          const common = batch % 2 === 0 ? 'Police held refugees at the border.' : 'Refugees crossed the river at night.';
          paths.push(write(`report-${batch}-${n}.md`, markdown(title, `${common} This report carries ${word}. ${'Camps '.repeat(n)}`)));
        }
        if (batch === 2) paths.push(write('statement.md', markdown('First version', 'Firstversion words only.', 'AI Index: ASA 17/013/2002')));
        if (batch === 5) paths.push(write('statement.md', markdown('Second version', 'Secondversion words only.', 'AI Index: ASA 17/013/2002')));
        const summary = await archive.importFiles(paths);
        expect(summary.failed).toEqual([]);

        const segments = db.count('SELECT count(*) FROM search_segments');
        if (batch < 16) {
          expect(segments).toBe(batch);
        } else if (batch === 16) {
          // The sixteenth level-0 segment fills the level: all sixteen become one of level 1.
          expect(db.levels()).toEqual({ 1: 1 });
        } else {
          expect(segments).toBe(previousSegments + 1);
        }
        previousSegments = segments;
        if (batch === 15) {
          // The first version's postings are still stored, but ignored.
          expect(db.count("SELECT count(*) FROM search_postings WHERE term = 'firstversion'")).toBe(1);
          expect((await found(archive, 'firstversion')).total).toBe(0);
        }
      }
      expect(db.levels()).toEqual({ 0: BATCHES - 16, 1: 1 });
      // Merging dropped what no document holds any more.
      expect(db.count("SELECT count(*) FROM search_postings WHERE term = 'firstversion'")).toBe(0);
      expect(db.count("SELECT count(*) FROM search_postings WHERE term = 'secondversion'")).toBe(1);
      expect((await found(archive, 'firstversion')).total).toBe(0);
      expect(await found(archive, 'secondversion')).toMatchObject({ total: 1, titles: ['Second version'] });

      for (const { word, title } of unique) expect(await found(archive, word), word).toMatchObject({ total: 1, titles: [title] });
      const documents = unique.length + 1;
      expect(db.count('SELECT count(*) FROM search_documents')).toBe(documents);
      for (const q of ['border', 'refugees', 'camps', 'report', 'police OR river', 'refugees -police', '"border camps"', 'tok*', 'camp*', 'words']) {
        const ours = await found(archive, q);
        expect(ours.total, q).toBe(db.fts5(q).length);
        expect(ours.ids, q).toEqual(db.fts5(q));
      }
      expect((await found(archive, 'report')).total).toBe(unique.length);
      expect((await found(archive, 'tok*')).total).toBe(unique.length);
    } finally {
      db.close();
      await archive.close();
    }
  });
});

describe('ranking index: one large import', () => {
  const { dataDir, write } = place('large-import');
  const COUNT = 2300;

  it('gathers its batches into segments of a thousand documents, each committed with its documents', async () => {
    const paths: string[] = [];
    for (let n = 1; n <= COUNT; n++) {
      paths.push(write(`note-${String(n).padStart(4, '0')}.md`, markdown(`Note ${n} on the northern camps`, `Families waited at camp ${n}; uniq${n} was recorded.`)));
    }
    const archive = await openArchive({ dataDir, cacheSize: 0 });
    const db = inspect(dataDir);
    try {
      const summary = await archive.importFiles(paths);
      expect(summary).toMatchObject({ imported: COUNT, updated: 0, failed: [] });
      // Batches of 200 are read; segments close at the first batch that reaches 1,000 documents, the last at the end.
      const sizes = db.count('SELECT group_concat(n) FROM (SELECT count(*) AS n FROM search_documents GROUP BY segment ORDER BY segment)');
      expect(sizes).toBe('1000,1000,300');
      expect((await found(archive, 'camps')).total).toBe(COUNT);
      expect(db.fts5('families').length).toBe(COUNT);
      for (const n of [1, 1000, 1001, 2300]) expect(await found(archive, `uniq${n}`), `uniq${n}`).toMatchObject({ total: 1, titles: [`Note ${n} on the northern camps`] });
    } finally {
      db.close();
      await archive.close();
    }
  }, 60_000);

  it('takes back every uncommitted batch, and says why, when the audit chain cannot be written', async () => {
    const connection = await openDatabase(join(root, 'large-import', 'failing'));
    const repository = new DocumentRepository(connection.db, connection.sqlite);
    const system = { id: null, label: 'system' };
    const batch = (from: number) => Array.from({ length: 200 }, (_, n) => toSave({ ...BLANK, slug: `held-${from + n}`, content_hash: `held-${from + n}`, title: `Held ${from + n}`, body: `Record held${from + n}.` }));
    try {
      const bulk = repository.bulkSave();
      for (let b = 0; b < 5; b++) bulk.save(batch(b * 200), new Date().toISOString(), system);
      // The fifth batch reached 1,000 documents: committed. The next two are not, and the audit then fails.
      bulk.save(batch(1000), new Date().toISOString(), system);
      connection.sqlite.exec("CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      expect(() => bulk.save(batch(1200), new Date().toISOString(), system)).toThrow(/disk full/);
      // The trigger, made inside the open transaction, went with it.
      expect(connection.sqlite.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name = 'audit_refused'").pluck().get()).toBe(0);
      const count = (sql: string) => connection.sqlite.prepare<[], number>(sql).pluck().get();
      expect(count('SELECT count(*) FROM documents')).toBe(1000);
      expect(count('SELECT count(*) FROM search_documents')).toBe(1000);
      expect(count("SELECT count(*) FROM audit_log WHERE action = 'documents.import'")).toBe(5);
      // The connection goes on as before.
      const again = repository.bulkSave();
      again.save(batch(1000), new Date().toISOString(), system);
      await again.finish();
      expect(count('SELECT count(*) FROM search_documents')).toBe(1200);
    } finally {
      await connection.close();
    }
  });
});

describe('ranking index: a merge during an import', () => {
  const { dataDir } = place('stepwise-merge');
  const system = { id: null, label: 'system' };
  const batch = (from: number) => Array.from({ length: 200 }, (_, k) => {
    const n = from + k;
    return toSave({ ...BLANK, slug: `step-${n}`, content_hash: `step-${n}`, title: `Step ${n}`, body: `Entry w${n} on ${n % 3 === 0 ? 'detentions' : 'returns'} at the border.` });
  });

  it('goes on a step a batch, in one transaction that no reader sees until the merge is done', async () => {
    const connection = await openDatabase(dataDir);
    const repository = new DocumentRepository(connection.db, connection.sqlite);
    const db = inspect(dataDir);
    const now = new Date().toISOString();
    try {
      const bulk = repository.bulkSave();
      // Fifteen segments of 1,000, each committed.
      for (let b = 0; b < 75; b++) bulk.save(batch(b * 200), now, system);
      expect(db.levels()).toEqual({ 0: 15 });
      // The sixteenth fills level 0: its merge of about 16,000 terms goes on over the next batches, uncommitted,
      // and the transaction ends with the first segment the documents make after it.
      let b = 75;
      for (; b < 80; b++) bulk.save(batch(b * 200), now, system);
      for (; connection.sqlite.inTransaction; b++) {
        expect(db.levels(), `after batch ${b}`).toEqual({ 0: 15 });
        expect(db.count('SELECT count(*) FROM documents')).toBe(15_000);
        bulk.save(batch(b * 200), now, system);
      }
      expect(b).toBeGreaterThan(83);
      await bulk.finish();
      const stored = db.count('SELECT count(*) FROM documents');
      expect(stored % 1000).toBe(0);
      expect(db.levels()).toEqual({ 1: 1, 0: stored / 1000 - 16 });
      expect(db.count('SELECT count(*) FROM search_documents WHERE segment = (SELECT id FROM search_segments WHERE level = 1)')).toBe(16_000);
      const archive = await openArchive({ dataDir, cacheSize: 0 });
      try {
        for (const q of ['w15999', 'w16000', 'w0', 'detentions', 'border -returns', '"the border"', 'w1599*']) {
          const ours = await found(archive, q);
          expect(ours.total, q).toBe(db.fts5(q).length);
          expect(ours.ids, q).toEqual(db.fts5(q).slice(0, 1000));
        }
      } finally {
        await archive.close();
      }
    } finally {
      db.close();
      await connection.close();
    }
  }, 60_000);

  it('takes a merge back whole with its transaction when a batch fails beyond its documents', async () => {
    const connection = await openDatabase(join(root, 'stepwise-merge', 'failing'));
    const repository = new DocumentRepository(connection.db, connection.sqlite);
    const count = (sql: string) => connection.sqlite.prepare<[], number>(sql).pluck().get();
    const now = new Date().toISOString();
    try {
      const bulk = repository.bulkSave();
      for (let b = 0; b < 81; b++) bulk.save(batch(b * 200), now, system);
      expect(count('SELECT count(*) FROM search_segments WHERE level = 1')).toBe(1);
      connection.sqlite.exec("CREATE TEMP TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      expect(() => bulk.save(batch(81 * 200), now, system)).toThrow(/disk full/);
      // Back to the last commit: fifteen segments, no merged one, no postings of the sixteenth.
      expect(Object.fromEntries(connection.sqlite.prepare<[], [number, number]>('SELECT level, count(*) FROM search_segments GROUP BY level').raw().all())).toEqual({ 0: 15 });
      expect(count('SELECT count(*) FROM documents')).toBe(15_000);
      expect(count("SELECT count(*) FROM search_postings WHERE term = 'w15500'")).toBe(0);
      // The next import merges from the start.
      const again = repository.bulkSave();
      for (let b = 75; b < 90; b++) again.save(batch(b * 200), now, system);
      await again.finish();
      expect(count('SELECT count(*) FROM documents')).toBe(18_000);
      expect(Object.fromEntries(connection.sqlite.prepare<[], [number, number]>('SELECT level, count(*) FROM search_segments GROUP BY level').raw().all())).toEqual({ 0: 2, 1: 1 });
    } finally {
      await connection.close();
    }
  }, 60_000);
});

describe('ranking index: a database made before it existed', () => {
  const { dataDir, write, files } = place('backlog');
  const MORE = 1200;

  function row(n: number): NewDocumentRow {
    return {
      ...BLANK, slug: `bulk-${n}`, content_hash: `bulk-${n}`, title: `Bulk record ${n}`,
      body: `Record bulk${n} about ${n % 2 === 0 ? 'detentions' : 'returns'} at the border.`,
    };
  }

  it('indexes on opening the documents search_backlog lists, and finds them all as FTS5 does', async () => {
    // Documents imported as usual, and more stored in bulk: more than one backlog chunk (500) in all.
    write('one.md', markdown('Border camps', 'People waited at the border for weeks.'));
    write('two.md', markdown('Asylum request', 'A family asked for asylum at an embassy in Séoul.', 'AI Index: ASA 17/013/2002'));
    let archive = await openArchive({ dataDir, cacheSize: 0 });
    expect(await archive.importFiles([files])).toMatchObject({ imported: 2, failed: [] });
    await archive.close();
    const connection = await openDatabase(dataDir);
    const repository = new DocumentRepository(connection.db, connection.sqlite);
    const outcomes = repository.save(Array.from({ length: MORE }, (_, n) => toSave(row(n))), new Date().toISOString(), { id: null, label: 'system' });
    expect(outcomes.every((outcome) => outcome === 'imported')).toBe(true);
    // As migration 005 leaves a database made before it: no index, every document in the backlog (and an id long gone).
    connection.sqlite.exec(`DELETE FROM search_postings; DELETE FROM search_positions; DELETE FROM search_documents; DELETE FROM search_segments;
      INSERT INTO search_backlog (id) SELECT id FROM documents; INSERT INTO search_backlog (id) VALUES (999999);`);
    await connection.close();

    archive = await openArchive({ dataDir, cacheSize: 0 });
    const db = inspect(dataDir);
    try {
      const total = MORE + 2;
      expect(db.count('SELECT count(*) FROM search_backlog')).toBe(0);
      expect(db.count('SELECT count(*) FROM search_documents')).toBe(total);
      // Three chunks, three segments.
      expect(db.levels()).toEqual({ 0: 3 });
      expect(await found(archive, 'seoul')).toMatchObject({ total: 1, titles: ['Asylum request'] });
      expect(await found(archive, 'bulk1199')).toMatchObject({ total: 1, titles: ['Bulk record 1199'] });
      expect(await found(archive, 'bulk0')).toMatchObject({ total: 1, titles: ['Bulk record 0'] });
      for (const q of ['border', 'detentions', 'returns', 'record', 'bulk12*', 'border -returns', '"the border"', 'asylum OR camps']) {
        const ours = await found(archive, q);
        expect(ours.total, q).toBe(db.fts5(q).length);
        expect(ours.ids, q).toEqual(db.fts5(q).slice(0, 1000));
      }
      // Every document but the asylum request speaks of the border.
      expect((await found(archive, 'border')).total).toBe(total - 1);
    } finally {
      db.close();
      await archive.close();
    }
  });
});
