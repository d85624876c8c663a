// Migration 006: documents stored with their sections' text twice keep every section, now cut from the body.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openArchive } from '../../src/archive/index.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { up } from '../../src/db/migrations/006-section-outline.ts';
import { SEED_FILE } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'vigil-outline-'));
afterAll(() => rmSync(root, { recursive: true, force: true, maxRetries: 3 }));

describe('migration 006: sections as an outline over the body', () => {
  const files = join(root, 'files');
  const dataDir = join(root, 'data');
  mkdirSync(files, { recursive: true });
  copyFileSync(SEED_FILE, join(files, 'seed.txt'));
  writeFileSync(join(files, 'headed.md'), '# Border report\n\nOpening words.\n\n## Findings\n\nOne.\n\nTwo 😀.\n\n## Recommendations\n\nRelease them.\n');

  it('rewrites sections stored in full as outlines, and every document shows the same sections', async () => {
    let archive = await openArchive({ dataDir, cacheSize: 0 });
    await archive.importFiles([files]);
    const seed = (await archive.findDocument('ASA 17/013/2002'))!;
    const headed = (await archive.findDocument((await archive.search({ q: 'Border report' })).results[0]!.slug))!;
    await archive.close();
    expect(seed.sections.map((section) => section.heading)).toEqual([null, 'Background']);
    expect(headed.sections.map((section) => section.heading)).toEqual([null, 'Findings', 'Recommendations']);

    // As a database made before 006 holds them: the full sections. Then 006's step, as the migrator runs it.
    const connection = await openDatabase(dataDir);
    const update = connection.sqlite.prepare<[string, string]>('UPDATE documents SET sections = ? WHERE slug = ?');
    for (const view of [seed, headed]) update.run(JSON.stringify(view.sections), view.slug);
    await up(connection.db as unknown as Kysely<unknown>);
    await connection.close();

    archive = await openArchive({ dataDir, cacheSize: 0 });
    try {
      for (const view of [seed, headed]) expect((await archive.findDocument(view.slug))!.sections).toEqual(view.sections);
    } finally {
      await archive.close();
    }
    const stored = new Database(join(dataDir, 'vigil.db'), { readonly: true });
    const outlines = stored.prepare<[], string>('SELECT sections FROM documents ORDER BY id').pluck().all();
    stored.close();
    expect(outlines).toEqual(expect.arrayContaining([JSON.stringify([[null, seed.sections[0]!.text.length], ['Background', seed.sections[1]!.text.length]]), expect.stringMatching(/^\[\[null,\d+\],\["Findings",\d+\],\["Recommendations",\d+\]\]$/)]));
    expect(outlines).toHaveLength(2);
  });
});
