/**
 * `vigil records import` as an operator runs it at a terminal: CSV and JSON
 * files written here, the real command as a child process on a temporary
 * data directory. Good rows are kept, bad rows are named with their row and
 * field, exit codes say which; events read their dates, places and counts
 * from words and link to reports imported before; sealed values are never
 * printed.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openVigil, type Vigil } from '../../src/vigil.ts';
import type { Actor } from '../../src/access/policy.ts';
import { CLI_TEST_TIMEOUT, runVigil, tempDir, writeFileIn } from '../helpers/cli.ts';

const root = tempDir('vigil-records-');
const dataDir = join(root, 'data');
const files = join(root, 'files');
const PASSWORD = 'lantern orchard velvet compass';
const AS = ['--as', 'mira@example.org'];
const EAST_ASIA = ['--compartment', 'East Asia'];

const SECRETS = {
  identity: 'Han Myong-suk, nurse at the Yanji clinic',
  contact: 'Signal +86 555 0199',
  fullText: 'They took eleven people from the safe house on the night of the 18th',
  rejectedIdentity: 'Choe Il-nam, who must never be named',
};

interface ImportJson { imported: { row: number; reference: string }[]; failed: { row: number; field: string; error: string }[] }

/** Runs `vigil records import` and checks that no sealed value is printed, whatever happens. */
async function importFile(file: string, args: string[]) {
  const result = await runVigil(['records', 'import', file, ...args], { dataDir });
  for (const secret of Object.values(SECRETS)) {
    expect(result.stdout, 'stdout').not.toContain(secret);
    expect(result.stderr, 'stderr').not.toContain(secret);
  }
  return result;
}

async function importJson(file: string, args: string[]) {
  const result = await importFile(file, [...args, '--json']);
  return { ...result, json: JSON.parse(result.stdout) as ImportJson };
}

/** Opens the data directory in this process to look at what the child wrote. */
async function withVigil<T>(work: (vigil: Vigil, actor: Actor) => Promise<T>): Promise<T> {
  const vigil = await openVigil({ dataDir, env: {}, warn: () => undefined });
  try {
    const user = (await vigil.users.list()).find((u) => u.email === 'mira@example.org')!;
    const ids = (await vigil.users.compartments()).filter((c) => user.compartments.includes(c.name)).map((c) => c.id);
    return await work(vigil, { userId: user.id, email: user.email, role: user.role, compartments: new Set(ids), via: 'session', ip: null });
  } finally {
    await vigil.close();
  }
}

let sources: string[] = [];
let reports: string[] = [];


beforeAll(async () => {
  for (const [email, role, compartment] of [['mira@example.org', 'researcher', 'East Asia'], ['olu@example.org', 'researcher', 'Americas'], ['vic@example.org', 'viewer', 'East Asia']]) {
    const added = await runVigil(['user', 'add', email!, '--role', role!, '--compartment', compartment!, '--password-stdin'], { dataDir, input: PASSWORD });
    expect(added.code, added.stderr).toBe(0);
  }
}, CLI_TEST_TIMEOUT);

describe('vigil records import', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('imports sources from CSV, sealing identity and contact, and names the bad row', async () => {
    const file = await writeFileIn(join(files, 'sources.csv'), [
      'kind,consent,reliability,independenceGroup,identity,contact',
      `witness,may-be-quoted,B,church network,"${SECRETS.identity}",${SECRETS.contact}`,
      'media,,C,wire service,,',
      `alien,,A,,"${SECRETS.rejectedIdentity}",`,
      'partner organisation,never-identify,,,,',
      '',
    ].join('\n'));
    const { code, json, stderr } = await importJson(file, ['--kind', 'sources', ...EAST_ASIA, ...AS]);
    expect(code).toBe(1);
    expect(json.imported.map((i) => i.row)).toEqual([2, 3, 5]);
    for (const { reference } of json.imported) expect(reference).toMatch(/^S-\d{4}$/);
    expect(json.failed).toEqual([{ row: 4, field: 'kind', error: expect.stringMatching(/^Choose kind: witness, /) as string }]);
    expect(stderr).toMatch(/^\S*sources\.csv:4: kind: Choose kind/m);
    sources = json.imported.map((i) => i.reference);

    await withVigil(async (vigil, actor) => {
      const first = await vigil.sources.get(actor, sources[0]!);
      expect(first).toMatchObject({ kind: 'witness', consent: 'may-be-quoted', reliability: 'B', independenceGroup: 'church network', hasIdentity: true, hasContact: true });
      expect(await vigil.sources.reveal(actor, sources[0]!)).toEqual({ identity: SECRETS.identity, contact: SECRETS.contact });
      expect((await vigil.sources.list(actor)).total).toBe(3);
    });
  });

  it('imports reports from CSV, numbering rows by line across a cell written on two lines', async () => {
    const file = await writeFileIn(join(files, 'reports.csv'), [
      'source,receivedOn,channel,summary,fullText,sealFullText,language,credibility',
      `${sources[0]},2002-03-20,phone,Detainees taken from a safe house,"${SECRETS.fullText}`,
      'and driven towards the border",yes,en,2',
      `${sources[1]},2002-03-21,news,Wire story on the round-up,A public wire story.,,en,3`,
      '',
      `${sources[1]},yesterday,news,A date nobody can read,,,,`,
      `S-0000,2002-03-22,news,A source that does not exist,,,,`,
      ',2002-03-23,email,Partner report with no source recorded,,,,',
    ].join('\r\n'));
    const { code, stdout, stderr } = await importFile(file, ['--kind', 'reports', ...EAST_ASIA, ...AS]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^\S*reports\.csv:2: R-\d{4}$/m);
    expect(stdout).toMatch(/^\S*reports\.csv:4: R-\d{4}$/m);
    expect(stdout).toMatch(/^\S*reports\.csv:8: R-\d{4}$/m);
    expect(stderr).toMatch(/^\S*reports\.csv:6: receivedOn: Received on must be a date/m);
    expect(stderr).toMatch(/^\S*reports\.csv:7: source: No source S-0000/m);
    expect(stderr).toMatch(/^3 imported, 2 failed$/m);
    reports = [...stdout.matchAll(/:(\d+): (R-\d{4})$/gm)].map((m) => m[2]!);
    expect(reports).toHaveLength(3);

    await withVigil(async (vigil, actor) => {
      const sealed = await vigil.reports.get(actor, reports[0]!);
      expect(sealed).toMatchObject({ source: sources[0], fullText: null, fullTextSealed: true, credibility: 2, language: 'en' });
      expect(await vigil.reports.reveal(actor, reports[0]!)).toBe(`${SECRETS.fullText}\r\nand driven towards the border`);
      // Its source's consent is never-identify (the default), so the full text was sealed without being asked.
      expect(await vigil.reports.get(actor, reports[1]!)).toMatchObject({ fullText: null, fullTextSealed: true });
      expect(await vigil.reports.get(actor, reports[2]!)).toMatchObject({ source: null, channel: 'email', fullTextSealed: false });
    });
  });

  it('imports events from CSV with dates, places and counts in words, linked to the reports imported before', async () => {
    const file = await writeFileIn(join(files, 'events.csv'), [
      'title,description,acts,date,dateReference,place,country,placeDetail,victimGroup,victimCount,perpetratorKind,perpetratorName,perpetratorInvolvement,status,reports',
      `Mass returns from Longjing,Returns by lorry,forcible return; mass arrest,earlier this month,,Longjing,CN,the railway station,North Korean refugees,up to 900,state body,Border police,carried out,,${reports[0]} supports; ${reports[1]} contradicts`,
      'Refugees in hiding,,persecution of human-rights defenders,2002,,,CN,,North Korean refugees,tens of thousands,,,,,',
      'A made-up act,,being rude,March 2002,,,,,,,,,,,',
      `Linked to a report that is not there,,mass arrest,March 2002,,,,,,,,,,,R-0000 supports`,
      'An unknown place,,mass arrest,,,Atlantis under the sea,,,,,,,,,',
      'A count that cannot be read,,mass arrest,,,,,,refugees,a lorry-load,,,,,',
      'Embassy entry,,denial of access to asylum,in March,2002-03-27,Beijing,CN,the Spanish embassy,asylum seekers,25,,,,corroborated,',
    ].join('\n'));
    const { code, json, stderr } = await importJson(file, ['--kind', 'events', ...EAST_ASIA, ...AS, '--date-reference', '2002-03-27']);
    expect(code).toBe(1);
    expect(json.imported.map((i) => i.row)).toEqual([2, 3, 8]);
    expect(json.failed.map((f) => [f.row, f.field])).toEqual([[4, 'acts'], [5, 'reports'], [6, 'place'], [7, 'victimCount']]);
    expect(stderr).toMatch(/^\S*events\.csv:4: acts: "being rude" is not an act type/m);
    expect(stderr).toMatch(/^\S*events\.csv:5: reports: No report R-0000/m);

    await withVigil(async (vigil, actor) => {
      // The row whose link failed left no event behind.
      expect((await vigil.events.list(actor, { q: 'not there' })).total).toBe(0);
      const returns = await vigil.events.get(actor, json.imported[0]!.reference);
      expect(returns.acts.map((a) => a.code)).toEqual(['displacement.refoulement', 'liberty.mass-arrest']);
      expect(returns.date).toMatchObject({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26', text: 'earlier this month' });
      expect(returns.place).toMatchObject({ precision: 'city', name: 'Longjing', country: 'CN', divisionName: 'Jilin', detail: 'the railway station' });
      expect(returns.victims).toEqual([{ person: null, group: 'North Korean refugees', count: { precision: 'at-most', low: null, high: 900, text: 'up to 900' }, countLabel: 'up to 900' }]);
      expect(returns.perpetrators).toEqual([{ kind: 'state body', name: 'Border police', involvement: 'carried out' }]);
      expect(returns.reports.map((r) => [r.reference, r.stance])).toEqual([[reports[0], 'supports'], [reports[1], 'contradicts']]);
      expect(returns.corroboration).toMatchObject({ supportingReports: 1, independentSources: 1, contradictedBy: [reports[1]] });

      const hiding = await vigil.events.get(actor, json.imported[1]!.reference);
      expect(hiding).toMatchObject({ dateLabel: '2002', placeLabel: 'China' });
      expect(hiding.victims[0]!.count).toMatchObject({ precision: 'approximate', low: 10_000, high: 99_999, text: 'tens of thousands' });
      const embassy = await vigil.events.get(actor, json.imported[2]!.reference);
      expect(embassy).toMatchObject({ status: 'corroborated', dateLabel: 'March 2002' });
      expect(embassy.placeLabel).toMatch(/^Beijing\b.*, China — the Spanish embassy$/);
      expect(embassy.victims[0]!.countLabel).toBe('25');
    });
  }, 240_000);

  it('imports events from JSON, with lists and objects, numbering entries from 1', async () => {
    const file = await writeFileIn(join(files, 'events.json'), JSON.stringify([
      {
        title: 'Returns from Antu', acts: ['forcible return'], date: 'May 2002', placeId: 'city:158611', placeDetail: 'the bridge',
        victims: [{ group: 'refugees', count: 'up to 500' }, { group: 'guides', count: 3 }],
        perpetrators: [{ kind: 'unit', name: 'Border guards', involvement: 'carried out' }],
        reports: [`${reports[2]} supports`],
      },
      { title: 'No act at all', acts: [] },
      'not an object',
      { title: 'Structured', acts: 'arbitrary detention', date: { precision: 'range', earliest: '2002-06-01', latest: '2002-06-13' }, victims: [{ group: 'detainees', count: { precision: 'at-least', low: 1400 } }], country: 'CN' },
      { title: 'A field no event has', acts: ['mass arrest'], colour: 'red' },
    ], null, 2));
    const { code, json } = await importJson(file, ['--kind', 'events', ...EAST_ASIA, ...AS]);
    expect(code).toBe(1);
    expect(json.imported.map((i) => i.row)).toEqual([1, 4]);
    expect(json.failed.map((f) => [f.row, f.field])).toEqual([[2, 'acts'], [3, ''], [5, 'colour']]);
    await withVigil(async (vigil, actor) => {
      const antu = await vigil.events.get(actor, json.imported[0]!.reference);
      expect(antu.place).toMatchObject({ gazetteerId: 'city:158611', detail: 'the bridge' });
      expect(antu.victims.map((v) => v.countLabel)).toEqual(['up to 500', '3']);
      expect(antu.perpetrators).toEqual([{ kind: 'unit', name: 'Border guards', involvement: 'carried out' }]);
      expect(antu.reports.map((r) => r.reference)).toEqual([reports[2]]);
      const structured = await vigil.events.get(actor, json.imported[1]!.reference);
      expect(structured).toMatchObject({ dateLabel: '1–13 June 2002' });
      expect(structured.victims[0]!.countLabel).toBe('at least 1,400');
    });
  }, 240_000);

  it('exits 0 when every row is imported, printing the summary', async () => {
    const file = await writeFileIn(join(files, 'more-sources.json'), JSON.stringify([{ kind: 'official' }, { kind: 'relative', consent: 'may-be-named' }]));
    const { code, stdout, stderr } = await importFile(file, ['--kind', 'sources', ...EAST_ASIA, ...AS]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(2);
    expect(stderr.trim()).toBe('2 imported, 0 failed');
  });

  it('exits 2 and imports nothing when the file, the kind, a column, the account or the compartment is wrong', async () => {
    const good = await writeFileIn(join(files, 'one-source.csv'), 'kind\nwitness\n');
    const refusals: Array<[string, string[], RegExp]> = [
      ['a missing file', [join(files, 'nowhere.csv'), '--kind', 'sources', ...EAST_ASIA, ...AS], /cannot read .*nowhere\.csv: no such file/],
      ['a folder', [files, '--kind', 'sources', ...EAST_ASIA, ...AS], /it is a folder/],
      ['an unknown kind', [good, '--kind', 'cases', ...EAST_ASIA, ...AS], /Allowed choices are sources, reports, events/],
      ['an unknown column', [await writeFileIn(join(files, 'typo.csv'), 'kind,realiability\nwitness,B\n'), '--kind', 'sources', ...EAST_ASIA, ...AS], /"realiability" is not a column of sources/],
      ['a quote never closed', [await writeFileIn(join(files, 'broken.csv'), `kind,identity\nwitness,"${SECRETS.rejectedIdentity}\n`), '--kind', 'sources', ...EAST_ASIA, ...AS], /broken\.csv: line \d+: a quoted cell is never closed\. Nothing was imported/],
      ['broken JSON', [await writeFileIn(join(files, 'broken.json'), `[{"kind": "witness", "identity": "${SECRETS.rejectedIdentity}" "contact": 1}]`), '--kind', 'sources', ...EAST_ASIA, ...AS], /broken\.json: this is not valid JSON near line 1, column \d+/],
      ['JSON that is not a list', [await writeFileIn(join(files, 'object.json'), '{"kind": "witness"}'), '--kind', 'sources', ...EAST_ASIA, ...AS], /holds a list of records/],
      ['an unknown account', [good, '--kind', 'sources', ...EAST_ASIA, '--as', 'nobody@example.org'], /no account nobody@example\.org/],
      ['another\'s compartment', [good, '--kind', 'sources', '--compartment', 'Americas', ...AS], /"Americas" is not a compartment mira@example\.org belongs to/],
      ['an account that may not record', [good, '--kind', 'sources', ...EAST_ASIA, '--as', 'vic@example.org'], /vic@example\.org may not record sources/],
      ['a reference day that is not a day', [good, '--kind', 'events', ...EAST_ASIA, ...AS, '--date-reference', '27 March 2002'], /YYYY-MM-DD/],
    ];
    const before = await withVigil(async (vigil, actor) => (await vigil.sources.list(actor)).total);
    for (const [label, args, message] of refusals) {
      const result = await importFile(args[0]!, args.slice(1));
      expect(result.code, `${label}: ${result.stderr}`).toBe(2);
      expect(result.stderr, label).toMatch(message);
    }
    expect(await withVigil(async (vigil, actor) => (await vigil.sources.list(actor)).total)).toBe(before);
  });

  it('explains itself in --help', async () => {
    const top = await runVigil(['--help'], { dataDir });
    expect(top.stdout).toMatch(/^\s+records\b/m);
    const help = await runVigil(['records', 'import', '--help'], { dataDir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: vigil records import [options] <file>');
    for (const text of ['--kind', '--compartment', '--as', '--date-reference', '--json', 'receivedOn', 'victimCount', 'R-1234 supports', 'FILE:ROW: field: message', 'Exit status']) {
      expect(help.stdout, text).toContain(text);
    }
  });
});

