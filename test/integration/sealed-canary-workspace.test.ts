/**
 * Issue #4 for the workspace: a canary in every sealed field of a report (its
 * full text, sealed because its source must never be identified or because
 * the researcher asked) and of a person (name and contact), typed into the web
 * forms, sent through the JSON API and imported with `vigil records import`,
 * then replaced, refused and revealed once. It is found nowhere but in that
 * one audited reveal: not in the database, its WAL, the request log, pages,
 * forms sent back after a refusal, API answers, the audit chain, backups,
 * exports, the import's output, nor (for the demonstration's own sealed
 * values) in what `vigil demo load` prints. Every search has a positive
 * control showing it finds what really is there.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../../src/access/audit/audit-chain.ts';
import type { Actor } from '../../src/access/policy.ts';
import { unwrapKey } from '../../src/access/sealed/cipher.ts';
import { decodeMasterKey } from '../../src/access/sealed/key-file.ts';
import { DEMO_PEOPLE, DEMO_REPORTS, DEMO_SOURCES } from '../../src/workspace/demo/demo-workspace.ts';
import { openVigil } from '../../src/vigil.ts';
import { byteNeedles, canary, canaryNeedles, databaseFiles, leaksIn, startLoggedApp, textNeedles, type Canary, type LoggedWebApp, type Needle } from '../helpers/canary.ts';
import { CLI_TEST_TIMEOUT, runVigil, runVigilJson, type VigilResult } from '../helpers/cli.ts';
import { Browser, signedIn, type TestUser } from '../helpers/session.ts';

// ---------------------------------------------------------------------------
// Canaries (made, spelt and searched for by ../helpers/canary.ts)

/** Typed only ever into sealed fields and stored: never in any file, answer or output but their reveal. */
const STORED = {
  /** A report's full text typed into the create form, its source never to be identified; then replaced through the edit form. */
  formTextFirst: canary('FORM-TEXT-FIRST'),
  formText: canary('FORM-TEXT'),
  /** Sealed by the checkbox on the create form (the source may be named), and kept through an edit that left it empty. */
  boxText: canary('CHECKBOX-TEXT'),
  /** Sent to the API for a never-identify source; then replaced by a PUT. */
  apiTextFirst: canary('API-TEXT-FIRST'),
  apiText: canary('API-TEXT'),
  /** Sent to the API with sealFullText. */
  apiBoxText: canary('API-CHECKBOX-TEXT'),
  /** Imported from CSV: one for a never-identify source, one with sealFullText=yes. */
  csvText: canary('CSV-TEXT'),
  csvBoxText: canary('CSV-CHECKBOX-TEXT'),
  /** Imported from a JSON file with sealFullText: true. */
  jsonText: canary('JSON-TEXT'),
  /** A person's name typed into the create form, then replaced through the edit form; the contact kept (left empty). */
  formNameFirst: canary('FORM-NAME-FIRST'),
  formName: canary('FORM-NAME'),
  formContact: canary('FORM-CONTACT'),
  /** A person made through the API; the contact replaced by a PUT that left the name out (kept). */
  apiName: canary('API-NAME'),
  apiContactFirst: canary('API-CONTACT-FIRST'),
  apiContact: canary('API-CONTACT'),
};

/** Typed into sealed fields of requests that are refused: never stored, never printed, never sent back. */
const REFUSED = {
  formCreateText: canary('REFUSED-FORM-CREATE-TEXT'),
  formEditText: canary('REFUSED-FORM-EDIT-TEXT'),
  formStaleText: canary('REFUSED-FORM-STALE-TEXT'),
  formCreateName: canary('REFUSED-FORM-CREATE-NAME'),
  formEditName: canary('REFUSED-FORM-EDIT-NAME'),
  formEditContact: canary('REFUSED-FORM-EDIT-CONTACT'),
  viewerText: canary('REFUSED-VIEWER-TEXT'),
  outsiderText: canary('REFUSED-OUTSIDER-TEXT'),
  outsiderName: canary('REFUSED-OUTSIDER-NAME'),
  apiCreateText: canary('REFUSED-API-CREATE-TEXT'),
  apiMalformedText: canary('REFUSED-API-MALFORMED-TEXT'),
  apiStaleText: canary('REFUSED-API-STALE-TEXT'),
  apiEditName: canary('REFUSED-API-EDIT-NAME'),
  csvDateText: canary('REFUSED-CSV-DATE-TEXT'),
  csvCellsText: canary('REFUSED-CSV-CELLS-TEXT'),
  jsonDateText: canary('REFUSED-JSON-DATE-TEXT'),
};

/**
 * Full texts first sent unsealed, then sealed by a later change: by a PUT
 * that moves the report to a never-identify source or asks for the seal
 * without sending the text again, and by the source's consent becoming
 * never-identify. From then on they are sealed and must leave every page and
 * answer; the database may still hold the bytes of the time they were plain
 * (SQLite keeps freed space as it was), so its files are not searched for them.
 */
const PROMOTED = {
  bySource: canary('PROMOTED-BY-SOURCE'),
  byFlag: canary('PROMOTED-BY-FLAG'),
  byConsent: canary('PROMOTED-BY-CONSENT'),
};

/** Public and unsealed: the positive control that the same searches find what really is there. */
const PROBE = `PROBE-${randomBytes(12).toString('hex')}`;
/** An unsealed full text: shown to every reader, so the pages searched do show full texts when they are not sealed. */
const PLAIN_TEXT = `PLAINTEXT-${randomBytes(12).toString('hex')}`;
/** Put into a request's address, which the log does record. */
const LOG_PROBE = `LOGPROBE-${randomBytes(12).toString('hex')}`;

const needlesOf = (group: Record<string, Canary>, prefix: string): Needle[] =>
  Object.entries(group).flatMap(([name, entry]) => canaryNeedles(`${prefix} ${name}`, entry));

/** Every canary never typed into an unsealed field. */
function neverNeedles(): Needle[] {
  return [...needlesOf(STORED, 'stored'), ...needlesOf(REFUSED, 'refused')];
}

/** Every canary, and the key material: for everything but the database files and backups. */
function allNeedles(): Needle[] {
  return [...neverNeedles(), ...needlesOf(PROMOTED, 'promoted'), ...keyNeedles()];
}

/** The needles of every canary except `shown`, the ones a reveal is expected to show. */
function needlesBut(...shown: Canary[]): Needle[] {
  const all = { ...STORED, ...REFUSED, ...PROMOTED };
  return Object.entries(all).filter(([, entry]) => !shown.includes(entry)).flatMap(([name, entry]) => canaryNeedles(name, entry));
}

// ---------------------------------------------------------------------------
// The app, with its log captured, and the people using it

const EAST_ASIA = 'East Asia';
const RESEARCHER: TestUser = { email: 'rhee@example.org', role: 'researcher', compartments: [EAST_ASIA] };
const VIEWER: TestUser = { email: 'vera@example.org', role: 'viewer', compartments: [EAST_ASIA] };
const OUTSIDER: TestUser = { email: 'omar@example.org', role: 'researcher', compartments: ['South Asia'] };
const ADMIN: TestUser = { email: 'ada@example.org', role: 'administrator', compartments: [] };

const root = mkdtempSync(join(tmpdir(), 'vigil-canary-ws-'));
const dataDir = join(root, 'data');
const keyFile = join(root, 'master.key');
const backupFile = join(root, 'canary.backup');
const restoredDir = join(root, 'restored');
const importDir = join(root, 'import');

let web: LoggedWebApp;
let started: LoggedWebApp | undefined;
let researcher: Browser;
let viewer: Browser;
let outsider: Browser;
let admin: Browser;
let writeToken = '';
let readToken = '';

/** Every answer the story in beforeAll gave, but the reveals (kept apart in `reveals`: the one place a canary may be). */
const answered: Array<{ label: string; response: LightMyRequestResponse }> = [];

/** Records an answer for the sweep over every answer, and returns it. */
function keep(label: string, response: LightMyRequestResponse): LightMyRequestResponse {
  answered.push({ label, response });
  return response;
}

async function page(who: Browser, label: string, url: string, form?: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
  return keep(label, form ? await who.post(url, form) : await who.get(url));
}

async function api(token: string, label: string, method: InjectOptions['method'], url: string, body?: unknown, raw?: string): Promise<LightMyRequestResponse> {
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  return keep(label, await web.app.inject({
    method, url,
    headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload }),
  }));
}

/** A request with a token, outside the story (not kept for the sweep). */
function bearer(token: string, url: string, method: 'GET' | 'POST' = 'GET'): Promise<LightMyRequestResponse> {
  return web.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
}

function created(response: LightMyRequestResponse, prefix: 'workspace/reports' | 'workspace/people' | 'workspace/sources'): string {
  expect(response.statusCode, response.body).toBe(303);
  const reference = String(response.headers.location).replace(`/${prefix}/`, '');
  expect(reference).toMatch(/^[RPS]-\d{4,}$/);
  return reference;
}

function versionIn(form: LightMyRequestResponse): string {
  const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
  expect(version, form.body).toBeDefined();
  return version!;
}

/** The records the story made, by what they stand for. */
const refs = {
  hiddenSource: '', openSource: '', consentSource: '',
  formReport: '', boxReport: '', apiReport: '', apiBoxReport: '', csvReport: '', csvBoxReport: '', jsonReport: '',
  promotedBySource: '', promotedByFlag: '', promotedByConsent: '', plainReport: '',
  formPerson: '', apiPerson: '', event: '',
};

/** Answers checked by the tests below. */
const answers = {} as Record<
  | 'reportEditForm' | 'personEditForm' | 'refusedReportCreate' | 'refusedReportEdit' | 'staleReportEdit' | 'refusedPersonCreate' | 'refusedPersonEdit'
  | 'viewerEdit' | 'outsiderEdit' | 'outsiderPersonEdit' | 'apiRefusedCreate' | 'apiMalformed' | 'apiStale' | 'apiRefusedPerson' | 'logProbe',
  LightMyRequestResponse
>;
/** Each reveal's answer, with the canaries it must show. */
const reveals: Array<{ label: string; response: LightMyRequestResponse; shows: Canary[] }> = [];
/** What the CLI printed during the story. */
const cli = {} as Record<'csvImport' | 'jsonImport', VigilResult>;
let csvImport: { imported: { row: number; reference: string }[]; failed: { row: number; field: string; error: string }[] };

/** Sealed bytes as stored, and the key material: found in the files (or not), they show the right files were searched. */
const blobs: Array<{ label: string; bytes: Buffer }> = [];
const keyMaterial: Array<{ name: string; key: Buffer }> = [];

function keyNeedles(): Needle[] {
  expect(keyMaterial.length).toBeGreaterThanOrEqual(3);
  return keyMaterial.flatMap(({ name, key }) => byteNeedles(name, key));
}

const reportForm = (fields: Record<string, string>) => ({ receivedOn: '2002-04-01', channel: 'interview', summary: `Summary ${PROBE}`, language: 'en', credibility: '3', ...fields });
const personForm = (fields: Record<string, string>) => ({ sex: 'female', birthYear: '1975', nationality: 'KP', notes: `Notes ${PROBE}`, ...fields });

async function recordSource(consent: string, kind: string): Promise<string> {
  return created(await page(researcher, `source (${consent})`, '/workspace/sources', { compartment: EAST_ASIA, kind, consent, identity: '', contact: '' }), 'workspace/sources');
}

/** The story through the web forms: sources, then reports and a person made, edited, refused. */
async function throughTheForms(): Promise<void> {
  await researcher.get('/workspace/sources/new');
  refs.hiddenSource = await recordSource('never-identify', 'witness');
  refs.openSource = await recordSource('may-be-named', 'media');
  refs.consentSource = await recordSource('may-be-quoted', 'relative');

  await page(researcher, 'new report form', '/workspace/reports/new');
  refs.formReport = created(await page(researcher, 'report by form', '/workspace/reports', {
    compartment: EAST_ASIA, ...reportForm({ source: refs.hiddenSource, fullText: STORED.formTextFirst.value }),
  }), 'workspace/reports');
  refs.boxReport = created(await page(researcher, 'report sealed by the checkbox', '/workspace/reports', {
    compartment: EAST_ASIA, ...reportForm({ source: refs.openSource, channel: 'email', fullText: STORED.boxText.value, sealFullText: 'yes' }),
  }), 'workspace/reports');
  refs.plainReport = created(await page(researcher, 'plain report', '/workspace/reports', {
    compartment: EAST_ASIA, ...reportForm({ source: refs.openSource, channel: 'news', fullText: `Full text ${PLAIN_TEXT}` }),
  }), 'workspace/reports');
  refs.promotedByConsent = created(await page(researcher, 'plain report of a source that may be quoted', '/workspace/reports', {
    compartment: EAST_ASIA, ...reportForm({ source: refs.consentSource, channel: 'phone', fullText: PROMOTED.byConsent.value }),
  }), 'workspace/reports');
  answers.refusedReportCreate = await page(researcher, 'refused report form', '/workspace/reports', {
    compartment: EAST_ASIA, ...reportForm({ receivedOn: 'the day after', summary: `Refused summary ${PROBE}`, fullText: REFUSED.formCreateText.value, sealFullText: 'yes' }),
  });

  // Edits: the full text replaced; the checkbox's text kept by leaving the field empty; then a refused edit and a stale one.
  answers.reportEditForm = await page(researcher, 'report edit form', `/workspace/reports/${refs.formReport}/edit`);
  const firstVersion = versionIn(answers.reportEditForm);
  expect(await page(researcher, 'report edit', `/workspace/reports/${refs.formReport}`, {
    version: firstVersion, ...reportForm({ source: refs.hiddenSource, summary: `Edited summary ${PROBE}`, fullText: STORED.formText.value }),
  })).toHaveProperty('statusCode', 303);
  const boxEdit = await page(researcher, 'checkbox report edit form', `/workspace/reports/${refs.boxReport}/edit`);
  expect(await page(researcher, 'checkbox report edit', `/workspace/reports/${refs.boxReport}`, {
    version: versionIn(boxEdit), ...reportForm({ source: refs.openSource, channel: 'email', summary: `Kept text ${PROBE}`, fullText: '', sealFullText: 'yes' }),
  })).toHaveProperty('statusCode', 303);
  const current = versionIn(await page(researcher, 'report edit form again', `/workspace/reports/${refs.formReport}/edit`));
  answers.refusedReportEdit = await page(researcher, 'refused report edit', `/workspace/reports/${refs.formReport}`, {
    version: current, ...reportForm({ source: refs.hiddenSource, receivedOn: '2002-02-30', summary: `Refused edit ${PROBE}`, fullText: REFUSED.formEditText.value }),
  });
  answers.staleReportEdit = await page(researcher, 'stale report edit', `/workspace/reports/${refs.formReport}`, {
    version: firstVersion, ...reportForm({ source: refs.hiddenSource, summary: `Stale edit ${PROBE}`, fullText: REFUSED.formStaleText.value }),
  });

  // The source that may be quoted now asks never to be identified: its report's full text must be sealed from now on.
  const consentEdit = await page(researcher, 'source edit form', `/workspace/sources/${refs.consentSource}/edit`);
  expect(await page(researcher, 'source consent withdrawn', `/workspace/sources/${refs.consentSource}`, {
    version: versionIn(consentEdit), kind: 'relative', consent: 'never-identify', identity: '', contact: '',
  })).toHaveProperty('statusCode', 303);

  // A person: made, the name replaced and the contact kept, then a refused edit and a refused new one.
  await page(researcher, 'new person form', '/workspace/people/new');
  refs.formPerson = created(await page(researcher, 'person by form', '/workspace/people', {
    compartment: EAST_ASIA, ...personForm({ name: STORED.formNameFirst.value, contact: STORED.formContact.value }),
  }), 'workspace/people');
  answers.personEditForm = await page(researcher, 'person edit form', `/workspace/people/${refs.formPerson}/edit`);
  expect(await page(researcher, 'person edit', `/workspace/people/${refs.formPerson}`, {
    version: versionIn(answers.personEditForm), ...personForm({ name: STORED.formName.value, contact: '' }),
  })).toHaveProperty('statusCode', 303);
  const personVersion = versionIn(await page(researcher, 'person edit form again', `/workspace/people/${refs.formPerson}/edit`));
  answers.refusedPersonEdit = await page(researcher, 'refused person edit', `/workspace/people/${refs.formPerson}`, {
    version: personVersion, ...personForm({ name: REFUSED.formEditName.value, contact: REFUSED.formEditContact.value, birthYear: '1700', notes: `Refused notes ${PROBE}` }),
  });
  answers.refusedPersonCreate = await page(researcher, 'refused person form', '/workspace/people', {
    compartment: EAST_ASIA, ...personForm({ name: REFUSED.formCreateName.value, sex: 'not a sex' }),
  });

  // People who may not change these records try to.
  answers.viewerEdit = await page(viewer, 'viewer edit', `/workspace/reports/${refs.formReport}`, {
    version: current, ...reportForm({ source: refs.hiddenSource, fullText: REFUSED.viewerText.value }),
  });
  await outsider.get('/workspace/reports');
  answers.outsiderEdit = await page(outsider, 'outsider edit', `/workspace/reports/${refs.formReport}`, {
    version: current, ...reportForm({ fullText: REFUSED.outsiderText.value }),
  });
  answers.outsiderPersonEdit = await page(outsider, 'outsider person edit', `/workspace/people/${refs.formPerson}`, {
    version: personVersion, ...personForm({ name: REFUSED.outsiderName.value }),
  });
}

interface ReportJson { reference: string; version: number; fullText: string | null; fullTextSealed: boolean }
interface PersonJson { pseudonym: string; version: number; hasName: boolean; hasContact: boolean }

/** The story through the JSON API with the researcher's token. */
async function throughTheApi(): Promise<void> {
  // What a PUT sends; a POST adds the compartment.
  const report = (body: Record<string, unknown>) => ({ receivedOn: '2002-04-05', channel: 'messaging app', summary: `API summary ${PROBE}`, language: 'en', credibility: 3, ...body });
  const createdJson = <T>(response: LightMyRequestResponse): T => {
    expect(response.statusCode, response.body).toBe(201);
    return response.json<T>();
  };

  const first = createdJson<ReportJson>(await api(writeToken, 'API report', 'POST', '/api/v1/reports', { compartment: EAST_ASIA, ...report({ source: refs.hiddenSource, fullText: STORED.apiTextFirst.value }) }));
  expect(first).toMatchObject({ fullTextSealed: true, fullText: null });
  refs.apiReport = first.reference;
  const replaced = await api(writeToken, 'API report replaced', 'PUT', `/api/v1/reports/${refs.apiReport}`, {
    version: first.version, ...report({ source: refs.hiddenSource, fullText: STORED.apiText.value }),
  });
  expect(replaced.statusCode, replaced.body).toBe(200);
  refs.apiBoxReport = createdJson<ReportJson>(await api(writeToken, 'API report sealed on request', 'POST', '/api/v1/reports', { compartment: EAST_ASIA, ...report({ fullText: STORED.apiBoxText.value, sealFullText: true }) })).reference;

  // Full texts sent unsealed, then sealed by a change that does not send them again.
  const bySource = createdJson<ReportJson>(await api(writeToken, 'API plain report', 'POST', '/api/v1/reports', { compartment: EAST_ASIA, ...report({ fullText: PROMOTED.bySource.value }) }));
  expect(bySource).toMatchObject({ fullTextSealed: false, fullText: PROMOTED.bySource.value });
  refs.promotedBySource = bySource.reference;
  const moved = await api(writeToken, 'API report moved to a never-identify source', 'PUT', `/api/v1/reports/${refs.promotedBySource}`, { version: bySource.version, ...report({ source: refs.hiddenSource }) });
  expect(moved.statusCode, moved.body).toBe(200);
  const byFlag = createdJson<ReportJson>(await api(writeToken, 'API plain report (2)', 'POST', '/api/v1/reports', { compartment: EAST_ASIA, ...report({ fullText: PROMOTED.byFlag.value }) }));
  refs.promotedByFlag = byFlag.reference;
  const flagged = await api(writeToken, 'API report sealed later', 'PUT', `/api/v1/reports/${refs.promotedByFlag}`, { version: byFlag.version, ...report({ sealFullText: true }) });
  expect(flagged.statusCode, flagged.body).toBe(200);

  // Refused: a date that is no day, a body that is not JSON, an edit on a stale copy.
  answers.apiRefusedCreate = await api(writeToken, 'API refused report', 'POST', '/api/v1/reports', { compartment: EAST_ASIA, ...report({ receivedOn: '2002-02-30', fullText: REFUSED.apiCreateText.value, sealFullText: true }) });
  answers.apiMalformed = await api(writeToken, 'API malformed body', 'POST', '/api/v1/reports', undefined,
    `{"compartment":"${EAST_ASIA}","fullText":"${REFUSED.apiMalformedText.value}" "sealFullText":true}`);
  answers.apiStale = await api(writeToken, 'API stale edit', 'PUT', `/api/v1/reports/${refs.apiReport}`, { version: first.version, ...report({ source: refs.hiddenSource, fullText: REFUSED.apiStaleText.value }) });

  // A person: made, the contact replaced by a PUT that leaves the name out (kept), then a refused edit.
  const person = { sex: 'male', birthYear: 1980, nationality: 'KP', notes: `API notes ${PROBE}` };
  const madePerson = createdJson<PersonJson>(await api(writeToken, 'API person', 'POST', '/api/v1/people', {
    compartment: EAST_ASIA, ...person, name: STORED.apiName.value, contact: STORED.apiContactFirst.value,
  }));
  expect(madePerson).toMatchObject({ hasName: true, hasContact: true });
  refs.apiPerson = madePerson.pseudonym;
  const changedPerson = await api(writeToken, 'API person changed', 'PUT', `/api/v1/people/${refs.apiPerson}`, { version: madePerson.version, ...person, contact: STORED.apiContact.value });
  expect(changedPerson.statusCode, changedPerson.body).toBe(200);
  answers.apiRefusedPerson = await api(writeToken, 'API refused person edit', 'PUT', `/api/v1/people/${refs.apiPerson}`, {
    version: madePerson.version + 1, ...person, birthYear: 1700, name: REFUSED.apiEditName.value,
  });
}

/** `vigil records import`, as an operator runs it beside the running server: a CSV file (with --json) and a JSON file. */
async function throughTheImport(): Promise<void> {
  const csvFile = join(importDir, 'reports.csv');
  writeFileSync(csvFile, [
    'source,receivedOn,channel,summary,fullText,sealFullText,language,credibility',
    `${refs.hiddenSource},2002-04-10,interview,CSV summary ${PROBE},${STORED.csvText.value},,en,3`,
    `,2002-04-11,email,CSV summary sealed on request,"${STORED.csvBoxText.value}",yes,en,3`,
    `,2002-13-45,email,CSV row with a date that is no day,"${REFUSED.csvDateText.value}",yes,en,3`,
    `${refs.hiddenSource},2002-04-12,email,CSV row with a cell too many,"${REFUSED.csvCellsText.value}",yes,en,3,extra`,
    '',
  ].join('\n'));
  cli.csvImport = await runVigil(['records', 'import', csvFile, '--kind', 'reports', '--compartment', EAST_ASIA, '--as', RESEARCHER.email, '--json'], { dataDir });
  csvImport = JSON.parse(cli.csvImport.stdout) as typeof csvImport;
  expect(csvImport.imported.map((row) => row.row), cli.csvImport.stderr).toEqual([2, 3]);
  [refs.csvReport, refs.csvBoxReport] = csvImport.imported.map((row) => row.reference) as [string, string];

  const jsonFile = join(importDir, 'reports.json');
  writeFileSync(jsonFile, JSON.stringify([
    { receivedOn: '2002-04-13', channel: 'document', summary: `JSON summary ${PROBE}`, fullText: STORED.jsonText.value, sealFullText: true },
    { receivedOn: 'mid-April', channel: 'document', summary: 'JSON row with a date in words', fullText: REFUSED.jsonDateText.value, sealFullText: true },
  ], null, 2));
  cli.jsonImport = await runVigil(['records', 'import', jsonFile, '--kind', 'reports', '--compartment', EAST_ASIA, '--as', RESEARCHER.email], { dataDir });
  expect(cli.jsonImport.code, cli.jsonImport.stderr).toBe(1);
  refs.jsonReport = /:1: (R-\d{4,})$/m.exec(cli.jsonImport.stdout)?.[1] ?? '';
  expect(refs.jsonReport, cli.jsonImport.stdout).not.toBe('');
}

/** An event the reports speak to and the person is a victim of; a status of the person backed by a sealed report. */
async function linkThem(): Promise<void> {
  const event = await api(writeToken, 'API event', 'POST', '/api/v1/events', {
    compartment: EAST_ASIA, title: `Detention ${PROBE}`, acts: ['liberty.arbitrary-detention'], date: 'April 2002', victims: [{ person: refs.formPerson }, { person: refs.apiPerson }],
  });
  expect(event.statusCode, event.body).toBe(201);
  refs.event = event.json<{ reference: string }>().reference;
  const eventPage = await page(researcher, 'event page', `/workspace/events/${refs.event}`);
  expect(eventPage.statusCode).toBe(200);
  expect(await page(researcher, 'link by form', `/workspace/events/${refs.event}/links`, { report: refs.formReport, stance: 'supports' })).toHaveProperty('statusCode', 303);
  for (const report of [refs.boxReport, refs.apiReport, refs.apiBoxReport, refs.csvReport, refs.csvBoxReport, refs.jsonReport, refs.promotedBySource, refs.promotedByFlag, refs.promotedByConsent, refs.plainReport]) {
    const linked = await api(writeToken, `link ${report}`, 'POST', `/api/v1/events/${refs.event}/links`, { report, stance: 'supports' });
    expect(linked.statusCode, linked.body).toBe(200);
  }
  const status = await api(writeToken, 'API status', 'POST', `/api/v1/people/${refs.formPerson}/statuses`, { status: 'detained', date: '14 April 2002', heldBy: 'Police', note: `Status ${PROBE}`, reports: [refs.formReport, refs.csvReport] });
  expect(status.statusCode, status.body).toBe(201);
}

/** Each sealed record opened once, through its page, by the researcher. */
async function revealOnce(): Promise<void> {
  const reportReveals: Array<[string, Canary]> = [
    [refs.formReport, STORED.formText], [refs.boxReport, STORED.boxText], [refs.apiReport, STORED.apiText], [refs.apiBoxReport, STORED.apiBoxText],
    [refs.csvReport, STORED.csvText], [refs.csvBoxReport, STORED.csvBoxText], [refs.jsonReport, STORED.jsonText],
    [refs.promotedBySource, PROMOTED.bySource], [refs.promotedByFlag, PROMOTED.byFlag], [refs.promotedByConsent, PROMOTED.byConsent],
  ];
  for (const [reference, text] of reportReveals) {
    await researcher.get(`/workspace/reports/${reference}`);
    reveals.push({ label: `reveal of ${reference}`, response: await researcher.post(`/workspace/reports/${reference}/reveal`), shows: [text] });
  }
  await researcher.get(`/workspace/people/${refs.formPerson}`);
  reveals.push({ label: `reveal of ${refs.formPerson}`, response: await researcher.post(`/workspace/people/${refs.formPerson}/reveal`), shows: [STORED.formName, STORED.formContact] });
  reveals.push({ label: `reveal of ${refs.apiPerson}`, response: await researcher.post(`/workspace/people/${refs.apiPerson}/reveal`), shows: [STORED.apiName, STORED.apiContact] });
}

beforeAll(async () => {
  vi.stubEnv('VIGIL_KEY_FILE', keyFile);
  web = await startLoggedApp({
    root, dataDir, keyFile,
    publicFile: { name: 'probe.md', content: `**Press Release**\n\n12 May 2003\n\n# Public notice ${PROBE}\n\nThis notice is public on purpose, so that the public searches have ${PROBE} to find.\n` },
  });
  started = web;
  researcher = await signedIn(web, RESEARCHER);
  viewer = await signedIn(web, VIEWER);
  outsider = await signedIn(web, OUTSIDER);
  admin = await signedIn(web, ADMIN);
  await researcher.get('/account');
  for (const [name, scopes] of [['writer', ['sources.read', 'records.read', 'records.write']], ['reader', ['records.read']]] as const) {
    const tokenPage = await researcher.post('/account/tokens', { name, scopes: [...scopes], days: '30' });
    const token = /<code>(vgl_[A-Za-z0-9_-]+)<\/code>/.exec(tokenPage.body)?.[1] ?? '';
    expect(token, tokenPage.body).not.toBe('');
    if (name === 'writer') writeToken = token;
    else readToken = token;
  }
  mkdirSync(importDir, { recursive: true });

  await throughTheForms();
  await throughTheApi();
  await throughTheImport();
  await linkThem();
  answers.logProbe = await researcher.get(`/workspace/reports?q=${LOG_PROBE}`);
  await revealOnce();

  const db = web.vigil.connection.db;
  for (const row of await db.selectFrom('reports').select(['reference', 'full_text_sealed']).where('full_text_sealed', 'is not', null).execute()) {
    blobs.push({ label: `sealed full text of ${row.reference}`, bytes: Buffer.from(row.full_text_sealed!) });
  }
  for (const row of await db.selectFrom('people').select(['pseudonym', 'name', 'contact']).execute()) {
    blobs.push({ label: `sealed name of ${row.pseudonym}`, bytes: Buffer.from(row.name!) }, { label: `sealed contact of ${row.pseudonym}`, bytes: Buffer.from(row.contact!) });
  }
  const master = decodeMasterKey(readFileSync(keyFile, 'utf8'));
  expect(master).not.toBeNull();
  keyMaterial.push({ name: 'master key', key: master! });
  for (const row of await db.selectFrom('data_keys').select(['name', 'wrapped_key']).execute()) {
    keyMaterial.push({ name: `data key ${row.name}`, key: unwrapKey(master!, row.wrapped_key, row.name) });
  }
}, 240_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  try {
    await started?.close();
  } finally {
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
});

// ---------------------------------------------------------------------------
// The demonstration's own sealed values (src/workspace/demo/demo-workspace.ts)

const DEMO_HIDDEN_SOURCES = new Set(DEMO_SOURCES.filter((source) => source.consent === 'never-identify').map((source) => source.key));

/** The confidential sources' identities and contacts, the full texts sealed by their source, the person's name. */
const DEMO_SEALED: Array<[string, string]> = [
  ...DEMO_SOURCES.filter((source) => source.consent !== 'may-be-named').flatMap((source): Array<[string, string]> => [
    [`demo identity of ${source.key}`, source.identity], ...(source.contact ? [[`demo contact of ${source.key}`, source.contact] as [string, string]] : []),
  ]),
  // `{person}` is filled in with a pseudonym when loaded: each part around it is looked for on its own.
  ...DEMO_REPORTS.filter((report) => report.fullText && DEMO_HIDDEN_SOURCES.has(report.source)).flatMap((report) =>
    report.fullText!.split('{person}').map((part, i): [string, string] => [`demo full text of ${report.key} (part ${i + 1})`, part.trim()])),
  ...DEMO_PEOPLE.map((person): [string, string] => [`demo name of ${person.key}`, person.name]),
];

function demoNeedles(): Needle[] {
  return DEMO_SEALED.flatMap(([label, text]) => textNeedles(label, text));
}

// ---------------------------------------------------------------------------

describe('the search itself', () => {
  it('finds the demonstration\'s sealed texts and a canary planted in each encoding, so a clean result means something', () => {
    expect(DEMO_SEALED.length).toBeGreaterThanOrEqual(8);
    for (const [label, text] of DEMO_SEALED) expect(text.length, label).toBeGreaterThanOrEqual(20);
    const [, name] = DEMO_SEALED.find(([label]) => label.startsWith('demo name'))!;
    const planted: Array<[string, Buffer]> = [
      ['in JSON', Buffer.from(JSON.stringify({ name }))],
      ['UTF-16LE after an odd byte', Buffer.concat([randomBytes(1), Buffer.from(name, 'utf16le')])],
      ['base64 after 2 bytes', Buffer.from(Buffer.concat([randomBytes(2), Buffer.from(name)]).toString('base64'))],
      ['lower case', Buffer.from(name.toLowerCase())],
    ];
    for (const [how, bytes] of planted) expect(leaksIn(how, bytes, demoNeedles()), how).not.toEqual([]);
    expect(leaksIn('a canary as hex', Buffer.from(Buffer.from(`x${STORED.formText.value}`).toString('hex')), allNeedles())).not.toEqual([]);
    expect(leaksIn('random bytes', randomBytes(1 << 16), [...allNeedles(), ...demoNeedles()])).toEqual([]);
  });
});

describe('while the app is running', () => {
  it('shows each current sealed value to the researcher who opens it, and writes each reading to the audit chain naming the fields, never the values', async () => {
    // The positive control of every check below: the values were stored, the replaced ones are gone, and they open to the one person allowed.
    expect(reveals).toHaveLength(12);
    for (const { label, response, shows } of reveals) {
      expect(response.statusCode, label).toBe(200);
      expect(response.headers['cache-control'], label).toBe('no-store');
      for (const entry of shows) expect(response.body, label).toContain(entry.value);
      expect(leaksIn(label, response.body, [...needlesBut(...shows), ...keyNeedles()])).toEqual([]);
    }
    const reportReveals = await web.vigil.audit.list({ action: 'report.reveal' });
    expect(reportReveals.map((entry) => [entry.actor, entry.subjectId, JSON.parse(entry.details) as unknown]).sort()).toEqual(
      [refs.formReport, refs.boxReport, refs.apiReport, refs.apiBoxReport, refs.csvReport, refs.csvBoxReport, refs.jsonReport, refs.promotedBySource, refs.promotedByFlag, refs.promotedByConsent]
        .map((reference) => [RESEARCHER.email, reference, { fields: ['full_text'] }]).sort(),
    );
    const personReveals = await web.vigil.audit.list({ action: 'person.reveal' });
    expect(personReveals.map((entry) => [entry.actor, entry.subjectId, JSON.parse(entry.details) as unknown]).sort()).toEqual(
      [refs.formPerson, refs.apiPerson].map((pseudonym) => [RESEARCHER.email, pseudonym, { fields: ['name', 'contact'] }]).sort(),
    );
  });

  it('seals a full text sent unsealed once a later change says it must be: a never-identify source, the seal asked for, a consent withdrawn', async () => {
    for (const reference of [refs.promotedBySource, refs.promotedByFlag, refs.promotedByConsent]) {
      const answer = await bearer(readToken, `/api/v1/reports/${reference}`);
      expect(answer.statusCode).toBe(200);
      expect(answer.json<ReportJson>(), reference).toMatchObject({ fullTextSealed: true, fullText: null });
    }
    // Control: a report nobody asked to seal keeps its full text in the open.
    expect((await bearer(readToken, `/api/v1/reports/${refs.plainReport}`)).json<ReportJson>()).toMatchObject({ fullTextSealed: false, fullText: `Full text ${PLAIN_TEXT}` });
  });

  it('sends no canary in any answer of the story but the reveals: forms, redirects, pages, API answers and refusals', () => {
    // The promoted full texts were sent back while they were still unsealed, so they are looked for in the answers after that (the tests below).
    const needles = [...neverNeedles(), ...keyNeedles()];
    expect(answered.length).toBeGreaterThan(50);
    for (const { label, response } of answered) {
      expect(leaksIn(label, response.body, needles)).toEqual([]);
      expect(leaksIn(`${label} (headers)`, JSON.stringify(response.headers), needles)).toEqual([]);
    }
    // Control: the answers are the ones that carried the values in, and speak of the records by their summaries;
    // the same search finds an unsealed full text in the answer that was sent it back.
    expect(answered.filter(({ response }) => response.body.includes(PROBE)).length).toBeGreaterThan(20);
    expect(answered.filter(({ response }) => leaksIn('', response.body, canaryNeedles('promoted', PROMOTED.bySource)).length > 0).map(({ label }) => label)).toEqual(['API plain report']);
  });

  it('keeps stored and just-typed sealed values out of the edit forms and the forms sent back after a refusal', () => {
    const forms = [
      ['report edit form', answers.reportEditForm, 200, 'The stored full text is sealed and not shown here'],
      ['person edit form', answers.personEditForm, 200, 'it is not shown here'],
      ['refused new report', answers.refusedReportCreate, 400, 'Received on must be a date'],
      ['refused report edit', answers.refusedReportEdit, 400, 'Received on must be a date'],
      ['stale report edit', answers.staleReportEdit, 409, 'changed by someone else'],
      ['refused person edit', answers.refusedPersonEdit, 400, 'Birth year must be a year'],
      ['refused new person', answers.refusedPersonCreate, 400, 'Choose sex:'],
    ] as const;
    for (const [label, response, status, says] of forms) {
      expect(response.statusCode, label).toBe(status);
      expect(response.body, label).toContain(says);
      expect(leaksIn(label, response.body, allNeedles())).toEqual([]);
    }
    // A sealed value typed into a refused form is left out of it, and its field says so (an empty field would otherwise keep the stored one unnoticed).
    for (const [label, response, field] of [
      ['refused new report', answers.refusedReportCreate, 'fullText'], ['refused report edit', answers.refusedReportEdit, 'fullText'], ['stale report edit', answers.staleReportEdit, 'fullText'],
      ['refused person edit', answers.refusedPersonEdit, 'name'], ['refused person edit', answers.refusedPersonEdit, 'contact'], ['refused new person', answers.refusedPersonCreate, 'name'],
    ] as const) {
      expect(response.body, `${label}: ${field}`).toMatch(new RegExp(`id="f-${field}-error"[^>]*>[^<]*you typed is sealed, so it is not shown again`));
    }
    // Control: a refused form is the form, with the unsealed fields as typed so they can be corrected.
    expect(answers.refusedReportEdit.body).toContain('name="fullText"');
    expect(answers.refusedReportEdit.body).toContain(`Refused edit ${PROBE}</textarea>`);
    expect(answers.refusedReportCreate.body).toContain(`Refused summary ${PROBE}</textarea>`);
    expect(answers.refusedPersonEdit.body).toContain('name="name"');
    expect(answers.refusedPersonEdit.body).toContain(`Refused notes ${PROBE}</textarea>`);
  });

  it('refuses changes from a viewer and from another compartment, with no canary in the refusal', () => {
    expect(answers.viewerEdit.statusCode).toBe(403);
    expect(answers.outsiderEdit.statusCode).toBe(404);
    expect(answers.outsiderPersonEdit.statusCode).toBe(404);
    for (const [label, response] of [['viewer edit', answers.viewerEdit], ['outsider edit', answers.outsiderEdit], ['outsider person edit', answers.outsiderPersonEdit]] as const) {
      expect(leaksIn(label, response.body, allNeedles())).toEqual([]);
    }
  });

  it('answers the API\'s refusals with the field at fault and without what was sent', () => {
    const refusals = [
      ['date that is no day', answers.apiRefusedCreate, 400, 'receivedOn'],
      ['body that is not JSON', answers.apiMalformed, 400, undefined],
      ['stale edit', answers.apiStale, 409, undefined],
      ['person with a birth year too early', answers.apiRefusedPerson, 400, 'birthYear'],
    ] as const;
    for (const [label, response, status, field] of refusals) {
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expect(response.headers['content-type'], label).toMatch(/^application\/json/);
      if (field) expect(response.json<{ field?: string }>().field, label).toBe(field);
      expect(leaksIn(`the API's refusal of a ${label}`, response.body, allNeedles())).toEqual([]);
    }
  });

  it('lists and shows reports and people to the researcher, as pages and through the API, with no sealed value', async () => {
    const pages = [
      ['report list', await researcher.get('/workspace/reports')], ['people list', await researcher.get('/workspace/people')],
      ...await Promise.all([refs.formReport, refs.boxReport, refs.csvReport, refs.promotedByConsent].map(async (r) => [`report ${r}`, await researcher.get(`/workspace/reports/${r}`)] as const)),
      [`person ${refs.formPerson}`, await researcher.get(`/workspace/people/${refs.formPerson}`)], [`person ${refs.apiPerson}`, await researcher.get(`/workspace/people/${refs.apiPerson}`)],
      ['report API list (token)', await bearer(readToken, '/api/v1/reports?limit=100')], ['people API list (token)', await bearer(readToken, '/api/v1/people')],
      ['report API list (session)', await researcher.get('/api/v1/reports?limit=100')], ['people API list (session)', await researcher.get('/api/v1/people')],
      [`report API ${refs.formReport}`, await bearer(readToken, `/api/v1/reports/${refs.formReport}`)], [`person API ${refs.formPerson}`, await bearer(readToken, `/api/v1/people/${refs.formPerson}`)],
    ] as const;
    for (const [label, response] of pages) {
      expect(response.statusCode, label).toBe(200);
      expect(leaksIn(`the researcher's ${label}`, response.body, allNeedles())).toEqual([]);
    }
    // Controls: the lists hold the records, the record pages offer the reveal, and an unsealed full text is shown.
    const byLabel = new Map<string, LightMyRequestResponse>(pages);
    for (const reference of [refs.formReport, refs.boxReport, refs.apiReport, refs.csvReport, refs.jsonReport, refs.promotedByConsent]) {
      expect(byLabel.get('report list')!.body).toContain(`>${reference}</a>`);
      expect(byLabel.get('report API list (token)')!.body).toContain(`"reference":"${reference}"`);
    }
    expect(byLabel.get('people list')!.body).toContain(`>${refs.formPerson}</a>`);
    expect(byLabel.get('people API list (session)')!.body).toContain(`"pseudonym":"${refs.apiPerson}"`);
    expect(byLabel.get(`report ${refs.formReport}`)!.body).toContain('Show full text');
    expect(byLabel.get(`person ${refs.formPerson}`)!.body).toContain('Show name and contact');
    expect(byLabel.get(`report API ${refs.formReport}`)!.json<ReportJson>()).toMatchObject({ fullTextSealed: true, fullText: null });
    expect(byLabel.get(`person API ${refs.formPerson}`)!.json<PersonJson>()).toMatchObject({ hasName: true, hasContact: true });
    expect((await researcher.get(`/workspace/reports/${refs.plainReport}`)).body).toContain(PLAIN_TEXT);
  });

  it('shows a viewer the pseudonyms and summaries but no sealed value, and refuses them the reveal', async () => {
    const looked = [
      ['report list', await viewer.get('/workspace/reports')], ['people list', await viewer.get('/workspace/people')],
      ['report page', await viewer.get(`/workspace/reports/${refs.formReport}`)], ['report page (checkbox)', await viewer.get(`/workspace/reports/${refs.boxReport}`)],
      ['person page', await viewer.get(`/workspace/people/${refs.formPerson}`)], ['person page (API-made)', await viewer.get(`/workspace/people/${refs.apiPerson}`)],
      ['report API', await viewer.get(`/api/v1/reports/${refs.apiReport}`)], ['report list API', await viewer.get('/api/v1/reports?limit=100')],
      ['person API', await viewer.get(`/api/v1/people/${refs.formPerson}`)], ['people list API', await viewer.get('/api/v1/people')],
    ] as const;
    for (const [label, response] of looked) {
      expect(response.statusCode, label).toBe(200);
      expect(leaksIn(`the viewer's ${label}`, response.body, allNeedles())).toEqual([]);
    }
    const byLabel = new Map<string, LightMyRequestResponse>(looked);
    expect(byLabel.get('report page')!.body).toContain('The full text is sealed. Your role does not open it.');
    expect(byLabel.get('person page')!.body).toContain('Sealed. Your role does not open them.');
    expect(byLabel.get('report list')!.body).toContain(`>${refs.formReport}</a>`);
    expect(byLabel.get('person API')!.json<PersonJson>()).toMatchObject({ pseudonym: refs.formPerson, hasName: true, hasContact: true });
    expect((await viewer.get(`/workspace/reports/${refs.plainReport}`)).body).toContain(PLAIN_TEXT);

    for (const url of [`/workspace/reports/${refs.formReport}/reveal`, `/workspace/people/${refs.formPerson}/reveal`]) {
      const refused = await viewer.post(url);
      expect(refused.statusCode, url).toBe(403);
      expect(leaksIn(`the viewer's refused ${url}`, refused.body, allNeedles())).toEqual([]);
    }
  });

  it('shows the event the reports speak to and the person is a victim of, page and API, with summaries but no sealed value', async () => {
    const looked = [
      ['researcher\'s event page', await researcher.get(`/workspace/events/${refs.event}`)], ['viewer\'s event page', await viewer.get(`/workspace/events/${refs.event}`)],
      ['event API (token)', await bearer(readToken, `/api/v1/events/${refs.event}`)], ['event API (viewer)', await viewer.get(`/api/v1/events/${refs.event}`)],
      ['event list', await viewer.get('/workspace/events')], ['event list API', await bearer(readToken, '/api/v1/events')],
    ] as const;
    for (const [label, response] of looked) {
      expect(response.statusCode, label).toBe(200);
      expect(leaksIn(`the ${label}`, response.body, allNeedles())).toEqual([]);
    }
    // Control: the event is linked to every sealed report, shown by its summary, and names the people by pseudonym.
    for (const [label, response] of looked.slice(0, 4)) {
      for (const reference of [refs.formReport, refs.apiReport, refs.csvReport, refs.jsonReport, refs.promotedBySource, refs.promotedByConsent]) expect(response.body, label).toContain(reference);
      expect(response.body, label).toContain(`Summary ${PROBE}`);
      expect(response.body, label).toContain(refs.formPerson);
    }
  });

  it('refuses a reveal through a token, which the API never answers with a sealed value', async () => {
    for (const token of [readToken, writeToken]) {
      for (const url of [`/workspace/reports/${refs.formReport}/reveal`, `/workspace/people/${refs.formPerson}/reveal`]) {
        const refused = await bearer(token, url, 'POST');
        expect(refused.statusCode, url).toBe(403);
        expect(leaksIn('a refused token reveal', refused.body, allNeedles())).toEqual([]);
      }
    }
  });

  it('answers a researcher of another compartment exactly as for records that do not exist', async () => {
    const same = (response: LightMyRequestResponse, reference: string) => ({
      status: response.statusCode, type: response.headers['content-type'], body: response.body.replaceAll(reference, 'X-XXXX'),
    });
    const pairs = [
      [`/workspace/reports/${refs.formReport}`, '/workspace/reports/R-0000', refs.formReport, 'R-0000', 'GET'],
      [`/workspace/reports/${refs.formReport}/reveal`, '/workspace/reports/R-0000/reveal', refs.formReport, 'R-0000', 'POST'],
      [`/workspace/people/${refs.formPerson}`, '/workspace/people/P-0000', refs.formPerson, 'P-0000', 'GET'],
      [`/workspace/people/${refs.formPerson}/reveal`, '/workspace/people/P-0000/reveal', refs.formPerson, 'P-0000', 'POST'],
      [`/api/v1/reports/${refs.formReport}`, '/api/v1/reports/R-0000', refs.formReport, 'R-0000', 'GET'],
      [`/api/v1/people/${refs.formPerson}`, '/api/v1/people/P-0000', refs.formPerson, 'P-0000', 'GET'],
    ] as const;
    for (const [url, missingUrl, reference, missing, method] of pairs) {
      const answer = method === 'GET' ? await outsider.get(url) : await outsider.post(url);
      const missingAnswer = method === 'GET' ? await outsider.get(missingUrl) : await outsider.post(missingUrl);
      expect(answer.statusCode, url).toBe(404);
      expect(same(answer, reference), url).toEqual(same(missingAnswer, missing));
      expect(leaksIn(`the outsider's ${url}`, answer.body, allNeedles())).toEqual([]);
    }
    expect((await outsider.get('/workspace/reports')).body).not.toContain(refs.formReport);
  });

  it('sends someone without a session to sign in, with no canary on the way', async () => {
    for (const url of [`/workspace/reports/${refs.formReport}`, `/workspace/people/${refs.formPerson}`, `/workspace/events/${refs.event}`]) {
      const answer = await web.get(url);
      expect(answer.statusCode, url).toBe(303);
      expect(answer.headers.location).toMatch(/^\/login\?next=/);
      expect(leaksIn(`the anonymous ${url}`, answer.body + JSON.stringify(answer.headers), allNeedles())).toEqual([]);
    }
    for (const url of [`/api/v1/reports/${refs.formReport}`, `/api/v1/people/${refs.formPerson}`, '/api/v1/reports']) {
      const answer = await web.get(url);
      expect(answer.statusCode, url).toBe(401);
      expect(leaksIn(`the anonymous ${url}`, answer.body, allNeedles())).toEqual([]);
    }
  });

  it('keeps every canary out of the public archive\'s search, API, feed and sitemap', async () => {
    const looked = [
      ['search page', await web.get('/search?q=CANARY')], ['search API', await web.get('/api/v1/documents?q=CANARY')], ['search API (prefix)', await web.get('/api/v1/documents?q=canary*')],
      ['front page', await web.get('/')], ['feed', await web.get('/feed.atom')], ['sitemap', await web.get('/sitemap.xml')],
    ] as const;
    for (const [label, response] of looked) {
      expect(response.statusCode, label).toBe(200);
      expect(leaksIn(`the public ${label}`, response.body, allNeedles())).toEqual([]);
    }
    expect((await web.get('/api/v1/documents?q=CANARY')).json<{ total: number }>().total).toBe(0);
    expect((await web.get(`/api/v1/documents?q=${PROBE}`)).json<{ total: number }>().total).toBe(1);
  });

  it('finds no sealed full text by searching the reports for it (asked of the service, so the words stay out of the log)', async () => {
    const actor = (await web.vigil.signIn.resolve(researcher.cookies.get('vigil_session')))!.actor!;
    for (const entry of [STORED.formText, STORED.csvText, STORED.jsonText, PROMOTED.bySource, PROMOTED.byConsent]) {
      expect((await web.vigil.reports.list(actor, { q: entry.value })).total, entry.value).toBe(0);
      expect((await web.vigil.reports.list(actor, { q: entry.random })).total, entry.random).toBe(0);
    }
    expect((await web.vigil.reports.list(actor, { q: PLAIN_TEXT })).total).toBe(1);
  });

  it('keeps every canary out of the audit chain, which records each record made, changed and revealed', async () => {
    const entries: AuditEntry[] = await web.vigil.audit.list({ limit: 1000 });
    expect((await web.vigil.audit.verify()).broken).toBeNull();
    for (const entry of entries) {
      expect(leaksIn(`audit entry ${entry.seq} (${entry.action})`, JSON.stringify(entry), allNeedles())).toEqual([]);
    }
    // Control: the entries about the records are there, saying only "sealed".
    const details = (action: string, subject: string) => entries.filter((entry) => entry.action === action && entry.subjectId === subject).map((entry) => JSON.parse(entry.details) as Record<string, unknown>);
    for (const reference of [refs.formReport, refs.boxReport, refs.apiReport, refs.apiBoxReport, refs.csvReport, refs.csvBoxReport, refs.jsonReport]) {
      expect(details('report.create', reference), reference).toEqual([expect.objectContaining({ full_text: 'sealed' })]);
    }
    expect(details('report.create', refs.promotedBySource)).toEqual([expect.objectContaining({ full_text: 'plain' })]);
    expect(details('report.update', refs.promotedBySource)).toEqual([expect.objectContaining({ full_text: { from: 'plain', to: 'sealed' } })]);
    expect(details('report.update', refs.promotedByConsent)).toEqual([expect.objectContaining({ full_text: { from: 'plain', to: 'sealed' } })]);
    expect(details('report.update', refs.formReport)).toHaveLength(1);
    expect(details('person.create', refs.formPerson)).toEqual([expect.objectContaining({ name: 'sealed', contact: 'sealed' })]);
    expect(details('person.update', refs.formPerson)).toEqual([expect.objectContaining({ name: 'sealed value replaced' })]);
    expect(details('person.update', refs.apiPerson)).toEqual([expect.objectContaining({ contact: 'sealed value replaced' })]);
    expect(entries.filter((entry) => entry.action === 'report.create' && entry.actor === RESEARCHER.email).length).toBe(11);
    // The administrator's audit page shows the same entries.
    const auditPage = await admin.get(`/admin/audit?subject=${refs.formPerson}`);
    expect(auditPage.statusCode).toBe(200);
    expect(auditPage.body).toContain('person.reveal');
    expect(leaksIn('the administrator\'s audit page', auditPage.body, allNeedles())).toEqual([]);
  });

  it('prints no sealed full text from `vigil records import`, refused rows included, with or without --json', () => {
    for (const [label, result] of [['CSV import (--json)', cli.csvImport], ['JSON import', cli.jsonImport]] as const) {
      expect(result.code, label).toBe(1);
      expect(leaksIn(`the ${label}'s standard output`, result.stdout, allNeedles())).toEqual([]);
      expect(leaksIn(`the ${label}'s standard error`, result.stderr, allNeedles())).toEqual([]);
    }
    // Control: the output names the rows kept and the rows refused, with the field at fault.
    expect(csvImport.failed.map((row) => [row.row, row.field])).toEqual([[4, 'receivedOn'], [5, '']]);
    expect(cli.csvImport.stderr).toMatch(/reports\.csv:4: receivedOn: /);
    expect(cli.jsonImport.stdout).toContain(`reports.json:1: ${refs.jsonReport}`);
    expect(cli.jsonImport.stderr).toMatch(/reports\.json:2: receivedOn: /);
    expect(cli.jsonImport.stderr).toContain('1 imported, 1 failed');
  });

  it('keeps every canary out of vigil.db, its WAL and shared memory while the app has them open', () => {
    const files = databaseFiles(dataDir);
    expect(files.map((file) => file.name)).toContain('vigil.db-wal');
    for (const file of files) expect(leaksIn(file.name, file.bytes, [...neverNeedles(), ...keyNeedles()])).toEqual([]);
    // Control: the sealed bytes written through the same connection, and the unsealed texts, are in these files.
    const everything = Buffer.concat(files.map((file) => file.bytes));
    expect(blobs.length).toBe(10 + 4);
    for (const { label, bytes } of blobs) expect(everything.includes(bytes), label).toBe(true);
    expect(everything.includes(Buffer.from(PROBE))).toBe(true);
    expect(everything.includes(Buffer.from(PLAIN_TEXT))).toBe(true);
  });
});

describe('after the app has closed', { timeout: CLI_TEST_TIMEOUT }, () => {
  beforeAll(async () => {
    await started?.close();
  });

  it('keeps every canary out of vigil.db once the WAL is checkpointed into it', () => {
    const files = databaseFiles(dataDir);
    const db = files.find((file) => file.name === 'vigil.db');
    expect(db).toBeDefined();
    for (const file of files) expect(leaksIn(`${file.name} after closing`, file.bytes, [...neverNeedles(), ...keyNeedles()])).toEqual([]);
    for (const { label, bytes } of blobs) expect(db!.bytes.includes(bytes), label).toBe(true);
  });

  it('keeps every canary out of the server log, which recorded every request including the refused ones', () => {
    expect(leaksIn('the server log', web.log, allNeedles())).toEqual([]);
    // Control: the log is the real one, with this test's requests in it.
    const lines = web.log.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as { req?: { url?: string }; res?: { statusCode?: number } });
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.some((line) => line.req?.url === `/workspace/reports/${refs.formReport}/reveal`)).toBe(true);
    const statuses = new Set(lines.map((line) => line.res?.statusCode));
    for (const status of [201, 303, 400, 403, 404, 409]) expect(statuses.has(status), `a ${status} answer in the log`).toBe(true);
    expect(web.log).toContain(LOG_PROBE);
    expect(answers.logProbe.statusCode).toBe(200);
  });

  it('keeps every canary out of a `vigil backup`, whose sealed values still open with the same key after `vigil restore`', async () => {
    const backup = await runVigil(['backup', backupFile], { dataDir });
    expect(backup.code, backup.stderr).toBe(0);
    expect(leaksIn('the backup command\'s output', backup.stdout + backup.stderr, allNeedles())).toEqual([]);
    const bytes = readFileSync(backupFile);
    expect(leaksIn('the backup file', bytes, [...neverNeedles(), ...keyNeedles()])).toEqual([]);
    for (const { label, bytes: blob } of blobs) expect(bytes.includes(blob), label).toBe(true);

    const restore = await runVigil(['restore', backupFile], { dataDir: restoredDir });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await openVigil({ dataDir: restoredDir, warn: () => undefined, env: { VIGIL_KEY_FILE: keyFile } });
    try {
      const db = restored.connection.db;
      const user = await db.selectFrom('users').select(['id', 'email']).where('email', '=', RESEARCHER.email).executeTakeFirstOrThrow();
      const rows = await db.selectFrom('user_compartments').select('compartment_id').where('user_id', '=', user.id).execute();
      const actor: Actor = { userId: user.id, email: user.email, role: 'researcher', compartments: new Set(rows.map((row) => row.compartment_id)), via: 'session', ip: null };
      expect(await restored.reports.reveal(actor, refs.formReport)).toBe(STORED.formText.value);
      expect(await restored.reports.reveal(actor, refs.csvBoxReport)).toBe(STORED.csvBoxText.value);
      expect(await restored.people.reveal(actor, refs.formPerson)).toEqual({ name: STORED.formName.value, contact: STORED.formContact.value });
      expect(await restored.people.reveal(actor, refs.apiPerson)).toEqual({ name: STORED.apiName.value, contact: STORED.apiContact.value });
    } finally {
      await restored.close();
    }
  });

  it('keeps every canary out of the audit chain exported with `vigil audit list --json`', async () => {
    const exported = await runVigilJson<AuditEntry[]>(['audit', 'list', '--json', '--limit', '1000'], { dataDir });
    expect(exported.code, exported.stderr).toBe(0);
    expect(leaksIn('the exported audit chain', JSON.stringify(exported.json) + exported.stderr, allNeedles())).toEqual([]);
    expect(exported.json.filter((entry) => entry.action === 'report.reveal')).toHaveLength(10);
    expect(exported.json.some((entry) => entry.action === 'person.reveal' && entry.subjectId === refs.formPerson)).toBe(true);
    expect(exported.json.some((entry) => entry.action === 'backup.create')).toBe(true);
  });
});

describe('`vigil demo load`', { timeout: CLI_TEST_TIMEOUT }, () => {
  const demoDir = join(root, 'demo');
  const demoJsonDir = join(root, 'demo-json');
  let plain: VigilResult;
  let json: VigilResult;

  beforeAll(async () => {
    [plain, json] = await Promise.all([runVigil(['demo', 'load'], { dataDir: demoDir }), runVigil(['demo', 'load', '--json'], { dataDir: demoJsonDir })]);
  }, CLI_TEST_TIMEOUT);

  it('prints no confidential source, sealed full text or person\'s name of the demonstration, with or without --json', () => {
    expect(plain.code, plain.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    for (const [label, text] of [['stdout', plain.stdout], ['stderr', plain.stderr], ['--json stdout', json.stdout], ['--json stderr', json.stderr]] as const) {
      expect(leaksIn(`\`vigil demo load\` ${label}`, text, demoNeedles())).toEqual([]);
    }
    // Control: the load happened, and its output is the one that speaks of it.
    expect(plain.stdout).toContain('Loaded the demonstration workspace');
    const loaded = JSON.parse(json.stdout) as { loaded: boolean; counts: { reports: number; people: number } };
    expect(loaded).toMatchObject({ loaded: true, counts: { reports: DEMO_REPORTS.length, people: DEMO_PEOPLE.length } });
  });

  it('keeps the demonstration\'s sealed values out of its database files', () => {
    for (const dir of [demoDir, demoJsonDir]) {
      const files = databaseFiles(dir);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(leaksIn(`${dir}/${file.name}`, file.bytes, demoNeedles())).toEqual([]);
      // Control: the unsealed summaries are there.
      expect(Buffer.concat(files.map((file) => file.bytes)).includes(Buffer.from(DEMO_REPORTS[0]!.summary))).toBe(true);
    }
  });
});
