/** Signing in: the password page, the second-factor page, and setting up an authenticator. */
import { html, trusted } from '../html.ts';
import { csrfField, field, workspaceLayout } from './workspace.layout.ts';

/** The one answer to any failed sign-in: it does not say which part was wrong or whether the account exists. */
export const SIGN_IN_FAILED = 'Those details did not sign you in. Check them and try again; after several tries an account is locked for a while.';

export function signInPage(options: { csrf: string; email?: string; next?: string; error?: string }): string {
  const body = html`<h1>Sign in</h1>
<p>For staff of the organisation. The public archive needs no account: <a href="/">search it here</a>.</p>
${options.error ? html`<p class="form-error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login" novalidate>
  ${csrfField(options.csrf)}
  <input type="hidden" name="next" value="${options.next ?? ''}">
  ${field({ label: 'Email', name: 'email', type: 'email', value: options.email ?? '', autocomplete: 'username', required: true })}
  ${field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })}
  <p><button type="submit" class="primary">Sign in</button></p>
</form>`;
  return workspaceLayout({ title: 'Sign in', body, actor: null, csrf: options.csrf });
}

export function secondFactorPage(options: { csrf: string; error?: string }): string {
  const body = html`<h1>Two-factor sign-in</h1>
<p>Type the six-digit code your authenticator app shows now, or one of your recovery codes.</p>
${options.error ? html`<p class="form-error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/login/two-factor" novalidate>
  ${csrfField(options.csrf)}
  ${field({ label: 'Code', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true })}
  <p><button type="submit" class="primary">Continue</button></p>
</form>
<form method="post" action="/logout">${csrfField(options.csrf)}<button type="submit" class="link">Cancel and sign out</button></form>`;
  return workspaceLayout({ title: 'Two-factor sign-in', body, actor: null, csrf: options.csrf });
}

export function enrolPage(options: { csrf: string; secret: string; qr: string; required: boolean; error?: string }): string {
  const body = html`<h1>Set up two-factor sign-in</h1>
${options.required ? html`<p>Your role signs in with a second factor. Set it up now to continue.</p>` : ''}
<ol>
  <li>Open an authenticator app on your phone (any app that reads TOTP codes).</li>
  <li>Scan this code, or type the key below it.</li>
  <li>Type the six digits the app shows.</li>
</ol>
<figure class="qr"><span role="img" aria-label="QR code holding the key written below">${trusted(options.qr)}</span><figcaption>Key: <code>${options.secret.replace(/(.{4})/g, '$1 ').trim()}</code></figcaption></figure>
${options.error ? html`<p class="form-error" role="alert">${options.error}</p>` : ''}
<form method="post" action="/account/two-factor" novalidate>
  ${csrfField(options.csrf)}
  ${field({ label: 'Code from the app', name: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', required: true })}
  <p><button type="submit" class="primary">Turn on two-factor sign-in</button></p>
</form>
<form method="post" action="/logout">${csrfField(options.csrf)}<button type="submit" class="link">Cancel and sign out</button></form>`;
  return workspaceLayout({ title: 'Set up two-factor sign-in', body, actor: null, csrf: options.csrf });
}

export function recoveryCodesPage(options: { csrf: string; codes: string[] }): string {
  const body = html`<h1>Two-factor sign-in is on</h1>
<p>Keep these recovery codes somewhere safe, away from your phone. Each signs you in once if the phone is lost. They are shown only now.</p>
<ul class="codes">${options.codes.map((code) => html`<li><code>${code}</code></li>`)}</ul>
<p><a class="button" href="/workspace/sources">Continue to the workspace</a></p>`;
  return workspaceLayout({ title: 'Recovery codes', body, actor: null, csrf: options.csrf });
}
