// Opening a database made by an older Vigil says that it is upgrading, and the upgrade keeps search working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { SEED_FILE } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'vigil-upgrade-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));

describe('opening a database made before the latest migration', () => {
  const dataDir = join(root, 'data');

  it('says nothing on a new database, and names the migrations it runs on an older one', async () => {
    const said: string[] = [];
    const fresh = await openDatabase(dataDir, (line) => said.push(line));
    await fresh.close();
    expect(said).toEqual([]);

    const archive = await openArchive({ dataDir, cacheSize: 0 });
    await archive.importFiles([SEED_FILE]);
    await archive.close();
    // As migration 006 left the ranking index's postings: indexed by term first, and 007 not run.
    const older = await openDatabase(dataDir, (line) => said.push(line));
    older.sqlite.exec(`DROP INDEX search_postings_segment_term;
      CREATE UNIQUE INDEX search_postings_term ON search_postings (term, segment);
      CREATE INDEX search_postings_segment ON search_postings (segment, term);
      DELETE FROM kysely_migration WHERE name = '007-postings-by-segment';`);
    await older.close();

    const upgraded = await openDatabase(dataDir, (line) => said.push(line));
    const indexes = upgraded.sqlite.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'search_postings' ORDER BY name").pluck().all();
    await upgraded.close();
    expect(said).toEqual([expect.stringMatching(/^Upgrading the database in .+ \(007-postings-by-segment\); on a large archive/), expect.stringMatching(/^Database upgraded in \d+\.\d s\.$/)]);
    expect(indexes).toEqual(['search_postings_segment_term']);

    const reopened = await openArchive({ dataDir, cacheSize: 0 });
    try {
      expect((await reopened.search({ q: 'refugees' })).results.map((hit) => hit.index)).toEqual(['ASA 17/013/2002']);
    } finally {
      await reopened.close();
    }
  });
});
