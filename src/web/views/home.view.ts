/** The front page: latest documents, the search box, and ways to browse. */
import type { HitView } from '../../archive/document.presenter.ts';
import type { FacetCounts } from '../../archive/document.search.ts';
import { html } from './html.ts';
import { layout } from './layout.ts';
import { formatCount } from './names.ts';
import { facetEntries, facetLabel, hitList, searchHref, type FacetName } from './parts.ts';

function browse(name: FacetName, title: string, counts: Record<string, number>, limit: number) {
  return html`<section class="browse" aria-labelledby="browse-${name}">
  <h3 id="browse-${name}">${title}</h3>
  <ul>${facetEntries(name, counts).slice(0, limit).map(([value, count]) =>
    html`<li><a href="${searchHref({ [name]: value, sort: 'date' })}">${facetLabel(name, value)}</a> <span class="count">${count}</span></li>`)}</ul>
</section>`;
}

/** The home page. */
export function homePage(latest: HitView[], total: number, facets: FacetCounts): string {
  const body = html`
<h1>Vigil archive</h1>
<p class="lead">${formatCount(total)} public document${total === 1 ? '' : 's'} — statements, press releases, urgent actions and reports — searchable and kept at permanent addresses.</p>
<div class="home-layout">
  <section aria-labelledby="latest-heading">
    <h2 id="latest-heading">Latest documents</h2>
    ${hitList(latest, false)}
    <p><a href="/search?sort=date">All documents, newest first →</a></p>
  </section>
  <nav class="browse-all" aria-labelledby="browse-heading">
    <h2 id="browse-heading">Browse</h2>
    ${browse('country', 'By country', facets.country, 20)}
    ${browse('type', 'By type', facets.type, 20)}
    ${browse('year', 'By year', facets.year, 40)}
    ${browse('language', 'By language', facets.language, 20)}
  </nav>
</div>`;
  return layout({ title: 'Public documents', description: 'Searchable archive of public human-rights documents.', body, canonical: '/' });
}
