/**
 * The workspace pages for people at risk and their cases, and the gazetteer
 * search: a person followed from detention to forcible return, their sealed
 * name kept out of every page until it is opened (and the opening audited),
 * and hidden from another compartment exactly as a missing person is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from '../helpers/session.ts';
import type { WebApp } from '../helpers/web.ts';
import { actorOf, openWorkspacePages, redirectedTo, seen } from '../helpers/workspace-pages.ts';

let web: WebApp;
let researcher: Browser;
let viewer: Browser;
let outsider: Browser;

const NAME = 'NAME-CANARY-7d02e1';
const CONTACT = 'CONTACT-CANARY-93ab44';

async function recordPerson(form: Record<string, string> = {}): Promise<string> {
  await researcher.get('/workspace/people/new');
  return redirectedTo(await researcher.post('/workspace/people', { compartment: 'East Asia', sex: 'female', birthYear: '1978', birthYearApproximate: 'yes', nationality: 'kp', notes: 'Crossed the Tumen river.', ...form }), 'people');
}

beforeAll(async () => {
  ({ web, researcher, viewer, outsider } = await openWorkspacePages());
}, 180_000);
afterAll(() => web.close());

describe('a person and their case', () => {
  let person: string;
  let report: string;

  it('records a person with a sealed name that no page shows until it is opened, and audits the opening', async () => {
    person = await recordPerson({ name: NAME, contact: CONTACT });
    const pages = [`/workspace/people/${person}`, '/workspace/people', `/workspace/people/${person}/edit`];
    for (const path of pages) {
      for (const browser of [researcher, viewer]) {
        const page = await browser.get(path);
        if (browser === viewer && path.endsWith('/edit')) {
          expect(page.statusCode).toBe(403);
          continue;
        }
        expect(page.statusCode, path).toBe(200);
        expect(page.body, path).not.toContain(NAME);
        expect(page.body, path).not.toContain(CONTACT);
      }
    }
    const page = seen(await researcher.get(`/workspace/people/${person}`));
    expect(page).toContain('about 1978');
    expect(page).toContain('North Korea (KP)');
    expect(page).toContain('Show name and contact');
    expect(seen(await viewer.get(`/workspace/people/${person}`))).toContain('Your role does not open them');
    expect((await viewer.post(`/workspace/people/${person}/reveal`)).statusCode).toBe(403);

    const revealed = await researcher.post(`/workspace/people/${person}/reveal`);
    expect(revealed.statusCode).toBe(200);
    expect(seen(revealed)).toContain(NAME);
    expect(seen(revealed)).toContain(CONTACT);
    const entries = await web.vigil.audit.list({ action: 'person.reveal' });
    expect(entries.map((entry) => [entry.actor, entry.subjectId])).toEqual([['rita@example.org', person]]);
    expect(JSON.stringify(await web.vigil.audit.list({}))).not.toContain(NAME);
  });

  it('keeps the sealed name when the edit form leaves it empty, and says so', async () => {
    const edit = await researcher.get(`/workspace/people/${person}/edit`);
    expect(seen(edit)).toContain('Leave empty to keep the name stored');
    const version = /name="version" value="(\d+)"/.exec(edit.body)![1]!;
    redirectedTo(await researcher.post(`/workspace/people/${person}`, { version, name: '', contact: '', sex: 'female', birthYear: '1979', nationality: 'KP', notes: '' }), 'people');
    expect(seen(await researcher.get(`/workspace/people/${person}`))).toContain('1979');
    expect(seen(await researcher.post(`/workspace/people/${person}/reveal`))).toContain(NAME);
    const stale = await researcher.post(`/workspace/people/${person}`, { version, name: '', contact: '', birthYear: '1980', nationality: 'KP' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="1980"');
    const bad = await researcher.post(`/workspace/people/${person}`, { version: String(Number(version) + 1), birthYear: '1850', nationality: 'KP' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/id="f-birthYear-error"[^>]*>Birth year must be a year between 1880/);
    expect(bad.body).toContain('value="1850"');
  });

  it('adds dated statuses backed by reports, shows them oldest first with how long the latest has lasted, and removes one', async () => {
    const actor = await actorOf(web, researcher);
    report = (await web.vigil.reports.create(actor, { compartment: 'East Asia', receivedOn: '2002-04-20', channel: 'partner report', summary: 'Returned across the border.' })).reference;
    await researcher.get(`/workspace/people/${person}`);
    const later = await researcher.post(`/workspace/people/${person}/statuses`, { status: 'forcibly-returned', date: 'April 2002', reports: `${report.toLowerCase()}` });
    expect(later.statusCode, later.body.slice(0, 1500)).toBe(303);
    const earlier = await researcher.post(`/workspace/people/${person}/statuses`, {
      status: 'detained', date: 'earlier this month', dateReference: '2002-03-27', place: 'Yanji', country: 'CN', heldBy: 'Public Security Bureau', note: 'Held at the border post.',
    });
    expect(earlier.statusCode, earlier.body.slice(0, 1500)).toBe(303);
    const page = seen(await researcher.get(`/workspace/people/${person}`));
    expect(page.indexOf('Detained a day between 1 and 26 March 2002')).toBeGreaterThan(-1);
    expect(page.indexOf('Detained')).toBeLessThan(page.indexOf('Forcibly returned April 2002'));
    expect(page).toContain('reported as "earlier this month"');
    expect(page).toContain('Yanji, Jilin, China');
    expect(page).toContain('Public Security Bureau');
    expect(page).toMatch(/Now forcibly returned for (about )?\d[\d–]* (days|years)/);
    expect(page).toContain(report);
    expect(seen(await researcher.get('/workspace/people'))).toMatch(new RegExp(`${person} forcibly returned for`));

    const form = await researcher.get(`/workspace/people/${person}`);
    const removeId = /statuses\/(\d+)\/delete"/.exec(form.body)![1]!;
    expect((await researcher.post(`/workspace/people/${person}/statuses/${removeId}/delete`)).statusCode).toBe(303);
    expect(seen(await researcher.get(`/workspace/people/${person}`))).not.toContain('Detained a day between');
    expect((await researcher.post(`/workspace/people/${person}/statuses/${removeId}/delete`)).statusCode).toBe(404);
  });

  it('re-shows the status form with what was typed, the fields named, and places to choose among', async () => {
    await researcher.get(`/workspace/people/${person}`);
    const refused = await researcher.post(`/workspace/people/${person}/statuses`, { status: 'detained', date: '', place: 'Jilin', heldBy: 'Border guards', reports: 'R-0000' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="f-date-error"[^>]*>Say when this happened/);
    expect(refused.body).toContain('value="Border guards"');
    const candidates = [...refused.body.matchAll(/name="placeId" value="([^"]+)"/g)].map((m) => m[1]);
    expect(candidates).toEqual(expect.arrayContaining([expect.stringMatching(/^division:/), expect.stringMatching(/^city:/)]));
    const division = candidates.find((id) => id?.startsWith('division:'))!;
    const again = await researcher.post(`/workspace/people/${person}/statuses`, { status: 'detained', date: 'May 2002', place: 'Jilin', placeId: division, heldBy: 'Border guards', reports: 'R-0000' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toMatch(/id="f-reports-error"[^>]*>No report R-0000 in this person/);
    // The place chosen is kept, checked, while another field is put right.
    expect(again.body).toContain(`name="placeId" value="${division}" checked`);
    expect((await researcher.post(`/workspace/people/${person}/statuses`, { status: 'detained', date: 'May 2002', place: 'Jilin', placeId: division, reports: report })).statusCode).toBe(303);
    expect(seen(await researcher.get(`/workspace/people/${person}`))).toContain('Jilin (吉林省), China');
  });

  it('lists the events that name the person', async () => {
    await researcher.get('/workspace/events/new');
    const created = await researcher.post('/workspace/events', { compartment: 'East Asia', title: 'Forcible return at Tumen', acts: ['displacement.refoulement'], 'victimPerson.0': person.toLowerCase(), 'victimCount.0': '1' });
    const event = redirectedTo(created, 'events');
    expect(seen(await researcher.get(`/workspace/people/${person}`))).toContain(`${event} Forcible return at Tumen`);
    expect(seen(await researcher.get(`/workspace/events/${event}`))).toContain(`${person} 1`);
  });

  it('hides a person from another compartment exactly as one that does not exist', async () => {
    const hidden = await outsider.get(`/workspace/people/${person}`);
    const missing = await outsider.get('/workspace/people/P-0000');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body.replace(person, 'X')).toBe(missing.body.replace('P-0000', 'X'));
    for (const path of ['', '/reveal', '/delete', '/statuses']) expect((await outsider.post(`/workspace/people/${person}${path}`, {})).statusCode, path).toBe(404);
    expect((await outsider.get(`/workspace/people/${person}/edit`)).statusCode).toBe(404);
    const list = await outsider.get('/workspace/people');
    expect(list.body).not.toContain(person);
    expect(seen(list)).toContain('0 people in your compartments');
    expect(await web.vigil.audit.list({ action: 'person.reveal', actor: 'oscar@example.org' })).toEqual([]);
  });

  it('deletes a person', async () => {
    const gone = await recordPerson();
    expect((await viewer.post(`/workspace/people/${gone}/delete`)).statusCode).toBe(403);
    await researcher.get(`/workspace/people/${gone}`);
    expect((await researcher.post(`/workspace/people/${gone}/delete`)).headers.location).toBe('/workspace/people');
    expect((await researcher.get(`/workspace/people/${gone}`)).statusCode).toBe(404);
  });
});

describe('the gazetteer search', () => {
  it('finds places by name, narrowed by country, and shows the data\'s attribution', async () => {
    const empty = await viewer.get('/workspace/places');
    expect(empty.statusCode).toBe(200);
    expect(seen(empty)).toContain('Open Database License');
    const yanji = seen(await viewer.get('/workspace/places?q=Yanji&country=cn'));
    expect(yanji).toMatch(/Yanji — city Jilin, CN-\w+ China \(CN\) 42\.\d{4}, 129\.\d{4} city:\d+/);
    expect(yanji).toContain('Open Database License');
    expect(seen(await viewer.get('/workspace/places?q=吉林'))).toContain('吉林省');
    expect(seen(await viewer.get('/workspace/places?q=Yanji&country=KP'))).toContain('No place found');
    expect((await viewer.get('/workspace/places?q=Yanji&country=ZZ')).statusCode).toBe(400);
    expect((await new Browser(web).get('/workspace/places')).statusCode).toBe(303);
  });
});
