/** The search page: results with snippets, facets that narrow, pages, sort, and help when nothing is found. */
import type { SearchResult } from '../../archive/index.ts';
import { html, type Html } from './html.ts';
import { layout } from './layout.ts';
import { formatCount } from './names.ts';
import { facetEntries, facetLabel, hitList, searchHref, type FacetName } from './parts.ts';

export interface SearchState {
  q: string;
  type?: string | undefined;
  country?: string | undefined;
  year?: number | undefined;
  language?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page: number;
  perPage: number;
}

function params(state: SearchState, change: Partial<SearchState> = {}): Record<string, string | number | undefined> {
  const next = { ...state, ...change };
  return {
    q: next.q, type: next.type, country: next.country, year: next.year, language: next.language,
    sort: next.sort, page: next.page > 1 ? next.page : undefined,
  };
}

function facetList(name: FacetName, title: string, counts: Record<string, number>, state: SearchState): Html {
  const active = state[name];
  const entries = facetEntries(name, counts).slice(0, 12);
  if (entries.length === 0) return html``;
  return html`<section class="facet" aria-labelledby="facet-${name}">
  <h3 id="facet-${name}">${title}</h3>
  <ul>
  ${active !== undefined ? html`<li><a href="${searchHref(params(state, { [name]: undefined, page: 1 }))}">All (remove ${facetLabel(name, String(active))})</a></li>` : ''}
  ${entries.map(([value, count]) => String(active) === value
    ? html`<li aria-current="true"><strong>${facetLabel(name, value)}</strong> <span class="count">${count}</span></li>`
    : html`<li><a href="${searchHref(params(state, { [name]: name === 'year' ? Number(value) : value, page: 1 }))}">${facetLabel(name, value)}</a> <span class="count">${count}</span></li>`)}
  </ul>
</section>`;
}

function pagination(state: SearchState, total: number): Html {
  const pages = Math.ceil(total / state.perPage);
  if (pages <= 1) return html``;
  const prev = state.page > 1 ? html`<a rel="prev" href="${searchHref(params(state, { page: state.page - 1 }))}">← Previous</a>` : '';
  const next = state.page < pages ? html`<a rel="next" href="${searchHref(params(state, { page: state.page + 1 }))}">Next →</a>` : '';
  return html`<nav class="pages" aria-label="Result pages">${prev} <span>Page ${state.page} of ${pages}</span> ${next}</nav>`;
}

function sortLinks(state: SearchState): Html {
  const current = state.sort ?? (state.q ? 'relevance' : 'date');
  const link = (sort: 'relevance' | 'date', label: string): Html => current === sort
    ? html`<strong aria-current="true">${label}</strong>`
    : html`<a href="${searchHref(params(state, { sort, page: 1 }))}">${label}</a>`;
  return html`<p class="sort">Sort by: ${state.q ? html`${link('relevance', 'relevance')} · ` : ''}${link('date', 'newest first')}</p>`;
}

const HELP = html`<div class="help">
  <h2>Nothing found</h2>
  <ul>
    <li>Check the spelling, or use fewer words: every word must appear.</li>
    <li>End a word with <code>*</code> to find its forms: <code>detain*</code> finds detained, detention, detainees.</li>
    <li>Use <code>OR</code> for either word: <code>refoulement OR "forcible return"</code>.</li>
    <li>Remove a filter on the side, or <a href="/search?sort=date">browse every document</a>.</li>
    <li>An index number in any spelling (<code>ASA 17/013/2002</code>, <code>asa170132002</code>) opens its document.</li>
  </ul>
</div>`;

/** The search page for a result. */
export function searchPage(state: SearchState, result: SearchResult): string {
  const heading = state.q ? html`Results for “${state.q}”` : html`All documents`;
  const from = (state.page - 1) * state.perPage + 1;
  const body = html`
<h1>${heading}</h1>
<div class="search-layout">
  <div class="results">
    ${result.total === 0 ? HELP : html`
    <h2 class="visually-hidden">Results</h2>
    <p class="summary" role="status">${formatCount(result.total)} document${result.total === 1 ? '' : 's'}${result.total > state.perPage ? html`, showing ${from}–${Math.min(from + state.perPage - 1, result.total)}` : ''}</p>
    ${sortLinks(state)}
    ${hitList(result.results)}
    ${pagination(state, result.total)}`}
  </div>
  <aside class="facets" aria-label="Narrow the results">
    <h2 class="visually-hidden">Narrow the results</h2>
    ${facetList('country', 'Country', result.facets.country, state)}
    ${facetList('type', 'Type', result.facets.type, state)}
    ${facetList('year', 'Year', result.facets.year, state)}
    ${facetList('language', 'Language', result.facets.language, state)}
  </aside>
</div>`;
  return layout({ title: state.q ? `Search: ${state.q}` : 'All documents', body, query: state.q, noindex: true });
}

/** The search page when the query itself cannot be read. */
export function searchErrorPage(q: string, message: string): string {
  const body = html`<h1>Results for “${q}”</h1>
<div class="notice" role="alert"><p>This search cannot be read: ${message}.</p></div>${HELP}`;
  return layout({ title: 'Search', body, query: q, noindex: true });
}
