/**
 * People at risk: the list with how each one is now, and a person's page —
 * their case as a dated history, the form that adds to it, and the events
 * that name them. Their name and contact stay sealed until someone allowed
 * opens them, and each opening is audited.
 */
import { can, type Actor } from '../../../access/policy.ts';
import { PERSON_STATUS_LABELS, PERSON_STATUSES } from '../../../domain/case-status.ts';
import type { GazetteerEntry } from '../../../places/gazetteer-entry.ts';
import { englishCountryName } from '../../../places/place.ts';
import type { PersonView } from '../../../workspace/person.service.ts';
import { html, type Html } from '../html.ts';
import { dateFields, errorSummary, pager, placeFields, selectField, stateField, textareaField, type FormState } from './form-parts.ts';
import { recordList } from './record-list.ts';
import { sealedSection } from './sealed-section.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

const nationalityOf = (code: string | null) => (code ? `${englishCountryName(code)} (${code})` : '—');

export interface PeoplePageData {
  actor: Actor;
  csrf: string;
  total: number;
  people: PersonView[];
  query: { q?: string | undefined; nationality?: string | undefined };
  page: number;
  perPage: number;
}

export function peoplePage(data: PeoplePageData): string {
  const q = data.query;
  const body = html`${recordList({
    title: 'People', path: '/workspace/people', total: data.total, noun: ['person', 'people'], filtered: Object.values(q).some(Boolean),
    note: 'Names are sealed; pseudonyms are what you write down elsewhere.',
    filters: html`${field({ label: 'Pseudonym or words in the notes', name: 'q', value: q.q ?? '' })}
  ${field({ label: 'Nationality', name: 'nationality', value: q.nationality ?? '', hint: 'Two letters, such as KP.' })}`,
    recordLabel: can(data.actor, 'records.write') ? 'Record a person' : null,
    columns: ['Pseudonym', 'Now', 'Nationality', 'Compartment'],
    rows: data.people.map((person) => html`<tr><th scope="row"><a href="/workspace/people/${person.pseudonym}">${person.pseudonym}</a></th><td>${person.current?.summary ?? 'no status recorded'}</td><td>${nationalityOf(person.nationality)}</td><td>${person.compartment}</td></tr>`),
  })}
${pager('/workspace/people', q, data.page, data.perPage, data.total)}`;
  return workspaceLayout({ title: 'People', body, actor: data.actor, csrf: data.csrf });
}

function historyTable(data: PersonPageData, writer: boolean): Html {
  const { person } = data;
  if (person.statuses.length === 0) return html`<p>No status recorded yet.</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records" aria-labelledby="history-heading">
<thead><tr><th scope="col">Status</th><th scope="col">Since</th><th scope="col">Where</th><th scope="col">Held by</th><th scope="col">Note</th><th scope="col">Reports</th>${writer ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : ''}</tr></thead>
<tbody>${person.statuses.map((status) => html`<tr><th scope="row">${status.label}</th><td>${status.dateLabel ?? '—'}${status.date?.text && status.date.text !== status.dateLabel ? html`<br><span class="meta">reported as "${status.date.text}"</span>` : ''}</td>
<td>${status.placeLabel ?? '—'}</td><td>${status.heldBy ?? '—'}</td><td>${status.note || '—'}</td>
<td>${status.reports.length === 0 ? '—' : status.reports.map((reference, i) => html`${i > 0 ? ', ' : ''}<a href="/workspace/reports/${reference}">${reference}</a>`)}</td>
${writer ? html`<td><form class="inline" method="post" action="/workspace/people/${person.pseudonym}/statuses/${status.id}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Remove<span class="visually-hidden"> ${status.label.toLowerCase()} ${status.dateLabel ?? ''}</span></button></form></td>` : ''}</tr>`)}</tbody>
</table></div>`;
}

function statusForm(data: PersonPageData): Html {
  const state = data.statusForm ?? { values: {}, errors: {} };
  return html`<h3 id="status-heading">Record a change</h3>
${errorSummary(state.errors)}
<form method="post" action="/workspace/people/${data.person.pseudonym}/statuses" novalidate aria-labelledby="status-heading">
  ${csrfField(data.csrf)}
  ${selectField({ label: 'Status', name: 'status', choices: PERSON_STATUSES.map((status) => ({ value: status, label: PERSON_STATUS_LABELS[status] })), value: state.values.status, error: state.errors.status })}
  ${dateFields(state, { required: true })}
  ${placeFields(state, data.candidates ?? [])}
  ${stateField(state, { label: 'Held by (optional)', name: 'heldBy', hint: 'The authority or group holding them, where it is known.' })}
  ${textareaField({ label: 'Note (optional)', name: 'note', value: state.values.note, rows: 3, error: state.errors.note })}
  ${stateField(state, { label: 'Reports (optional)', name: 'reports', hint: 'The reports this rests on, separated by semicolons: R-1234; R-5678.' })}
  <p><button type="submit" class="primary">Record change</button></p>
</form>`;
}

export interface PersonPageData {
  actor: Actor;
  csrf: string;
  person: PersonView;
  secrets?: { name: string | null; contact: string | null };
  /** The status form as typed, when it was refused. */
  statusForm?: FormState;
  candidates?: GazetteerEntry[];
}

export function personPage(data: PersonPageData): string {
  const { person } = data;
  const writer = can(data.actor, 'records.write');
  const current = person.current;
  const body = html`<h1>Person ${person.pseudonym}</h1>
<dl class="facts">
  <dt>Now</dt><dd>${current ? html`${current.summary}${current.since ? html` <span class="meta">(since ${current.since})</span>` : ''}` : 'No status recorded'}</dd>
  <dt>Sex</dt><dd>${person.sex ?? '—'}</dd>
  <dt>Born</dt><dd>${person.birthYear === null ? '—' : `${person.birthYearApproximate ? 'about ' : ''}${person.birthYear}`}</dd>
  <dt>Nationality</dt><dd>${nationalityOf(person.nationality)}</dd>
  <dt>Compartment</dt><dd>${person.compartment}</dd>
  <dt>Recorded</dt><dd>${person.createdAt.slice(0, 10)}</dd>
</dl>
${person.notes ? html`<p class="record-text">${person.notes}</p>` : ''}
${sealedSection({
    title: 'Name and contact', recorded: person.hasName || person.hasContact, csrf: data.csrf,
    opened: data.secrets && [['Name', data.secrets.name], ['Contact', data.secrets.contact]],
    revealAction: can(data.actor, 'records.reveal') ? `/workspace/people/${person.pseudonym}/reveal` : null,
  })}
<h2 id="history-heading">Case history</h2>
${historyTable(data, writer)}
${writer ? statusForm(data) : ''}
<h2>Events naming ${person.pseudonym}</h2>
${person.events.length === 0 ? html`<p>None yet.</p>` : html`<ul>${person.events.map((event) => html`<li><a href="/workspace/events/${event.reference}">${event.reference}</a> ${event.title}</li>`)}</ul>`}
${writer ? html`<p><a href="/workspace/people/${person.pseudonym}/edit">Edit</a></p>
<form method="post" action="/workspace/people/${person.pseudonym}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Delete this person</button></form>` : ''}`;
  return workspaceLayout({ title: `Person ${person.pseudonym}`, body, actor: data.actor, csrf: data.csrf });
}
