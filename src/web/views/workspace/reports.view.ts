/** Reports: the list with its filters, a report's page, and the form that records or edits one. */
import { can, type Actor } from '../../../access/policy.ts';
import type { Compartment } from '../../../access/user.repository.ts';
import { CREDIBILITY_GRADES } from '../../../domain/grading.ts';
import { REPORT_CHANNELS, type ReportView } from '../../../workspace/report.service.ts';
import type { SourceView } from '../../../workspace/source.service.ts';
import { html } from '../html.ts';
import { checkboxField, compartmentField, errorSummary, pager, selectField, stateField, textareaField, type Choice, type FormState } from './form-parts.ts';
import { recordList } from './record-list.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

const CHANNELS: Choice[] = REPORT_CHANNELS.map((channel) => ({ value: channel, label: channel }));
const CREDIBILITY: Choice[] = CREDIBILITY_GRADES.map(({ grade, label }) => ({ value: String(grade), label: `${grade} — ${label}` }));

/** A source as a select shows it: pseudonym, kind, and what it agreed to. */
function sourceChoice(source: SourceView): Choice {
  const grade = source.reliability ? `, graded ${source.reliability}` : '';
  const consent = source.consent === 'never-identify' ? ', never identify' : '';
  return { value: source.pseudonym, label: `${source.pseudonym} — ${source.kind}${grade}${consent} (${source.compartment})` };
}

/** Long summaries cut at a word, so a list stays a list. */
export function shortened(text: string, max = 160): string {
  if (text.length <= max) return text;
  return `${text.slice(0, text.lastIndexOf(' ', max) > 40 ? text.lastIndexOf(' ', max) : max)}…`;
}

export interface ReportsPageData {
  actor: Actor;
  csrf: string;
  total: number;
  reports: ReportView[];
  sources: SourceView[];
  query: { q?: string | undefined; source?: string | undefined; channel?: string | undefined; from?: string | undefined; to?: string | undefined };
  page: number;
  perPage: number;
}

export function reportsPage(data: ReportsPageData): string {
  const q = data.query;
  const body = html`${recordList({
    title: 'Reports', path: '/workspace/reports', total: data.total, noun: ['report', 'reports'], filtered: Object.values(q).some(Boolean),
    filters: html`${field({ label: 'Words or reference', name: 'q', value: q.q ?? '' })}
  ${selectField({ label: 'Source', name: 'source', choices: data.sources.map(sourceChoice), value: q.source?.toUpperCase(), blank: 'Any source' })}
  ${selectField({ label: 'Channel', name: 'channel', choices: CHANNELS, value: q.channel, blank: 'Any channel' })}
  ${field({ label: 'Received from', name: 'from', type: 'date', value: q.from ?? '' })}
  ${field({ label: 'Received until', name: 'to', type: 'date', value: q.to ?? '' })}`,
    recordLabel: can(data.actor, 'records.write') ? 'Record a report' : null,
    columns: ['Reference', 'Received', 'Channel', 'Source', 'Credibility', 'Summary', 'Compartment'],
    rows: data.reports.map((report) => html`<tr><th scope="row"><a href="/workspace/reports/${report.reference}">${report.reference}</a></th><td>${report.receivedOn}</td><td>${report.channel}</td><td>${report.source ?? '—'}</td><td>${report.credibility ?? '—'}</td><td>${shortened(report.summary)}</td><td>${report.compartment}</td></tr>`),
  })}
${pager('/workspace/reports', q, data.page, data.perPage, data.total)}`;
  return workspaceLayout({ title: 'Reports', body, actor: data.actor, csrf: data.csrf });
}

export function reportPage(data: { actor: Actor; csrf: string; report: ReportView; fullText?: string | null }): string {
  const { report } = data;
  const grade = CREDIBILITY_GRADES.find((g) => g.grade === report.credibility);
  const revealed = data.fullText !== undefined;
  const body = html`<h1>Report ${report.reference}</h1>
<dl class="facts">
  <dt>Received</dt><dd>${report.receivedOn}, by ${report.channel}</dd>
  <dt>Source</dt><dd>${report.source ? html`<a href="/workspace/sources/${report.source}">${report.source}</a>` : 'None recorded'}</dd>
  <dt>Credibility</dt><dd>${grade ? `${grade.grade} — ${grade.label}` : 'Not graded'}</dd>
  <dt>Language</dt><dd>${report.language ?? '—'}</dd>
  <dt>Compartment</dt><dd>${report.compartment}</dd>
  <dt>Recorded</dt><dd>${report.createdAt.slice(0, 10)}</dd>
</dl>
<h2>Summary</h2>
<p class="record-text">${report.summary}</p>
<h2>Full text</h2>
${!report.fullTextSealed ? (report.fullText ? html`<p class="record-text">${report.fullText}</p>` : html`<p>None recorded.</p>`)
  : html`<section class="sealed" aria-label="Sealed full text">
  ${revealed ? html`<p class="record-text">${data.fullText ?? ''}</p><p>This reading was written to the audit chain.</p>`
    : can(data.actor, 'records.reveal') ? html`<form method="post" action="/workspace/reports/${report.reference}/reveal">${csrfField(data.csrf)}<p>The full text is sealed. Opening it is written to the audit chain.</p><button type="submit" class="primary">Show full text</button></form>`
    : html`<p>The full text is sealed. Your role does not open it.</p>`}
</section>`}
<h2>Events this report speaks to</h2>
${report.events.length === 0 ? html`<p>Not linked to any event yet. Link it from the event's page, or record the event it tells of.</p>` : html`<ul>${report.events.map((event) => html`<li><a href="/workspace/events/${event.reference}">${event.reference}</a> ${event.title} — <strong>${event.stance}</strong></li>`)}</ul>`}
${can(data.actor, 'records.write') ? html`<p><a class="button" href="/workspace/events/new?report=${report.reference}">Record an event from this report</a></p>
<p><a href="/workspace/reports/${report.reference}/edit">Edit</a></p>
<form method="post" action="/workspace/reports/${report.reference}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Delete this report</button></form>` : ''}`;
  return workspaceLayout({ title: `Report ${report.reference}`, body, actor: data.actor, csrf: data.csrf });
}

export interface ReportFormData extends FormState {
  actor: Actor;
  csrf: string;
  compartments: Compartment[];
  sources: SourceView[];
  /** Set when editing. */
  report?: ReportView;
}

export function reportFormPage(data: ReportFormData): string {
  const editing = data.report;
  const { values: v, errors } = data;
  const title = editing ? `Edit ${editing.reference}` : 'Record a report';
  const body = html`<h1>${title}</h1>
${errorSummary(errors)}
<form method="post" action="${editing ? `/workspace/reports/${editing.reference}` : '/workspace/reports'}" novalidate>
  ${csrfField(data.csrf)}
  ${editing ? html`<input type="hidden" name="version" value="${v.version ?? String(editing.version)}">`
    : compartmentField(data.compartments, data)}
  ${selectField({ label: 'Source', name: 'source', choices: data.sources.map(sourceChoice), value: v.source?.toUpperCase(), blank: 'None recorded', hint: 'Sources of the same compartment as the report.', error: errors.source })}
  ${stateField(data, { label: 'Received on', name: 'receivedOn', type: 'date' })}
  ${selectField({ label: 'Channel', name: 'channel', choices: CHANNELS, value: v.channel, error: errors.channel })}
  ${textareaField({ label: 'Summary', name: 'summary', value: v.summary, rows: 3, hint: 'What the report says, in a few lines. Never sealed: write no names here.', error: errors.summary })}
  ${textareaField({ label: 'Full text', name: 'fullText', value: v.fullText, rows: 10, autocomplete: 'off', error: errors.fullText,
    hint: editing?.fullTextSealed ? 'The stored full text is sealed and not shown here. Leave this empty to keep it; what you type replaces it.' : 'The report as received: a transcript, the message, the article.' })}
  ${checkboxField({ label: 'Seal the full text', name: 'sealFullText', checked: Boolean(v.sealFullText), hint: 'Encrypted at rest and opened only by those allowed, each time written to the audit chain. It is sealed anyway when the source must never be identified.' })}
  ${stateField(data, { label: 'Language (optional)', name: 'language', hint: 'ISO 639 code of the full text: en, zh, ko.' })}
  ${selectField({ label: 'Credibility of the information', name: 'credibility', choices: CREDIBILITY, value: v.credibility, blank: 'Not graded', hint: 'How credible this piece of information is, whoever gave it; the source\'s reliability is graded on the source.', error: errors.credibility })}
  <p><button type="submit" class="primary">${editing ? 'Save changes' : 'Record report'}</button></p>
</form>`;
  return workspaceLayout({ title, body, actor: data.actor, csrf: data.csrf });
}
