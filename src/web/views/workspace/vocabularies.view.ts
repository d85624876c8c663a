/**
 * The controlled vocabularies, as reference for the people who use them: act
 * types with their stable codes and HURIDOCS counterparts, the two grading
 * scales, and the statuses of events and of people.
 */
import type { Actor } from '../../../access/policy.ts';
import { ACT_TYPES_VERSION, childrenOf, type ActType } from '../../../domain/act-types.ts';
import { PERSON_STATUS_LABELS } from '../../../domain/case-status.ts';
import { EVENT_STATUS_LABELS, SOURCES_TO_CORROBORATE } from '../../../domain/corroboration.ts';
import { CREDIBILITY_GRADES, RELIABILITY_GRADES } from '../../../domain/grading.ts';
import { html, type Html } from '../html.ts';
import { workspaceLayout } from './workspace.layout.ts';

function termRow(term: ActType, depth: number): Html {
  return html`<tr${term.retired ? html` class="retired"` : ''}><th scope="row"${depth > 0 ? html` class="child"` : ''}>${term.label}${term.retired ? ' (retired)' : ''}</th>
<td><code>${term.code}</code></td><td>${term.description}</td>
<td>${term.huridocs ? html`<code>${term.huridocs.code}</code> ${term.huridocs.term}` : '—'}</td></tr>`;
}

export function vocabulariesPage(data: { actor: Actor; csrf: string }): string {
  const rows = childrenOf(null, { includeRetired: true }).flatMap((group) => [termRow(group, 0), ...childrenOf(group.code, { includeRetired: true }).map((term) => termRow(term, 1))]);
  const body = html`<h1>Vocabularies</h1>
<p>The words records are kept in. Codes are stored with each record and never change meaning; a term no longer used is retired, never removed.</p>
<h2 id="acts-heading">Act types (version ${ACT_TYPES_VERSION})</h2>
<p>Mapped, where one exists, to the matching term of the HURIDOCS "Types of Acts" micro-thesaurus (Events Standard Formats, 2001), so events can be exchanged with systems built on it.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="acts-heading"><table class="records">
<thead><tr><th scope="col">Term</th><th scope="col">Code</th><th scope="col">Covers</th><th scope="col">HURIDOCS</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<h2>Grading: two axes, never merged</h2>
<div class="columns">
<section aria-labelledby="reliability-heading"><h3 id="reliability-heading">Source reliability</h3>
<dl class="facts">${RELIABILITY_GRADES.map((g) => html`<dt>${g.grade}</dt><dd>${g.label}</dd>`)}</dl></section>
<section aria-labelledby="credibility-heading"><h3 id="credibility-heading">Information credibility</h3>
<dl class="facts">${CREDIBILITY_GRADES.map((g) => html`<dt>${String(g.grade)}</dt><dd>${g.label}</dd>`)}</dl></section>
</div>
<h2>Event statuses</h2>
<dl class="facts">${Object.entries(EVENT_STATUS_LABELS).map(([code, label]) => html`<dt>${label}</dt><dd><code>${code}</code></dd>`)}</dl>
<p>An event's page suggests a status from its linked reports: ${String(SOURCES_TO_CORROBORATE)} or more independent sources and no contradiction suggest "corroborated"; any contradicting report suggests "disputed". Confirmed and disproved are for people to decide.</p>
<h2>Statuses of people</h2>
<dl class="facts">${Object.entries(PERSON_STATUS_LABELS).map(([code, label]) => html`<dt>${label}</dt><dd><code>${code}</code></dd>`)}</dl>`;
  return workspaceLayout({ title: 'Vocabularies', body, actor: data.actor, csrf: data.csrf });
}
