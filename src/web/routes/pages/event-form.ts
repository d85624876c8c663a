/**
 * The event form as the routes read it and fill it: typed words into the
 * service's input (every part checked, so all faults show at once), a stored
 * event back into the form's fields, and the service's names for fields
 * ("victims.0") back into the rows of the form the person typed in.
 */
import type { EventInput, EventView } from '../../../workspace/event.service.ts';
import { dateFrom, perpetratorsFrom, victimsFrom, type Fields, type PlaceFinder } from '../../../workspace/text-input.ts';
import { FormReader, placeOfForm } from './record-pages.ts';

/**
 * The service's input from the form. On the edit form the date is shown as
 * Vigil writes it; left as shown, the stored date is kept whole, with the
 * words it was first reported in.
 */
export async function eventInputOfForm(values: Fields, acts: string[], finder: PlaceFinder, current?: EventView): Promise<Omit<EventInput, 'compartment'>> {
  const reader = new FormReader();
  const shown = values.dateShown;
  const keepDate = current !== undefined && shown !== undefined && shown !== '' && (values.date ?? '').trim() === shown.trim() && !(values.dateReference ?? '').trim();
  const date = keepDate ? current.date : await reader.read(() => dateFrom(values));
  const place = await reader.read(() => placeOfForm(values, finder));
  const victims = await reader.read(() => victimsFrom(values));
  const perpetrators = await reader.read(() => perpetratorsFrom(values));
  reader.done();
  return {
    title: values.title ?? '', description: values.description ?? '', acts, status: values.status ?? '',
    date: date ?? null, place: place ?? null, victims: victims ?? [], perpetrators: perpetrators ?? [],
  };
}

/** The form's fields for a stored event. */
export function eventFormValues(event: EventView): Fields {
  const values: Fields = {
    version: String(event.version), title: event.title, description: event.description, status: event.status,
    date: event.dateLabel ?? '', dateShown: event.dateLabel ?? '',
  };
  const place = event.place;
  if (place) {
    Object.assign(values, { place: place.name, country: place.country, placeDetail: place.detail ?? '' });
    if (place.gazetteerId !== undefined) values.placeId = String(place.gazetteerId);
    else if (place.lat !== undefined && place.lon !== undefined) values.coordinates = `${place.lat}, ${place.lon}`;
  }
  event.victims.forEach((victim, i) => {
    Object.assign(values, { [`victimGroup.${i}`]: victim.group ?? '', [`victimCount.${i}`]: victim.count?.text ?? victim.countLabel ?? '', [`victimPerson.${i}`]: victim.person ?? '' });
  });
  event.perpetrators.forEach((perpetrator, i) => {
    Object.assign(values, { [`perpetratorKind.${i}`]: perpetrator.kind, [`perpetratorName.${i}`]: perpetrator.name, [`perpetratorInvolvement.${i}`]: perpetrator.involvement });
  });
  return values;
}

/** The numbered suffixes of a row kind, in the order victimsFrom and perpetratorsFrom read them. */
function suffixes(values: Fields, pattern: RegExp): string[] {
  const found = new Set<string>(['']);
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match) found.add(`.${match[1]}`);
  }
  return [...found].sort();
}

const filled = (values: Fields, name: string) => (values[name] ?? '').trim() !== '';

/**
 * The form field a service error is about. The service counts only the rows
 * that were filled in, so its "victims.1" is the second filled row, wherever
 * it sits on the form.
 */
export function formFieldOf(field: string, values: Fields): string {
  const victim = /^victims\.(\d+)$/.exec(field);
  if (victim) {
    const rows = suffixes(values, /^victim(?:Group|Count|Person)\.(\d+)$/)
      .filter((s) => filled(values, `victimGroup${s}`) || filled(values, `victimPerson${s}`));
    const row = rows[Number(victim[1])];
    if (row === undefined) return field;
    return filled(values, `victimPerson${row}`) ? `victimPerson${row}` : `victimGroup${row}`;
  }
  const perpetrator = /^perpetrators\.(\d+)\.(kind|name|involvement)$/.exec(field);
  if (perpetrator) {
    const rows = suffixes(values, /^perpetrator(?:Kind|Name|Involvement)\.(\d+)$/).filter((s) => filled(values, `perpetratorName${s}`));
    const row = rows[Number(perpetrator[1])];
    const part = perpetrator[2]!;
    return row === undefined ? field : `perpetrator${part[0]!.toUpperCase()}${part.slice(1)}${row}`;
  }
  return field;
}
