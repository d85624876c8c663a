/**
 * The form that records or edits an event. Everything a report says is typed
 * as it was said — a date in words, a count in words, a place by name — and
 * read by the same rules an import uses; what cannot be read comes back with
 * the field named and everything typed kept.
 */
import type { Actor } from '../../../access/policy.ts';
import type { Compartment } from '../../../access/user.repository.ts';
import { childrenOf } from '../../../domain/act-types.ts';
import { EVENT_STATUS_LABELS, EVENT_STATUSES } from '../../../domain/corroboration.ts';
import type { GazetteerEntry } from '../../../places/gazetteer-entry.ts';
import { INVOLVEMENTS, PERPETRATOR_KINDS, type EventView } from '../../../workspace/event.service.ts';
import type { ReportView } from '../../../workspace/report.service.ts';
import { html } from '../html.ts';
import { compartmentField, dateFields, errorSummary, placeFields, selectField, stateField, textareaField, type Choice, type FormState } from './form-parts.ts';
import { csrfField, workspaceLayout } from './workspace.layout.ts';

/** Rows offered for people affected and for perpetrators; an event that has more shows them all. */
export const VICTIM_ROWS = 3;
export const PERPETRATOR_ROWS = 2;

export const STATUS_CHOICES: Choice[] = EVENT_STATUSES.map((status) => ({ value: status, label: EVENT_STATUS_LABELS[status] }));
const KINDS: Choice[] = PERPETRATOR_KINDS.map((kind) => ({ value: kind, label: kind }));
const INVOLVEMENT_CHOICES: Choice[] = INVOLVEMENTS.map((involvement) => ({ value: involvement, label: involvement }));

export interface EventFormData extends FormState {
  actor: Actor;
  csrf: string;
  compartments: Compartment[];
  /** The act codes ticked. */
  acts: string[];
  /** Places to choose among when the name typed matched several. */
  candidates: GazetteerEntry[];
  /** Set when editing. */
  event?: EventView;
  /** The report an event is being recorded from (its reference stays in the form's `fromReport`). */
  fromReport?: ReportView;
}

/** How many numbered rows the values fill, at least `minimum`. */
export function rowsIn(values: FormState['values'], prefix: RegExp, minimum: number): number {
  const highest = Object.keys(values).map((key) => prefix.exec(key)).reduce((most, match) => (match ? Math.max(most, Number(match[1]) + 1) : most), 0);
  return Math.max(minimum, highest);
}

function actsFieldset(data: EventFormData) {
  const ticked = new Set(data.acts);
  const box = (code: string, label: string) => html`<p><input type="checkbox" id="act-${code}" name="acts" value="${code}"${ticked.has(code) ? html` checked` : ''}> <label for="act-${code}">${label}</label></p>`;
  return html`<fieldset class="acts${data.errors.acts ? ' invalid' : ''}" id="f-acts"><legend>What was done</legend>
  <p class="hint">Tick every act the reports describe; the general entry of a group when none of its terms fits.</p>
  ${data.errors.acts ? html`<p class="error" id="f-acts-error">${data.errors.acts}</p>` : ''}
  ${childrenOf(null).map((group) => html`<fieldset class="choices"><legend>${group.label}</legend>
    ${childrenOf(group.code).map((term) => box(term.code, term.label))}
    ${box(group.code, `${group.label}: other, or not more precise`)}
  </fieldset>`)}
</fieldset>`;
}

function victimRows(data: EventFormData) {
  const rows = rowsIn(data.values, /^victim(?:Group|Count|Person)\.(\d+)$/, VICTIM_ROWS);
  return html`<fieldset class="rows"><legend>People affected</legend>
  <p class="hint">A group and how many, or one person by pseudonym (record them under People first).</p>
  ${Array.from({ length: rows }, (_, i) => html`<div class="row">
    ${stateField(data, { label: `Group ${i + 1}`, name: `victimGroup.${i}`, hint: 'For example: North Korean asylum seekers' })}
    ${stateField(data, { label: 'How many', name: `victimCount.${i}`, hint: '25, up to 900, at least 1,400, tens of thousands' })}
    ${stateField(data, { label: 'Or a person', name: `victimPerson.${i}`, hint: 'A pseudonym such as P-1234' })}
  </div>`)}
</fieldset>`;
}

function perpetratorRows(data: EventFormData) {
  const rows = rowsIn(data.values, /^perpetrator(?:Kind|Name|Involvement)\.(\d+)$/, PERPETRATOR_ROWS);
  const { values: v, errors } = data;
  return html`<fieldset class="rows"><legend>Perpetrators</legend>
  <p class="hint">Who is reported to have done it; a row without a name is left out.</p>
  ${Array.from({ length: rows }, (_, i) => html`<div class="row">
    ${selectField({ label: `Kind ${i + 1}`, name: `perpetratorKind.${i}`, choices: KINDS, value: v[`perpetratorKind.${i}`], error: errors[`perpetratorKind.${i}`] })}
    ${stateField(data, { label: 'Name', name: `perpetratorName.${i}`, hint: 'For example: Public Security Bureau, Jilin' })}
    ${selectField({ label: 'Involvement', name: `perpetratorInvolvement.${i}`, choices: INVOLVEMENT_CHOICES, value: v[`perpetratorInvolvement.${i}`], error: errors[`perpetratorInvolvement.${i}`] })}
  </div>`)}
</fieldset>`;
}

export function eventFormPage(data: EventFormData): string {
  const editing = data.event;
  const { values: v, errors } = data;
  const title = editing ? `Edit ${editing.reference}` : 'Record an event';
  const body = html`<h1>${title}</h1>
${errorSummary(errors)}
<form method="post" action="${editing ? `/workspace/events/${editing.reference}` : '/workspace/events'}" novalidate>
  ${csrfField(data.csrf)}
  ${!editing && v.fromReport ? html`<input type="hidden" name="fromReport" value="${v.fromReport}">
  <p class="notice">Recorded from report <a href="/workspace/reports/${v.fromReport}">${v.fromReport}</a>${data.fromReport ? html`: ${data.fromReport.summary}` : ''}. It will be linked as supporting the event.</p>` : ''}
  ${editing ? html`<input type="hidden" name="version" value="${v.version ?? String(editing.version)}">
  <input type="hidden" name="dateShown" value="${v.dateShown ?? ''}">`
    : compartmentField(data.compartments, data)}
  ${stateField(data, { label: 'Title', name: 'title', hint: 'One line: who did what, where. "25 asylum seekers enter the Spanish embassy in Beijing".' })}
  ${textareaField({ label: 'Description (optional)', name: 'description', value: v.description, rows: 5, error: errors.description })}
  ${actsFieldset(data)}
  ${dateFields(data)}
  ${placeFields(data, data.candidates)}
  ${victimRows(data)}
  ${perpetratorRows(data)}
  ${selectField({ label: 'Status', name: 'status', choices: STATUS_CHOICES, value: v.status || 'alleged', hint: 'Your judgement; the event\'s page shows what the linked reports suggest.', error: errors.status })}
  <p><button type="submit" class="primary">${editing ? 'Save changes' : 'Record event'}</button></p>
</form>`;
  return workspaceLayout({ title, body, actor: data.actor, csrf: data.csrf });
}
