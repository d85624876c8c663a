/** The page around every view: landmarks, search box, the stylesheet, and nothing from other hosts. */
import { ASSETS } from '../assets.ts';
import { html, trusted, type Html } from './html.ts';

export interface Page {
  title: string;
  description?: string;
  body: Html;
  /** Absolute path of the page's one address, for rel=canonical. */
  canonical?: string;
  /** schema.org data for the page, written as JSON-LD. */
  jsonLd?: unknown;
  query?: string;
  /** A feed the page offers, as a path. */
  feed?: string;
  noindex?: boolean;
}

function jsonLd(data: unknown): Html {
  // `<` escaped so that no text in the data can close the script element.
  return trusted(`<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/** The site's own stylesheet, icon and script, which every page (public or staff) links and nothing else. */
export function assetLinks(): Html {
  return html`<link rel="stylesheet" href="${ASSETS.css}">
<link rel="icon" href="${ASSETS.icon}" type="image/svg+xml">
<script src="${ASSETS.js}" defer></script>`;
}

/** A whole HTML page. */
export function layout(page: Page): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Vigil archive</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ''}
${page.canonical ? html`<link rel="canonical" href="${page.canonical}">` : ''}
${page.noindex ? html`<meta name="robots" content="noindex">` : ''}
${assetLinks()}
<link rel="alternate" type="application/atom+xml" title="Vigil archive: latest documents" href="${page.feed ?? '/feed.atom'}">
${page.jsonLd ? jsonLd(page.jsonLd) : ''}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/">Vigil archive</a>
  <form class="search" role="search" action="/search" method="get">
    <label for="q" class="visually-hidden">Search the archive</label>
    <input id="q" name="q" type="search" value="${page.query ?? ''}" placeholder="Words, &quot;a phrase&quot; or an index number" autocomplete="off">
    <button type="submit">Search</button>
  </form>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site">
  <p>Public documents, kept at permanent addresses. <a href="/feed.atom">Atom feed</a> · <a href="/api/v1/openapi.json">JSON API</a> · <a href="/search?sort=date">All documents</a></p>
</footer>
</body>
</html>
`.value;
}
