/**
 * `vigil import` run as a real child process: folders and files, importing
 * again, and a batch in which bad files sit next to good ones.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir, writeCorpus, writeFileIn, type Corpus } from '../helpers/cli.ts';
import { makeImageOnlyPdf } from '../helpers/make-pdf.ts';

interface ImportJson {
  imported: number;
  updated: number;
  failed: Array<{ file: string; error: string }>;
}

interface SearchJson {
  total: number;
  results: Array<{ index: string | null; title: string; type: string | null; date: string | null; snippet: string; score: number }>;
}

/** Matches every document of the corpus: each English one names China, the French one la Chine. */
const EVERY_DOCUMENT = 'China OR Chine';

describe('vigil import: files and nested folders', { timeout: CLI_TEST_TIMEOUT }, () => {
  const root = tempDir('vigil-cli-import-');
  const dataDir = join(root, 'data');
  let corpus: Corpus;

  beforeAll(async () => {
    corpus = await writeCorpus(root);
  });

  it('imports a folder tree and a file named on its own, and reports the counts as JSON', async () => {
    const { code, json, stderr } = await runVigilJson<ImportJson>(['import', '--json', ...corpus.importArgs], { dataDir });
    expect(json).toEqual({ imported: corpus.count, updated: 0, failed: [] });
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('makes every imported document searchable, whatever its format, and skips hidden and unreadable files in folders', async () => {
    const [all, skipped] = await Promise.all([
      runVigilJson<SearchJson>(['search', '--json', '--limit', '20', EVERY_DOCUMENT], { dataDir }),
      runVigilJson<SearchJson>(['search', '--json', 'hiddenscratchword OR docxonlyword'], { dataDir }),
    ]);
    expect(all.code).toBe(0);
    expect(all.json.results.map((hit) => hit.title).sort()).toEqual(Object.values(corpus.titles).sort());
    expect(all.json.total).toBe(corpus.count);
    expect(skipped.code).toBe(0);
    expect(skipped.json.total).toBe(0);
  });

  it('updates, never duplicates, when the same folder is imported again', async () => {
    const again = await runVigilJson<ImportJson>(['import', '--json', ...corpus.importArgs], { dataDir });
    expect(again.json).toEqual({ imported: 0, updated: corpus.count, failed: [] });
    expect(again.code).toBe(0);
    const search = await runVigilJson<SearchJson>(['search', '--json', '--limit', '20', EVERY_DOCUMENT], { dataDir });
    expect(search.json.total).toBe(corpus.count);
    const titles = search.json.results.map((hit) => hit.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('vigil import: a batch with bad files next to good ones', { timeout: CLI_TEST_TIMEOUT }, () => {
  const root = tempDir('vigil-cli-import-bad-');
  const dataDir = join(root, 'data');
  const batch = join(root, 'batch');
  const good = {
    markdown: join(batch, 'good', 'longjing-2001.md'),
    text: join(batch, 'good', 'convention.txt'),
  };
  const bad = {
    empty: join(batch, 'empty.txt'),
    binary: join(batch, 'binary.txt'),
    scan: join(batch, 'scan.pdf'),
    large: join(batch, 'large.txt'),
    docx: join(batch, 'statement.docx'),
    missing: join(batch, 'no-such-folder', 'gone.md'),
  };
  /** What each failure's reason must say. */
  const reasons: Record<keyof typeof bad, RegExp> = {
    empty: /empty/i,
    binary: /binary/i,
    scan: /no text layer|scan|OCR/i,
    large: /too large/i,
    docx: /unsupported format.*\.docx/i,
    missing: /no such file/i,
  };
  const args = ['import', '--max-size', '1', batch, bad.docx, bad.missing];
  let first: { code: number; json: ImportJson; stderr: string };

  beforeAll(async () => {
    await writeFileIn(good.markdown, [
      '**Press Release**', '', '30 August 2001', '',
      '# Deportations from Longjing every other day', '',
      'Around fifty people are being sent back to North Korea from the city of Longjing in Jilin, China, every two days, according to accounts gathered this month.',
      '',
    ].join('\n'));
    await writeFileIn(good.text, [
      'Public Statement', '', '24 September 2002', '',
      'Twenty years a party to the Refugee Convention', '',
      'China acceded to the 1951 Refugee Convention twenty years ago today. It has yet to let the UN refugee agency assess the claims of North Koreans who cross its border.',
      '',
    ].join('\n'));
    await writeFileIn(bad.empty, '');
    await writeFileIn(bad.binary, Buffer.concat([
      Buffer.from('quokkaword '), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0]), Buffer.from(' quokkaword\n'),
    ]));
    await writeFileIn(bad.scan, await makeImageOnlyPdf());
    const sentence = 'Zanzibarword is a word that only the oversized file holds, repeated to pass one megabyte.\n';
    await writeFileIn(bad.large, sentence.repeat(Math.ceil((1.2 * 1024 * 1024) / sentence.length)));
    await writeFileIn(bad.docx, 'Platypusword: a statement saved with the wrong extension.\n');
    first = await runVigilJson<ImportJson>([...args, '--json'], { dataDir });
  });

  it('exits 1 and still imports every good document', () => {
    expect(first.code).toBe(1);
    expect(first.json.imported).toBe(2);
    expect(first.json.updated).toBe(0);
  });

  it('lists each failure as { file, error } in the JSON summary', () => {
    expect(first.json.failed.map((failure) => failure.file).sort()).toEqual(Object.values(bad).sort());
    for (const [name, file] of Object.entries(bad) as Array<[keyof typeof bad, string]>) {
      const failure = first.json.failed.find((f) => f.file === file);
      expect(failure?.error, `${name} (${file})`).toMatch(reasons[name]);
    }
  });

  it('names each failed file on its own stderr line, "FILE: reason"', () => {
    const lines = first.stderr.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(Object.keys(bad).length);
    for (const [name, file] of Object.entries(bad) as Array<[keyof typeof bad, string]>) {
      const named = lines.filter((line) => line.startsWith(`${file}: `));
      expect(named, `${name} (${file})`).toHaveLength(1);
      expect(named[0]!.slice(file.length + 2), `${name} (${file})`).toMatch(reasons[name]);
    }
    expect(first.stderr).not.toMatch(/fts5|sqlite|stack| {4}at /i);
  });

  it('makes the good documents searchable and stores nothing of the bad ones', async () => {
    const [goodOnes, badOnes] = await Promise.all([
      runVigilJson<SearchJson>(['search', '--json', '--limit', '20', 'Longjing OR acceded OR the OR a'], { dataDir }),
      runVigilJson<SearchJson>(['search', '--json', 'quokkaword OR zanzibarword OR platypusword OR megabyte OR extension'], { dataDir }),
    ]);
    expect(goodOnes.code).toBe(0);
    expect(goodOnes.json.results.map((hit) => hit.title).sort()).toEqual([
      'Deportations from Longjing every other day', 'Twenty years a party to the Refugee Convention',
    ]);
    expect(goodOnes.json.total).toBe(2);
    expect(badOnes.code).toBe(0);
    expect(badOnes.json.total).toBe(0);
  });

  it('without --json, prints the failures and a one-line summary on stderr (and updates the good ones)', async () => {
    const { code, stdout, stderr } = await runVigil(args, { dataDir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(`0 imported, 2 updated, ${Object.keys(bad).length} failed`);
    for (const file of Object.values(bad)) expect(lines.filter((line) => line.startsWith(`${file}: `))).toHaveLength(1);
  });

  it('refuses a --max-size that is not a whole number of megabytes, naming the option', async () => {
    const { code, stderr } = await runVigil(['import', '--max-size', 'lots', good.text], { dataDir });
    expect(code).not.toBe(0);
    expect(stderr).toContain('--max-size');
  });
});
