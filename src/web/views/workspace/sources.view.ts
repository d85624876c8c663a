/** Sources: the list, a source's page, and the form that records or edits one. */
import type { Actor } from '../../../access/policy.ts';
import { can } from '../../../access/policy.ts';
import type { Compartment } from '../../../access/user.repository.ts';
import { SOURCE_KINDS, type SourceSecrets, type SourceView } from '../../../workspace/source.service.ts';
import { html } from '../html.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

export function sourcesPage(data: { actor: Actor; csrf: string; total: number; sources: SourceView[]; q: string; notice?: string }): string {
  const body = html`<h1>Sources</h1>
<p>${data.total} source${data.total === 1 ? '' : 's'} in your compartments. Identities are sealed; pseudonyms are what you write down elsewhere.</p>
<form method="get" action="/workspace/sources" role="search">${field({ label: 'Find a pseudonym', name: 'q', value: data.q })}<p><button type="submit" class="primary">Find</button></p></form>
${can(data.actor, 'sources.write') ? html`<p><a class="button" href="/workspace/sources/new">Record a source</a></p>` : ''}
<div class="table-wrap"><table class="records">
<thead><tr><th scope="col">Pseudonym</th><th scope="col">Kind</th><th scope="col">Compartment</th><th scope="col">Sealed details</th><th scope="col">Changed</th></tr></thead>
<tbody>${data.sources.map((source) => html`<tr><th scope="row"><a href="/workspace/sources/${source.pseudonym}">${source.pseudonym}</a></th><td>${source.kind}</td><td>${source.compartment}</td><td>${[source.hasIdentity ? 'identity' : '', source.hasContact ? 'contact' : ''].filter(Boolean).join(', ') || '—'}</td><td>${source.updatedAt.slice(0, 10)}</td></tr>`)}</tbody>
</table></div>`;
  return workspaceLayout({ title: 'Sources', body, actor: data.actor, csrf: data.csrf, ...(data.notice ? { notice: data.notice } : {}) });
}

export function sourcePage(data: { actor: Actor; csrf: string; source: SourceView; secrets?: SourceSecrets; notice?: string }): string {
  const { source } = data;
  const sealed = source.hasIdentity || source.hasContact;
  const body = html`<h1>Source ${source.pseudonym}</h1>
<dl class="facts">
  <dt>Kind</dt><dd>${source.kind}</dd>
  <dt>Compartment</dt><dd>${source.compartment}</dd>
  <dt>Recorded</dt><dd>${source.createdAt.slice(0, 10)}</dd>
</dl>
<section class="sealed" aria-labelledby="sealed-heading">
  <h2 id="sealed-heading">Identity and contact (sealed)</h2>
  ${data.secrets ? html`<dl class="facts"><dt>Identity</dt><dd>${data.secrets.identity ?? '—'}</dd><dt>Contact</dt><dd>${data.secrets.contact ?? '—'}</dd></dl>
  <p>This reading was written to the audit chain.</p>`
    : !sealed ? html`<p>None recorded.</p>`
    : can(data.actor, 'sources.reveal') ? html`<form method="post" action="/workspace/sources/${source.pseudonym}/reveal">${csrfField(data.csrf)}<p>Opening them is written to the audit chain.</p><button type="submit" class="primary">Show identity and contact</button></form>`
    : html`<p>Sealed. Your role does not open them.</p>`}
</section>
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
  values: { compartment?: string; kind?: string; identity?: string; contact?: string; version?: string };
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
  ${field({ label: 'Identity (sealed)', name: 'identity', value: v.identity ?? '', hint: editing ? 'Leave empty to keep what is stored; it is not shown here.' : 'Name, role, how to recognise them. Encrypted at rest.', ...(data.errors.identity ? { error: data.errors.identity } : {}), autocomplete: 'off' })}
  ${field({ label: 'Contact details (sealed)', name: 'contact', value: v.contact ?? '', hint: editing ? 'Leave empty to keep what is stored.' : 'Phone, messaging handle, intermediary.', ...(data.errors.contact ? { error: data.errors.contact } : {}), autocomplete: 'off' })}
  <p><button type="submit" class="primary">${editing ? 'Save changes' : 'Record source'}</button></p>
</form>`;
  return workspaceLayout({ title: editing ? `Edit ${editing.pseudonym}` : 'Record a source', body, actor: data.actor, csrf: data.csrf });
}
