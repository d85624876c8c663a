/** Pieces several pages share: result lists, facet lists, pagination. */
import type { HitView } from '../../archive/document.presenter.ts';
import { html, trusted, type Html } from './html.ts';
import { countryName, languageName, longDate } from './names.ts';

/** A link to a search with these parameters (empty ones left out). */
export function searchHref(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text === '' ? '/search' : `/search?${text}`;
}

/** One line of metadata: index number, type, date, language. */
export function hitMeta(hit: Pick<HitView, 'index' | 'type' | 'date' | 'language'>): Html {
  return html`<p class="meta">${hit.index ? html`<span class="index">${hit.index}</span> · ` : ''}${hit.type ?? 'Document'} · <time datetime="${hit.date ?? ''}">${longDate(hit.date)}</time>${hit.language !== 'en' ? html` · ${languageName(hit.language)}` : ''}</p>`;
}

/** A list of documents with their snippets (snippets are safe HTML from the presenter). */
export function hitList(hits: HitView[], withSnippets = true): Html {
  return html`<ol class="hits">${hits.map((hit) => html`
  <li>
    <h3><a href="/documents/${hit.slug}">${hit.title}</a></h3>
    ${hitMeta(hit)}
    ${withSnippets && hit.snippet ? html`<p class="snippet">${trusted(hit.snippet)}</p>` : ''}
  </li>`)}
</ol>`;
}

export type FacetName = 'type' | 'country' | 'year' | 'language';

/** How a facet's values are shown. */
export function facetLabel(facet: FacetName, value: string): string {
  if (facet === 'country') return countryName(value);
  if (facet === 'language') return languageName(value);
  return value;
}
