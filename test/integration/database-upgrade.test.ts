// Opening a database made by an older Vigil says that it is upgrading, and the upgrade keeps search working:
// the latest migrations are undone (their `down`), then run again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src/archive/index.ts';
import { Migrator } from 'kysely';
import { openDatabase } from '../../src/db/connection.ts';
import { MIGRATIONS } from '../../src/db/migrations/index.ts';
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
    // Taken back to the layout 006 left: postings indexed by term first (007 undone), FTS5 for phrases (008 undone).
    const older = await openDatabase(dataDir, (line) => said.push(line));
    const { error } = await new Migrator({ db: older.db, provider: { getMigrations: () => Promise.resolve(MIGRATIONS) } }).migrateTo('006-section-outline');
    expect(error).toBeUndefined();
    const tables = (connection: typeof older) => connection.sqlite.prepare<[], string>(
      "SELECT name FROM sqlite_master WHERE type IN ('index', 'table') AND name GLOB 'search_*' OR name = 'documents_fts' ORDER BY name",
    ).pluck().all();
    expect(tables(older)).toEqual(expect.arrayContaining(['documents_fts', 'search_postings_term']));
    await older.close();

    const upgraded = await openDatabase(dataDir, (line) => said.push(line));
    const layout = tables(upgraded);
    await upgraded.close();
    expect(said).toEqual([
      expect.stringMatching(/^Upgrading the database in .+ \(007-postings-by-segment, 008-word-positions\); on a large archive/),
      expect.stringMatching(/^Database upgraded in \d+\.\d s\.$/),
    ]);
    expect(layout).not.toContain('documents_fts');
    expect(layout).toEqual(expect.arrayContaining(['search_positions', 'search_postings_segment_term']));
    expect(layout).not.toContain('search_postings_term');

    // The index is made again when the archive next opens: words and phrases are found as before.
    const reopened = await openArchive({ dataDir, cacheSize: 0 });
    try {
      expect((await reopened.search({ q: 'refugees' })).results.map((hit) => hit.index)).toEqual(['ASA 17/013/2002']);
      expect((await reopened.search({ q: '"illegal immigrants"' })).results.map((hit) => hit.index)).toEqual(['ASA 17/013/2002']);
      expect((await reopened.search({ q: '"immigrants illegal"' })).total).toBe(0);
    } finally {
      await reopened.close();
    }
  });
});
