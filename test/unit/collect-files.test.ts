/**
 * The files an import names: every readable file below a folder, in name
 * order, each path spelt as path.join would spell it, however the folder was
 * written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/archive/import/collect-files.ts';

const root = mkdtempSync(join(tmpdir(), 'vigil-collect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const file of ['b.md', 'a.txt', 'notes.docx', '.hidden.md', 'sub/c.html', 'sub/deeper/d.pdf']) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), 'x');
}

describe('collectFiles', () => {
  it('lists the readable files below a folder in name order, as path.join spells them', async () => {
    const expected = ['a.txt', 'b.md', 'sub/c.html', 'sub/deeper/d.pdf'];
    for (const folder of [root, `${root}/`, `${root}//sub/..`, `${root}/./`]) {
      expect((await collectFiles([folder])).files, folder).toEqual(expected.map((file) => join(folder, file)));
    }
    const cwd = process.cwd();
    try {
      process.chdir(root);
      expect((await collectFiles(['.'])).files).toEqual(expected);
      expect((await collectFiles(['./sub'])).files).toEqual(['sub/c.html', 'sub/deeper/d.pdf']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('takes a file named on its own whatever its format, and names what is missing', async () => {
    const result = await collectFiles([join(root, 'notes.docx'), join(root, 'nothing-here')]);
    expect(result.files).toEqual([join(root, 'notes.docx')]);
    expect(result.missing).toEqual([{ file: join(root, 'nothing-here'), error: 'no such file or folder' }]);
  });
});
