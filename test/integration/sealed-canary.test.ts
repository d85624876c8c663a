/** Issue #4: a canary in every sealed field (source identity and contact, the TOTP secret) is found nowhere but in the one audited reveal: not in the database, its WAL, the log, error pages, the audit chain, backups, exports, API answers or pages for people without the permission. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../src/access/audit/audit-chain.ts';
import type { Actor } from '../../src/access/policy.ts';
import { openValue, SealedValueError, unwrapKey } from '../../src/access/sealed/cipher.ts';
import { decodeMasterKey, generateMasterKey, writeKeyFileExclusive } from '../../src/access/sealed/key-file.ts';
import { compartmentKeyName, Keyring, loadMasterKey, MasterKeyMismatchError } from '../../src/access/sealed/index.ts';
import { totpContext } from '../../src/access/sign-in.service.ts';
import { openVigil } from '../../src/vigil.ts';
import { byteNeedles, canary, canaryNeedles, databaseFiles, leaksIn, startLoggedApp, textNeedles, type LoggedWebApp, type Needle } from '../helpers/canary.ts';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson } from '../helpers/cli.ts';
import { Browser, signedIn, type TestUser } from '../helpers/session.ts';
import { PUBLIC_URL } from '../helpers/web.ts';

// ---------------------------------------------------------------------------
// Canaries (made, spelt and searched for by ../helpers/canary.ts, shared with the workspace's canary test)

const CANARIES = {
  /** Typed into the create form, then replaced through the edit form: must be gone for good. */
  identityFirst: canary('IDENTITY-FIRST'),
  /** Typed into the edit form: the identity now stored. */
  identity: canary('IDENTITY'),
  /** Typed into the create form and kept through the edit (an empty field means "keep"). */
  contact: canary('CONTACT'),
  /** Typed into forms the server refuses: never stored, never logged. */
  rejectedIdentity: canary('REJECTED-IDENTITY'),
  rejectedContact: canary('REJECTED-CONTACT'),
};

/** Public and unsealed: the positive control that the same searches do find what is really there. */
const PROBE = `PROBE-${randomBytes(12).toString('hex')}`;
/** Put into a request's address, which the log does record: shows the log capture would see a canary. */
const LOG_PROBE = `LOGPROBE-${randomBytes(12).toString('hex')}`;

// ---------------------------------------------------------------------------
// The app, with its log captured

const RESEARCHER: TestUser = { email: 'rhee@example.org', role: 'researcher', compartments: ['East Asia'] };
const VIEWER: TestUser = { email: 'vera@example.org', role: 'viewer', compartments: ['East Asia'] };
const OUTSIDER: TestUser = { email: 'omar@example.org', role: 'researcher', compartments: ['South Asia'] };
// An administrator must enrol an authenticator, so signing in makes Vigil generate (and seal) a TOTP secret.
const ADMIN: TestUser = { email: 'ada@example.org', role: 'administrator', compartments: [] };

const root = mkdtempSync(join(tmpdir(), 'vigil-canary-'));
const dataDir = join(root, 'data');
const keyFile = join(root, 'master.key');
const backupFile = join(root, 'canary.backup');
const restoredDir = join(root, 'restored');

let web: LoggedWebApp;
/** The app once started, so that a start that failed half-way is not closed twice. */
let started: LoggedWebApp | undefined;

let researcher: Browser;
let viewer: Browser;
let outsider: Browser;
let admin: Browser;
/** The TOTP secret as the enrolment page showed it. */
let totpKey = '';
let readToken = '';
let pseudonym = '';

/** Answers kept from the story in beforeAll, checked by the tests. */
type Answers = Record<'editForm' | 'stale' | 'malformed' | 'duplicated' | 'outsiderEdit' | 'reveal' | 'logProbe', LightMyRequestResponse>;
const answers = {} as Answers;

/** The sealed bytes as stored: found in the files, they show the files searched are the ones holding the values. */
const blobs: { identity: Buffer; contact: Buffer; totp: Buffer; compartmentId: number; adminId: number } = {
  identity: Buffer.alloc(0), contact: Buffer.alloc(0), totp: Buffer.alloc(0), compartmentId: 0, adminId: 0,
};
/** The master key and every unwrapped data key: key material must be in no file either. */
const keyMaterial: Array<{ name: string; key: Buffer }> = [];

function sealedNeedles(): Needle[] {
  expect(totpKey, 'the enrolment page showed no key').toMatch(/^[A-Z2-7]{32}$/);
  return [
    ...canaryNeedles('identity canary (replaced)', CANARIES.identityFirst),
    ...canaryNeedles('identity canary', CANARIES.identity),
    ...canaryNeedles('contact canary', CANARIES.contact),
    ...canaryNeedles('refused identity canary', CANARIES.rejectedIdentity),
    ...canaryNeedles('refused contact canary', CANARIES.rejectedContact),
    ...textNeedles('TOTP secret', totpKey),
    ...textNeedles('TOTP secret as shown', totpKey.replace(/(.{4})/g, '$1 ').trim()),
    ...byteNeedles('TOTP key bytes', Buffer.from(Secret.fromBase32(totpKey).bytes)),
  ];
}

function allNeedles(): Needle[] {
  expect(keyMaterial.length).toBeGreaterThanOrEqual(3);
  return [...sealedNeedles(), ...keyMaterial.flatMap(({ name, key }) => byteNeedles(name, key))];
}

/** Closes the app and the database (each once) and stops capturing standard output. */
async function stopApp(): Promise<void> {
  await started?.close();
}

/** Builds the app as createWebApp does, but with Fastify's logger on; the log lines land in `web.log`. */
function startApp(): Promise<LoggedWebApp> {
  return startLoggedApp({
    root, dataDir, keyFile,
    publicFile: { name: 'probe.md', content: `**Press Release**\n\n12 May 2003\n\n# Public notice ${PROBE}\n\nThis notice is public on purpose, so that the public searches have ${PROBE} to find.\n` },
  });
}

function bearer(url: string, method: 'GET' | 'POST' = 'GET'): Promise<LightMyRequestResponse> {
  return web.app.inject({ method, url, headers: { authorization: `Bearer ${readToken}` } });
}

beforeAll(async () => {
  web = await startApp();
  started = web;

  // Everything below goes through the web forms, so routing, validation, error handling and the request log all run.
  researcher = await signedIn(web, RESEARCHER);
  await researcher.get('/workspace/sources/new');
  const created = await researcher.post('/workspace/sources', { compartment: 'East Asia', kind: 'witness', identity: CANARIES.identityFirst.value, contact: CANARIES.contact.value });
  expect(created.statusCode, created.body).toBe(303);
  pseudonym = String(created.headers.location).replace('/workspace/sources/', '');
  expect(pseudonym).toMatch(/^S-\d{4}$/);

  answers.editForm = await researcher.get(`/workspace/sources/${pseudonym}/edit`);
  const firstVersion = /name="version" value="(\d+)"/.exec(answers.editForm.body)?.[1];
  expect(firstVersion).toBeDefined();
  const edited = await researcher.post(`/workspace/sources/${pseudonym}`, { version: firstVersion!, kind: 'witness', identity: CANARIES.identity.value, contact: '' });
  expect(edited.statusCode, edited.body).toBe(303);

  // Errors: an edit made on the copy from before, a form with a kind that does not exist, a field sent twice,
  // and an edit of a source in a compartment the editor is not in.
  answers.stale = await researcher.post(`/workspace/sources/${pseudonym}`, { version: firstVersion!, kind: 'victim', identity: '', contact: '' });
  answers.malformed = await researcher.post('/workspace/sources', { compartment: 'East Asia', kind: 'informer', identity: CANARIES.rejectedIdentity.value, contact: CANARIES.rejectedContact.value });
  // A field sent twice counts once, by its first value: here a kind that does not exist, so the form is refused.
  answers.duplicated = await researcher.post('/workspace/sources', { compartment: 'East Asia', kind: ['not a kind', 'witness'], identity: [CANARIES.rejectedIdentity.value, CANARIES.rejectedIdentity.value], contact: CANARIES.rejectedContact.value });
  outsider = await signedIn(web, OUTSIDER);
  await outsider.get('/workspace/sources');
  answers.outsiderEdit = await outsider.post(`/workspace/sources/${pseudonym}`, { version: '2', kind: 'witness', identity: CANARIES.rejectedIdentity.value, contact: '' });

  answers.logProbe = await researcher.get(`/workspace/sources?q=${LOG_PROBE}`);
  answers.reveal = await researcher.post(`/workspace/sources/${pseudonym}/reveal`);

  await researcher.get('/account');
  const tokenPage = await researcher.post('/account/tokens', { name: 'read only', scopes: ['sources.read'], days: '30' });
  readToken = /<code>(vgl_[A-Za-z0-9_-]+)<\/code>/.exec(tokenPage.body)?.[1] ?? '';
  expect(readToken).not.toBe('');

  viewer = await signedIn(web, VIEWER);
  admin = await signedIn(web, ADMIN);
  totpKey = admin.totpKey ?? '';

  const db = web.vigil.connection.db;
  const source = await db.selectFrom('sources').select(['identity', 'contact', 'compartment_id']).where('pseudonym', '=', pseudonym).executeTakeFirstOrThrow();
  const adminRow = await db.selectFrom('users').select(['id', 'totp_secret']).where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
  blobs.identity = Buffer.from(source.identity!);
  blobs.contact = Buffer.from(source.contact!);
  blobs.compartmentId = source.compartment_id;
  blobs.totp = Buffer.from(adminRow.totp_secret!);
  blobs.adminId = adminRow.id;

  const master = decodeMasterKey(readFileSync(keyFile, 'utf8'));
  expect(master).not.toBeNull();
  keyMaterial.push({ name: 'master key', key: master! });
  for (const row of await db.selectFrom('data_keys').select(['name', 'wrapped_key']).execute()) {
    keyMaterial.push({ name: `data key ${row.name}`, key: unwrapKey(master!, row.wrapped_key, row.name) });
  }
});

afterAll(async () => {
  vi.unstubAllEnvs();
  try {
    await stopApp();
  } finally {
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
});

// ---------------------------------------------------------------------------

describe('the search itself', () => {
  it('finds a canary planted in each encoding at any offset, so a clean result means something', () => {
    const value = CANARIES.identity.value;
    const needles = canaryNeedles('identity canary', CANARIES.identity);
    const planted: Array<[string, Buffer]> = [
      ['UTF-8 in JSON', Buffer.from(JSON.stringify({ identity: value }))],
      ['UTF-16LE at an odd offset', Buffer.concat([randomBytes(3), Buffer.from(`x${value}y`, 'utf16le')])],
      ['UTF-16BE', Buffer.from(`name: ${value}`, 'utf16le').swap16()],
      ['lower case', Buffer.from(`indexed ${value.toLowerCase()} words`)],
      ['split into words', Buffer.from(`canary identity ${CANARIES.identity.random}`)],
      ['hex', Buffer.from(Buffer.concat([randomBytes(5), Buffer.from(value)]).toString('hex'))],
      ...[0, 1, 2, 7].map((shift): [string, Buffer] => [`base64 after ${shift} bytes`, Buffer.from(Buffer.concat([randomBytes(shift), Buffer.from(value), randomBytes(4)]).toString('base64'))]),
      ['base64url', Buffer.from(Buffer.concat([randomBytes(1), Buffer.from(value)]).toString('base64url'))],
    ];
    for (const [how, bytes] of planted) expect(leaksIn(how, bytes, needles), how).not.toEqual([]);
    expect(leaksIn('random bytes', randomBytes(1 << 16), needles)).toEqual([]);
  });
});

describe('while the app is running', () => {
  it('shows the current canaries to the researcher who may reveal them, and writes that reading to the audit chain', async () => {
    // The positive control of every check below: the values were stored, and open to the one person allowed.
    expect(answers.reveal.statusCode).toBe(200);
    expect(answers.reveal.body).toContain(CANARIES.identity.value);
    expect(answers.reveal.body).toContain(CANARIES.contact.value);
    expect(answers.reveal.headers['cache-control']).toBe('no-store');
    expect(leaksIn('the reveal page', answers.reveal.body, [
      ...canaryNeedles('replaced identity', CANARIES.identityFirst),
      ...canaryNeedles('refused identity', CANARIES.rejectedIdentity),
      ...canaryNeedles('refused contact', CANARIES.rejectedContact),
    ])).toEqual([]);
    const reveals = await web.vigil.audit.list({ action: 'source.reveal' });
    expect(reveals.map((entry) => [entry.actor, entry.subjectId, JSON.parse(entry.details) as unknown])).toEqual([[RESEARCHER.email, pseudonym, { fields: ['identity', 'contact'] }]]);
  });

  it('never sends a sealed value back in the researcher\'s own forms and error pages, stored or just typed', () => {
    // The edit form is where a stored value would most likely be filled in; it must show none.
    expect(answers.editForm.statusCode).toBe(200);
    expect(answers.editForm.body).toContain('name="identity"');
    expect(leaksIn('the edit form', answers.editForm.body, sealedNeedles())).toEqual([]);
    expect(answers.stale.statusCode).toBe(409);
    expect(answers.stale.body).toContain('changed by someone else');
    expect(leaksIn('the stale-edit page', answers.stale.body, sealedNeedles())).toEqual([]);
    // A refused form is shown again without the sealed values, stored or just typed (each field says to type it again);
    // the typed ones are also looked for in the database, log, audit chain and backup below.
    expect(answers.malformed.statusCode).toBe(400);
    expect(answers.malformed.body).toContain('Choose kind:');
    expect(answers.malformed.body).toContain('is sealed, so it is not shown again');
    expect(leaksIn('the refused form', answers.malformed.body, allNeedles())).toEqual([]);
    // A field sent twice counts by its first value; refused like any other form, it carries no stored value.
    expect(answers.duplicated.statusCode).toBe(400);
    expect(leaksIn('the answer to a field sent twice', answers.duplicated.body, allNeedles())).toEqual([]);
    expect(answers.outsiderEdit.statusCode).toBe(404);
    expect(leaksIn('the 404 for an edit from another compartment', answers.outsiderEdit.body, sealedNeedles())).toEqual([]);
  });

  it('answers the API for the researcher\'s token and session without a canary', async () => {
    const list = `/api/v1/sources`;
    const one = `/api/v1/sources/${pseudonym}`;
    const answered = [
      ['token list', await bearer(list)], ['token record', await bearer(one)],
      ['session list', await researcher.get(list)], ['session record', await researcher.get(one)],
    ] as const;
    for (const [label, response] of answered) {
      expect(response.statusCode, label).toBe(200);
      // Control: the answer is about the source whose values are sealed.
      expect(response.body, label).toContain(`"pseudonym":"${pseudonym}"`);
      expect(response.body, label).toContain('"hasIdentity":true');
      expect(response.body, label).toContain('"hasContact":true');
      expect(leaksIn(`the API ${label}`, response.body, allNeedles())).toEqual([]);
    }
  });

  it('refuses a reveal through a token that may only read, with no canary in the refusal', async () => {
    const refused = await bearer(`/workspace/sources/${pseudonym}/reveal`, 'POST');
    expect(refused.statusCode).toBe(403);
    expect(leaksIn('the refused token reveal', refused.body, allNeedles())).toEqual([]);
  });

  it('shows a viewer in the same compartment the pseudonym but not the values, and refuses the reveal', async () => {
    const list = await viewer.get('/workspace/sources');
    const page = await viewer.get(`/workspace/sources/${pseudonym}`);
    const reveal = await viewer.post(`/workspace/sources/${pseudonym}/reveal`);
    // Control: the viewer does see the source, and that it has sealed details.
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`>${pseudonym}</a>`);
    expect(list.body).toContain('identity, contact');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sealed. Your role does not open them.');
    expect(reveal.statusCode).toBe(403);
    for (const [label, response] of [['list', list], ['source page', page], ['refused reveal', reveal]] as const) {
      expect(leaksIn(`the viewer's ${label}`, response.body, allNeedles())).toEqual([]);
    }
  });

  it('answers a researcher in another compartment exactly as for a source that does not exist', async () => {
    const same = (response: LightMyRequestResponse, name: string) => ({
      status: response.statusCode, type: response.headers['content-type'], body: response.body.replaceAll(name, 'S-XXXX'),
    });
    const page = await outsider.get(`/workspace/sources/${pseudonym}`);
    const missingPage = await outsider.get('/workspace/sources/S-9999');
    const reveal = await outsider.post(`/workspace/sources/${pseudonym}/reveal`);
    const missingReveal = await outsider.post('/workspace/sources/S-9999/reveal');
    expect(page.statusCode).toBe(404);
    expect(same(page, pseudonym)).toEqual(same(missingPage, 'S-9999'));
    expect(reveal.statusCode).toBe(404);
    expect(same(reveal, pseudonym)).toEqual(same(missingReveal, 'S-9999'));
    for (const [label, response] of [['source page', page], ['reveal', reveal]] as const) {
      expect(leaksIn(`the outsider's ${label}`, response.body, allNeedles())).toEqual([]);
    }
  });

  it('sends someone without a session to sign in, with no canary on the way', async () => {
    const list = await web.get('/workspace/sources');
    const page = await web.get(`/workspace/sources/${pseudonym}`);
    const reveal = await web.app.inject({ method: 'POST', url: `/workspace/sources/${pseudonym}/reveal` });
    const api = await web.get(`/api/v1/sources/${pseudonym}`);
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toMatch(/^\/login\?next=/);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/login\?next=/);
    expect(reveal.statusCode).toBe(303);
    expect(reveal.headers.location).toMatch(/^\/login\?next=/);
    expect(api.statusCode).toBe(401);
    for (const [label, response] of [['list', list], ['source page', page], ['reveal', reveal], ['API', api]] as const) {
      expect(leaksIn(`the anonymous ${label}`, response.body, allNeedles())).toEqual([]);
      expect(leaksIn(`the anonymous ${label} headers`, JSON.stringify(response.headers), allNeedles())).toEqual([]);
    }
  });

  it('keeps every canary out of the public archive\'s search, API, feed and sitemap', async () => {
    const pub = (url: string) => web.get(url);
    const answered = [
      ['search page', await pub('/search?q=CANARY')], ['search page (prefix)', await pub('/search?q=canary*')],
      ['search API', await pub('/api/v1/documents?q=CANARY')], ['search API (prefix)', await pub('/api/v1/documents?q=canary*')],
      ['front page', await pub('/')], ['feed', await pub('/feed.atom')], ['sitemap', await pub('/sitemap.xml')],
    ] as const;
    for (const [label, response] of answered) {
      expect(response.statusCode, label).toBe(200);
      expect(leaksIn(`the public ${label}`, response.body, allNeedles())).toEqual([]);
    }
    expect((await pub('/api/v1/documents?q=CANARY')).json<{ total: number }>().total).toBe(0);
    // Control: the same searches find a word that really is in a public document.
    expect((await pub(`/api/v1/documents?q=${PROBE}`)).json<{ total: number }>().total).toBe(1);
    expect((await pub(`/search?q=${PROBE}`)).body).toContain(`Public notice ${PROBE}`);
    expect((await pub('/feed.atom')).body).toContain(PROBE);
    expect((await pub('/sitemap.xml')).body).toContain(`${PUBLIC_URL}/documents/`);
  });

  it('keeps every canary out of the audit chain, which still records each change and the reveal', async () => {
    const entries: AuditEntry[] = await web.vigil.audit.list({ limit: 1000 });
    expect((await web.vigil.audit.verify()).broken).toBeNull();
    for (const entry of entries) {
      expect(leaksIn(`audit entry ${entry.seq} (${entry.action})`, JSON.stringify(entry), allNeedles())).toEqual([]);
      expect(leaksIn(`audit entry ${entry.seq} details`, entry.details, allNeedles())).toEqual([]);
    }
    // Control: the entries about this source are there, saying only "sealed".
    const about = entries.filter((entry) => entry.subjectId === pseudonym).map((entry) => [entry.action, JSON.parse(entry.details) as unknown]).reverse();
    expect(about).toEqual([
      ['source.create', { id: 1, compartment: 'East Asia', kind: 'witness', consent: 'never-identify', reliability: null, independenceGroup: null, identity: 'sealed', contact: 'sealed' }],
      ['source.update', { identity: 'sealed value replaced' }],
      ['source.reveal', { fields: ['identity', 'contact'] }],
    ]);
    expect(entries.some((entry) => entry.action === 'user.two-factor.enrol' && entry.actor === ADMIN.email)).toBe(true);
    // The administrator's audit page shows the same entries.
    const page = await admin.get(`/admin/audit?subject=${pseudonym}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('source.reveal');
    expect(leaksIn('the administrator\'s audit page', page.body, allNeedles())).toEqual([]);
  });

  it('keeps every canary and the TOTP secret out of vigil.db, its WAL and shared memory while the app has them open', () => {
    const files = databaseFiles(dataDir);
    expect(files.map((file) => file.name)).toContain('vigil.db-wal');
    for (const file of files) expect(leaksIn(file.name, file.bytes, allNeedles())).toEqual([]);
    // Control: the sealed bytes and plain values written through the same connection are in these files.
    const everything = Buffer.concat(files.map((file) => file.bytes));
    for (const [label, bytes] of [['sealed identity', blobs.identity], ['sealed contact', blobs.contact], ['sealed TOTP secret', blobs.totp]] as const) {
      expect(everything.includes(bytes), label).toBe(true);
    }
    expect(everything.includes(Buffer.from(PROBE))).toBe(true);
    expect(everything.includes(Buffer.from(RESEARCHER.email))).toBe(true);
  });

  it('opens the stored blobs to the canaries with the master key, and refuses with another key without showing them', async () => {
    const keyring = web.vigil.keyring;
    const key = compartmentKeyName(blobs.compartmentId);
    expect(await keyring.open(key, blobs.identity, `sources.identity:${pseudonym}`)).toBe(CANARIES.identity.value);
    expect(await keyring.open(key, blobs.contact, `sources.contact:${pseudonym}`)).toBe(CANARIES.contact.value);
    expect(await keyring.open('system', blobs.totp, totpContext(blobs.adminId))).toBe(totpKey);
    const dataKey = keyMaterial.find((entry) => entry.name === `data key ${key}`)?.key;
    expect(dataKey && openValue(dataKey, blobs.identity, `sources.identity:${pseudonym}`)).toBe(CANARIES.identity.value);

    const strangerFile = join(root, 'stranger.key');
    writeKeyFileExclusive(strangerFile, generateMasterKey());
    const stranger = loadMasterKey(dataDir, { env: { VIGIL_KEY_FILE: strangerFile }, warn: () => undefined });
    const failures: unknown[] = [
      await new Keyring(web.vigil.connection.db, stranger).open(key, blobs.identity, `sources.identity:${pseudonym}`).then(() => null, (error: unknown) => error),
      await openVigil({ dataDir, warn: () => undefined, env: { VIGIL_KEY_FILE: strangerFile } }).then(async (vigil) => {
        await vigil.close();
        return null;
      }, (error: unknown) => error),
    ];
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(MasterKeyMismatchError);
      expect((failure as Error).message).toContain('does not belong to this data directory');
    }
    // Past the fingerprint check, the cipher itself refuses: the wrapped data key does not open under another key.
    const wrapped = await web.vigil.connection.db.selectFrom('data_keys').select('wrapped_key').where('name', '=', key).executeTakeFirstOrThrow();
    let unwrapFailure: unknown = null;
    try {
      unwrapKey(stranger.key, wrapped.wrapped_key, key);
    } catch (error) {
      unwrapFailure = error;
    }
    expect(unwrapFailure).toBeInstanceOf(SealedValueError);
    failures.push(unwrapFailure);
    for (const failure of failures) expect(leaksIn('a refusal', `${(failure as Error).message}\n${(failure as Error).stack ?? ''}`, allNeedles())).toEqual([]);
  });
});

describe('after the app has closed', { timeout: CLI_TEST_TIMEOUT }, () => {
  beforeAll(stopApp);

  it('keeps every canary out of vigil.db once the WAL is checkpointed into it', () => {
    const files = databaseFiles(dataDir);
    const db = files.find((file) => file.name === 'vigil.db');
    expect(db).toBeDefined();
    for (const file of files) expect(leaksIn(`${file.name} after closing`, file.bytes, allNeedles())).toEqual([]);
    // Control: the checkpoint moved the sealed bytes into the main file.
    expect(db!.bytes.includes(blobs.identity)).toBe(true);
    expect(db!.bytes.includes(blobs.contact)).toBe(true);
    expect(db!.bytes.includes(blobs.totp)).toBe(true);
  });

  it('keeps every canary out of the server log, which recorded every request including the failed ones', () => {
    expect(leaksIn('the server log', web.log, allNeedles())).toEqual([]);
    // Control: the log is the real one, with this test's requests and the error handler's report in it.
    const lines = web.log.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { msg?: string; level?: number; req?: { url?: string }; res?: { statusCode?: number } });
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.some((line) => line.req?.url === `/workspace/sources/${pseudonym}/reveal`)).toBe(true);
    const statuses = new Set(lines.map((line) => line.res?.statusCode));
    for (const status of [400, 403, 404, 409]) expect(statuses.has(status), `a ${status} answer in the log`).toBe(true);
    expect(web.log).toContain(LOG_PROBE);
    expect(answers.logProbe.statusCode).toBe(200);
    if (answers.duplicated.statusCode === 500) expect(lines.some((line) => line.level === 50 && line.msg === 'request failed')).toBe(true);
  });

  it('keeps every canary out of a `vigil backup`, whose sealed values still open with the same key after `vigil restore`', async () => {
    const backup = await runVigil(['backup', backupFile], { dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(leaksIn('the backup command\'s output', backup.stdout + backup.stderr, allNeedles())).toEqual([]);
    const bytes = readFileSync(backupFile);
    expect(leaksIn('the backup file', bytes, allNeedles())).toEqual([]);
    // Control: the sealed bytes are in the backup...
    expect(bytes.includes(blobs.identity)).toBe(true);
    expect(bytes.includes(blobs.contact)).toBe(true);
    expect(bytes.includes(blobs.totp)).toBe(true);

    // ...and they are the values, sealed, not dropped: restored with the same key file, they open.
    vi.stubEnv('VIGIL_KEY_FILE', keyFile);
    const restore = await runVigil(['restore', backupFile], { dataDir: restoredDir });
    vi.unstubAllEnvs();
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await openVigil({ dataDir: restoredDir, warn: () => undefined, env: { VIGIL_KEY_FILE: keyFile } });
    try {
      const db = restored.connection.db;
      const user = await db.selectFrom('users').select(['id', 'email']).where('email', '=', RESEARCHER.email).executeTakeFirstOrThrow();
      const rows = await db.selectFrom('user_compartments').select('compartment_id').where('user_id', '=', user.id).execute();
      const actor: Actor = { userId: user.id, email: user.email, role: 'researcher', compartments: new Set(rows.map((row) => row.compartment_id)), via: 'session', ip: null };
      expect(await restored.sources.reveal(actor, pseudonym)).toEqual({ identity: CANARIES.identity.value, contact: CANARIES.contact.value });
      const adminRow = await db.selectFrom('users').select(['id', 'totp_secret']).where('email', '=', ADMIN.email).executeTakeFirstOrThrow();
      expect(await restored.keyring.open('system', adminRow.totp_secret!, totpContext(adminRow.id))).toBe(totpKey);
    } finally {
      await restored.close();
    }
  });

  it('keeps every canary out of the audit chain exported with `vigil audit list --json`', async () => {
    const exported = await runVigilJson<AuditEntry[]>(['audit', 'list', '--json', '--limit', '1000'], { dataDir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(leaksIn('the exported audit chain', JSON.stringify(exported.json), allNeedles())).toEqual([]);
    // Control: the export is the whole chain, reveal and backup included.
    expect(exported.json.some((entry) => entry.action === 'source.reveal' && entry.subjectId === pseudonym)).toBe(true);
    expect(exported.json.some((entry) => entry.action === 'backup.create')).toBe(true);
  });
});
