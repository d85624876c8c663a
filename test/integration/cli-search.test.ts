/**
 * `vigil search` run as a real child process over one imported corpus: the
 * JSON shape, the query language, filters, paging, ordering, and the errors a
 * reader meets. Every test only reads, so they share one data directory,
 * imported once.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir, writeCorpus, type Corpus, type RunOptions } from '../helpers/cli.ts';

interface Hit {
  index: string | null;
  title: string;
  type: string | null;
  date: string | null;
  snippet: string;
  score: number;
}

interface SearchJson {
  total: number;
  results: Hit[];
  facets: { type: Record<string, number>; year: Record<string, number>; country: Record<string, number>; language: Record<string, number> };
}

/** Matches every document of the corpus: each English one names China, the French one la Chine. */
const EVERY_DOCUMENT = 'China OR Chine';
/**
 * Where a test counts documents, it keeps to 2001–2002: the corpus's only PDF
 * is from 2003, so a PDF that fails to import fails only the tests about PDFs.
 */
const BEFORE_2003 = ['--to', '2002-12-31'];
/** How many corpus documents are from before 2003: all but the PDF. */
const COUNT_BEFORE_2003 = 6;

const root = tempDir('vigil-cli-search-');
const options: RunOptions = { dataDir: join(root, 'data') };
let t: Corpus['titles'];

/** `vigil search --json ...args`, expecting success. */
async function search(...args: string[]): Promise<SearchJson> {
  const { code, json, stderr } = await runVigilJson<SearchJson>(['search', '--json', ...args], options);
  if (code !== 0) throw new Error(`vigil search ${args.join(' ')} exited ${code}: ${stderr}`);
  return json;
}

function titles(result: SearchJson): string[] {
  return result.results.map((hit) => hit.title).sort();
}

beforeAll(async () => {
  const corpus = await writeCorpus(root);
  t = corpus.titles;
  // Not asserted here: the import has its own tests, and a document that fails
  // to import should fail only the searches that need it.
  await runVigil(['import', ...corpus.importArgs], options);
});

describe('vigil search --json', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('prints { total, results: [{ index, title, type, date, snippet, score }], facets }', async () => {
    const result = await search('Longjing');
    expect(Object.keys(result).sort()).toEqual(['facets', 'results', 'total']);
    expect(result.total).toBe(1);
    expect(result.results).toHaveLength(1);
    expect(result.results[0]).toMatchObject({
      index: null,
      title: t.returns,
      type: 'Research Briefing',
      date: '2002-06-20',
      snippet: expect.stringContaining('<mark>Longjing</mark>') as unknown,
      score: expect.any(Number) as unknown,
    });
    expect(result.results[0]!.score).toBeGreaterThan(0);
    expect(result.facets).toEqual({
      type: { 'Research Briefing': 1 },
      year: { 2002: 1 },
      country: expect.objectContaining({ CN: 1, KP: 1 }) as unknown,
      language: { en: 1 },
    });
  });

  it('marks the matched words in every snippet, as safe HTML', async () => {
    const result = await search('"illegal immigrants"');
    expect(titles(result)).toEqual([t.seed, t.detentions].sort());
    // The phrase is marked word by word or as a whole: both read the same.
    const markedPhrase = /<mark>illegal(?:<\/mark> <mark>| )immigrants<\/mark>/i;
    for (const hit of result.results) {
      expect(hit.snippet, hit.title).toMatch(markedPhrase);
      // Quotation marks in the text are escaped; the only tags are the marks.
      expect(hit.snippet.replace(/<\/?mark>/g, ''), hit.title).not.toMatch(/[<>"]/);
    }
    const seed = result.results.find((hit) => hit.title === t.seed)!;
    expect(seed.snippet).toMatch(new RegExp(`&quot;${markedPhrase.source}&quot;`, 'i'));
  });

  it('facets count type, year, country and language over all matches, not one page', async () => {
    const result = await search(EVERY_DOCUMENT, '--limit', '1', ...BEFORE_2003);
    expect(result.results).toHaveLength(1);
    expect(result.total).toBe(COUNT_BEFORE_2003);
    expect(result.facets.language).toEqual({ en: COUNT_BEFORE_2003 - 1, fr: 1 });
    expect(result.facets.country.KP).toBe(COUNT_BEFORE_2003);
    expect(result.facets.country.CN).toBe(COUNT_BEFORE_2003);
    expect(result.facets.year).toEqual({ 2001: 1, 2002: COUNT_BEFORE_2003 - 1 });
    expect(result.facets.type).toEqual({ 'Public Statement': 3, 'Press Release': 2, 'Research Briefing': 1 });
  });

  it('finds a phrase only where its words stand together', async () => {
    const [words, phrase] = await Promise.all([search('Spanish embassy'), search('"Spanish embassy"')]);
    expect(titles(words)).toEqual([t.seed, t.manila].sort());
    expect(titles(phrase)).toEqual([t.seed]);
  });

  it('matches a prefix with *, also one that stops inside a word\'s stem ("repatriat*")', async () => {
    const [prefix, word] = await Promise.all([search('repatriat*'), search('repatriated')]);
    expect(titles(prefix)).toEqual([t.seed, t.returns].sort());
    expect(titles(word)).toEqual([t.returns]);
  });

  it('matches either word with OR', async () => {
    const result = await search('Tumen OR Singapore');
    expect(titles(result)).toEqual([t.returns, t.family].sort());
  });

  it('leaves out documents with NOT and with -word', async () => {
    const [all, not, minus] = await Promise.all([search('Beijing'), search('Beijing NOT Spain'), search('Beijing -Spain')]);
    expect(titles(all)).toEqual([t.seed, t.manila, t.family].sort());
    expect(titles(not)).toEqual([t.seed, t.family].sort());
    expect(titles(minus)).toEqual([t.seed, t.family].sort());
  });

  it('reads -word typed as its own argument as part of the query, not as an option', async () => {
    const { code, stdout, stderr } = await runVigil(['search', '--json', 'Beijing', '-Spain'], options);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(titles(JSON.parse(stdout) as SearchJson)).toEqual([t.seed, t.family].sort());
  });

  it('filters by --type', async () => {
    const statement = await search(EVERY_DOCUMENT, '--type', 'Public Statement');
    expect(titles(statement)).toEqual([t.seed, t.detentions, t.french].sort());
    expect(statement.facets.type).toEqual({ 'Public Statement': 3 });
  });

  it('filters by --country, whatever the case of the code', async () => {
    const singapore = await search(EVERY_DOCUMENT, '--country', 'sg');
    expect(titles(singapore)).toEqual([t.family]);
  });

  it('filters by --year', async () => {
    const result = await search(EVERY_DOCUMENT, '--year', '2001');
    expect(titles(result)).toEqual([t.family]);
    expect(result.facets.year).toEqual({ 2001: 1 });
  });

  it('filters by --from and --to, both days included', async () => {
    const [summer, oneDay] = await Promise.all([
      search(EVERY_DOCUMENT, '--from', '2002-06-01', '--to', '2002-12-31'),
      search(EVERY_DOCUMENT, '--from', '2002-03-27', '--to', '2002-03-27'),
    ]);
    expect(titles(summer)).toEqual([t.detentions, t.returns, t.french].sort());
    expect(titles(oneDay)).toEqual([t.seed]);
  });

  it('filters by --language', async () => {
    const french = await search(EVERY_DOCUMENT, '--language', 'fr');
    expect(titles(french)).toEqual([t.french]);
    expect(french.facets.language).toEqual({ fr: 1 });
  });

  it('pages with --limit and --offset: pages do not overlap and follow the full ranking', async () => {
    const [full, first, second] = await Promise.all([
      search(EVERY_DOCUMENT, '--limit', '20', ...BEFORE_2003),
      search(EVERY_DOCUMENT, '--limit', '4', ...BEFORE_2003),
      search(EVERY_DOCUMENT, '--limit', '4', '--offset', '4', ...BEFORE_2003),
    ]);
    const ranked = full.results.map((hit) => hit.title);
    expect(ranked).toHaveLength(COUNT_BEFORE_2003);
    expect(first.results.map((hit) => hit.title)).toEqual(ranked.slice(0, 4));
    expect(second.results.map((hit) => hit.title)).toEqual(ranked.slice(4));
    for (const page of [full, first, second]) expect(page.total).toBe(COUNT_BEFORE_2003);
  });

  it('orders newest first with --sort date', async () => {
    const result = await search(EVERY_DOCUMENT, '--sort', 'date', '--limit', '20', ...BEFORE_2003);
    const dates = result.results.map((hit) => hit.date ?? '');
    expect(dates).toEqual(['2002-08-05', '2002-06-21', '2002-06-20', '2002-03-27', '2002-03-15', '2001-06-30']);
  });

  it('gives the document itself for an index number, in any spelling', async () => {
    // Every spelling is tried with `vigil show`; here one that is not the printed form.
    const result = await search('asa-17-013-2002');
    expect(result.total).toBe(1);
    expect(result.results[0]).toMatchObject({ index: 'ASA 17/013/2002', title: t.seed, type: 'Public Statement', date: '2002-03-27' });
  });

  it('ranks a match in the title above a match only in the body', async () => {
    const result = await search('Manila');
    const ranked = result.results.map((hit) => hit.title);
    expect(ranked[0]).toBe(t.manila);
    expect(ranked).toContain(t.detentions);
    expect(result.results[0]!.score).toBeGreaterThan(result.results[1]!.score);
  });

  it('finds the text of an imported PDF', async () => {
    const result = await search('Yantai');
    expect(titles(result)).toEqual([t.yantai]);
    expect(result.results[0]).toMatchObject({ type: 'Report', date: '2003-01-24' });
  });

  it('prints readable results without --json', async () => {
    const { code, stdout } = await runVigil(['search', 'Longjing'], options);
    expect(code).toBe(0);
    expect(stdout).toContain('1 document');
    expect(stdout).toContain(t.returns);
    expect(stdout).toContain('[Longjing]');
    expect(stdout).not.toContain('<mark>');
  });

  it('says so, with exit 0, when nothing matches', async () => {
    const { code, stdout } = await runVigil(['search', 'nosuchwordanywhere'], options);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No documents match/);
  });
});

describe('vigil search: queries and options it refuses', { timeout: CLI_TEST_TIMEOUT }, () => {
  const malformed: Array<[string, RegExp]> = [
    ['"unclosed', /quotation mark/i],
    ['-only', /only exclude/i],
    ['OR', /OR/],
  ];
  for (const [query, says] of malformed) {
    it(`exits 2 with a clear message for the query ${query}`, async () => {
      // `--` lets a query that starts with "-" reach the query parser.
      const { code, stdout, stderr } = await runVigil(['search', '--json', '--', query], options);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^vigil: cannot search for that: /);
      expect(stderr).toMatch(says);
      expect(stderr).not.toMatch(/fts5|sqlite|syntax error/i);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('treats FTS5 syntax in a query as words, never as SQLite commands', async () => {
    const { code, stderr } = await runVigil(['search', '--json', 'NEAR(Tumen Longjing) title:Manila ^Beijing'], options);
    expect(stderr).not.toMatch(/fts5|sqlite/i);
    expect(code).toBe(0);
  });

  const invalid: Array<[string[], string]> = [
    [['--limit', '0'], '--limit'],
    [['--from', '2002-13-45'], '--from'],
    [['--sort', 'nonsense'], '--sort'],
    [['--to', '2002-02-30'], '--to'],
    // A mistyped option must not silently become query words (-word is one dash).
    [['--limt', '5'], '--limt'],
  ];
  for (const [args, option] of invalid) {
    it(`refuses ${args.join(' ')} with a message naming ${option}`, async () => {
      const { code, stdout, stderr } = await runVigil(['search', '--json', 'refugees', ...args], options);
      expect(code).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toContain(option);
      expect(stderr).not.toMatch(/fts5|sqlite| {4}at /i);
    });
  }
});
