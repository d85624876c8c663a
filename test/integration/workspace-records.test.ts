/**
 * Workspace records through their services on a real database file:
 * corroboration kept current as reports are linked, unlinked and deleted;
 * stale edits refused even when two land at once; dates, counts and case
 * histories keep their precision; every change goes to the audit chain and
 * sealed values never reach the file in clear.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/policy.ts';
import { parseCount } from '../../src/domain/count.ts';
import { parseEventDate } from '../../src/domain/event-date.ts';
import { StaleEditError } from '../../src/workspace/record.ts';
import { openWorkspace, type Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
let researcher: Actor;
const NOW = new Date('2002-08-01T12:00:00Z');

async function source(group: string | undefined, reliability: string, extra: { consent?: string; identity?: string } = {}) {
  return (await ws.vigil.sources.create(researcher, { compartment: 'East Asia', kind: 'media', reliability, ...(group ? { independenceGroup: group } : {}), ...extra })).pseudonym;
}

async function report(from: string, credibility: number, summary = 'Embassy entry reported') {
  return (await ws.vigil.reports.create(researcher, { compartment: 'East Asia', source: from, receivedOn: '2002-03-16', channel: 'news', summary, credibility })).reference;
}

beforeAll(async () => {
  ws = await openWorkspace({ now: () => NOW });
  researcher = ws.actor('researcher', ['East Asia'], 'mira@example.org');
});
afterAll(() => ws.close());

describe('corroboration', () => {
  it('counts independent origins and stays current as reports are linked, unlinked and deleted', async () => {
    const { events } = ws.vigil;
    const wireA = await source('AP wire', 'B');
    const wireB = await source('AP wire', 'C');
    const own = await source(undefined, 'A');
    const doubter = await source(undefined, 'D');
    const [r1, r2, r3, r4] = [await report(wireA, 3), await report(wireB, 2), await report(own, 2), await report(doubter, 4, 'Says no one entered')];
    const event = await events.create(researcher, {
      compartment: 'East Asia', title: 'Asylum seekers enter the Spanish embassy in Beijing', acts: ['denial of access to asylum'],
      date: parseEventDate('14 March 2002'), victims: [{ group: 'North Korean asylum seekers', count: parseCount('25') }],
    });
    expect(event.corroboration.independentSources).toBe(0);
    expect(event.suggestedStatus).toBe('alleged');

    let seen = await events.link(researcher, event.reference, r1, 'supports');
    expect(seen.corroboration.independentSources).toBe(1);
    seen = await events.link(researcher, event.reference, r2, 'supports');
    expect(seen.corroboration.independentSources).toBe(1); // one wire story, printed twice
    expect(seen.corroboration.supportingReports).toBe(2);
    seen = await events.link(researcher, event.reference, r3, 'supports');
    expect(seen.corroboration.independentSources).toBe(2);
    expect(seen.corroboration.bestReliability).toBe('A');
    expect(seen.corroboration.bestCredibility).toBe(2);
    expect(seen.suggestedStatus).toBe('corroborated');

    seen = await events.link(researcher, event.reference, r4, 'contradicts');
    expect(seen.corroboration.contradictedBy).toEqual([r4]);
    expect(seen.suggestedStatus).toBe('disputed');

    await ws.vigil.reports.delete(researcher, r3);
    seen = await events.get(researcher, event.reference);
    expect(seen.corroboration.independentSources).toBe(1);
    expect(seen.reports.map((r) => r.reference)).not.toContain(r3);

    seen = await events.unlink(researcher, event.reference, r4);
    expect(seen.corroboration.contradictedBy).toEqual([]);
    expect(seen.suggestedStatus).toBe('alleged');

    // Regrading a source changes the best grade shown on the event at once.
    const current = await ws.vigil.sources.get(researcher, wireA);
    await ws.vigil.sources.update(researcher, wireA, current.version, { kind: 'media', reliability: 'A' });
    expect((await events.get(researcher, event.reference)).corroboration.bestReliability).toBe('A');
    const regraded = await ws.vigil.sources.get(researcher, wireA);
    expect(regraded.gradedBy).toBe('mira@example.org');
    expect(regraded.gradedAt).toBe(NOW.toISOString());
  });
});

describe('stale edits', () => {
  it('refuses the second of two edits made on the same copy, for every kind of record, even at once', async () => {
    const { vigil } = ws;
    const s = await vigil.sources.create(researcher, { compartment: 'East Asia', kind: 'witness' });
    const r = await vigil.reports.create(researcher, { compartment: 'East Asia', receivedOn: '2002-03-20', channel: 'phone', summary: 'first' });
    const e = await vigil.events.create(researcher, { compartment: 'East Asia', title: 'first', acts: ['torture'] });
    const p = await vigil.people.create(researcher, { compartment: 'East Asia' });
    const pairs: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      ['source', () => vigil.sources.update(researcher, s.pseudonym, s.version, { kind: 'victim' }), () => vigil.sources.update(researcher, s.pseudonym, s.version, { kind: 'relative' })],
      ['report', () => vigil.reports.update(researcher, r.reference, r.version, { receivedOn: '2002-03-20', channel: 'phone', summary: 'one' }), () => vigil.reports.update(researcher, r.reference, r.version, { receivedOn: '2002-03-20', channel: 'phone', summary: 'two' })],
      ['event', () => vigil.events.update(researcher, e.reference, e.version, { title: 'one', acts: ['torture'] }), () => vigil.events.update(researcher, e.reference, e.version, { title: 'two', acts: ['torture'] })],
      ['person', () => vigil.people.update(researcher, p.pseudonym, p.version, { notes: 'one' }), () => vigil.people.update(researcher, p.pseudonym, p.version, { notes: 'two' })],
    ];
    for (const [kind, first, second] of pairs) {
      const outcomes = await Promise.allSettled([first(), second()]);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      expect(refused, kind).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(StaleEditError);
      expect(((refused[0] as PromiseRejectedResult).reason as Error).message).toMatch(/changed by someone else/);
    }
    expect((await vigil.reports.get(researcher, r.reference)).version).toBe(2);
    expect(['one', 'two']).toContain((await vigil.events.get(researcher, e.reference)).title);
  });
});

describe('precision kept', () => {
  it('stores dates and counts as given, never rounded', async () => {
    const event = await ws.vigil.events.create(researcher, {
      compartment: 'East Asia', title: 'Round-up reported in the statement', acts: ['liberty.mass-arrest'],
      date: parseEventDate('earlier this month', { reference: '2002-03-27' }),
      victims: [{ group: 'North Koreans in Jilin', count: parseCount('tens of thousands') }, { group: 'returned from Longjing', count: parseCount('up to 900') }, { group: 'detained', count: parseCount('at least 1,400') }],
    });
    expect(event.date).toMatchObject({ precision: 'bounded', earliest: '2002-03-01', latest: '2002-03-26' });
    const read = await ws.vigil.events.get(researcher, event.reference);
    expect(read.victims.map((v) => [v.count?.precision, v.count?.low, v.count?.high])).toEqual([
      ['approximate', parseCount('tens of thousands').low, parseCount('tens of thousands').high], ['at-most', null, 900], ['at-least', 1400, null],
    ]);
    expect(read.victims.map((v) => v.countLabel)).toEqual(['tens of thousands', 'up to 900', 'at least 1,400']);
    expect((await ws.vigil.events.list(researcher, { from: '2002-03-20', to: '2002-03-31' })).events.map((e) => e.reference)).toContain(event.reference);
    expect((await ws.vigil.events.list(researcher, { from: '2002-04-01' })).events.map((e) => e.reference)).not.toContain(event.reference);
    expect((await ws.vigil.events.list(researcher, { acts: ['liberty'] })).events.map((e) => e.reference)).toContain(event.reference);
  });

  it('follows a case over time and says how long the current status has lasted', async () => {
    const { people, reports } = ws.vigil;
    const backing = (await reports.create(researcher, { compartment: 'East Asia', receivedOn: '2002-06-25', channel: 'interview', summary: 'A relative saw him taken' })).reference;
    const person = await people.create(researcher, { compartment: 'East Asia', name: 'Ri, a fictional logger', sex: 'male', birthYear: 1970, birthYearApproximate: true, nationality: 'kp' });
    await people.addStatus(researcher, person.pseudonym, { status: 'detained', date: parseEventDate('2002-06-20'), heldBy: 'border police', reports: [backing] });
    await people.addStatus(researcher, person.pseudonym, { status: 'forcibly returned', date: parseEventDate('July 2002') });
    const seen = await people.get(researcher, person.pseudonym);
    expect(seen.statuses.map((s) => s.status)).toEqual(['detained', 'forcibly-returned']);
    expect(seen.statuses[0]!.reports).toEqual([backing]);
    expect(seen.nationality).toBe('KP');
    // Returned some day in July; "now" is 1 August: between 1 and 31 days.
    expect(seen.current).toMatchObject({ status: 'forcibly-returned' });
    expect(seen.current!.duration).toMatch(/1.31 days/);
    const removed = await people.removeStatus(researcher, person.pseudonym, seen.statuses[1]!.id);
    expect(removed.current!.summary).toBe('detained for 42 days');
  });
});

describe('sealed and audited', () => {
  it('seals a report\'s full text when its source must never be identified, and audits opening it', async () => {
    const { vigil } = ws;
    const secret = 'Account given in the back room of the noodle shop 7c1e';
    const witness = await source(undefined, 'C', { consent: 'never-identify', identity: 'Canary witness 55aa' });
    const r = await vigil.reports.create(researcher, { compartment: 'East Asia', source: witness, receivedOn: '2002-03-25', channel: 'interview', summary: 'Witness describes detentions', fullText: secret });
    expect(r.fullTextSealed).toBe(true);
    expect(r.fullText).toBeNull();
    expect(JSON.stringify(await vigil.reports.list(researcher))).not.toContain(secret);
    expect(await vigil.reports.reveal(researcher, r.reference)).toBe(secret);
    const audit = await vigil.audit.list({ action: 'report.reveal' });
    expect(audit.map((entry) => entry.subjectId)).toContain(r.reference);
    // The database file and its write-ahead log, both.
    const bytes = Buffer.concat([join(ws.dataDir, 'vigil.db'), join(ws.dataDir, 'vigil.db-wal')].flatMap((file) => { try { return [readFileSync(file)]; } catch { return []; } }));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from('Canary witness 55aa'))).toBe(false);
    expect(JSON.stringify(await vigil.audit.list({}))).not.toContain(secret);
  });

  it('writes every change to the audit chain, which stays intact', async () => {
    const actions = new Set((await ws.vigil.audit.list({ limit: 1000 })).map((entry) => entry.action));
    for (const action of ['source.create', 'source.update', 'report.create', 'report.update', 'report.delete', 'event.create', 'event.update', 'event.link', 'event.unlink', 'person.create', 'person.status', 'person.status.delete']) {
      expect(actions, action).toContain(action);
    }
    expect((await ws.vigil.audit.verify()).broken).toBeNull();
  });
});
