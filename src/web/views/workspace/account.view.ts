/** The person's own account: role, compartments, two-factor, password, API tokens. */
import type { TokenSummary } from '../../../access/account.service.ts';
import type { Action, Actor } from '../../../access/policy.ts';
import { html } from '../html.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

export interface AccountPageData {
  actor: Actor;
  csrf: string;
  compartments: string[];
  twoFactor: boolean;
  recoveryCodesLeft: number;
  tokens: TokenSummary[];
  tokenActions: Action[];
  /** A token just made: its secret, shown this once. */
  newToken?: string;
  errors?: Record<string, string>;
  notice?: string;
}

export function accountPage(data: AccountPageData): string {
  const errors = data.errors ?? {};
  const body = html`<h1>Your account</h1>
<dl class="facts">
  <dt>Email</dt><dd>${data.actor.email}</dd>
  <dt>Role</dt><dd>${data.actor.role.replace('-', ' ')}</dd>
  <dt>Compartments</dt><dd>${data.compartments.length > 0 ? data.compartments.join(', ') : 'none'}</dd>
  <dt>Two-factor sign-in</dt><dd>${data.twoFactor ? `on (${data.recoveryCodesLeft} recovery codes left)` : html`off — <a href="/account/two-factor">set it up</a>`}</dd>
</dl>

<h2>Change your password</h2>
<p>Every other place you are signed in will be signed out.</p>
<form method="post" action="/account/password" novalidate>
  ${csrfField(data.csrf)}
  ${field({ label: 'Current password', name: 'current', type: 'password', autocomplete: 'current-password', ...(errors.current ? { error: errors.current } : {}) })}
  ${field({ label: 'New password', name: 'password', type: 'password', autocomplete: 'new-password', hint: 'At least 12 characters; a few unrelated words make a good one.', ...(errors.password ? { error: errors.password } : {}) })}
  <p><button type="submit" class="primary">Change password</button></p>
</form>

<h2>API tokens</h2>
${data.newToken ? html`<p class="sealed" role="status">Your new token (copy it now; it is not shown again): <code>${data.newToken}</code></p>` : ''}
${data.tokens.length > 0 ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records"><thead><tr><th scope="col">Name</th><th scope="col">May</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead><tbody>
${data.tokens.map((token) => html`<tr><td>${token.name}</td><td>${token.scopes.join(', ')}</td><td>${token.expiresAt.slice(0, 10)}</td><td>${token.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never'}</td>
<td>${token.revokedAt ? 'revoked' : Date.parse(token.expiresAt) < Date.now() ? 'expired' : html`<form class="inline" method="post" action="/account/tokens/${token.id}/revoke">${csrfField(data.csrf)}<button type="submit" class="danger">Revoke</button></form>`}</td></tr>`)}
</tbody></table></div>` : html`<p>No tokens.</p>`}
${data.tokenActions.length > 0 ? html`<form method="post" action="/account/tokens" novalidate>
  ${csrfField(data.csrf)}
  ${field({ label: 'Token name', name: 'name', hint: 'What will use it, e.g. "newsroom export".', ...(errors.name ? { error: errors.name } : {}) })}
  <fieldset class="field"><legend>It may</legend>
  ${errors.scopes ? html`<span class="error">${errors.scopes}</span>` : ''}
  ${data.tokenActions.map((action) => html`<label><input type="checkbox" name="scopes" value="${action}"> ${action}</label>`)}
  </fieldset>
  ${field({ label: 'Days until it expires', name: 'days', type: 'number', value: '90', ...(errors.days ? { error: errors.days } : {}) })}
  <p><button type="submit" class="primary">Make a token</button></p>
</form>` : ''}`;
  return workspaceLayout({ title: 'Your account', body, actor: data.actor, csrf: data.csrf, ...(data.notice ? { notice: data.notice } : {}) });
}
