// A batch big enough to be read by worker threads: every document arrives, the broken one is named.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir } from '../helpers/cli.ts';

const COUNT = 240;

describe('vigil import of a batch read by worker threads', () => {
  const root = tempDir();
  const dataDir = join(root, 'data');
  const folder = join(root, 'batch');
  mkdirSync(folder, { recursive: true });
  for (let n = 1; n <= COUNT; n++) {
    const sequence = String(n).padStart(3, '0');
    writeFileSync(join(folder, `statement-${sequence}.txt`), [
      'TEST ARCHIVE', 'PUBLIC STATEMENT', `AI Index: ASA 17/${sequence}/2003`, `${(n % 28) + 1} March 2003`, '',
      `China: Statement number ${n} on returns across the northern border`, '',
      `This is statement ${n}. The authorities in Jilin returned people to North Korea without hearing their claims.`,
      'Observers said the people returned to North Korea faced detention on arrival, and China gave no answer.',
    ].join('\n'));
  }
  writeFileSync(join(folder, 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]));

  it('imports every readable document and names the one that is not', async () => {
    const { code, json: summary } = await runVigilJson<{ imported: number; updated: number; failed: Array<{ file: string; error: string }> }>(
      ['import', folder, '--json'], { dataDir },
    );
    expect(code).toBe(1);
    expect(summary.imported).toBe(COUNT);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.file).toMatch(/broken\.txt$/);
    expect(summary.failed[0]!.error).toMatch(/binary/);
    const shown = await runVigil(['show', 'asa170872003', '--json'], { dataDir });
    const document = JSON.parse(shown.stdout) as { index: string; date: string; countries: string[] };
    expect(document.index).toBe('ASA 17/087/2003');
    expect(document.date).toBe('2003-03-04');
    expect(document.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
  }, CLI_TEST_TIMEOUT);
});
