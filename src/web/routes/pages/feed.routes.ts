/** The Atom feed of the latest documents (filtered like a search), and the sitemap. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { FeedQuerystring } from '../../schemas.ts';
import { html } from '../../views/html.ts';
import { countryName } from '../../views/names.ts';

const FEED_SIZE = 50;
const SITEMAP_SIZE = 50_000;

function textOf(snippet: string): string {
  return snippet.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

export function registerFeedRoutes(app: FastifyInstance): void {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  typed.get('/feed.atom', { config: { permission: 'public' }, schema: { hide: true, querystring: FeedQuerystring } }, async (request, reply) => {
    const filters = { ...request.query, country: request.query.country?.toUpperCase() };
    const result = await app.archive.search({ ...filters, sort: 'date', limit: FEED_SIZE });
    const updated = (await app.archive.lastChange()) ?? new Date(0).toISOString();
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
    const self = `${app.publicUrl}/feed.atom${query ? `?${query}` : ''}`;
    const scope = [filters.type, filters.country ? countryName(filters.country) : undefined, filters.year, filters.language].filter(Boolean).join(', ');
    const xml = html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Vigil archive${scope ? `: ${scope}` : ''}</title>
  <subtitle>The latest public documents</subtitle>
  <id>${self}</id>
  <link rel="self" type="application/atom+xml" href="${self}"/>
  <link rel="alternate" type="text/html" href="${app.publicUrl}/"/>
  <updated>${updated}</updated>
  <author><name>Vigil archive</name></author>
  <generator>Vigil</generator>
${result.results.map((hit) => html`  <entry>
    <title>${hit.title}</title>
    <id>${app.publicUrl}/documents/${hit.slug}</id>
    <link rel="alternate" type="text/html" href="${app.publicUrl}/documents/${hit.slug}"/>
    <updated>${hit.date ? `${hit.date}T00:00:00Z` : updated}</updated>
    ${hit.date ? html`<published>${hit.date}T00:00:00Z</published>` : ''}
    ${hit.type ? html`<category term="${hit.type}"/>` : ''}
    <summary type="text">${hit.index ? `${hit.index}. ` : ''}${textOf(hit.snippet)}</summary>
  </entry>
`)}</feed>
`;
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml.value);
  });

  typed.get('/sitemap.xml', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const total = await app.archive.count();
    reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600');
    if (total > SITEMAP_SIZE) {
      const parts = Math.ceil(total / SITEMAP_SIZE);
      return reply.send(html`<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${Array.from({ length: parts }, (_, i) => html`  <sitemap><loc>${app.publicUrl}/sitemaps/${i + 1}.xml</loc></sitemap>\n`)}</sitemapindex>
`.value);
    }
    return reply.send(await urlset(app, 0));
  });

  typed.get<{ Params: { part: string } }>('/sitemaps/:part', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const part = /^(\d{1,4})\.xml$/.exec(request.params.part)?.[1];
    if (!part || Number(part) < 1) return reply.callNotFound();
    const xml = await urlset(app, (Number(part) - 1) * SITEMAP_SIZE);
    return reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(xml);
  });
}

async function urlset(app: FastifyInstance, offset: number): Promise<string> {
  const addresses = await app.archive.addresses(SITEMAP_SIZE, offset);
  return html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${app.publicUrl}/</loc></url>
${addresses.map((a) => html`  <url><loc>${app.publicUrl}/documents/${a.slug}</loc><lastmod>${a.updatedAt.slice(0, 10)}</lastmod></url>\n`)}</urlset>
`.value;
}
