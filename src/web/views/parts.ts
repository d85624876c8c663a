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

/** A `lang` attribute for text in another language than the page's English, so it is read aloud in its own language. */
function langOf(language: string): Html {
  return language !== 'en' && language !== 'und' ? html` lang="${language}"` : html``;
}

/** A list of documents with their snippets (snippets are safe HTML from the presenter). */
export function hitList(hits: HitView[], withSnippets = true): Html {
  return html`<ol class="hits">${hits.map((hit) => html`
  <li>
    <h3${langOf(hit.language)}><a href="/documents/${hit.slug}">${hit.title}</a></h3>
    ${hitMeta(hit)}
    ${withSnippets && hit.snippet ? html`<p class="snippet"${langOf(hit.language)}>${trusted(hit.snippet)}</p>` : ''}
  </li>`)}
</ol>`;
}

export type FacetName = 'type' | 'country' | 'year' | 'language';

/** A facet's values in the order a reader expects: years newest first, others by count (as counted). */
export function facetEntries(facet: FacetName, counts: Record<string, number>): Array<[string, number]> {
  const entries = Object.entries(counts);
  // Objects keep whole-number keys in ascending order whatever order they were added in.
  return facet === 'year' ? entries.sort((a, b) => Number(b[0]) - Number(a[0])) : entries;
}

/** How a facet's values are shown. */
export function facetLabel(facet: FacetName, value: string): string {
  if (facet === 'country') return countryName(value);
  if (facet === 'language') return languageName(value);
  return value;
}
