/**
 * `vigil show` run as a real child process: the model document found by its
 * index number in every spelling, its fields as JSON, and an unknown reference.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/archive/document.presenter.ts';
import { CLI_TEST_TIMEOUT, SEED_FILE, runVigil, runVigilJson, tempDir } from '../helpers/cli.ts';

const root = tempDir('vigil-cli-show-');
const options = { dataDir: join(root, 'data') };

const SPELLINGS = ['ASA 17/013/2002', 'asa170132002', 'asa-17-013-2002', 'AI Index: ASA 17/013/2002', 'asa17/013/2002'];

beforeAll(async () => {
  const { code, stderr } = await runVigil(['import', SEED_FILE], options);
  expect(stderr).toBe('1 imported, 0 updated, 0 failed\n');
  expect(code).toBe(0);
});

describe('vigil show', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('finds the same document under every spelling of its index number', async () => {
    const shown = await Promise.all(SPELLINGS.map((spelling) => runVigilJson<DocumentView>(['show', '--json', spelling], options)));
    for (const [i, { code, json, stderr }] of shown.entries()) {
      expect(stderr, SPELLINGS[i]).toBe('');
      expect(code, SPELLINGS[i]).toBe(0);
      expect(json.index, SPELLINGS[i]).toBe('ASA 17/013/2002');
      expect(json.id, SPELLINGS[i]).toBe(shown[0]!.json.id);
    }
  });

  it('prints every recognised field with --json', async () => {
    const { code, json } = await runVigilJson<DocumentView>(['show', '--json', 'ASA 17/013/2002'], options);
    expect(code).toBe(0);
    expect(json).toMatchObject({
      index: 'ASA 17/013/2002',
      indexParts: { prefix: 'ASA', countryNumber: 17, sequence: 13, year: 2002 },
      type: 'Public Statement',
      date: '2002-03-27',
      newsServiceNumber: 56,
      title: 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees',
      language: 'en',
      distribution: 'public',
      endMarker: 'ENDS',
    });
    expect(json.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
    expect(json.sections.map((section) => section.heading)).toEqual([null, 'Background']);
    expect(json.sections[0]!.text).toMatch(/^Amnesty International expressed concern today/);
    expect(json.sections[1]!.text).toMatch(/Jilin and Liaoning/);
    expect(json.contact).toMatchObject({ phone: '+44 20 7413 5566', web: 'http://www.amnesty.org' });
    expect(json.contact?.text).toMatch(/press office in London/);
  });

  it('prints the document as issued without --json', async () => {
    const { code, stdout } = await runVigil(['show', 'asa170132002'], options);
    expect(code).toBe(0);
    expect(stdout).toContain('Public Statement');
    expect(stdout).toContain('Index ASA 17/013/2002');
    expect(stdout).toContain('News Service Nr. 56');
    expect(stdout).toContain('China: Crackdown on "illegal immigrants" likely to target North Korean refugees');
    expect(stdout).toContain('Background');
  });

  it('exits 1 with a clear message for an unknown reference', async () => {
    const [unknownIndex, unknownSlug] = await Promise.all([
      runVigil(['show', '--json', 'ASA 17/999/2002'], options),
      runVigil(['show', 'no-such-document'], options),
    ]);
    for (const [reference, { code, stdout, stderr }] of [['ASA 17/999/2002', unknownIndex], ['no-such-document', unknownSlug]] as const) {
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`vigil: no document "${reference}" in the archive\n`);
    }
  });
});
