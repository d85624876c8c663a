/**
 * Pieces the record forms share: selects, text areas and checkboxes wired to
 * their hints and errors the way field() wires a text input, a summary of
 * what stopped a form from saving, page links for long lists, and the date
 * and place fields events and case statuses both ask for. Everything works
 * with JavaScript off: choosing among places is a second round of the form.
 */
import type { Compartment } from '../../../access/user.repository.ts';
import type { GazetteerEntry } from '../../../places/gazetteer-entry.ts';
import { html, type Html } from '../html.ts';
import { field } from './workspace.layout.ts';

export interface Choice {
  value: string;
  label: string;
}

/** What a form was filled with, and what was wrong with it, by field name. */
export interface FormState {
  values: Record<string, string | undefined>;
  errors: Record<string, string>;
}

interface Wiring {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The id, hint and error attributes of a control, matching field()'s. */
function described(wiring: Wiring): { hint: Html | string; error: Html | string; aria: Html | string } {
  const ids = [wiring.hint ? `${wiring.id}-hint` : '', wiring.error ? `${wiring.id}-error` : ''].filter(Boolean).join(' ');
  return {
    hint: wiring.hint ? html`<span class="hint" id="${wiring.id}-hint">${wiring.hint}</span>` : '',
    error: wiring.error ? html`<span class="error" id="${wiring.id}-error">${wiring.error}</span>` : '',
    aria: html`${wiring.error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}`,
  };
}

/** A labelled select; `blank` adds a first option with an empty value ("Not graded", "Any"). */
export function selectField(options: { label: string; name: string; choices: readonly Choice[]; value?: string | undefined; blank?: string; hint?: string; error?: string | undefined; id?: string }): Html {
  const id = options.id ?? `f-${options.name}`;
  const parts = described({ id, hint: options.hint, error: options.error });
  const selected = options.value ?? '';
  return html`<p class="field${options.error ? ' invalid' : ''}"><label for="${id}">${options.label}</label>${parts.hint}${parts.error}
  <select id="${id}" name="${options.name}"${parts.aria}>${options.blank !== undefined ? html`<option value=""${selected === '' ? html` selected` : ''}>${options.blank}</option>` : ''}${options.choices.map((choice) => html`<option value="${choice.value}"${choice.value === selected ? html` selected` : ''}>${choice.label}</option>`)}</select></p>`;
}

/** A labelled text area. */
export function textareaField(options: { label: string; name: string; value?: string | undefined; rows?: number; hint?: string; error?: string | undefined; autocomplete?: string }): Html {
  const id = `f-${options.name}`;
  const parts = described({ id, hint: options.hint, error: options.error });
  return html`<p class="field${options.error ? ' invalid' : ''}"><label for="${id}">${options.label}</label>${parts.hint}${parts.error}
  <textarea id="${id}" name="${options.name}" rows="${options.rows ?? 4}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${parts.aria}>${options.value ?? ''}</textarea></p>`;
}

/** A checkbox with its label after it, as people expect to read one. */
export function checkboxField(options: { label: string; name: string; checked: boolean; value?: string; hint?: string; id?: string }): Html {
  const id = options.id ?? `f-${options.name}`;
  const parts = described({ id, hint: options.hint });
  return html`<p class="field check"><span><input type="checkbox" id="${id}" name="${options.name}" value="${options.value ?? 'yes'}"${options.checked ? html` checked` : ''}${parts.aria}> <label for="${id}">${options.label}</label></span>${parts.hint}</p>`;
}

/** The compartment a new record goes in, among those the reader belongs to (a record never changes compartment). */
export function compartmentField(compartments: readonly Compartment[], state: FormState): Html {
  return selectField({ label: 'Compartment', name: 'compartment', choices: compartments.map((c) => ({ value: c.name, label: c.name })), value: state.values.compartment, error: state.errors.compartment });
}

/** A text field bound to a form state: its value and its error come from the state. */
export function stateField(state: FormState, options: { label: string; name: string; type?: string; hint?: string; inputmode?: string; autocomplete?: string }): Html {
  const error = state.errors[options.name];
  return field({ ...options, value: state.values[options.name] ?? '', ...(error ? { error } : {}) });
}

/**
 * Every reason a form was refused, at its top, each linked to its field: the
 * message a screen reader announces first, and the one a person who scrolled
 * past the field still sees. `form` holds a message about the whole form.
 */
export function errorSummary(errors: Record<string, string>): Html | string {
  const entries = Object.entries(errors);
  if (entries.length === 0) return '';
  return html`<div class="form-error" role="alert"><p>This was not saved:</p><ul>${entries.map(([name, message]) => html`<li>${name === 'form' ? message : html`<a href="#f-${name}">${message}</a>`}</li>`)}</ul></div>`;
}

/** Links to the pages before and after this one of a long list; the other filters stay in the address. */
export function pager(path: string, query: Record<string, string | undefined>, page: number, perPage: number, total: number): Html | string {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages === 1) return '';
  const at = (n: number) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (n > 1) params.set('page', String(n));
    const text = params.toString();
    return text ? `${path}?${text}` : path;
  };
  return html`<nav class="pages" aria-label="Pages">${page > 1 ? html`<a href="${at(page - 1)}" rel="prev">Previous</a>` : ''}<span>Page ${page} of ${pages}</span>${page < pages ? html`<a href="${at(page + 1)}" rel="next">Next</a>` : ''}</nav>`;
}

/** A date as reports give it, and the day those words were written, for words such as "earlier this month". */
export function dateFields(state: FormState, options: { required?: boolean } = {}): Html {
  return html`${stateField(state, { label: options.required ? 'When' : 'When (optional)', name: 'date', hint: 'As the reports say it: 14 March 2002, April 2002, 1–26 March 2002, about 2001, earlier this month.' })}
  ${stateField(state, { label: 'Words written on (optional)', name: 'dateReference', type: 'date', hint: 'For words such as "earlier this month" or "last week": the date of the report or statement they come from.' })}`;
}

/** How a gazetteer entry reads in a list of places to choose from. */
export function entryLabel(entry: GazetteerEntry): string {
  const name = entry.native && entry.native !== entry.name ? `${entry.name} (${entry.native})` : entry.name;
  const kind = entry.kind === 'division' ? (entry.divisionType ?? 'division') : entry.kind === 'city' && entry.capital ? 'capital city' : entry.kind;
  const where = [entry.kind === 'city' ? entry.divisionName : undefined, entry.kind === 'country' ? undefined : entry.countryName].filter(Boolean).join(', ');
  const at = entry.lat !== undefined && entry.lon !== undefined ? ` at ${entry.lat.toFixed(3)}, ${entry.lon.toFixed(3)}` : '';
  return `${name} — ${kind}${where ? ` in ${where}` : ''}${at}`;
}

/**
 * The place fields: a name looked up in the gazetteer (narrowed by country),
 * or coordinates, with free text beside either. When a name matches several
 * places, `candidates` are offered as radio buttons and the form is sent
 * again; the one chosen travels as `placeId` until the record is saved.
 */
export function placeFields(state: FormState, candidates: readonly GazetteerEntry[]): Html {
  const { values, errors } = state;
  const chosen = values.placeId ?? '';
  const choosing = candidates.length > 0;
  return html`<fieldset class="place${errors.place ? ' invalid' : ''}"><legend>Where</legend>
  <p class="hint">A place name from the gazetteer (<a href="/workspace/places">search it</a>), or coordinates with a country code. Leave empty when the reports do not say.</p>
  ${stateField(state, { label: 'Place name', name: 'place', hint: 'A country, province or city: Beijing, Jilin, Yanji.' })}
  ${choosing ? html`<fieldset class="choices" id="f-placeId"><legend>Which place is meant?</legend>
    ${candidates.map((entry, i) => html`<p><input type="radio" id="f-placeId-${i}" name="placeId" value="${entry.id}"${entry.id === chosen ? html` checked` : ''}> <label for="f-placeId-${i}">${entryLabel(entry)}</label></p>`)}
    <p><input type="radio" id="f-placeId-none" name="placeId" value=""${chosen === '' || !candidates.some((entry) => entry.id === chosen) ? html` checked` : ''}> <label for="f-placeId-none">None of these: look up the name as typed again</label></p>
  </fieldset>` : ''}
  ${stateField(state, { label: 'Country code (optional)', name: 'country', hint: 'Two letters, such as CN or KP: narrows the name, and is needed with coordinates.' })}
  ${stateField(state, { label: 'Coordinates (optional)', name: 'coordinates', hint: 'Latitude, longitude: 42.7714, 129.4233. Used instead of the name.', inputmode: 'decimal' })}
  ${stateField(state, { label: 'Details of the place (optional)', name: 'placeDetail', hint: 'What no gazetteer names: "the hills along the border", "a detention centre outside the city".' })}
</fieldset>`;
}
