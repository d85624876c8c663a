/** A document as it was issued: header, title, sections, end marker, distribution and contact; then where it belongs. */
import type { DocumentView, HitView } from '../../archive/document.presenter.ts';
import { html, type Html } from './html.ts';
import { layout } from './layout.ts';
import { countryName, languageName, longDate } from './names.ts';
import { hitList, searchHref } from './parts.ts';

export interface DocumentPage {
  document: DocumentView;
  related: HitView[];
  versions: Array<{ slug: string; language: string }>;
  /** The site's origin, for absolute addresses in the citation and JSON-LD. */
  origin: string;
}

function citation(doc: DocumentView, url: string): string {
  const parts = [doc.organisation ?? 'Vigil archive', `“${doc.title}”`, doc.type, doc.index ? `index ${doc.index}` : null, longDate(doc.date), url];
  return `${parts.filter(Boolean).join(', ')}.`;
}

function structuredData(doc: DocumentView, url: string): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': doc.type === 'Report' ? 'Report' : 'Article',
    headline: doc.title,
    name: doc.title,
    url,
    inLanguage: doc.language,
    ...(doc.date ? { datePublished: doc.date } : {}),
    dateModified: doc.updatedAt,
    ...(doc.index ? { identifier: doc.index } : {}),
    ...(doc.type ? { genre: doc.type } : {}),
    ...(doc.organisation ? { publisher: { '@type': 'Organization', name: doc.organisation } } : {}),
    spatialCoverage: doc.countries.map((code) => ({ '@type': 'Country', name: countryName(code), identifier: code })),
  };
}

function header(doc: DocumentView): Html {
  const line = [
    doc.date ? html`<time datetime="${doc.date}">${longDate(doc.date)}</time>` : null,
    doc.index ? html`Index: <span class="index">${doc.index}</span>` : null,
    doc.newsServiceNumber !== null ? html`News Service Nr. ${doc.newsServiceNumber}` : null,
    doc.urgentAction ? html`${doc.urgentAction}` : null,
  ].filter((part): part is Html => part !== null);
  return html`<header class="issued">
  ${doc.organisation ? html`<p class="organisation">${doc.organisation}</p>` : ''}
  ${doc.type ? html`<p class="type">${doc.type}</p>` : ''}
  <p class="header-line">${line.map((part, i) => html`${i > 0 ? ' – ' : ''}${part}`)}</p>
  <h1>${doc.title}</h1>
</header>`;
}

function paragraphs(text: string): Html {
  return html`${text.split(/\n{2,}/).map((paragraph) => html`<p>${paragraph}</p>`)}`;
}

function trailer(doc: DocumentView): Html {
  return html`<footer class="issued-end">
  ${doc.endMarker ? html`<p class="end-marker">${doc.endMarker}</p>` : ''}
  ${doc.distribution ? html`<p class="distribution">Distribution: ${doc.distribution}</p>` : ''}
  ${doc.contact ? html`<address class="contact">${doc.contact.text.split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}</address>` : ''}
</footer>`;
}

function about(page: DocumentPage, url: string): Html {
  const doc = page.document;
  return html`<section class="about" aria-labelledby="about-heading">
  <h2 id="about-heading">About this document</h2>
  <dl>
    ${doc.countries.length > 0 ? html`<dt>Countries</dt><dd>${doc.countries.map((code, i) => html`${i > 0 ? ', ' : ''}<a href="${searchHref({ country: code, sort: 'date' })}">${countryName(code)}</a>`)}</dd>` : ''}
    <dt>Language</dt><dd>${languageName(doc.language)}</dd>
    ${page.versions.length > 0 ? html`<dt>Also in</dt><dd>${page.versions.map((v, i) => html`${i > 0 ? ', ' : ''}<a href="/documents/${v.slug}" hreflang="${v.language}">${languageName(v.language)}</a>`)}</dd>` : ''}
    <dt>Permanent address</dt><dd><a href="/documents/${doc.slug}">${url}</a></dd>
    <dt>Cite as</dt><dd class="citation">${citation(doc, url)}</dd>
  </dl>
</section>`;
}

/** The document page. */
export function documentPage(page: DocumentPage): string {
  const doc = page.document;
  const url = `${page.origin}/documents/${doc.slug}`;
  const body = html`
<article class="document" lang="${doc.language === 'und' ? '' : doc.language}">
  ${header(doc)}
  ${doc.sections.map((section) => section.heading
    ? html`<section><h2>${section.heading}</h2>${paragraphs(section.text)}</section>`
    : html`<div class="body">${paragraphs(section.text)}</div>`)}
  ${trailer(doc)}
</article>
${about(page, url)}
${page.related.length > 0 ? html`<section class="related" aria-labelledby="related-heading">
  <h2 id="related-heading">Related documents</h2>
  ${hitList(page.related, false)}
</section>` : ''}`;
  const description = doc.sections[0]?.text.slice(0, 200);
  return layout({
    title: doc.index ? `${doc.title} (${doc.index})` : doc.title,
    ...(description ? { description } : {}),
    body,
    canonical: url,
    jsonLd: structuredData(doc, url),
  });
}
