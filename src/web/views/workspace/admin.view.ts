/** Administrators' pages: accounts and compartments, and the audit chain. */
import type { AuditEntry } from '../../../access/audit/audit-chain.ts';
import type { AuditFilter } from '../../../access/audit/audit.repository.ts';
import { ROLES, type Actor } from '../../../access/policy.ts';
import type { Compartment, UserSummary } from '../../../access/user.repository.ts';
import { html } from '../html.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

export interface UsersPageData {
  actor: Actor;
  csrf: string;
  users: UserSummary[];
  compartments: Compartment[];
  form?: { email?: string; role?: string; compartments?: string };
  errors?: Record<string, string>;
  notice?: string;
}

function roleSelect(id: string, selected: string): ReturnType<typeof html> {
  return html`<select id="${id}" name="role">${ROLES.map((role) => html`<option value="${role}"${role === selected ? html` selected` : ''}>${role.replace('-', ' ')}</option>`)}</select>`;
}

export function usersPage(data: UsersPageData): string {
  const errors = data.errors ?? {};
  const rows = data.users.map((user) => html`<tr>
  <th scope="row">${user.email}</th>
  <td>${user.role.replace('-', ' ')}</td>
  <td>${user.compartments.join(', ') || '—'}</td>
  <td>${user.twoFactor ? 'on' : 'off'}</td>
  <td>${user.disabled ? 'disabled' : user.lockedUntil && Date.parse(user.lockedUntil) > Date.now() ? 'locked' : 'active'}</td>
  <td>
    <form class="inline" method="post" action="/admin/users/${user.id}/${user.disabled ? 'enable' : 'disable'}">${csrfField(data.csrf)}<button type="submit" class="danger">${user.disabled ? 'Enable' : 'Disable'}</button></form>
    ${user.twoFactor ? html`<form class="inline" method="post" action="/admin/users/${user.id}/reset-2fa">${csrfField(data.csrf)}<button type="submit" class="danger">Reset two-factor</button></form>` : ''}
    <details><summary>Change role or compartments</summary>
      <form method="post" action="/admin/users/${user.id}">${csrfField(data.csrf)}
        <p class="field"><label for="role-${user.id}">Role</label>${roleSelect(`role-${user.id}`, user.role)}</p>
        ${field({ id: `f-compartments-${user.id}`, label: 'Compartments', name: 'compartments', value: user.compartments.join(', '), hint: 'Names, separated by commas.' })}
        <p><button type="submit" class="primary">Save</button></p>
      </form>
    </details>
  </td>
</tr>`);
  const body = html`<h1>Users</h1>
<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records">
<thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Compartments</th><th scope="col">Two-factor</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
<tbody>${rows}</tbody></table></div>
<h2>Add a user</h2>
<form method="post" action="/admin/users" novalidate>
  ${csrfField(data.csrf)}
  ${field({ label: 'Email', name: 'email', type: 'email', value: data.form?.email ?? '', ...(errors.email ? { error: errors.email } : {}) })}
  <p class="field${errors.role ? ' invalid' : ''}"><label for="f-role">Role</label>${errors.role ? html`<span class="error">${errors.role}</span>` : ''}${roleSelect('f-role', data.form?.role ?? 'researcher')}</p>
  ${field({ label: 'Compartments', name: 'compartments', value: data.form?.compartments ?? '', hint: `Names, separated by commas. Existing: ${data.compartments.map((c) => c.name).join(', ') || 'none yet'}.`, ...(errors.compartments ? { error: errors.compartments } : {}) })}
  ${field({ label: 'First password', name: 'password', type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters. Give it to the person in a safe way; they can change it.', ...(errors.password ? { error: errors.password } : {}) })}
  <p><button type="submit" class="primary">Add user</button></p>
</form>`;
  return workspaceLayout({ title: 'Users', body, actor: data.actor, csrf: data.csrf, ...(data.notice ? { notice: data.notice } : {}) });
}

export function auditPage(data: { actor: Actor; csrf: string; entries: AuditEntry[]; filter: AuditFilter; chain: string }): string {
  const f = data.filter;
  const last = data.entries.at(-1);
  const more = last && last.seq > 1 ? new URLSearchParams({ ...(f.action ? { action: f.action } : {}), ...(f.actor ? { actor: f.actor } : {}), ...(f.subjectId ? { subject: f.subjectId } : {}), before: String(last.seq) }).toString() : null;
  const body = html`<h1>Audit chain</h1>
<p>${data.chain}</p>
<form method="get" action="/admin/audit" class="filters">
  ${field({ label: 'Action starts with', name: 'action', value: f.action ?? '', hint: 'e.g. sign-in, user., source.reveal' })}
  ${field({ label: 'Actor', name: 'actor', value: f.actor ?? '' })}
  ${field({ label: 'Subject', name: 'subject', value: f.subjectId ?? '', hint: 'A user id, a pseudonym…' })}
  <p><button type="submit" class="primary">Filter</button> <a href="/admin/audit">Clear</a></p>
</form>
<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records">
<thead><tr><th scope="col">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">From</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Details</th></tr></thead>
<tbody>${data.entries.map((entry) => html`<tr><td>${entry.seq}</td><td>${entry.at.slice(0, 19).replace('T', ' ')}</td><td>${entry.actor}</td><td>${entry.ip ?? ''}</td><td>${entry.action}</td><td>${entry.subjectType ? `${entry.subjectType} ${entry.subjectId ?? ''}` : ''}</td><td><code>${entry.details}</code></td></tr>`)}</tbody>
</table></div>
${data.entries.length === 0 ? html`<p>No entries match.</p>` : ''}
${more ? html`<p><a href="/admin/audit?${more}">Older entries</a></p>` : ''}`;
  return workspaceLayout({ title: 'Audit chain', body, actor: data.actor, csrf: data.csrf });
}
