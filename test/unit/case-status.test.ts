import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PERSON_STATUSES,
  PERSON_STATUS_LABELS,
  StatusInputError,
  currentStatus,
  isPersonStatus,
  parsePersonStatus,
  personStatusLabel,
  sortHistory,
  type PersonStatusEntry,
} from '../../src/domain/case-status.ts';

const entry = (status: PersonStatusEntry['status'], earliest: string, latest = earliest, recordedAt = '2026-01-01T00:00:00Z'): PersonStatusEntry => ({
  status,
  earliest,
  latest,
  recordedAt,
});

describe('person statuses', () => {
  it('lists the seven statuses, each with a label', () => {
    expect(PERSON_STATUSES).toEqual(['at-liberty', 'detained', 'whereabouts-unknown', 'forcibly-returned', 'released', 'resettled', 'deceased']);
    for (const status of PERSON_STATUSES) expect(PERSON_STATUS_LABELS[status]).toMatch(/^[A-Z][a-z ]+$/);
    expect(PERSON_STATUS_LABELS['whereabouts-unknown']).toBe('Whereabouts unknown');
  });

  it.each([
    ['detained', 'detained'],
    ['Detained', 'detained'],
    ['whereabouts unknown', 'whereabouts-unknown'],
    ['Whereabouts  Unknown', 'whereabouts-unknown'],
    ['whereabouts_unknown', 'whereabouts-unknown'],
    [' forcibly-returned ', 'forcibly-returned'],
    ['Forcibly returned', 'forcibly-returned'],
    ['AT LIBERTY', 'at-liberty'],
  ])('reads %j as %s', (text, status) => {
    expect(parsePersonStatus(text)).toBe(status);
  });

  it.each(['', 'missing', 'dead', 'detained!', 'returned'])('refuses %j, listing what it accepts', (text) => {
    expect(() => parsePersonStatus(text)).toThrow(StatusInputError);
    expect(() => parsePersonStatus(text)).toThrow(/is not a person status; use one of: at liberty, detained, whereabouts unknown/);
  });

  it('reads every code and every label', () => {
    for (const status of PERSON_STATUSES) {
      expect(parsePersonStatus(status)).toBe(status);
      expect(parsePersonStatus(PERSON_STATUS_LABELS[status])).toBe(status);
    }
    expect(personStatusLabel('forcibly-returned')).toBe('Forcibly returned');
    expect(personStatusLabel('something-else')).toBe('something-else');
    expect(isPersonStatus('deceased')).toBe(true);
    expect(isPersonStatus('Deceased')).toBe(false);
  });
});

describe('a status history', () => {
  // One person followed through the model case: detained in March, returned in April, then not heard of.
  const detained = entry('detained', '2002-03-01', '2002-03-26', '2002-03-27T09:00:00Z');
  const returned = entry('forcibly-returned', '2002-04-10', '2002-04-10', '2002-04-12T10:00:00Z');
  const unknown = entry('whereabouts-unknown', '2002-04-11', '2002-05-31', '2002-06-02T08:00:00Z');

  it('is sorted in the order things happened, whatever order it was recorded in', () => {
    expect(sortHistory([unknown, detained, returned])).toEqual([detained, returned, unknown]);
    expect(currentStatus([unknown, detained, returned])).toBe(unknown);
  });

  it('breaks ties on the earliest day by the latest day, then by when it was recorded', () => {
    const month = entry('detained', '2002-03-01', '2002-03-31');
    const day = entry('released', '2002-03-01', '2002-03-01');
    expect(sortHistory([month, day])).toEqual([day, month]);
    const first = entry('detained', '2002-03-05', '2002-03-05', '2002-03-06T10:00:00Z');
    const correction = entry('released', '2002-03-05', '2002-03-05', '2002-03-07T10:00:00Z');
    expect(currentStatus([correction, first])).toBe(correction);
  });

  it('compares recording times as instants, whatever their offset', () => {
    const earlier = entry('detained', '2002-03-05', '2002-03-05', '2002-03-06T10:00:00+05:00');
    const later = entry('released', '2002-03-05', '2002-03-05', '2002-03-06T06:00:00Z');
    expect(currentStatus([later, earlier])).toBe(later);
    const noOffset = entry('deceased', '2002-03-05', '2002-03-05', '2002-03-06 07:00');
    expect(currentStatus([noOffset, later])).toBe(noOffset);
  });

  it('keeps the other fields of an entry, such as a stored id', () => {
    const rows = [{ ...returned, id: 7 }, { ...detained, id: 3 }];
    expect(currentStatus(rows)?.id).toBe(7);
    expect(sortHistory(rows).map((row) => row.id)).toEqual([3, 7]);
  });

  it('has no current status when it is empty, and does not change its input', () => {
    expect(currentStatus([])).toBeNull();
    const history = [unknown, detained];
    sortHistory(history);
    expect(history).toEqual([unknown, detained]);
  });

  it.each([
    [{ ...detained, earliest: '2002-3-1' }, /earliest date .* must be a day written YYYY-MM-DD/],
    [{ ...detained, latest: '2002-02-30' }, /latest date .* must be a day written YYYY-MM-DD/],
    [{ ...detained, earliest: '2002-04-01', latest: '2002-03-01' }, /after its latest possible day/],
    [{ ...detained, recordedAt: 'yesterday' }, /must be an ISO 8601 timestamp/],
    [{ ...detained, recordedAt: '2002-13-01T00:00:00Z' }, /must be an ISO 8601 timestamp/],
    [{ ...detained, status: 'missing' }, /"missing" is not a person status/],
  ])('refuses a malformed entry (%#)', (bad, message) => {
    expect(() => sortHistory([detained, bad])).toThrow(StatusInputError);
    expect(() => currentStatus([bad])).toThrow(message);
  });
});

describe('a status history: properties', () => {
  const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  const anEntry = fc
    .record({
      status: fc.constantFrom(...PERSON_STATUSES),
      a: day,
      b: day,
      recordedAt: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString()),
    })
    .map(({ status, a, b, recordedAt }): PersonStatusEntry => ({ status, earliest: a < b ? a : b, latest: a < b ? b : a, recordedAt }));
  const history = fc.array(anEntry, { maxLength: 10 });

  it('sorts into a non-decreasing order of earliest, latest and recording time', () => {
    fc.assert(
      fc.property(history, (entries) => {
        const sorted = sortHistory(entries);
        expect(sorted).toHaveLength(entries.length);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          expect(a.earliest <= b.earliest).toBe(true);
          if (a.earliest === b.earliest) expect(a.latest <= b.latest).toBe(true);
          if (a.earliest === b.earliest && a.latest === b.latest) expect(Date.parse(a.recordedAt) <= Date.parse(b.recordedAt)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same order and the same current status for any order of input', () => {
    fc.assert(
      fc.property(
        history.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }))),
        ([entries, shuffled]) => {
          expect(sortHistory(shuffled)).toEqual(sortHistory(entries));
          expect(currentStatus(shuffled)).toEqual(currentStatus(entries));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('makes the current status one of the entries that began last', () => {
    fc.assert(
      fc.property(history, (entries) => {
        const current = currentStatus(entries);
        if (entries.length === 0) {
          expect(current).toBeNull();
          return;
        }
        expect(entries).toContain(current);
        for (const other of entries) expect(other.earliest <= current!.earliest).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
