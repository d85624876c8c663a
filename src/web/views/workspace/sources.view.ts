/** Sources: the list, a source's page, and the form that records or edits one. */
import type { Actor } from '../../../access/policy.ts';
import { can } from '../../../access/policy.ts';
import type { Compartment } from '../../../access/user.repository.ts';
import { RELIABILITY_GRADES } from '../../../domain/grading.ts';
import { SOURCE_CONSENTS, SOURCE_KINDS, type SourceSecrets, type SourceView } from '../../../workspace/source.service.ts';
import { html } from '../html.ts';
import { selectField, type Choice } from './form-parts.ts';
import { recordList } from './record-list.ts';
import { sealedSection } from './sealed-section.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

const CONSENT_LABELS: Record<string, string> = { 'may-be-named': 'May be named', 'may-be-quoted': 'May be quoted, not named', 'never-identify': 'Never identify' };
const CONSENTS: Choice[] = SOURCE_CONSENTS.map((consent) => ({ value: consent, label: CONSENT_LABELS[consent]! }));
const RELIABILITY: Choice[] = RELIABILITY_GRADES.map(({ grade, label }) => ({ value: grade, label: `${grade} — ${label}` }));
const KINDS: Choice[] = SOURCE_KINDS.map((kind) => ({ value: kind, label: kind }));

const consentLabel = (consent: string) => CONSENT_LABELS[consent] ?? consent;

/** "B — Usually reliable, graded by rita@example.org on 2026-03-02", or "Not graded". */
function gradeText(source: SourceView): string {
  const grade = RELIABILITY_GRADES.find((g) => g.grade === source.reliability);
  if (!grade) return 'Not graded';
  const by = source.gradedBy ? `, graded by ${source.gradedBy}${source.gradedAt ? ` on ${source.gradedAt.slice(0, 10)}` : ''}` : '';
  return `${grade.grade} — ${grade.label}${by}`;
}

export function sourcesPage(data: { actor: Actor; csrf: string; total: number; sources: SourceView[]; q: string; kind?: string | undefined; reliability?: string | undefined; notice?: string }): string {
  const body = recordList({
    title: 'Sources', path: '/workspace/sources', total: data.total, noun: ['source', 'sources'], filtered: false,
    note: 'Identities are sealed; pseudonyms are what you write down elsewhere.',
    filters: html`${field({ label: 'Pseudonym or independence group', name: 'q', value: data.q })}
  ${selectField({ label: 'Kind', name: 'kind', choices: KINDS, value: data.kind, blank: 'Any kind' })}
  ${selectField({ label: 'Reliability', name: 'reliability', choices: RELIABILITY, value: data.reliability, blank: 'Any grade' })}`,
    recordLabel: can(data.actor, 'sources.write') ? 'Record a source' : null,
    columns: ['Pseudonym', 'Kind', 'Reliability', 'Consent', 'Independence group', 'Compartment', 'Sealed details', 'Changed'],
    rows: data.sources.map((source) => html`<tr><th scope="row"><a href="/workspace/sources/${source.pseudonym}">${source.pseudonym}</a></th><td>${source.kind}</td><td>${source.reliability ?? '—'}</td><td>${consentLabel(source.consent)}</td><td>${source.independenceGroup ?? '—'}</td><td>${source.compartment}</td><td>${[source.hasIdentity ? 'identity' : '', source.hasContact ? 'contact' : ''].filter(Boolean).join(', ') || '—'}</td><td>${source.updatedAt.slice(0, 10)}</td></tr>`),
  });
  return workspaceLayout({ title: 'Sources', body, actor: data.actor, csrf: data.csrf, ...(data.notice ? { notice: data.notice } : {}) });
}

export function sourcePage(data: { actor: Actor; csrf: string; source: SourceView; secrets?: SourceSecrets; notice?: string }): string {
  const { source } = data;
  const body = html`<h1>Source ${source.pseudonym}</h1>
<dl class="facts">
  <dt>Kind</dt><dd>${source.kind}</dd>
  <dt>Consent</dt><dd>${consentLabel(source.consent)}</dd>
  <dt>Reliability</dt><dd>${gradeText(source)}</dd>
  <dt>Independence group</dt><dd>${source.independenceGroup ? html`<a href="/workspace/sources?q=${encodeURIComponent(source.independenceGroup)}">${source.independenceGroup}</a>` : 'None: independent of every other source'}</dd>
  <dt>Compartment</dt><dd>${source.compartment}</dd>
  <dt>Recorded</dt><dd>${source.createdAt.slice(0, 10)}</dd>
</dl>
${sealedSection({
    title: 'Identity and contact', recorded: source.hasIdentity || source.hasContact, csrf: data.csrf,
    opened: data.secrets && [['Identity', data.secrets.identity], ['Contact', data.secrets.contact]],
    revealAction: can(data.actor, 'sources.reveal') ? `/workspace/sources/${source.pseudonym}/reveal` : null,
  })}
${can(data.actor, 'sources.write') ? html`<p><a href="/workspace/sources/${source.pseudonym}/edit">Edit</a></p>
<form method="post" action="/workspace/sources/${source.pseudonym}/delete">${csrfField(data.csrf)}<button type="submit" class="danger">Delete this source</button></form>` : ''}`;
  return workspaceLayout({ title: `Source ${source.pseudonym}`, body, actor: data.actor, csrf: data.csrf, ...(data.notice ? { notice: data.notice } : {}) });
}

export interface SourceFormData {
  actor: Actor;
  csrf: string;
  compartments: Compartment[];
  /** Set when editing. */
  source?: SourceView;
  values: { compartment?: string; kind?: string; consent?: string; reliability?: string; independenceGroup?: string; identity?: string; contact?: string; version?: string };
  errors: Record<string, string>;
}

export function sourceFormPage(data: SourceFormData): string {
  const editing = data.source;
  const v = data.values;
  const body = html`<h1>${editing ? `Edit ${editing.pseudonym}` : 'Record a source'}</h1>
${data.errors.form ? html`<p class="form-error" role="alert">${data.errors.form}</p>` : ''}
<form method="post" action="${editing ? `/workspace/sources/${editing.pseudonym}` : '/workspace/sources'}" novalidate>
  ${csrfField(data.csrf)}
  ${editing ? html`<input type="hidden" name="version" value="${v.version ?? String(editing.version)}">` : html`<p class="field${data.errors.compartment ? ' invalid' : ''}"><label for="f-compartment">Compartment</label>
  ${data.errors.compartment ? html`<span class="error" id="f-compartment-error">${data.errors.compartment}</span>` : ''}
  <select id="f-compartment" name="compartment">${data.compartments.map((c) => html`<option${c.name === v.compartment ? html` selected` : ''}>${c.name}</option>`)}</select></p>`}
  <p class="field${data.errors.kind ? ' invalid' : ''}"><label for="f-kind">Kind</label>
  ${data.errors.kind ? html`<span class="error" id="f-kind-error">${data.errors.kind}</span>` : ''}
  <select id="f-kind" name="kind">${SOURCE_KINDS.map((kind) => html`<option${kind === (v.kind ?? editing?.kind) ? html` selected` : ''}>${kind}</option>`)}</select></p>
  ${selectField({ label: 'Consent', name: 'consent', choices: CONSENTS, value: v.consent ?? editing?.consent ?? 'never-identify', hint: 'What the source agreed to. The reports of a source never to be identified have their full text sealed.', error: data.errors.consent })}
  ${selectField({ label: 'Reliability', name: 'reliability', choices: RELIABILITY, value: v.reliability ?? editing?.reliability ?? '', blank: 'Not graded', hint: 'How reliable the source has proved, A to E; F when it cannot be judged yet. Grading records who graded and when.', error: data.errors.reliability })}
  ${field({ label: 'Independence group (optional)', name: 'independenceGroup', value: v.independenceGroup ?? editing?.independenceGroup ?? '', hint: 'Sources repeating one origin share a group and count once in corroboration: two papers printing one wire story, a witness heard through two intermediaries. Any name, such as "Xinhua wire".', ...(data.errors.independenceGroup ? { error: data.errors.independenceGroup } : {}) })}
  ${field({ label: 'Identity (sealed)', name: 'identity', value: v.identity ?? '', hint: editing ? 'Leave empty to keep what is stored; it is not shown here.' : 'Name, role, how to recognise them. Encrypted at rest.', ...(data.errors.identity ? { error: data.errors.identity } : {}), autocomplete: 'off' })}
  ${field({ label: 'Contact details (sealed)', name: 'contact', value: v.contact ?? '', hint: editing ? 'Leave empty to keep what is stored.' : 'Phone, messaging handle, intermediary.', ...(data.errors.contact ? { error: data.errors.contact } : {}), autocomplete: 'off' })}
  <p><button type="submit" class="primary">${editing ? 'Save changes' : 'Record source'}</button></p>
</form>`;
  return workspaceLayout({ title: editing ? `Edit ${editing.pseudonym}` : 'Record a source', body, actor: data.actor, csrf: data.csrf });
}
