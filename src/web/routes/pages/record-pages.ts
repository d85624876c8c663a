/**
 * What the pages for reports, events and people share: the shape of their
 * references in an address, the compartments a reader may create in, list
 * paging, and reading a form's place the way a person at a form should meet
 * it — asked to choose when a name could mean several places.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Compartment } from '../../../access/user.repository.ts';
import type { GazetteerEntry } from '../../../places/gazetteer-entry.ts';
import { PlaceInputError, type Place } from '../../../places/place.ts';
import { RecordInputError } from '../../../workspace/record.ts';
import { PlaceChoiceError, placeFrom, type Fields, type PlaceFinder } from '../../../workspace/text-input.ts';

export const HTML = 'text/html; charset=utf-8';

/**
 * A refused form as it goes back to the browser: the sealed values just typed
 * (named in `sealed`, with the words for each) are left out, since a sealed
 * value is shown only by the audited reveal, and each field says to type it
 * again. `editing` adds that leaving it empty keeps what is stored.
 */
export function withoutSealedFields(values: Fields, errors: Record<string, string>, sealed: ReadonlyArray<readonly [field: string, what: string]>, editing: boolean): { values: Fields; errors: Record<string, string> } {
  const shown = { values: { ...values }, errors: { ...errors } };
  for (const [field, what] of sealed) {
    if ((values[field] ?? '').trim() === '') continue;
    const again = `The ${what} you typed is sealed, so it is not shown again: type it again${editing ? `, or leave it empty to keep the ${what} stored` : ''}.`;
    shown.values[field] = '';
    shown.errors[field] = errors[field] ? `${errors[field]} ${again}` : again;
  }
  return shown;
}

/** References are validated in the address, so a malformed one is a 400 naming it and a well-formed one is looked up. */
export const REPORT_PARAMS = Type.Object({ reference: Type.String({ pattern: '^[Rr]-\\d{4,}$' }) });
export const EVENT_PARAMS = Type.Object({ reference: Type.String({ pattern: '^[Ee]-\\d{4,}$' }) });
export const PERSON_PARAMS = Type.Object({ pseudonym: Type.String({ pattern: '^[Pp]-\\d{4,}$' }) });

/** A day typed into a filter's date input; empty is no filter. */
export const OPTIONAL_DAY = Type.Optional(Type.String({ pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' }));
export const PAGE = Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 }));

/** Rows on one page of a list. */
export const PER_PAGE = 50;

/** The compartments the reader belongs to, for the compartment select of a new record. */
export async function compartmentsOf(app: FastifyInstance, request: FastifyRequest): Promise<Compartment[]> {
  return (await app.vigil.users.compartments()).filter((c) => request.actor!.compartments.has(c.id));
}

/** Gazetteer entries that read the same to a person (the dataset repeats a few cities) offered once. */
function distinctEntries<E extends GazetteerEntry>(entries: readonly E[]): E[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.kind}|${entry.name}|${entry.divisionName ?? ''}|${entry.country}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The place a form names. The shared reader takes the first of several exact
 * matches, which suits an import with nobody to ask; a person at a form is
 * asked instead, so "Jilin" is never silently the province when the city was
 * meant.
 */
export async function placeOfForm(fields: Fields, finder: PlaceFinder): Promise<Place | null> {
  const name = (fields.place ?? '').trim();
  const pinned = (fields.placeId ?? '').trim() !== '' || (fields.coordinates ?? '').trim() !== '';
  if (name && !pinned) {
    const country = (fields.country ?? '').trim().toUpperCase();
    const hits = await finder.search(name, { ...(country ? { country } : {}), limit: 8 }).catch((error: unknown) => {
      if (error instanceof PlaceInputError) throw new RecordInputError(error.message, error.field === 'country' ? 'country' : 'place');
      throw error;
    });
    const exact = distinctEntries(hits.filter((hit) => hit.match === 'exact'));
    if (exact.length > 1) throw new PlaceChoiceError(`"${name}" names more than one place; choose the one meant.`, exact);
  }
  return placeFrom(fields, finder);
}

/**
 * A form refused before it reached the service, with every field at fault
 * rather than only the first, and the places to choose among if a place name
 * was what stopped it.
 */
export class FormRefusal extends Error {
  constructor(readonly errors: Record<string, string>, readonly placeChoice?: PlaceChoiceError) {
    super(Object.values(errors).join(' '));
  }
}

/** Reads the parts of a form one by one, keeping each part's input error instead of stopping at the first. */
export class FormReader {
  readonly errors: Record<string, string> = {};
  placeChoice: PlaceChoiceError | undefined;

  async read<T>(part: () => T | Promise<T>): Promise<T | undefined> {
    try {
      return await part();
    } catch (error) {
      if (!(error instanceof RecordInputError)) throw error;
      this.errors[error.field] ??= error.message;
      if (error instanceof PlaceChoiceError) this.placeChoice = error;
      return undefined;
    }
  }

  /** Throws a FormRefusal when any part was refused. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw new FormRefusal(this.errors, this.placeChoice);
  }
}

/** The places to offer again when a form comes back: the candidates of a refused name, or the one already chosen. */
export async function placeChoices(app: FastifyInstance, fields: Fields, error?: unknown): Promise<GazetteerEntry[]> {
  const choice = error instanceof FormRefusal ? error.placeChoice : error;
  if (choice instanceof PlaceChoiceError) return distinctEntries(choice.candidates);
  const id = (fields.placeId ?? '').trim();
  if (!id) return [];
  const entry = await app.vigil.places.get(id).catch(() => undefined);
  return entry ? [entry] : [];
}
