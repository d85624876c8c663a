/**
 * The workspace's JSON API through HTTP, as an integrator meets it: sources,
 * reports, events and people made, read, changed and removed with a bearer
 * token; dates, counts and places sent as words and answered both structured
 * and labelled; stale edits refused with 409; input errors naming their
 * field; another compartment's record answered exactly as a missing one; no
 * sealed value in any answer; scopes that refuse; the OpenAPI document.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { OpenAPI } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Actor, Role } from '../../src/access/policy.ts';
import { addUser, signedIn } from '../helpers/session.ts';
import { createWebApp, type WebApp } from '../helpers/web.ts';

// Sealed values sent in: none may come back in any answer.
const SECRETS = {
  identity: 'Pak Sun-hui of Yanji, schoolteacher',
  contact: '+86 433 555 0147 (after dark only)',
  fullText: 'She says the lorries left the Longjing station at dawn, guarded by border police',
  name: 'Ri Chol-min, born in Hoeryong',
  personContact: 'through the church on Renmin Road',
};

const SYSTEM = { id: null, label: 'test' };
const NOT_SEALED = { ip: null, userAgent: null };

let web: WebApp;
/** Every answer the API gave in this file, for the sealed-value check at the end. */
const answers: { label: string; body: string; headers: string }[] = [];
let writer: string;
let reader: string;
let outsider: string;
let sourcesOnly: string;

async function tokenFor(email: string, role: Role, compartments: string[], scopes: Action[]): Promise<string> {
  await addUser(web, { email, role, compartments });
  const user = (await web.vigil.users.list()).find((u) => u.email === email)!;
  const ids = (await web.vigil.users.compartments()).filter((c) => compartments.includes(c.name)).map((c) => c.id);
  const actor: Actor = { userId: user.id, email, role, compartments: new Set(ids), via: 'session', ip: null };
  return (await web.vigil.accounts.createToken(actor, `${email} token`, scopes, 30, NOT_SEALED)).secret;
}

async function call(token: string | null, method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const response = await web.app.inject({
    method, url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
  answers.push({ label: `${String(method)} ${url}`, body: response.body, headers: JSON.stringify(response.headers) });
  return response;
}

/** Calls and expects a status, showing the body when it differs. */
async function expectCall<T>(status: number, token: string | null, method: InjectOptions['method'], url: string, body?: unknown): Promise<T> {
  const response = await call(token, method, url, body);
  expect(response.statusCode, `${String(method)} ${url}: ${response.body}`).toBe(status);
  if (status !== 204) expect(response.headers['content-type']).toMatch(/^application\/json/);
  return (status === 204 ? undefined : response.json()) as T;
}

interface Problem { error: string; message: string; field?: string; parameter?: string; candidates?: { id: string }[] }

beforeAll(async () => {
  web = await createWebApp();
  for (const name of ['East Asia', 'Americas']) await web.vigil.users.addCompartment(SYSTEM, name);
  const everything: Action[] = ['sources.read', 'sources.write', 'records.read', 'records.write'];
  writer = await tokenFor('mira@example.org', 'researcher', ['East Asia'], everything);
  reader = await tokenFor('read-only@example.org', 'researcher', ['East Asia'], ['sources.read', 'records.read']);
  outsider = await tokenFor('olu@example.org', 'researcher', ['Americas'], everything);
  sourcesOnly = await tokenFor('src@example.org', 'researcher', ['East Asia'], ['sources.read']);
  // The gazetteer fills on first use (seconds); do it before the tests are timed.
  await web.vigil.places.ensureLoaded();
}, 120_000);
afterAll(() => web?.close());

interface SourceView { pseudonym: string; version: number; kind: string; consent: string; reliability: string | null; hasIdentity: boolean; hasContact: boolean }
interface ReportView { reference: string; version: number; source: string | null; fullText: string | null; fullTextSealed: boolean; summary: string; credibility: number | null; events: { reference: string }[] }
interface EventView {
  reference: string; version: number; title: string; acts: { code: string; label: string }[];
  date: { precision: string; earliest: string; latest: string; text?: string } | null; dateLabel: string | null;
  place: { precision: string; gazetteerId?: string; name: string; country: string; divisionName?: string } | null; placeLabel: string | null;
  victims: { group: string | null; count: { precision: string; low: number | null; high: number | null; text?: string } | null; countLabel: string | null }[];
  perpetrators: { kind: string; name: string; involvement: string }[];
  corroboration: { supportingReports: number; independentSources: number; contradictedBy: string[] };
  reports: { reference: string; stance: string }[];
}
interface PersonView { pseudonym: string; version: number; hasName: boolean; hasContact: boolean; statuses: { id: number; status: string; dateLabel: string | null; placeLabel: string | null; reports: string[] }[]; current: { summary: string } | null }
interface List<T> { total: number; results: T[] }

let source: SourceView;
let report: ReportView;

describe('sources', () => {
  it('are made, read, changed and removed; identity and contact are sealed', async () => {
    source = await expectCall<SourceView>(201, writer, 'POST', '/api/v1/sources', {
      compartment: 'East Asia', kind: 'witness', consent: 'may-be-quoted', reliability: 'B', independenceGroup: 'church network',
      identity: SECRETS.identity, contact: SECRETS.contact,
    });
    expect(source).toMatchObject({ kind: 'witness', consent: 'may-be-quoted', reliability: 'B', hasIdentity: true, hasContact: true, version: 1 });
    expect(source.pseudonym).toMatch(/^S-\d{4}$/);
    const read = await expectCall<SourceView>(200, reader, 'GET', `/api/v1/sources/${source.pseudonym}`);
    expect(read).toEqual(source);
    const list = await expectCall<List<SourceView>>(200, reader, 'GET', '/api/v1/sources');
    expect(list.results.map((s) => s.pseudonym)).toContain(source.pseudonym);

    // Identity and contact left out are kept.
    const changed = await expectCall<SourceView>(200, writer, 'PUT', `/api/v1/sources/${source.pseudonym}`, { version: 1, kind: 'witness', reliability: 'A' });
    expect(changed).toMatchObject({ reliability: 'A', consent: 'may-be-quoted', hasIdentity: true, hasContact: true, version: 2 });
    source = changed;

    const extra = await expectCall<SourceView>(201, writer, 'POST', '/api/v1/sources', { compartment: 'East Asia', kind: 'media' });
    expect(extra.consent).toBe('never-identify');
    await expectCall(204, writer, 'DELETE', `/api/v1/sources/${extra.pseudonym}`);
    await expectCall(404, reader, 'GET', `/api/v1/sources/${extra.pseudonym}`);
  });
});

describe('reports', () => {
  it('are made, listed, changed and removed; a sealed full text is never returned', async () => {
    report = await expectCall<ReportView>(201, writer, 'POST', '/api/v1/reports', {
      compartment: 'East Asia', source: source.pseudonym, receivedOn: '2002-03-20', channel: 'phone',
      summary: 'Lorries of detainees seen leaving Longjing', fullText: SECRETS.fullText, sealFullText: true, language: 'en', credibility: 2,
    });
    expect(report).toMatchObject({ source: source.pseudonym, fullText: null, fullTextSealed: true, credibility: 2, version: 1, events: [] });
    expect(report.reference).toMatch(/^R-\d{4}$/);

    const plain = await expectCall<ReportView>(201, writer, 'POST', '/api/v1/reports', {
      compartment: 'East Asia', receivedOn: '2002-03-21', channel: 'news', summary: 'Wire story on embassy entry', fullText: 'A public wire story.', credibility: '3',
    });
    expect(plain).toMatchObject({ fullText: 'A public wire story.', fullTextSealed: false, credibility: 3, source: null });

    const bySource = await expectCall<List<ReportView>>(200, reader, 'GET', `/api/v1/reports?source=${source.pseudonym}`);
    expect(bySource.results.map((r) => r.reference)).toEqual([report.reference]);
    const byChannel = await expectCall<List<ReportView>>(200, reader, 'GET', '/api/v1/reports?channel=news&from=2002-03-21&to=2002-03-21&limit=5');
    expect(byChannel.results.map((r) => r.reference)).toEqual([plain.reference]);
    expect((await expectCall<List<ReportView>>(200, reader, 'GET', '/api/v1/reports?q=lorries')).total).toBe(1);

    // A full text left out stays sealed.
    const changed = await expectCall<ReportView>(200, writer, 'PUT', `/api/v1/reports/${report.reference}`, {
      version: 1, source: source.pseudonym, receivedOn: '2002-03-20', channel: 'phone', summary: 'Lorries of detainees seen leaving Longjing at dawn', credibility: 2,
    });
    expect(changed).toMatchObject({ version: 2, fullTextSealed: true, fullText: null, summary: 'Lorries of detainees seen leaving Longjing at dawn' });
    report = changed;

    await expectCall(204, writer, 'DELETE', `/api/v1/reports/${plain.reference}`);
    await expectCall(404, reader, 'GET', `/api/v1/reports/${plain.reference}`);
  });
});

describe('events', () => {
  let event: EventView;

  it('read dates, counts and places from words, and answer them structured and labelled', async () => {
    event = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', {
      compartment: 'East Asia', title: 'Mass returns from Longjing', description: 'People held in the city were sent back across the border.',
      acts: ['forcible return', 'liberty.mass-arrest'],
      date: 'earlier this month', dateReference: '2002-03-27',
      place: 'Longjing', country: 'CN', placeDetail: 'the railway station',
      victims: [{ group: 'North Korean refugees', count: 'up to 900' }, { group: 'their helpers', count: 12 }],
      perpetrators: [{ name: 'Border police', involvement: 'carried out' }],
    });
    expect(event.reference).toMatch(/^E-\d{4}$/);
    expect(event.acts.map((a) => a.code)).toEqual(['displacement.refoulement', 'liberty.mass-arrest']);
    expect(event.date).toEqual({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26', approximate: false, text: 'earlier this month' });
    expect(event.dateLabel).toBe('a day between 1 and 26 March 2002');
    expect(event.place).toMatchObject({ precision: 'city', name: 'Longjing', country: 'CN', divisionName: 'Jilin', detail: 'the railway station' });
    expect(event.place!.gazetteerId).toMatch(/^city:\d+$/);
    expect(event.placeLabel).toBe('Longjing, Jilin, China — the railway station');
    expect(event.victims).toEqual([
      { person: null, group: 'North Korean refugees', count: { precision: 'at-most', low: null, high: 900, text: 'up to 900' }, countLabel: 'up to 900' },
      { person: null, group: 'their helpers', count: { precision: 'exact', low: 12, high: 12 }, countLabel: '12' },
    ]);
    expect(event.perpetrators).toEqual([{ kind: 'state body', name: 'Border police', involvement: 'carried out' }]);
    expect(event).toMatchObject({ status: 'alleged', version: 1 });
  });

  it('link reports as the event is recorded, in the same transaction', async () => {
    const from = await expectCall<ReportView>(201, writer, 'POST', '/api/v1/reports', { compartment: 'East Asia', receivedOn: '2002-03-28', channel: 'news', summary: 'Wire story on the returns' });
    const linked = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', {
      compartment: 'East Asia', title: 'Returns reported by the wire', acts: ['forcible return'], reports: [{ reference: from.reference, stance: 'supports' }],
    });
    expect(linked.reports.map((r) => [r.reference, r.stance])).toEqual([[from.reference, 'supports']]);
    expect(linked.corroboration.supportingReports).toBe(1);
    // A report that cannot be linked refuses the whole event: nothing half-written remains.
    const before = (await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events?limit=100')).total;
    const refused = await expectCall<Problem>(400, writer, 'POST', '/api/v1/events', {
      compartment: 'East Asia', title: 'Never stored', acts: ['forcible return'], reports: [{ reference: 'R-99999', stance: 'supports' }],
    });
    expect(refused).toMatchObject({ error: 'invalid_input', field: 'report' });
    expect((await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events?limit=100')).total).toBe(before);
  });

  it('take structured dates, counts and places, and a gazetteer key', async () => {
    const structured = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', {
      compartment: 'East Asia', title: 'Returns from Antu', acts: 'forcible return; arbitrary detention',
      date: { precision: 'month', earliest: '2002-04' },
      placeId: 'city:158611',
      victims: [{ group: 'refugees', count: { precision: 'range', low: 10, high: 20 } }],
    });
    expect(structured.date).toEqual({ precision: 'month', earliest: '2002-04-01', latest: '2002-04-30', approximate: false });
    expect(structured.dateLabel).toBe('April 2002');
    expect(structured.place).toMatchObject({ gazetteerId: 'city:158611', name: 'Antu', country: 'CN' });
    expect(structured.victims[0]!.countLabel).toBe('10–20');

    const byObject = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', {
      compartment: 'East Asia', title: 'Border closed to the refugee agency', acts: ['humanitarian.access-denied'],
      place: { gazetteerId: 'city:158611', detail: 'the border crossing' }, date: '2002',
    });
    expect(byObject.placeLabel).toBe('Antu, Jilin, China — the border crossing');

    const byCountry = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', { compartment: 'East Asia', title: 'Crackdown', acts: ['mass arrest'], country: 'CN' });
    expect(byCountry.place).toMatchObject({ precision: 'country', country: 'CN' });

    const listed = await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events?act=displacement.refoulement&country=CN&from=2002-03-01&to=2002-04-30');
    expect(listed.results.map((e) => e.reference).sort()).toEqual([event.reference, structured.reference].sort());
    expect(listed.results.find((e) => e.reference === event.reference)).toMatchObject({ dateLabel: 'a day between 1 and 26 March 2002', placeLabel: event.placeLabel });
  });

  it('link and unlink reports, working corroboration out again', async () => {
    const linked = await expectCall<EventView>(200, writer, 'POST', `/api/v1/events/${event.reference}/links`, { report: report.reference, stance: 'supports' });
    expect(linked.reports.map((r) => [r.reference, r.stance])).toEqual([[report.reference, 'supports']]);
    expect(linked.corroboration).toMatchObject({ supportingReports: 1, independentSources: 1 });
    const fromReport = await expectCall<ReportView>(200, reader, 'GET', `/api/v1/reports/${report.reference}`);
    expect(fromReport.events.map((e) => e.reference)).toEqual([event.reference]);

    const contradicted = await expectCall<EventView>(200, writer, 'POST', `/api/v1/events/${event.reference}/links`, { report: report.reference, stance: 'contradicts' });
    expect(contradicted.corroboration).toMatchObject({ supportingReports: 0, contradictedBy: [report.reference] });

    await expectCall(204, writer, 'DELETE', `/api/v1/events/${event.reference}/links/${report.reference}`);
    expect((await expectCall<EventView>(200, reader, 'GET', `/api/v1/events/${event.reference}`)).reports).toEqual([]);
    const notLinked = await expectCall<Problem>(400, writer, 'DELETE', `/api/v1/events/${event.reference}/links/${report.reference}`);
    expect(notLinked.field).toBe('report');
    const badStance = await expectCall<Problem>(400, writer, 'POST', `/api/v1/events/${event.reference}/links`, { report: report.reference, stance: 'maybe' });
    expect(badStance).toMatchObject({ error: 'invalid_input', field: 'stance' });
  });

  it('are changed on the current version only, and removed', async () => {
    const body = { version: 1, title: 'Mass returns from Longjing', acts: ['forcible return'], date: 'April 2002', place: 'Longjing', country: 'CN', status: 'disputed' };
    const changed = await expectCall<EventView>(200, writer, 'PUT', `/api/v1/events/${event.reference}`, body);
    expect(changed).toMatchObject({ version: 2, status: 'disputed', dateLabel: 'April 2002', victims: [] });
    const stale = await expectCall<Problem>(409, writer, 'PUT', `/api/v1/events/${event.reference}`, { ...body, title: 'An edit on the old copy' });
    expect(stale.error).toBe('stale_edit');
    expect(stale.message).toMatch(/changed by someone else/);
    expect((await expectCall<EventView>(200, reader, 'GET', `/api/v1/events/${event.reference}`)).title).toBe('Mass returns from Longjing');
    await expectCall(204, writer, 'DELETE', `/api/v1/events/${event.reference}`);
    await expectCall(404, reader, 'GET', `/api/v1/events/${event.reference}`);
  });
});

describe('people', () => {
  it('are made with a sealed name, followed through statuses, changed and removed', async () => {
    const person = await expectCall<PersonView>(201, writer, 'POST', '/api/v1/people', {
      compartment: 'East Asia', name: SECRETS.name, contact: SECRETS.personContact, sex: 'male', birthYear: 1975, birthYearApproximate: true, nationality: 'kp',
    });
    expect(person).toMatchObject({ hasName: true, hasContact: true, version: 1, statuses: [], current: null });
    expect(person.pseudonym).toMatch(/^P-\d{4}$/);

    const detained = await expectCall<PersonView>(201, writer, 'POST', `/api/v1/people/${person.pseudonym}/statuses`, {
      status: 'detained', date: 'March 2002', place: 'Longjing', country: 'CN', heldBy: 'Longjing detention centre', reports: [report.reference],
    });
    expect(detained.statuses).toHaveLength(1);
    expect(detained.statuses[0]).toMatchObject({ status: 'detained', dateLabel: 'March 2002', placeLabel: 'Longjing, Jilin, China', reports: [report.reference] });
    const returned = await expectCall<PersonView>(201, writer, 'POST', `/api/v1/people/${person.pseudonym}/statuses`, { status: 'forcibly returned', date: { precision: 'month', earliest: '2002-04' } });
    expect(returned.current?.summary).toMatch(/^forcibly returned for /);
    const noDate = await expectCall<Problem>(400, writer, 'POST', `/api/v1/people/${person.pseudonym}/statuses`, { status: 'released', date: '' });
    expect(noDate.field).toBe('date');

    await expectCall(204, writer, 'DELETE', `/api/v1/people/${person.pseudonym}/statuses/${returned.statuses[1]!.id}`);
    await expectCall(404, writer, 'DELETE', `/api/v1/people/${person.pseudonym}/statuses/999999`);
    const read = await expectCall<PersonView>(200, reader, 'GET', `/api/v1/people/${person.pseudonym}`);
    expect(read.statuses.map((s) => s.status)).toEqual(['detained']);
    expect((await expectCall<List<PersonView>>(200, reader, 'GET', '/api/v1/people?nationality=KP')).total).toBe(1);

    const changed = await expectCall<PersonView>(200, writer, 'PUT', `/api/v1/people/${person.pseudonym}`, { version: 1, notes: 'Family in Seoul asked us to follow the case.' });
    expect(changed).toMatchObject({ version: 2, hasName: true, hasContact: true, sex: null });
    expect((await expectCall<Problem>(409, writer, 'PUT', `/api/v1/people/${person.pseudonym}`, { version: 1 })).error).toBe('stale_edit');
    await expectCall(204, writer, 'DELETE', `/api/v1/people/${person.pseudonym}`);
    await expectCall(404, reader, 'GET', `/api/v1/people/${person.pseudonym}`);
  });
});

describe('places', () => {
  it('finds gazetteer entries with their keys and the data\'s attribution', async () => {
    const found = await expectCall<{ results: { id: string; kind: string; name: string; match: string }[]; attribution: { licence: string } }>(200, reader, 'GET', '/api/v1/places?q=Longjing&country=cn&kind=city&limit=3');
    expect(found.results.length).toBeGreaterThan(0);
    expect(found.results[0]).toMatchObject({ kind: 'city', name: 'Longjing', match: 'exact' });
    expect(found.results[0]!.id).toMatch(/^city:\d+$/);
    expect(found.attribution.licence).toBe('ODbL-1.0');
    expect((await expectCall<Problem>(400, reader, 'GET', '/api/v1/places?q=Longjing&kind=village')).parameter).toBe('kind');
    expect((await expectCall<Problem>(400, reader, 'GET', '/api/v1/places?q=Longjing&country=ZZ')).field).toBe('country');
    expect((await expectCall<Problem>(400, reader, 'GET', '/api/v1/places')).parameter).toBe('q');
  });
});

describe('input errors', () => {
  it('answer 400 naming the field, and change nothing', async () => {
    const before = (await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events')).total;
    const event = { compartment: 'East Asia', title: 'Something happened', acts: ['arbitrary detention'] };
    const cases: Array<[string, string, unknown, string]> = [
      ['an act outside the vocabulary', '/api/v1/events', { ...event, acts: ['being rude'] }, 'acts'],
      ['a date that cannot be read', '/api/v1/events', { ...event, date: 'when the moon was full' }, 'date'],
      ['a date object that cannot be', '/api/v1/events', { ...event, date: { precision: 'day', earliest: '2002-02-30' } }, 'date'],
      ['a count that cannot be read', '/api/v1/events', { ...event, victims: [{ group: 'refugees', count: 'a lorry-load' }] }, 'victims.0.count'],
      ['an impossible count', '/api/v1/events', { ...event, victims: [{ group: 'refugees', count: { precision: 'range', low: 20, high: 10 } }] }, 'victims.0.count'],
      ['a place not in the gazetteer', '/api/v1/events', { ...event, place: 'Atlantis under the sea' }, 'place'],
      ['a missing title', '/api/v1/events', { compartment: 'East Asia', acts: ['arbitrary detention'] }, 'title'],
      ['an unknown field', '/api/v1/events', { ...event, colour: 'red' }, 'colour'],
      ['a perpetrator kind', '/api/v1/events', { ...event, perpetrators: [{ name: 'Police', kind: 'weather' }] }, 'perpetrators.0.kind'],
      ['someone else\'s compartment', '/api/v1/events', { ...event, compartment: 'Americas' }, 'compartment'],
      ['a day in the future', '/api/v1/reports', { compartment: 'East Asia', receivedOn: '2999-01-01', channel: 'phone', summary: 's' }, 'receivedOn'],
      ['a channel', '/api/v1/reports', { compartment: 'East Asia', receivedOn: '2002-03-01', channel: 'carrier pigeon', summary: 's' }, 'channel'],
      ['a source of another compartment', '/api/v1/reports', { compartment: 'East Asia', receivedOn: '2002-03-01', channel: 'phone', summary: 's', source: 'S-0000' }, 'source'],
      ['a grade', '/api/v1/sources', { compartment: 'East Asia', kind: 'witness', reliability: 'Z' }, 'reliability'],
      ['a kind of source', '/api/v1/sources', { compartment: 'East Asia', kind: 'alien' }, 'kind'],
      ['a birth year', '/api/v1/people', { compartment: 'East Asia', birthYear: 1066 }, 'birthYear'],
    ];
    for (const [label, url, body, field] of cases) {
      const problem = await expectCall<Problem>(400, writer, 'POST', url, body);
      expect(problem.field, label).toBe(field);
      expect(problem.message, label).toMatch(/\w{3}/);
    }
    const inexact = await expectCall<Problem>(400, writer, 'POST', '/api/v1/events', { ...event, place: 'Longji', country: 'CN' });
    expect(inexact.field).toBe('place');
    expect(inexact.candidates?.map((c) => c.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^city:\d+$/)]));
    expect((await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events')).total).toBe(before);
  });
});

describe('compartments', () => {
  it('answer a record in another compartment exactly as one that does not exist', async () => {
    const event = await expectCall<EventView>(201, writer, 'POST', '/api/v1/events', { compartment: 'East Asia', title: 'Hidden', acts: ['mass arrest'] });
    const person = await expectCall<PersonView>(201, writer, 'POST', '/api/v1/people', { compartment: 'East Asia' });
    const hiddenAndMissing: Array<[string, string, InjectOptions['method'], string, unknown?]> = [
      [report.reference, 'R-00000000', 'GET', '/api/v1/reports/{}'],
      [report.reference, 'R-00000000', 'PUT', '/api/v1/reports/{}', { version: 1, summary: 'not even a valid body' }],
      [report.reference, 'R-00000000', 'DELETE', '/api/v1/reports/{}'],
      [event.reference, 'E-00000000', 'GET', '/api/v1/events/{}'],
      [event.reference, 'E-00000000', 'PUT', '/api/v1/events/{}', { version: 1 }],
      [event.reference, 'E-00000000', 'POST', '/api/v1/events/{}/links', { report: report.reference, stance: 'supports' }],
      [event.reference, 'E-00000000', 'DELETE', `/api/v1/events/{}/links/${report.reference}`],
      [person.pseudonym, 'P-00000000', 'GET', '/api/v1/people/{}'],
      [person.pseudonym, 'P-00000000', 'POST', '/api/v1/people/{}/statuses', { status: 'detained', date: 'March 2002' }],
      [source.pseudonym, 'S-00000000', 'GET', '/api/v1/sources/{}'],
      [source.pseudonym, 'S-00000000', 'PUT', '/api/v1/sources/{}', { version: 1, kind: 'media' }],
      [source.pseudonym, 'S-00000000', 'DELETE', '/api/v1/sources/{}'],
    ];
    for (const [hidden, missing, method, template, body] of hiddenAndMissing) {
      const seen = await call(outsider, method, template.replace('{}', hidden), body);
      const absent = await call(outsider, method, template.replace('{}', missing), body);
      const label = `${String(method)} ${template}`;
      expect(seen.statusCode, label).toBe(404);
      expect({ status: seen.statusCode, type: seen.headers['content-type'], body: seen.body.replaceAll(hidden, 'X') }, label)
        .toEqual({ status: absent.statusCode, type: absent.headers['content-type'], body: absent.body.replaceAll(missing, 'X') });
    }
    // Nothing the outsider did changed the records.
    expect((await expectCall<EventView>(200, reader, 'GET', `/api/v1/events/${event.reference}`)).version).toBe(1);
    expect((await expectCall<List<EventView>>(200, outsider, 'GET', '/api/v1/events')).total).toBe(0);
    expect((await expectCall<List<ReportView>>(200, outsider, 'GET', '/api/v1/reports')).total).toBe(0);
  });
});

describe('who may call', () => {
  it('refuses writing to a token without the scope, reading to one without records.read, and everything to no token', async () => {
    const body = { compartment: 'East Asia', title: 'Refused', acts: ['mass arrest'] };
    const refused = await expectCall<Problem>(403, reader, 'POST', '/api/v1/events', body);
    expect(refused.error).toBe('forbidden');
    // Refused before the input is read: a bad body changes nothing in the answer.
    expect(await expectCall<Problem>(403, reader, 'POST', '/api/v1/events', { nonsense: true })).toEqual(refused);
    await expectCall(403, reader, 'PUT', `/api/v1/reports/${report.reference}`, { version: 2 });
    await expectCall(403, reader, 'DELETE', `/api/v1/reports/${report.reference}`);
    await expectCall(403, reader, 'POST', '/api/v1/sources', { compartment: 'East Asia', kind: 'media' });
    await expectCall(403, sourcesOnly, 'GET', '/api/v1/reports');
    await expectCall(403, sourcesOnly, 'GET', '/api/v1/places?q=Longjing');
    await expectCall(200, sourcesOnly, 'GET', '/api/v1/sources');
    expect((await expectCall<Problem>(401, null, 'POST', '/api/v1/reports', { nonsense: true })).error).toBe('unauthenticated');
    await expectCall(401, null, 'GET', '/api/v1/events');
    await expectCall(401, 'vgl_not-a-token', 'GET', '/api/v1/people');
    expect((await expectCall<List<EventView>>(200, reader, 'GET', '/api/v1/events?q=Refused')).total).toBe(0);
  });

  it('asks a signed-in browser for the CSRF token on a change, and takes it from a header', async () => {
    const browser = await signedIn(web, { email: 'cookie@example.org', role: 'researcher', compartments: ['East Asia'] });
    await browser.get('/account');
    const body = JSON.stringify({ compartment: 'East Asia', kind: 'media' });
    const without = await browser.request({ method: 'POST', url: '/api/v1/sources', payload: body, headers: { 'content-type': 'application/json' } });
    expect(without.statusCode).toBe(403);
    expect(without.json<Problem>().error).toBe('csrf');
    const withToken = await browser.request({ method: 'POST', url: '/api/v1/sources', payload: body, headers: { 'content-type': 'application/json', 'x-csrf-token': browser.csrf } });
    expect(withToken.statusCode, withToken.body).toBe(201);
    // A bearer token needs none.
    await expectCall(201, writer, 'POST', '/api/v1/sources', { compartment: 'East Asia', kind: 'media' });
  });
});

describe('the OpenAPI document', () => {
  it('describes every new path and operation, with bearer security, and is valid', async () => {
    const response = await web.get('/api/v1/openapi.json');
    const spec = response.json<{ paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>> }>();
    const operations: Record<string, string[]> = {
      '/api/v1/reports': ['get', 'post'], '/api/v1/reports/{reference}': ['delete', 'get', 'put'],
      '/api/v1/events': ['get', 'post'], '/api/v1/events/{reference}': ['delete', 'get', 'put'],
      '/api/v1/events/{reference}/links': ['post'], '/api/v1/events/{reference}/links/{report}': ['delete'],
      '/api/v1/people': ['get', 'post'], '/api/v1/people/{pseudonym}': ['delete', 'get', 'put'],
      '/api/v1/people/{pseudonym}/statuses': ['post'], '/api/v1/people/{pseudonym}/statuses/{id}': ['delete'],
      '/api/v1/sources': ['get', 'post'], '/api/v1/sources/{pseudonym}': ['delete', 'get', 'put'],
      '/api/v1/places': ['get'],
    };
    for (const [path, methods] of Object.entries(operations)) {
      expect(Object.keys(spec.paths[path] ?? {}).sort(), path).toEqual(methods);
      for (const method of methods) {
        const operation = spec.paths[path]![method]!;
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
        if (method === 'post' || method === 'put') expect(operation.requestBody, `${method} ${path}`).toBeDefined();
      }
    }
    expect(Object.keys(spec.paths['/api/v1/reports/{reference}']!.put!.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409']);
    await expect(SwaggerParser.validate(structuredClone(spec) as unknown as OpenAPI.Document)).resolves.toBeDefined();
  });
});

describe('sealed values', () => {
  it('appear in no answer this file received', () => {
    expect(answers.length).toBeGreaterThan(80);
    const leaks = answers.flatMap(({ label, body, headers }) =>
      Object.entries(SECRETS).filter(([, secret]) => body.includes(secret) || headers.includes(secret)).map(([name]) => `${name} in ${label}`));
    expect(leaks).toEqual([]);
  });
});
