/**
 * Compartments hold: a researcher of one compartment can neither read, list,
 * search, count, link to nor infer anything of another's reports, events,
 * people or sources. A hidden record fails exactly as a missing one does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, type Actor } from '../../src/access/policy.ts';
import { RecordInputError } from '../../src/workspace/record.ts';
import { openWorkspace, type Workspace } from '../helpers/workspace.ts';

let ws: Workspace;
let asia: Actor;
let americas: Actor;
const hidden: { source: string; report: string; event: string; person: string } = { source: '', report: '', event: '', person: '' };

async function failure(work: () => Promise<unknown>): Promise<{ type: string; message: string; field?: string }> {
  try {
    await work();
  } catch (error) {
    return { type: (error as Error).constructor.name, message: (error as Error).message, ...(error instanceof RecordInputError ? { field: error.field } : {}) };
  }
  throw new Error('expected a failure');
}

/** The same failure for a hidden reference and a reference that exists nowhere. */
async function sameAsMissing(work: (reference: string) => Promise<unknown>, hiddenReference: string, missingReference: string) {
  const seen = await failure(() => work(hiddenReference));
  const missing = await failure(() => work(missingReference));
  expect(seen.type).toBe(missing.type);
  expect(seen.message.replace(hiddenReference, '#')).toBe(missing.message.replace(missingReference, '#'));
  return seen;
}

beforeAll(async () => {
  ws = await openWorkspace();
  asia = ws.actor('researcher', ['East Asia']);
  americas = ws.actor('researcher', ['Central America']);
  const { vigil } = ws;
  hidden.source = (await vigil.sources.create(asia, { compartment: 'East Asia', kind: 'witness', identity: 'Kim, a trader in Yanji', independenceGroup: 'yanji-market' })).pseudonym;
  hidden.report = (await vigil.reports.create(asia, { compartment: 'East Asia', source: hidden.source, receivedOn: '2002-03-20', channel: 'interview', summary: 'Round-up near the market', fullText: 'Long account of the round-up' })).reference;
  hidden.person = (await vigil.people.create(asia, { compartment: 'East Asia', name: 'Pak, a mother of two', nationality: 'KP' })).pseudonym;
  hidden.event = (await vigil.events.create(asia, {
    compartment: 'East Asia', title: 'Round-up in Yanji', acts: ['mass arrest'], victims: [{ person: hidden.person }, { group: 'traders' }],
  })).reference;
  await vigil.events.link(asia, hidden.event, hidden.report, 'supports');
});
afterAll(() => ws.close());

describe('a researcher of another compartment', () => {
  it('cannot open any record: each fails exactly as a missing one', async () => {
    const { vigil } = ws;
    expect((await sameAsMissing((r) => vigil.sources.get(americas, r), hidden.source, 'S-99999')).type).toBe(NotFoundError.name);
    await sameAsMissing((r) => vigil.reports.get(americas, r), hidden.report, 'R-99999');
    await sameAsMissing((r) => vigil.events.get(americas, r), hidden.event, 'E-99999');
    await sameAsMissing((r) => vigil.people.get(americas, r), hidden.person, 'P-99999');
    await sameAsMissing((r) => vigil.reports.reveal(americas, r), hidden.report, 'R-99999');
    await sameAsMissing((r) => vigil.people.reveal(americas, r), hidden.person, 'P-99999');
    await sameAsMissing((r) => vigil.sources.reveal(americas, r), hidden.source, 'S-99999');
  });

  it('cannot change or delete any record', async () => {
    const { vigil } = ws;
    await sameAsMissing((r) => vigil.reports.update(americas, r, 1, { receivedOn: '2002-03-20', channel: 'phone', summary: 'x' }), hidden.report, 'R-99999');
    await sameAsMissing((r) => vigil.events.update(americas, r, 1, { title: 'x', acts: ['torture'] }), hidden.event, 'E-99999');
    await sameAsMissing((r) => vigil.people.update(americas, r, 1, {}), hidden.person, 'P-99999');
    await sameAsMissing((r) => vigil.events.delete(americas, r), hidden.event, 'E-99999');
    await sameAsMissing((r) => vigil.reports.delete(americas, r), hidden.report, 'R-99999');
    await sameAsMissing((r) => vigil.people.delete(americas, r), hidden.person, 'P-99999');
    await sameAsMissing((r) => vigil.people.addStatus(americas, r, { status: 'detained', date: { precision: 'day', earliest: '2002-03-20', latest: '2002-03-20', approximate: false } }), hidden.person, 'P-99999');
    expect((await vigil.events.get(asia, hidden.event)).title).toBe('Round-up in Yanji');
  });

  it('lists, counts and searches nothing of it', async () => {
    const { vigil } = ws;
    for (const q of [undefined, 'Yanji', 'round-up', hidden.report, hidden.event, hidden.person, hidden.source, 'yanji-market']) {
      const filter = q === undefined ? {} : { q };
      expect((await vigil.sources.list(americas, filter)).total).toBe(0);
      expect((await vigil.reports.list(americas, filter)).total).toBe(0);
      expect((await vigil.events.list(americas, filter)).total).toBe(0);
      expect((await vigil.people.list(americas, filter)).total).toBe(0);
    }
    expect((await vigil.events.list(americas, { acts: ['liberty.mass-arrest'] })).events).toEqual([]);
    expect((await vigil.reports.list(americas, { source: hidden.source })).total).toBe(0);
    // The owner sees them, so the filters above were not simply empty.
    expect((await vigil.events.list(asia, { q: 'Yanji' })).total).toBe(1);
    expect((await vigil.reports.list(asia, { source: hidden.source })).total).toBe(1);
  });

  it('cannot link its records to another compartment\'s, and learns nothing from trying', async () => {
    const { vigil } = ws;
    const own = await vigil.events.create(americas, { compartment: 'Central America', title: 'Expulsions at the border', acts: ['collective expulsion'] });
    const linkHidden = await failure(() => vigil.events.link(americas, own.reference, hidden.report, 'supports'));
    const linkMissing = await failure(() => vigil.events.link(americas, own.reference, 'R-99999', 'supports'));
    expect(linkHidden.type).toBe(linkMissing.type);
    expect(linkHidden.message.replace(hidden.report, '#')).toBe(linkMissing.message.replace('R-99999', '#'));

    const fromHidden = await failure(() => vigil.reports.create(americas, { compartment: 'Central America', source: hidden.source, receivedOn: '2002-04-01', channel: 'phone', summary: 'x' }));
    const fromMissing = await failure(() => vigil.reports.create(americas, { compartment: 'Central America', source: 'S-99999', receivedOn: '2002-04-01', channel: 'phone', summary: 'x' }));
    expect(fromHidden.message.replace(hidden.source, '#')).toBe(fromMissing.message.replace('S-99999', '#'));
    expect(fromHidden.field).toBe('source');

    const naming = await failure(() => vigil.events.create(americas, { compartment: 'Central America', title: 'x', acts: ['torture'], victims: [{ person: hidden.person }] }));
    const namingMissing = await failure(() => vigil.events.create(americas, { compartment: 'Central America', title: 'x', acts: ['torture'], victims: [{ person: 'P-99999' }] }));
    expect(naming.message.replace(hidden.person, '#')).toBe(namingMissing.message.replace('P-99999', '#'));

    const status = await vigil.people.create(americas, { compartment: 'Central America' });
    const backed = await failure(() => vigil.people.addStatus(americas, status.pseudonym, { status: 'detained', date: { precision: 'year', earliest: '2002-01-01', latest: '2002-12-31', approximate: false }, reports: [hidden.report] }));
    const backedMissing = await failure(() => vigil.people.addStatus(americas, status.pseudonym, { status: 'detained', date: { precision: 'year', earliest: '2002-01-01', latest: '2002-12-31', approximate: false }, reports: ['R-99999'] }));
    expect(backed.message.replace(hidden.report, '#')).toBe(backedMissing.message.replace('R-99999', '#'));
  });

  it('cannot write into a compartment it does not belong to, refused as one that does not exist', async () => {
    const { vigil } = ws;
    const intoOther = await failure(() => vigil.events.create(americas, { compartment: 'East Asia', title: 'x', acts: ['torture'] }));
    const intoNone = await failure(() => vigil.events.create(americas, { compartment: 'Nowhere', title: 'x', acts: ['torture'] }));
    expect(intoOther).toEqual(intoNone);
    expect(intoOther.field).toBe('compartment');
  });

  it('sees neither the linked report nor the hidden person through its own records', async () => {
    // Corroboration counts only what was linked in the event's own compartment; a person page lists only visible events.
    const own = await ws.vigil.events.list(americas);
    for (const summary of own.events) {
      const event = await ws.vigil.events.get(americas, summary.reference);
      expect(JSON.stringify(event)).not.toContain(hidden.report);
      expect(JSON.stringify(event)).not.toContain(hidden.person);
    }
  });

  it('cannot infer how many records another compartment holds from the references it is given', async () => {
    // References are drawn at random, not counted up: the numbers say nothing of the others.
    const made: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      made.push(Number((await ws.vigil.people.create(americas, { compartment: 'Central America' })).pseudonym.slice(2)));
    }
    const steps = made.slice(1).map((n, i) => n - made[i]!);
    expect(steps.every((step) => step === 1)).toBe(false);
  });
});

describe('a reader in both compartments', () => {
  it('sees both, and a viewer can read but not write', async () => {
    const both = ws.actor('researcher', ['East Asia', 'Central America']);
    expect((await ws.vigil.events.list(both)).total).toBeGreaterThanOrEqual(2);
    const viewer = ws.actor('viewer', ['East Asia']);
    expect((await ws.vigil.events.get(viewer, hidden.event)).reference).toBe(hidden.event);
    await expect(ws.vigil.events.create(viewer, { compartment: 'East Asia', title: 'x', acts: ['torture'] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(ws.vigil.reports.reveal(viewer, hidden.report)).rejects.toBeInstanceOf(NotFoundError);
  });
});
