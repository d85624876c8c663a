/**
 * The workspace pages for sources, reports and events as a researcher uses
 * them, through the forms and with JavaScript off: the model case of March
 * 2002 recorded from its reports, corroborated source by source, and the
 * same pages seen by a viewer and by a researcher of another compartment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/session.ts';
import type { WebApp } from '../helpers/web.ts';
import { actorOf, openWorkspacePages, redirectedTo, seen } from '../helpers/workspace-pages.ts';

let web: WebApp;
let researcher: Browser;
let viewer: Browser;
let outsider: Browser;

async function recordSource(form: Record<string, string>): Promise<string> {
  await researcher.get('/workspace/sources/new');
  return redirectedTo(await researcher.post('/workspace/sources', { compartment: 'East Asia', kind: 'media', ...form }), 'sources');
}

async function recordReport(form: Record<string, string>): Promise<string> {
  await researcher.get('/workspace/reports/new');
  return redirectedTo(await researcher.post('/workspace/reports', { compartment: 'East Asia', receivedOn: '2002-03-27', channel: 'news', summary: 'A round-up of North Korean refugees is reported.', ...form }), 'reports');
}

/** Posts the event form; when the place name is unclear, picks the candidate `choose` finds, as a person would. */
async function recordEvent(form: Record<string, string | string[]>, choose?: RegExp): Promise<string> {
  await researcher.get('/workspace/events/new');
  let response = await researcher.post('/workspace/events', { compartment: 'East Asia', ...form });
  if (response.statusCode === 400 && choose) {
    const options = [...response.body.matchAll(/name="placeId" value="([^"]+)"[^>]*> <label[^>]*>([^<]+)</g)].map((m) => ({ id: m[1]!, label: m[2]! }));
    const picked = options.find((option) => choose.test(option.label));
    expect(picked, `no candidate matches ${choose} among ${JSON.stringify(options)}`).toBeDefined();
    response = await researcher.post('/workspace/events', { compartment: 'East Asia', ...form, placeId: picked!.id });
  }
  return redirectedTo(response, 'events');
}

beforeAll(async () => {
  ({ web, researcher, viewer, outsider } = await openWorkspacePages());
}, 180_000);
afterAll(() => web.close());

describe('sources with grades and independence groups', () => {
  it('records consent, a reliability grade with who graded it, and a group, and filters the list by grade', async () => {
    const pseudonym = await recordSource({ consent: 'may-be-named', reliability: 'B', independenceGroup: 'Wire story 12 March' });
    const page = seen(await researcher.get(`/workspace/sources/${pseudonym}`));
    expect(page).toContain('May be named');
    expect(page).toMatch(/B — Usually reliable, graded by rita@example\.org on \d{4}-\d{2}-\d{2}/);
    expect(page).toContain('Wire story 12 March');
    expect(seen(await researcher.get('/workspace/sources?reliability=B'))).toContain(pseudonym);
    expect(seen(await researcher.get('/workspace/sources?reliability=A'))).not.toContain(pseudonym);
    // The edit form keeps the grade when the grade is not changed, and "Not graded" clears it.
    const edit = await researcher.get(`/workspace/sources/${pseudonym}/edit`);
    expect(edit.body).toMatch(/<option value="B" selected>/);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    redirectedTo(await researcher.post(`/workspace/sources/${pseudonym}`, { version, kind: 'media', consent: 'may-be-named', reliability: '', independenceGroup: 'Wire story 12 March', identity: '', contact: '' }), 'sources');
    expect(seen(await researcher.get(`/workspace/sources/${pseudonym}`))).toContain('Not graded');
  });
});

describe('the model case: an event, its reports and how many independent sources support it', () => {
  let event: string;
  const reports: string[] = [];

  it('records an event from words as reported, choosing the place when the name is unclear', async () => {
    event = await recordEvent({
      title: '25 asylum seekers enter the Spanish embassy in Beijing',
      acts: ['displacement.asylum-denied', 'humanitarian.access-denied'],
      date: 'earlier this month', dateReference: '2002-03-27',
      place: 'Beijing', placeDetail: 'the Spanish embassy',
      'victimGroup.0': 'North Korean asylum seekers', 'victimCount.0': '25',
      'perpetratorKind.0': 'state body', 'perpetratorName.0': 'Ministry of Public Security', 'perpetratorInvolvement.0': 'ordered',
      status: 'alleged',
    }, /capital city|city/);
    const page = await researcher.get(`/workspace/events/${event}`);
    const text = seen(page);
    expect(text).toContain('a day between 1 and 26 March 2002');
    expect(text).toContain('reported as "earlier this month"');
    expect(text).toContain('Beijing');
    expect(text).toContain('the Spanish embassy');
    expect(text).toMatch(/39\.\d{4}, 116\.\d{4}/);
    expect(text).toContain('Open Database License');
    expect(text).toContain('Denial of access to asylum');
    expect(text).toContain('North Korean asylum seekers 25');
    expect(text).toContain('Ministry of Public Security state body ordered');
    expect(text).toContain('No supporting reports');
  });

  it('counts a second report from the same origin once, and one from another origin as a second source', async () => {
    const wire = await recordSource({ reliability: 'B', independenceGroup: 'Wire story' });
    const reprint = await recordSource({ reliability: 'C', independenceGroup: 'Wire story' });
    const witness = await recordSource({ kind: 'witness', reliability: 'A' });
    for (const source of [wire, reprint, witness]) reports.push(await recordReport({ source, credibility: '2' }));

    const link = async (report: string) => {
      await researcher.get(`/workspace/events/${event}`);
      const response = await researcher.post(`/workspace/events/${event}/links`, { report: report.toLowerCase(), stance: 'supports' });
      expect(response.statusCode, response.body.slice(0, 1000)).toBe(303);
      return seen(await researcher.get(`/workspace/events/${event}`));
    };
    expect(await link(reports[0]!)).toContain('1 independent source (best B / 2)');
    const sameOrigin = await link(reports[1]!);
    expect(sameOrigin).toContain('1 independent source in 2 reports');
    expect(sameOrigin).toContain(`Independence group "Wire story": ${[wire, reprint].sort().join(', ')}`);
    const another = await link(reports[2]!);
    expect(another).toContain('2 independent sources in 3 reports (best A / 2)');
    expect(another).toContain('the linked reports suggest: Corroborated');

    const unlink = await researcher.post(`/workspace/events/${event}/links/${reports[2]!}/delete`);
    expect(unlink.statusCode).toBe(303);
    const after = seen(await researcher.get(`/workspace/events/${event}`));
    expect(after).toContain('1 independent source in 2 reports');
    expect(after).not.toContain('suggest');

    const report = seen(await researcher.get(`/workspace/reports/${reports[0]!}`));
    expect(report).toContain(`${event} 25 asylum seekers enter the Spanish embassy in Beijing — supports`);
  });

  it('shows a refused link on the event page with the reason', async () => {
    await researcher.get(`/workspace/events/${event}`);
    const missing = await researcher.post(`/workspace/events/${event}/links`, { report: 'R-0000', stance: 'supports' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/id="f-report-error"[^>]*>No report R-0000 in your compartments/);
    expect(missing.body).toContain('value="R-0000"');
    const unlinked = await researcher.post(`/workspace/events/${event}/links/${reports[2]!}/delete`);
    expect(unlinked.statusCode).toBe(400);
    expect(seen(unlinked)).toContain(`${reports[2]!} is not linked to ${event}`);
  });

  it('keeps the date as reported and the chosen place through an edit that does not touch them', async () => {
    const edit = await researcher.get(`/workspace/events/${event}/edit`);
    expect(edit.statusCode).toBe(200);
    const value = (name: string) => new RegExp(`name="${name.replace('.', '\\.')}" (?:type="[a-z]+" )?value="([^"]*)"`).exec(edit.body)?.[1] ?? '';
    const field = (name: string) => new RegExp(`id="f-${name.replace('.', '\\.')}" name="${name.replace('.', '\\.')}" type="text" value="([^"]*)"`).exec(edit.body)?.[1] ?? '';
    expect(field('date')).toBe('a day between 1 and 26 March 2002');
    expect(edit.body).toMatch(/name="placeId" value="city:\d+" checked/);
    const placeId = /name="placeId" value="(city:\d+)" checked/.exec(edit.body)![1]!;
    const saved = await researcher.post(`/workspace/events/${event}`, {
      version: value('version'), dateShown: value('dateShown'), title: '25 North Koreans enter the Spanish embassy in Beijing',
      acts: ['displacement.asylum-denied', 'humanitarian.access-denied'], date: field('date'), dateReference: '',
      place: 'Beijing', placeId, placeDetail: 'the Spanish embassy', 'victimGroup.0': 'North Korean asylum seekers', 'victimCount.0': field('victimCount.0'),
      'perpetratorKind.0': 'state body', 'perpetratorName.0': 'Ministry of Public Security', 'perpetratorInvolvement.0': 'ordered', status: 'alleged',
    });
    redirectedTo(saved, 'events');
    const text = seen(await researcher.get(`/workspace/events/${event}`));
    expect(text).toContain('25 North Koreans enter');
    expect(text).toContain('reported as "earlier this month"');
    expect(text).toMatch(/Beijing, (Beijing, )?China — the Spanish embassy/);

    // The same edit made on the copy from before the save is refused, and what was typed comes back.
    const stale = await researcher.post(`/workspace/events/${event}`, {
      version: value('version'), dateShown: value('dateShown'), title: 'A title typed on a stale copy', acts: ['displacement.asylum-denied'], date: field('date'), status: 'alleged',
    });
    expect(stale.statusCode).toBe(409);
    expect(seen(stale)).toContain('changed by someone else');
    expect(stale.body).toContain('value="A title typed on a stale copy"');
    expect(stale.body).toMatch(new RegExp(`name="version" value="${Number(value('version')) + 1}"`));
  });

  it('filters the list by act group, status, country and dates', async () => {
    const list = async (query: string) => seen(await researcher.get(`/workspace/events?${query}`));
    expect(await list('act=displacement')).toContain(event);
    expect(await list('act=displacement.asylum-denied')).toContain(event);
    expect(await list('act=liberty')).not.toContain(event);
    expect(await list('status=alleged&country=cn')).toContain(event);
    expect(await list('country=KP')).not.toContain(event);
    expect(await list('from=2002-03-20&to=2002-03-31')).toContain(event);
    expect(await list('from=2002-04-01')).not.toContain(event);
    expect(await list('q=embassy')).toContain('1 event in your compartments match');
    expect((await researcher.get('/workspace/events?from=March')).statusCode).toBe(400);
  });
});

describe('forms that cannot be saved', () => {
  it('come back with status 400, the field named and everything typed kept', async () => {
    await researcher.get('/workspace/events/new');
    const event = await researcher.post('/workspace/events', {
      compartment: 'East Asia', title: 'A title worth keeping', acts: ['liberty.mass-arrest'], date: 'sometime soonish',
      place: 'Atlantis-that-is-not', 'victimCount.0': '25', 'victimGroup.1': 'fishermen', 'victimCount.1': 'a great many of them indeed',
    });
    expect(event.statusCode).toBe(400);
    expect(event.body).toMatch(/id="f-date-error"[^>]*>Cannot read &quot;sometime soonish&quot; as a date/);
    expect(event.body).toMatch(/id="f-place-error"[^>]*>No place called &quot;Atlantis-that-is-not&quot;/);
    expect(event.body).toMatch(/id="f-victimGroup\.0-error"[^>]*>Say who the count is of/);
    expect(event.body).toContain('<a href="#f-date">');
    expect(event.body).toContain('value="A title worth keeping"');
    expect(event.body).toContain('value="sometime soonish"');
    expect(event.body).toContain('value="fishermen"');
    expect(event.body).toMatch(/value="liberty\.mass-arrest" checked/);

    // The service names the second filled row of people affected; the form marks the row it was typed in.
    const person = await researcher.post('/workspace/events', { compartment: 'East Asia', title: 'T', acts: ['liberty.mass-arrest'], 'victimGroup.0': 'farmers', 'victimPerson.2': 'P-0000' });
    expect(person.statusCode).toBe(400);
    expect(person.body).toMatch(/id="f-victimPerson\.2-error"[^>]*>No person P-0000 in this event/);

    const country = await researcher.post('/workspace/events', { compartment: 'East Asia', title: 'T', acts: ['liberty.mass-arrest'], place: 'Beijing', country: 'ZZ' });
    expect(country.statusCode).toBe(400);
    expect(country.body).toMatch(/id="f-country-error"[^>]*>country must be an ISO 3166-1 alpha-2 code/);

    const noActs = await researcher.post('/workspace/events', { compartment: 'East Asia', title: 'No acts' });
    expect(noActs.statusCode).toBe(400);
    expect(noActs.body).toMatch(/id="f-acts-error"[^>]*>Choose at least one act type/);

    await researcher.get('/workspace/reports/new');
    const report = await researcher.post('/workspace/reports', { compartment: 'East Asia', receivedOn: '2999-01-01', channel: 'news', summary: 'A summary worth keeping', credibility: '2' });
    expect(report.statusCode).toBe(400);
    expect(report.body).toMatch(/id="f-receivedOn-error"[^>]*>Received on cannot be in the future/);
    expect(report.body).toContain('A summary worth keeping</textarea>');
    expect(report.body).toMatch(/<option value="2" selected>/);
    expect((await researcher.get('/workspace/reports?q=worth%20keeping')).body).toContain('0 reports in your compartments match');
  });

  it('refuse an edit made on a stale copy with 409, keeping what was typed', async () => {
    const reference = await recordReport({});
    const edit = await researcher.get(`/workspace/reports/${reference}/edit`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    const form = { version, receivedOn: '2002-03-27', channel: 'news', credibility: '', source: '', language: 'en', fullText: '' };
    redirectedTo(await researcher.post(`/workspace/reports/${reference}`, { ...form, summary: 'Saved first' }), 'reports');
    const stale = await researcher.post(`/workspace/reports/${reference}`, { ...form, summary: 'Typed on the old copy' });
    expect(stale.statusCode).toBe(409);
    expect(seen(stale)).toContain(`${reference} was changed by someone else`);
    expect(stale.body).toContain('Typed on the old copy</textarea>');
    expect(stale.body).toContain(`name="version" value="${Number(version) + 1}"`);
    expect(seen(await researcher.get(`/workspace/reports/${reference}`))).toContain('Saved first');
  });
});

describe('reports', () => {
  it('filter by source, channel and dates, and page through a long list', async () => {
    const source = await recordSource({ kind: 'partner organisation' });
    const reference = await recordReport({ source, channel: 'partner report', receivedOn: '2002-01-15' });
    const list = async (query: string) => seen(await researcher.get(`/workspace/reports?${query}`));
    expect(await list(`source=${source}`)).toContain(reference);
    expect(await list('channel=partner+report&from=2002-01-01&to=2002-01-31')).toContain(reference);
    expect(await list('channel=email')).not.toContain(reference);
    const actor = await actorOf(web, researcher);
    for (let i = 0; i < 51; i++) await web.vigil.reports.create(actor, { compartment: 'East Asia', receivedOn: '2001-06-01', channel: 'email', summary: `Filler ${i}` });
    const first = await researcher.get('/workspace/reports?channel=email');
    expect(seen(first)).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/workspace/reports?channel=email&amp;page=2"');
    expect(seen(await researcher.get('/workspace/reports?channel=email&page=2'))).toContain('Page 2 of 2');
  });

  it('seal the full text on request and always for a source never to be identified; opening it is audited', async () => {
    const secret = 'SEALED-TEXT-4f1c9a';
    const asked = await recordReport({ fullText: `${secret} asked`, sealFullText: 'yes' });
    const hidden = await recordSource({ kind: 'witness', consent: 'never-identify' });
    const forced = await recordReport({ source: hidden, fullText: `${secret} forced` });
    for (const reference of [asked, forced]) {
      const page = await researcher.get(`/workspace/reports/${reference}`);
      expect(page.body).not.toContain(secret);
      expect(seen(page)).toContain('Show full text');
      const edit = await researcher.get(`/workspace/reports/${reference}/edit`);
      expect(edit.body).not.toContain(secret);
      expect(seen(edit)).toContain('Leave this empty to keep it');
      expect(seen(await viewer.get(`/workspace/reports/${reference}`))).toContain('Your role does not open it');
    }
    expect((await researcher.get('/workspace/reports')).body).not.toContain(secret);
    // Nor on the page of an event it supports, where reports are listed by their summaries.
    const actor = await actorOf(web, researcher);
    const event = await web.vigil.events.create(actor, { compartment: 'East Asia', title: 'Supported by sealed reports', acts: ['liberty.mass-arrest'] });
    await web.vigil.events.link(actor, event.reference, asked, 'supports');
    const eventPage = await researcher.get(`/workspace/events/${event.reference.toLowerCase()}`);
    expect(eventPage.statusCode).toBe(200);
    expect(eventPage.body).toContain(asked);
    expect(eventPage.body).not.toContain(secret);
    expect((await researcher.get(`/workspace/reports?q=${secret}`)).body).toContain('0 reports');
    expect((await viewer.post(`/workspace/reports/${asked}/reveal`)).statusCode).toBe(403);

    const before = (await web.vigil.audit.list({ action: 'report.reveal' })).length;
    const revealed = await researcher.post(`/workspace/reports/${asked}/reveal`);
    expect(revealed.statusCode).toBe(200);
    expect(seen(revealed)).toContain(`${secret} asked`);
    expect(seen(revealed)).toContain('written to the audit chain');
    const entries = await web.vigil.audit.list({ action: 'report.reveal' });
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ actor: 'rita@example.org', subjectId: asked });

    // An edit that leaves the sealed text empty keeps it.
    const edit = await researcher.get(`/workspace/reports/${asked}/edit`);
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    redirectedTo(await researcher.post(`/workspace/reports/${asked}`, { version, receivedOn: '2002-03-27', channel: 'news', summary: 'Edited summary', fullText: '', sealFullText: 'yes' }), 'reports');
    expect(seen(await researcher.post(`/workspace/reports/${asked}/reveal`))).toContain(`${secret} asked`);
  });
});

describe('who sees what', () => {
  it('shows a viewer every page without a way to change anything, and refuses their changes', async () => {
    const report = await recordReport({});
    const event = await recordEvent({ title: 'Border guards return a family', acts: ['displacement.refoulement'] });
    await researcher.post(`/workspace/events/${event}/links`, { report, stance: 'contradicts' });
    const pages = ['/workspace/reports', `/workspace/reports/${report}`, '/workspace/events', `/workspace/events/${event}`, '/workspace/people', '/workspace/places?q=Yanji'];
    for (const path of pages) {
      const page = await viewer.get(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).not.toMatch(/\/edit"|\/delete"|Record a |Link report|Unlink/);
      expect(page.body, path).toContain('href="/workspace/events">Events</a>');
    }
    expect(seen(await viewer.get(`/workspace/events/${event}`))).toContain(`contradicted by ${report}`);
    expect((await viewer.get('/workspace/reports/new')).statusCode).toBe(403);
    expect((await viewer.get(`/workspace/events/${event}/edit`)).statusCode).toBe(403);
    expect((await viewer.post(`/workspace/events/${event}/delete`)).statusCode).toBe(403);
    expect((await viewer.post(`/workspace/events/${event}/links`, { report, stance: 'supports' })).statusCode).toBe(403);
    expect((await viewer.post('/workspace/reports', { compartment: 'East Asia', receivedOn: '2002-03-27', channel: 'news', summary: 'x' })).statusCode).toBe(403);
    expect((await researcher.get(`/workspace/events/${event}`)).statusCode).toBe(200);
  });

  it('answers a researcher of another compartment exactly as for a record that does not exist, and leaves it out of their lists', async () => {
    const report = await recordReport({ summary: 'Only for East Asia' });
    const event = await recordEvent({ title: 'Only for East Asia', acts: ['liberty.mass-arrest'] });
    for (const [path, reference, missing] of [['reports', report, 'R-0000'], ['events', event, 'E-0000']] as const) {
      const hidden = await outsider.get(`/workspace/${path}/${reference}`);
      const absent = await outsider.get(`/workspace/${path}/${missing}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body.replace(reference, 'X')).toBe(absent.body.replace(missing, 'X'));
      expect((await outsider.get(`/workspace/${path}/${reference}/edit`)).statusCode).toBe(404);
      expect((await outsider.post(`/workspace/${path}/${reference}/delete`)).statusCode).toBe(404);
      const list = await outsider.get(`/workspace/${path}`);
      expect(list.body).not.toContain(reference);
      expect(seen(list)).toMatch(new RegExp(`^${path[0]!.toUpperCase()}${path.slice(1)} 0 ${path} in your compartments`));
    }
    // Linking across compartments is refused like a report that does not exist.
    const americas = await actorOf(web, outsider);
    const theirs = await web.vigil.events.create(americas, { compartment: 'Americas', title: 'Elsewhere', acts: ['liberty.mass-arrest'] });
    await outsider.get(`/workspace/events/${theirs.reference}`);
    const across = await outsider.post(`/workspace/events/${theirs.reference}/links`, { report, stance: 'supports' });
    expect(across.statusCode).toBe(400);
    expect(seen(across)).toContain(`No report ${report} in your compartments`);
    expect((await researcher.get(`/workspace/events/${event}`)).statusCode).toBe(200);
  });

  it('refuses a malformed reference in the address as a bad parameter', async () => {
    const response = await researcher.get('/workspace/reports/E-1234');
    expect(response.statusCode).toBe(400);
    expect(seen(response)).toContain('reference');
  });
});
