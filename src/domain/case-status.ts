/**
 * A person's status over time, as a case follows them: detained, then
 * forcibly returned, then whereabouts unknown… Each entry says when the
 * status began as a range of days (`earliest`–`latest`), because the date is
 * often known only to the month ("earlier this month"), and when it was
 * recorded. The current status is the one that began last.
 */

export const PERSON_STATUSES = [
  'at-liberty',
  'detained',
  'whereabouts-unknown',
  'forcibly-returned',
  'released',
  'resettled',
  'deceased',
] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const PERSON_STATUS_LABELS: Readonly<Record<PersonStatus, string>> = Object.freeze({
  'at-liberty': 'At liberty',
  detained: 'Detained',
  'whereabouts-unknown': 'Whereabouts unknown',
  'forcibly-returned': 'Forcibly returned',
  released: 'Released',
  resettled: 'Resettled',
  deceased: 'Deceased',
});

export interface PersonStatusEntry {
  status: PersonStatus;
  /** First day the status may have begun, `YYYY-MM-DD`. */
  earliest: string;
  /** Last day it may have begun, `YYYY-MM-DD`; the same as `earliest` for a known day. */
  latest: string;
  /** When it was recorded: an ISO 8601 timestamp; one without an offset is read as UTC. */
  recordedAt: string;
}

/**
 * What sorting needs of an entry. Stored rows carry the status as plain text
 * (and often more fields, such as an id, which are kept); it is checked when sorted.
 */
export type DatedStatus = Omit<PersonStatusEntry, 'status'> & { status: string };

/** A status or history entry that cannot be read; `value` is the input at fault. */
export class StatusInputError extends Error {
  constructor(message: string, readonly value: unknown) {
    super(message);
    this.name = 'StatusInputError';
  }
}

/** Lower case, with spaces, underscores and hyphens all one hyphen: "Whereabouts unknown" reads as the code. */
const asCode = (text: string): string => text.trim().toLowerCase().replace(/[\s_-]+/g, '-');

/** Whether a stored value is one of the person statuses. */
export function isPersonStatus(value: unknown): value is PersonStatus {
  return (PERSON_STATUSES as readonly unknown[]).includes(value);
}

/** The label of a status, for display; a value that is not a status is shown as it is. */
export function personStatusLabel(status: string): string {
  return isPersonStatus(status) ? PERSON_STATUS_LABELS[status] : status;
}

/** Reads a status as people write it: its code or its label, in any case ("whereabouts unknown"). */
export function parsePersonStatus(text: string): PersonStatus {
  const wanted = asCode(text);
  const found = PERSON_STATUSES.find((status) => status === wanted || asCode(PERSON_STATUS_LABELS[status]) === wanted);
  if (!found) {
    const known = PERSON_STATUSES.map((status) => PERSON_STATUS_LABELS[status].toLowerCase()).join(', ');
    throw new StatusInputError(`"${text.trim()}" is not a person status; use one of: ${known}.`, text);
  }
  return found;
}

/** Whether text is a real calendar day written `YYYY-MM-DD`. */
function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Milliseconds since the epoch of a recording time, or NaN when it is not an ISO 8601 timestamp. */
function instantOf(recordedAt: string): number {
  const match = TIMESTAMP.exec(recordedAt);
  if (!match || !isDay(recordedAt.slice(0, 10))) return NaN;
  // A date alone already parses as UTC; a time without an offset would parse as local time.
  const withOffset = recordedAt.length > 10 && match[1] === undefined ? `${recordedAt}Z` : recordedAt;
  return Date.parse(withOffset.replace(' ', 'T'));
}

const statusOrder = (status: string): number => (PERSON_STATUSES as readonly string[]).indexOf(status);

// Days written YYYY-MM-DD sort as text in calendar order.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function checkEntry(entry: DatedStatus): number {
  if (!isPersonStatus(entry.status)) throw new StatusInputError(`"${String(entry.status)}" is not a person status.`, entry.status);
  for (const field of ['earliest', 'latest'] as const) {
    if (!isDay(entry[field])) {
      throw new StatusInputError(`The ${field} date of a "${entry.status}" entry must be a day written YYYY-MM-DD; got "${entry[field]}".`, entry[field]);
    }
  }
  if (entry.earliest > entry.latest) {
    throw new StatusInputError(`A "${entry.status}" entry begins at the earliest on ${entry.earliest}, after its latest possible day ${entry.latest}.`, entry);
  }
  const instant = instantOf(entry.recordedAt);
  if (Number.isNaN(instant)) {
    throw new StatusInputError(`The recording time of a "${entry.status}" entry must be an ISO 8601 timestamp; got "${entry.recordedAt}".`, entry.recordedAt);
  }
  return instant;
}

/**
 * A status history in the order things happened: by earliest day, then
 * latest day, then recording time, then the order of PERSON_STATUSES, so the
 * same entries always come out in the same order, whatever order they came in. Returns a new array; a
 * malformed entry throws a StatusInputError.
 */
export function sortHistory<E extends DatedStatus>(history: readonly E[]): E[] {
  const keyed = history.map((entry) => ({ entry, instant: checkEntry(entry) }));
  keyed.sort(
    (a, b) =>
      compareText(a.entry.earliest, b.entry.earliest) ||
      compareText(a.entry.latest, b.entry.latest) ||
      a.instant - b.instant ||
      statusOrder(a.entry.status) - statusOrder(b.entry.status) ||
      compareText(a.entry.recordedAt, b.entry.recordedAt),
  );
  return keyed.map(({ entry }) => entry);
}

/** The entry that holds now: the one that began last, by the order of sortHistory; null for no history. Extra fields of the entry are kept. */
export function currentStatus<E extends DatedStatus>(history: readonly E[]): E | null {
  return sortHistory(history).at(-1) ?? null;
}
