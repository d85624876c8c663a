/** The gazetteer search: find how a place is written and which entry it is, before recording an event there. */
import type { Actor } from '../../../access/policy.ts';
import type { GazetteerHit } from '../../../places/gazetteer-entry.ts';
import type { GazetteerAttribution } from '../../../places/gazetteer.service.ts';
import { html } from '../html.ts';
import { field, workspaceLayout } from './workspace.layout.ts';

export interface PlacesPageData {
  actor: Actor;
  csrf: string;
  query: { q: string; country: string };
  hits: GazetteerHit[] | null;
  error?: string;
  attribution: GazetteerAttribution;
}

export function placesPage(data: PlacesPageData): string {
  const { q, country } = data.query;
  const body = html`<h1>Places</h1>
<p>Countries, their provinces and states, and cities, in English and in their own languages. An event's place is looked up here by its name.</p>
<form method="get" action="/workspace/places" role="search" class="filters">
  ${field({ label: 'Name', name: 'q', value: q, hint: 'Whole or in part: Yanji, 延吉, Jil.' })}
  ${field({ label: 'Country code (optional)', name: 'country', value: country, hint: 'Two letters, such as CN.', ...(data.error ? { error: data.error } : {}) })}
  <p><button type="submit" class="primary">Find</button></p>
</form>
${data.hits === null ? '' : data.hits.length === 0 ? html`<p>No place found.</p>` : html`<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records">
<thead><tr><th scope="col">Name</th><th scope="col">Native name</th><th scope="col">Kind</th><th scope="col">Division</th><th scope="col">Country</th><th scope="col">Coordinates</th><th scope="col">Entry</th></tr></thead>
<tbody>${data.hits.map((hit) => html`<tr><th scope="row">${hit.name}</th><td>${hit.native ?? '—'}</td><td>${hit.kind === 'division' ? (hit.divisionType ?? 'division') : hit.capital ? 'capital city' : hit.kind}</td>
<td>${hit.kind === 'country' ? '—' : hit.kind === 'division' ? (hit.division ?? '—') : [hit.divisionName, hit.division].filter(Boolean).join(', ') || '—'}</td>
<td>${hit.countryName} (${hit.country})</td><td>${hit.lat !== undefined && hit.lon !== undefined ? `${hit.lat.toFixed(4)}, ${hit.lon.toFixed(4)}` : '—'}</td><td><code>${hit.id}</code></td></tr>`)}</tbody>
</table></div>`}
<p class="attribution"><small>${data.attribution.text} <a href="${data.attribution.url}">The dataset</a>; <a href="${data.attribution.licenceUrl}">the licence</a>.</small></p>`;
  return workspaceLayout({ title: 'Places', body, actor: data.actor, csrf: data.csrf });
}
