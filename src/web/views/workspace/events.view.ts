/** Events: the list with its filters, and an event's page with its evidence and how well it is corroborated. */
import { can, type Actor } from '../../../access/policy.ts';
import { ancestorsOf, childrenOf } from '../../../domain/act-types.ts';
import { describeCorroboration, EVENT_STATUS_LABELS, isEventStatus, type Corroboration } from '../../../domain/corroboration.ts';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '../../../domain/grading.ts';
import type { GazetteerAttribution } from '../../../places/gazetteer.service.ts';
import type { Place } from '../../../places/place.ts';
import { STANCES, type EventSummary, type EventView } from '../../../workspace/event.service.ts';
import { html, type Html } from '../html.ts';
import { STATUS_CHOICES } from './event-form.view.ts';
import { errorSummary, pager, selectField, type FormState } from './form-parts.ts';
import { recordList } from './record-list.ts';
import { shortened } from './reports.view.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

const statusLabel = (status: string) => (isEventStatus(status) ? EVENT_STATUS_LABELS[status] : status);

/** "Deprivation of liberty › Mass arrest (round-up)": a term with the group it belongs to. */
function actLabel(act: { code: string; label: string }): string {
  return [...ancestorsOf(act.code).map((term) => term.label), act.label].join(' › ');
}

/** The act-type filter: each group, then its terms; choosing a group finds every term under it. */
function actFilter(selected: string): Html {
  return html`<p class="field"><label for="f-act">Act type</label>
  <select id="f-act" name="act"><option value="">Any act</option>${childrenOf(null).map((group) => html`<optgroup label="${group.label}">
    <option value="${group.code}"${group.code === selected ? html` selected` : ''}>${group.label}: all</option>
    ${childrenOf(group.code).map((term) => html`<option value="${term.code}"${term.code === selected ? html` selected` : ''}>${term.label}</option>`)}
  </optgroup>`)}</select></p>`;
}

export interface EventsPageData {
  actor: Actor;
  csrf: string;
  total: number;
  events: EventSummary[];
  query: { q?: string | undefined; act?: string | undefined; status?: string | undefined; country?: string | undefined; from?: string | undefined; to?: string | undefined };
  page: number;
  perPage: number;
}

export function eventsPage(data: EventsPageData): string {
  const q = data.query;
  const body = html`${recordList({
    title: 'Events', path: '/workspace/events', total: data.total, noun: ['event', 'events'], filtered: Object.values(q).some(Boolean),
    filters: html`${field({ label: 'Words or reference', name: 'q', value: q.q ?? '' })}
  ${actFilter(q.act ?? '')}
  ${selectField({ label: 'Status', name: 'status', choices: STATUS_CHOICES, value: q.status, blank: 'Any status' })}
  ${field({ label: 'Country code', name: 'country', value: q.country ?? '', hint: 'Two letters, such as CN.' })}
  ${field({ label: 'May have happened from', name: 'from', type: 'date', value: q.from ?? '' })}
  ${field({ label: 'May have happened until', name: 'to', type: 'date', value: q.to ?? '' })}`,
    recordLabel: can(data.actor, 'records.write') ? 'Record an event' : null,
    columns: ['Reference', 'Title', 'Acts', 'When', 'Where', 'Status', 'Compartment'],
    rows: data.events.map((event) => html`<tr><th scope="row"><a href="/workspace/events/${event.reference}">${event.reference}</a></th><td>${event.title}</td><td>${event.acts.map((act) => act.label).join('; ')}</td><td>${event.dateLabel ?? '—'}</td><td>${event.placeLabel ?? '—'}</td><td>${statusLabel(event.status)}</td><td>${event.compartment}</td></tr>`),
  })}
${pager('/workspace/events', q, data.page, data.perPage, data.total)}
<p>Looking for a place's name? <a href="/workspace/places">Search the gazetteer</a>.</p>`;
  return workspaceLayout({ title: 'Events', body, actor: data.actor, csrf: data.csrf });
}

function placeFacts(place: Place, label: string, attribution: GazetteerAttribution): Html {
  const at = place.lat !== undefined && place.lon !== undefined ? `${place.lat.toFixed(4)}, ${place.lon.toFixed(4)}` : null;
  return html`${label}${at ? html` <span class="meta">(${at}; precision: ${place.precision})</span>` : html` <span class="meta">(precision: ${place.precision})</span>`}
  ${place.gazetteerId !== undefined ? html`<br><small class="attribution">${attribution.text} <a href="${attribution.licenceUrl}">Licence</a>.</small>` : ''}`;
}

const gradeOf = (reliability: string | null, credibility: number | null) => `${reliability ?? '–'} / ${credibility ?? '–'}`;

function corroborationBox(c: Corroboration): Html {
  const reliability = RELIABILITY_GRADES.find((g) => g.grade === c.bestReliability);
  const credibility = CREDIBILITY_GRADES.find((g) => g.grade === c.bestCredibility);
  return html`<section class="help corroboration" aria-labelledby="corroboration-heading">
  <h2 id="corroboration-heading">Corroboration</h2>
  <p><strong>${describeCorroboration(c)}</strong></p>
  <dl class="facts">
    <dt>Independent sources</dt><dd>${c.independentSources}</dd>
    <dt>Supporting reports</dt><dd>${c.supportingReports}</dd>
    <dt>Best source reliability</dt><dd>${reliability ? `${reliability.grade} — ${reliability.label}` : 'Not graded'}</dd>
    <dt>Best credibility</dt><dd>${credibility ? `${credibility.grade} — ${credibility.label}` : 'Not graded'}</dd>
    <dt>Contradicted by</dt><dd>${c.contradictedBy.length === 0 ? 'No report' : c.contradictedBy.map((reference, i) => html`${i > 0 ? ', ' : ''}<a href="/workspace/reports/${reference}">${reference}</a>`)}</dd>
  </dl>
  ${c.origins.length > 0 ? html`<h3>Origins counted</h3><ul>${c.origins.map((origin) => html`<li>${origin.sources.length === 1 && origin.sources[0] === origin.key ? `Source ${origin.key}` : `Independence group "${origin.key}": ${origin.sources.join(', ')}`} — through ${origin.reports.join(', ')}</li>`)}</ul>` : ''}
  <p class="hint">Sources that share an independence group repeat one origin and count once; reports without a source count as reports, not sources.</p>
</section>`;
}

export interface EventPageData {
  actor: Actor;
  csrf: string;
  event: EventView;
  attribution: GazetteerAttribution;
  /** The link form as typed, when it was refused. */
  link?: FormState;
}

export function eventPage(data: EventPageData): string {
  const { event } = data;
  const writer = can(data.actor, 'records.write');
  const link = data.link ?? { values: {}, errors: {} };
  const suggested = event.suggestedStatus !== event.status;
  const body = html`<h1>Event ${event.reference}: ${event.title}</h1>
<dl class="facts">
  <dt>What was done</dt><dd>${event.acts.length === 0 ? '—' : html`<ul class="plain">${event.acts.map((act) => html`<li>${actLabel(act)}</li>`)}</ul>`}</dd>
  <dt>When</dt><dd>${event.dateLabel ?? 'Not known'}${event.date?.text && event.date.text !== event.dateLabel ? html` <span class="meta">(reported as "${event.date.text}")</span>` : ''}</dd>
  <dt>Where</dt><dd>${event.place && event.placeLabel ? placeFacts(event.place, event.placeLabel, data.attribution) : 'Not known'}</dd>
  <dt>Status</dt><dd>${statusLabel(event.status)}${suggested ? html` — <strong>the linked reports suggest: ${statusLabel(event.suggestedStatus)}</strong>` : ''}</dd>
  <dt>Compartment</dt><dd>${event.compartment}</dd>
  <dt>Recorded</dt><dd>${event.createdAt.slice(0, 10)}</dd>
</dl>
${event.description ? html`<p class="record-text">${event.description}</p>` : ''}
<h2>People affected</h2>
${event.victims.length === 0 ? html`<p>None recorded.</p>` : html`<table class="records"><thead><tr><th scope="col">Who</th><th scope="col">How many</th></tr></thead>
<tbody>${event.victims.map((victim) => html`<tr><td>${victim.person ? html`<a href="/workspace/people/${victim.person}">${victim.person}</a>` : ''}${victim.person && victim.group ? ', ' : ''}${victim.group ?? ''}</td><td>${victim.countLabel ?? 'not said'}</td></tr>`)}</tbody></table>`}
<h2>Perpetrators</h2>
${event.perpetrators.length === 0 ? html`<p>None recorded.</p>` : html`<table class="records"><thead><tr><th scope="col">Who</th><th scope="col">Kind</th><th scope="col">Involvement</th></tr></thead>
<tbody>${event.perpetrators.map((p) => html`<tr><td>${p.name}</td><td>${p.kind}</td><td>${p.involvement}</td></tr>`)}</tbody></table>`}
${corroborationBox(event.corroboration)}
<h2 id="reports-heading">Reports</h2>
${event.reports.length === 0 ? html`<p>No report is linked yet.</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records" aria-labelledby="reports-heading">
<thead><tr><th scope="col">Report</th><th scope="col">Stance</th><th scope="col">Source</th><th scope="col">Grade</th><th scope="col">Received</th><th scope="col">Summary</th>${writer ? html`<th scope="col"><span class="visually-hidden">Actions</span></th>` : ''}</tr></thead>
<tbody>${event.reports.map((report) => html`<tr><th scope="row"><a href="/workspace/reports/${report.reference}">${report.reference}</a></th><td>${report.stance}</td><td>${report.source ? html`<a href="/workspace/sources/${report.source}">${report.source}</a>` : '—'}</td><td>${gradeOf(report.reliability, report.credibility)}</td><td>${report.receivedOn}</td><td>${shortened(report.summary)}</td>
${writer ? html`<td><form class="inline" method="post" action="/workspace/events/${event.reference}/links/${report.reference}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Unlink<span class="visually-hidden"> ${report.reference}</span></button></form></td>` : ''}</tr>`)}</tbody>
</table></div>`}
${writer ? html`<h3>Link a report</h3>
${errorSummary(link.errors)}
<form method="post" action="/workspace/events/${event.reference}/links" novalidate>
  ${csrfField(data.csrf)}
  ${field({ label: 'Report', name: 'report', value: link.values.report ?? '', hint: 'Its reference, such as R-1234; it must be in the same compartment.', ...(link.errors.report ? { error: link.errors.report } : {}) })}
  ${selectField({ label: 'Stance', name: 'stance', choices: STANCES.map((stance) => ({ value: stance, label: stance === 'supports' ? 'supports the event' : 'contradicts the event' })), value: link.values.stance, error: link.errors.stance })}
  <p><button type="submit" class="primary">Link report</button></p>
</form>
<p><a href="/workspace/events/${event.reference}/edit">Edit</a></p>
<form method="post" action="/workspace/events/${event.reference}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Delete this event</button></form>` : ''}`;
  return workspaceLayout({ title: `Event ${event.reference}`, body, actor: data.actor, csrf: data.csrf });
}
