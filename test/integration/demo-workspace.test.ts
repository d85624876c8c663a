/**
 * The demonstration workspace: `vigil demo load` run as a child process into
 * fresh data directories, then read back through the services as its
 * demonstration accounts see it — counts, the model case's events with their
 * dates, places and counts, corroboration that counts one wire story once, a
 * contradiction, the followed person's case — and checked for what must not
 * happen: a confidential source's identity in the database file or the
 * output, the same password twice, a second load duplicating anything. Then
 * the server's first start, which loads the same workspace.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/policy.ts';
import { passwordProblem } from '../../src/access/password.ts';
import { openVigil, type Vigil } from '../../src/vigil.ts';
import { startServer } from '../../src/web/server.ts';
import { DEMO_ACCOUNTS } from '../../src/workspace/demo/demo-accounts.ts';
import { DEMO_COMPARTMENT, DEMO_EVENTS, DEMO_PEOPLE, DEMO_REPORTS, DEMO_SOURCES, OTHER_DEMO_COMPARTMENT } from '../../src/workspace/demo/demo-workspace.ts';
import type { DemoLoad } from '../../src/workspace/demo/load-demo.ts';
import type { EventView } from '../../src/workspace/event.service.ts';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, tempDir, type VigilResult } from '../helpers/cli.ts';

const root = tempDir('vigil-demo-');
const firstDir = join(root, 'first', 'data');
const secondDir = join(root, 'second', 'data');

let first: { code: number; json: DemoLoad; stderr: string };
let second: VigilResult;
let vigil: Vigil;
let secondVigil: Vigil;

const CLIENT = { ip: null, userAgent: null };

/** The printed accounts of a text-mode load: email → password. */
function printedPasswords(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^ {2}(\S+@\S+)\s.*password: (\S+)$/gm)].map((match) => [match[1]!, match[2]!]));
}

/** Signs in as a demonstration account and returns who the services then act for. */
async function signedIn(on: Vigil, email: string, password: string): Promise<Actor> {
  const result = await on.signIn.signIn(email, password, CLIENT);
  if (!result.ok) throw new Error(`${email} could not sign in`);
  const session = await on.signIn.resolve(result.secret);
  if (!session?.actor) throw new Error(`${email} signed in only to stage ${result.stage}`);
  return session.actor;
}

function passwordOf(email: string): string {
  const account = first.json.accounts.find((candidate) => candidate.email === email);
  if (!account) throw new Error(`no account ${email} was printed`);
  return account.password;
}

const researcher = () => signedIn(vigil, 'researcher@demo.vigil.invalid', passwordOf('researcher@demo.vigil.invalid'));

async function eventTitled(actor: Actor, title: string): Promise<EventView> {
  const { events } = await vigil.events.list(actor, { limit: 100 });
  const found = events.find((event) => event.title === title);
  if (!found) throw new Error(`no event "${title}" among ${events.map((event) => event.title).join(' | ')}`);
  return vigil.events.get(actor, found.reference);
}

const titleOf = (key: string) => DEMO_EVENTS.find((event) => event.key === key)!.title;
const inCompartment = <T extends { compartment: string }>(records: readonly T[], compartment: string) => records.filter((record) => record.compartment === compartment).length;

/** Every file of a data directory as bytes: the database, its write-ahead log and anything else. */
function dataBytes(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
}

/** Texts that must exist only sealed: confidential identities and contacts, sealed interview notes, the person's name. */
const SECRETS = [
  ...DEMO_SOURCES.filter((source) => source.consent === 'never-identify').flatMap((source) => [source.identity, source.contact ?? '']),
  ...DEMO_REPORTS.filter((report) => report.fullText).map((report) => report.fullText!.split('{person}')[0]!),
  ...DEMO_PEOPLE.map((person) => person.name),
].filter((text) => text.length > 0);

beforeAll(async () => {
  [first, second] = await Promise.all([
    runVigilJson<DemoLoad>(['demo', 'load', '--json'], { dataDir: firstDir }),
    runVigil(['demo', 'load'], { dataDir: secondDir }),
  ]);
  if (first.code !== 0 || second.code !== 0) throw new Error(`vigil demo load failed: ${first.stderr}\n${second.stderr}`);
  [vigil, secondVigil] = await Promise.all([openVigil({ dataDir: firstDir, warn: () => undefined }), openVigil({ dataDir: secondDir, warn: () => undefined })]);
}, CLI_TEST_TIMEOUT);

afterAll(async () => {
  await vigil?.close();
  await secondVigil?.close();
});

describe('vigil demo load', () => {
  it('makes every demonstration account with a random password that passes the rules and signs in', async () => {
    expect(first.json.loaded).toBe(true);
    expect(first.json.accounts.map(({ email, role, compartments }) => ({ email, role, compartments }))).toEqual(DEMO_ACCOUNTS);
    const printed = printedPasswords(second.stdout);
    expect([...printed.keys()]).toEqual(DEMO_ACCOUNTS.map((account) => account.email));
    for (const account of first.json.accounts) {
      expect(passwordProblem(account.password, { email: account.email })).toBeNull();
      // Two fresh directories never share a password.
      expect(printed.get(account.email)).not.toBe(account.password);
      const twoFactor = account.role === 'administrator' || account.role === 'editor';
      expect(await vigil.signIn.signIn(account.email, account.password, CLIENT)).toMatchObject({ ok: true, stage: twoFactor ? 'enrol' : 'full' });
      expect(await secondVigil.signIn.signIn(account.email, printed.get(account.email)!, CLIENT)).toMatchObject({ ok: true });
      // Each password belongs to its own directory only.
      expect((await secondVigil.signIn.signIn(account.email, account.password, CLIENT)).ok).toBe(false);
    }
    expect(new Set(first.json.accounts.map((account) => account.password)).size).toBe(DEMO_ACCOUNTS.length);
    expect(second.stdout).toMatch(/^Demonstration accounts, for trying Vigil out/m);
    expect(second.stdout).toContain('administrators and editors set up two-factor sign-in');
    expect(second.stdout).toMatch(/^Loaded the demonstration workspace: \d+ sources, \d+ reports, \d+ events, 1 person/m);
  }, CLI_TEST_TIMEOUT);

  it('loads the sources, reports, events and person of each compartment, seen only there', async () => {
    expect(first.json.counts).toEqual({
      sources: DEMO_SOURCES.length, reports: DEMO_REPORTS.length, events: DEMO_EVENTS.length, people: DEMO_PEOPLE.length,
      statuses: DEMO_PEOPLE.reduce((sum, person) => sum + person.statuses.length, 0),
      links: DEMO_EVENTS.reduce((sum, event) => sum + event.evidence.length, 0),
    });
    expect(DEMO_SOURCES.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_EVENTS.length).toBeGreaterThanOrEqual(14);
    const totals = async (actor: Actor) => Promise.all([
      vigil.sources.list(actor), vigil.reports.list(actor), vigil.events.list(actor), vigil.people.list(actor),
    ]).then((lists) => lists.map((list) => list.total));
    const expected = (compartment: string) => ([DEMO_SOURCES, DEMO_REPORTS, DEMO_EVENTS, DEMO_PEOPLE] as readonly (readonly { compartment: string }[])[]).map((records) => inCompartment(records, compartment));
    expect(await totals(await researcher())).toEqual(expected(DEMO_COMPARTMENT));
    expect(await totals(await signedIn(vigil, 'viewer@demo.vigil.invalid', passwordOf('viewer@demo.vigil.invalid')))).toEqual(expected(DEMO_COMPARTMENT));
    const other = await signedIn(vigil, 'researcher.central-america@demo.vigil.invalid', passwordOf('researcher.central-america@demo.vigil.invalid'));
    expect(await totals(other)).toEqual(expected(OTHER_DEMO_COMPARTMENT));
    expect(expected(OTHER_DEMO_COMPARTMENT)).toEqual([1, 1, 1, 0]);
  }, CLI_TEST_TIMEOUT);

  it('records the embassy entry as 25 people on 14 March 2002 in Beijing, corroborated', async () => {
    const embassy = await eventTitled(await researcher(), titleOf('embassy'));
    expect(embassy.victims[0]!.count).toEqual({ precision: 'exact', low: 25, high: 25 });
    expect(embassy.place).toMatchObject({ precision: 'city', name: 'Beijing', country: 'CN', detail: 'Embassy of Spain' });
    expect(embassy.date).toMatchObject({ precision: 'day', earliest: '2002-03-14', latest: '2002-03-14' });
    expect(embassy.acts.map((act) => act.code)).toEqual(['displacement.asylum-denied']);
    expect(embassy.corroboration.independentSources).toBe(3);
    expect(embassy.status).toBe('corroborated');
  }, CLI_TEST_TIMEOUT);

  it('keeps "up to 900" in Longjing as an at-most count at the gazetteer\'s coordinates', async () => {
    const longjing = await eventTitled(await researcher(), titleOf('longjing-returns'));
    expect(longjing.victims[0]!.count).toEqual({ precision: 'at-most', low: null, high: 900, text: 'up to 900' });
    expect(longjing.victims[0]!.countLabel).toBe('up to 900');
    expect(longjing.place).toMatchObject({ precision: 'city', name: 'Longjing', country: 'CN', division: 'CN-JL' });
    expect(Math.abs(longjing.place!.lat! - 42.7714)).toBeLessThan(0.05);
    expect(Math.abs(longjing.place!.lon! - 129.4233)).toBeLessThan(0.05);
    // The place is the gazetteer's own entry, copied as placeOf gives it.
    const { name, lat, lon, division, gazetteerId } = await vigil.places.placeOf(String(longjing.place!.gazetteerId));
    expect(longjing.place).toMatchObject({ name, lat, lon, division, gazetteerId });
    expect(longjing.perpetrators).toContainEqual({ kind: 'state body', name: 'Public Security Bureau, Jilin', involvement: 'carried out' });
  }, CLI_TEST_TIMEOUT);

  it('reads the crackdown "for April" and the round-up "earlier this month" against the statement\'s date', async () => {
    const actor = await researcher();
    const crackdown = await eventTitled(actor, titleOf('crackdown'));
    expect(crackdown.date).toMatchObject({ precision: 'month', earliest: '2002-04-01', latest: '2002-04-30', text: 'for April' });
    expect(crackdown.dateLabel).toBe('April 2002');
    const roundUp = await eventTitled(actor, titleOf('round-up'));
    expect(roundUp.date).toMatchObject({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26' });
    const barred = await eventTitled(actor, titleOf('unhcr-barred'));
    expect(barred.acts.map((act) => act.code)).toEqual(['humanitarian.access-denied']);
    expect(barred.place).toMatchObject({ precision: 'division', name: 'Jilin', division: 'CN-JL', detail: 'the border areas' });
    const fled = await eventTitled(actor, titleOf('fled'));
    expect(fled.victims[0]!.count).toMatchObject({ precision: 'approximate', low: 10_000, high: 99_999, text: 'tens of thousands' });
    const detained = await eventTitled(actor, titleOf('detained-1400'));
    expect(detained.victims[0]!.count).toMatchObject({ precision: 'at-least', low: 1400, high: null });
    const yantai = await eventTitled(actor, titleOf('yantai'));
    expect(yantai).toMatchObject({ place: { name: 'Yantai', division: 'CN-SD' }, date: { precision: 'month', earliest: '2003-01-01' } });
    expect(yantai.victims[0]!.count).toEqual({ precision: 'exact', low: 48, high: 48 });
  }, CLI_TEST_TIMEOUT);

  it('counts two outlets carrying one AP story as one source, and shows a contradiction as disputed', async () => {
    const actor = await researcher();
    const family = await eventTitled(actor, titleOf('family-of-seven'));
    expect(family.corroboration).toMatchObject({ supportingReports: 2, independentSources: 1 });
    expect(family.corroboration.origins).toHaveLength(1);
    expect(family.corroboration.origins[0]).toMatchObject({ key: 'Associated Press wire' });
    expect(family.corroboration.origins[0]!.sources).toHaveLength(2);
    expect(family.status).toBe('alleged');

    const detention = await eventTitled(actor, titleOf('case-detention').replace('{person}', (await vigil.people.list(actor)).people[0]!.pseudonym));
    expect(detention.corroboration.contradictedBy).toHaveLength(1);
    expect(detention.status).toBe('disputed');
    // Every status is what the evidence suggests.
    const { events } = await vigil.events.list(actor, { limit: 100 });
    for (const { reference } of events) {
      const event = await vigil.events.get(actor, reference);
      expect(event.status, event.title).toBe(event.suggestedStatus);
    }
  }, CLI_TEST_TIMEOUT);

  it('follows one person from detention to return to whereabouts unknown, each step dated and backed by reports', async () => {
    const actor = await researcher();
    const { people } = await vigil.people.list(actor);
    const person = await vigil.people.get(actor, people[0]!.pseudonym);
    expect(person.hasName).toBe(true);
    expect(person.statuses.map((status) => [status.status, status.date?.precision, status.place?.name ?? null])).toEqual([
      ['detained', 'bounded', 'Yanji'], ['forcibly-returned', 'bounded', 'Tumen'], ['whereabouts-unknown', 'month', null],
    ]);
    expect(person.statuses.every((status) => status.reports.length > 0)).toBe(true);
    expect(person.current).toMatchObject({ status: 'whereabouts-unknown', since: 'June 2002' });
    expect(person.current!.duration).toMatch(/years?$/);
    expect(person.events.map((event) => event.title)).toContain(titleOf('tumen-returns'));
  }, CLI_TEST_TIMEOUT);

  it('seals the confidential sources: never in the database files or the output, open only to a researcher who asks', async () => {
    expect(SECRETS.length).toBeGreaterThanOrEqual(5);
    for (const dir of [firstDir, secondDir]) {
      const bytes = dataBytes(dir);
      // The scan finds what is stored in clear: a report's summary.
      expect(bytes.includes(Buffer.from(DEMO_REPORTS[0]!.summary, 'utf8'))).toBe(true);
      for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${dir}`).toBe(false);
    }
    for (const output of [first.stderr, JSON.stringify(first.json), second.stdout, second.stderr]) {
      for (const secret of SECRETS) expect(output).not.toContain(secret);
    }
    const actor = await researcher();
    const { sources } = await vigil.sources.list(actor, { limit: 100 });
    const confidential = sources.filter((source) => source.consent === 'never-identify');
    expect(confidential.map((source) => source.kind).sort()).toEqual(['relative', 'witness']);
    const identities = await Promise.all(confidential.map(async (source) => (await vigil.sources.reveal(actor, source.pseudonym)).identity));
    expect(identities.sort()).toEqual(DEMO_SOURCES.filter((source) => source.consent === 'never-identify').map((source) => source.identity).sort());
    const { reports } = await vigil.reports.list(actor, { limit: 100 });
    const sealed = reports.filter((report) => confidential.some((source) => source.pseudonym === report.source));
    expect(sealed).toHaveLength(3);
    expect(sealed.every((report) => report.fullTextSealed && report.fullText === null)).toBe(true);
  }, CLI_TEST_TIMEOUT);

  it('changes nothing when loaded again', async () => {
    const actor = await researcher();
    const before = await Promise.all([vigil.sources.list(actor), vigil.reports.list(actor), vigil.events.list(actor), vigil.people.list(actor)]);
    const again = await runVigilJson<DemoLoad>(['demo', 'load', '--json'], { dataDir: firstDir });
    expect(again.code).toBe(0);
    expect(again.json).toEqual({ loaded: false, accounts: [], existingAccounts: [], counts: null });
    const text = await runVigil(['demo', 'load'], { dataDir: firstDir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('already loaded');
    const after = await Promise.all([vigil.sources.list(actor), vigil.reports.list(actor), vigil.events.list(actor), vigil.people.list(actor)]);
    expect(after.map((list) => list.total)).toEqual(before.map((list) => list.total));
    expect((await vigil.users.list()).length).toBe(DEMO_ACCOUNTS.length);
    // The passwords printed the first time still work: nothing was reset.
    expect((await vigil.signIn.signIn('viewer@demo.vigil.invalid', passwordOf('viewer@demo.vigil.invalid'), CLIENT)).ok).toBe(true);
  }, CLI_TEST_TIMEOUT);
});

describe('the server\'s first start', () => {
  const serverRoot = tempDir('vigil-demo-serve-');

  it('makes and prints the demonstration accounts, listens, then loads the workspace', async () => {
    const lines: string[] = [];
    const dataDir = join(serverRoot, 'fresh', 'data');
    const app = await startServer({ dataDir, port: 0, host: '127.0.0.1', say: (line) => lines.push(line) });
    try {
      const serving = lines.findIndex((line) => line.startsWith('Vigil is serving'));
      const accounts = lines.findIndex((line) => line.startsWith('Demonstration accounts'));
      expect(accounts).toBeGreaterThanOrEqual(0);
      expect(accounts).toBeLessThan(serving);
      expect(lines.join('\n')).toContain('two-factor');
      expect(lines.join('\n')).not.toContain('No accounts yet');
      expect(printedPasswords(lines.join('\n')).size).toBe(DEMO_ACCOUNTS.length);
      // The server answers while the gazetteer loads in its worker.
      expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const deadline = Date.now() + 100_000;
      while (!lines.some((line) => /^Demonstration workspace loaded|^WARNING/.test(line)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(lines.find((line) => line.startsWith('Demonstration workspace loaded'))).toContain(`: ${DEMO_SOURCES.length} sources, ${DEMO_REPORTS.length} reports, ${DEMO_EVENTS.length} events, 1 person`);
    } finally {
      await app.close();
    }
    expect(lines.join('\n')).not.toContain(SECRETS[0]);
  }, CLI_TEST_TIMEOUT);

  it('starts with no demonstration data when asked', async () => {
    const lines: string[] = [];
    const app = await startServer({ dataDir: join(serverRoot, 'plain', 'data'), port: 0, host: '127.0.0.1', demo: false, say: (line) => lines.push(line) });
    await app.close();
    expect(lines.join('\n')).toContain('No accounts yet');
    expect(lines.join('\n')).not.toMatch(/Demonstration|demonstration documents/);
  }, CLI_TEST_TIMEOUT);
});
