/**
 * The staff side's page: the same stylesheet and landmarks as the archive, a
 * navigation that shows only what the reader may use, and never cached.
 */
import { can, type Actor } from '../../../access/policy.ts';
import { html, type Html } from '../html.ts';
import { assetLinks } from '../layout.ts';

export interface WorkspacePage {
  title: string;
  body: Html;
  actor: Actor | null;
  /** The CSRF token every form on the page carries. */
  csrf: string;
  /** A message shown above the page, e.g. after a change was saved. */
  notice?: string;
}

/** The hidden field that proves a form came from one of Vigil's own pages. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export interface FieldOptions {
  label: string;
  name: string;
  value?: string;
  type?: string;
  error?: string;
  hint?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: string;
  /** The element id, when one name appears in several forms of a page. */
  id?: string;
}

/** A labelled input with its hint and its error, tied together for screen readers. */
export function field(options: FieldOptions): Html {
  const id = options.id ?? `f-${options.name}`;
  const described = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<p class="field${options.error ? ' invalid' : ''}">
  <label for="${id}">${options.label}</label>
  ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : ''}
  ${options.error ? html`<span class="error" id="${id}-error">${options.error}</span>` : ''}
  <input id="${id}" name="${options.name}" type="${options.type ?? 'text'}" value="${options.value ?? ''}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${options.required ? html` required` : ''}${options.error ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>
</p>`;
}

function nav(actor: Actor, csrf: string): Html {
  const links: Array<[string, string]> = [];
  if (can(actor, 'records.read')) links.push(['/workspace/reports', 'Reports']);
  if (can(actor, 'sources.read')) links.push(['/workspace/sources', 'Sources']);
  if (can(actor, 'records.read')) links.push(['/workspace/events', 'Events'], ['/workspace/people', 'People'], ['/workspace/vocabularies', 'Vocabularies']);
  if (can(actor, 'users.manage')) links.push(['/admin/users', 'Users']);
  if (can(actor, 'audit.read')) links.push(['/admin/audit', 'Audit']);
  links.push(['/account', 'Account']);
  return html`<nav aria-label="Workspace"><ul class="workspace-nav">${links.map(([href, label]) => html`<li><a href="${href}">${label}</a></li>`)}
  <li><form method="post" action="/logout">${csrfField(csrf)}<button type="submit" class="link">Sign out</button></form></li></ul></nav>`;
}

/** A whole staff page. */
export function workspaceLayout(page: WorkspacePage): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${page.title} · Vigil workspace</title>
${assetLinks()}
</head>
<body class="workspace">
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="${page.actor ? '/workspace/sources' : '/'}">Vigil workspace</a>
  ${page.actor ? html`<span class="who">${page.actor.email} · ${page.actor.role.replace('-', ' ')}</span>` : ''}
  ${page.actor ? nav(page.actor, page.csrf) : html`<nav aria-label="Archive"><ul class="workspace-nav"><li><a href="/">Public archive</a></li></ul></nav>`}
</header>
<main id="main" tabindex="-1">
${page.notice ? html`<p class="notice" role="status">${page.notice}</p>` : ''}
${page.body}
</main>
</body>
</html>
`.value;
}
