/**
 * The public site (issue 3) on the demonstration archive plus the model
 * document: the front page, search, document pages and their other
 * addresses, the Atom feed, the sitemap, robots.txt and the health check;
 * then what every response shares: security headers, compression, ETags,
 * nothing loaded from another host, and a light document page.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/archive/document.presenter.ts';
import type { SearchResult } from '../../src/archive/index.ts';
import {
  DEMO_DIR, SEED_FILE, announcedTotal, attr, byClass, createWebApp, cspDirectives, elements, hitDates, hitSlugs,
  links, listEverything, mainOf, parseHtml, parseXml, visibleText, xmlText, type WebApp,
} from '../helpers/web.ts';

const SEED_SLUG = 'asa-17-013-2002';
const SEED_PATH = `/documents/${SEED_SLUG}`;
const SEED_TITLE = 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees';

let web: WebApp;
/** Every document in the archive, as the API lists them. */
let all: SearchResult;

beforeAll(async () => {
  web = await createWebApp({ files: [DEMO_DIR, SEED_FILE] });
  all = await listEverything(web);
  expect(all.total).toBe(web.summary.imported);
  expect(all.results).toHaveLength(all.total);
});

afterAll(async () => {
  await web?.close();
});

/** GETs a page and expects a 200 HTML answer. */
async function page(url: string): Promise<string> {
  const response = await web.get(url);
  expect(response.statusCode, url).toBe(200);
  expect(response.headers['content-type'], url).toMatch(/^text\/html; charset=utf-8/);
  return response.body;
}

/** What no page may show: a stack line, a source file, a database's words. */
function expectNoInternals(body: string, what: string): void {
  expect(body, what).not.toMatch(/^\s*at\s+\S+/m);
  expect(body, what).not.toMatch(/\(?\/[\w./-]+\.(ts|js|mjs|cjs):\d+(:\d+)?\)?/);
  expect(body, what).not.toMatch(/node_modules|fts5|sqlite|SqliteError|TypeError|ReferenceError|kysely/i);
}

/** Follows a 3xx answer's Location. */
async function locationOf(url: string): Promise<{ status: number; location: string | undefined }> {
  const response = await web.get(url);
  return { status: response.statusCode, location: response.headers.location };
}

function facetLinks(searchPage: string): Array<{ href: string; label: string; count: number }> {
  const aside = byClass(parseHtml(searchPage), 'facets', 'aside')[0];
  expect(aside, 'the search page has a facet list').toBeDefined();
  return elements(aside!, 'li').flatMap((item) => {
    const a = elements(item, 'a')[0];
    const count = byClass(item, 'count')[0];
    if (!a || !count) return [];
    return [{ href: attr(a, 'href')!, label: visibleText(a), count: Number(visibleText(count)) }];
  });
}

function isNonIncreasing(dates: string[]): boolean {
  return dates.every((date, i) => i === 0 || date <= dates[i - 1]!);
}

describe('the front page', () => {
  let home: string;
  beforeAll(async () => {
    home = await page('/');
  });

  it('lists the latest documents, newest first, with working links', async () => {
    const latest = hitSlugs(home);
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.length).toBeLessThanOrEqual(12);
    expect(latest).toEqual(all.results.slice(0, latest.length).map((hit) => hit.slug));
    const dates = hitDates(home).filter(Boolean);
    expect(isNonIncreasing(dates)).toBe(true);
    expect((await web.get(`/documents/${latest[0]!}`)).statusCode).toBe(200);
    expect(visibleText(mainOf(home))).toContain(`${all.total} public documents`);
  });

  it('has a labelled search box that submits to /search', () => {
    const tree = parseHtml(home);
    const form = elements(tree, 'form').find((f) => attr(f, 'action') === '/search');
    expect(form).toBeDefined();
    expect(attr(form!, 'method')).toBe('get');
    const input = elements(form!, 'input').find((i) => attr(i, 'name') === 'q');
    expect(input).toBeDefined();
    const id = attr(input!, 'id');
    expect(id).toBeTruthy();
    const label = elements(tree, 'label').find((l) => attr(l, 'htmlFor') === id);
    expect(label, 'a <label for> names the search box').toBeDefined();
    expect(visibleText(label!)).toMatch(/search/i);
  });

  it('offers browsing by country, type and year, and each link finds as many documents as it says', async () => {
    const nav = byClass(parseHtml(home), 'browse-all')[0];
    expect(nav).toBeDefined();
    for (const facet of ['country', 'type', 'year'] as const) {
      const items = elements(nav!, 'li').filter((li) => links(li).some((href) => href.includes(`${facet}=`)));
      expect(items.length, facet).toBeGreaterThan(0);
      const counts = Object.entries(all.facets[facet]);
      expect(items.length, facet).toBe(Math.min(counts.length, facet === 'year' ? 40 : 20));
      const first = items[0]!;
      const href = links(first)[0]!;
      const shown = Number(visibleText(byClass(first, 'count')[0]!));
      expect(announcedTotal(await page(href)), href).toBe(shown);
    }
    const china = elements(nav!, 'a').find((a) => attr(a, 'href') === '/search?country=CN&sort=date');
    expect(china && visibleText(china)).toBe('China');
  });
});

describe('the search page', () => {
  it('shows results with the matched words marked in snippets', async () => {
    const body = await page('/search?q=refugees');
    const slugs = hitSlugs(body);
    expect(slugs).toContain(SEED_SLUG);
    const snippets = byClass(mainOf(body), 'snippet');
    expect(snippets.length).toBe(slugs.length);
    for (const snippet of snippets) {
      const marks = elements(snippet, 'mark');
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(visibleText(mark).toLowerCase()).toMatch(/^refugee/);
    }
    const api = (await web.get('/api/v1/documents?q=refugees')).json<SearchResult>();
    expect(announcedTotal(body)).toBe(api.total);
    // The query stays in the box.
    const box = elements(parseHtml(body), 'input').find((i) => attr(i, 'name') === 'q');
    expect(attr(box!, 'value')).toBe('refugees');
  });

  it('has facet links that narrow the search to exactly the count they show', async () => {
    const body = await page('/search?q=refugees');
    const total = announcedTotal(body);
    const facets = facetLinks(body);
    expect(facets.length).toBeGreaterThan(3);
    for (const name of ['country', 'type', 'year', 'language']) {
      expect(facets.some((f) => new URL(f.href, web.publicUrl).searchParams.has(name)), name).toBe(true);
    }
    for (const facet of facets) {
      const url = new URL(facet.href, web.publicUrl);
      expect(url.pathname).toBe('/search');
      expect(url.searchParams.get('q'), facet.href).toBe('refugees');
      expect(facet.count, facet.href).toBeLessThanOrEqual(total);
      const narrowed = await page(facet.href);
      expect(announcedTotal(narrowed), facet.href).toBe(facet.count);
      // The chosen value is marked as current and can be removed again.
      const current = elements(parseHtml(narrowed), 'li').find((li) => attr(li, 'ariaCurrent') === 'true');
      expect(current && visibleText(current), facet.href).toContain(facet.label);
      expect(visibleText(byClass(parseHtml(narrowed), 'facets', 'aside')[0]!), facet.href).toContain('All (remove');
    }
  });

  it('pages through every document with next and previous links', async () => {
    let url: string | undefined = '/search?sort=date';
    const seen: string[] = [];
    const dates: string[] = [];
    let pages = 0;
    let second: string | undefined;
    while (url) {
      const body = await page(url);
      pages++;
      if (pages === 2) second = body;
      expect(announcedTotal(body)).toBe(all.total);
      seen.push(...hitSlugs(body));
      dates.push(...hitDates(body));
      const next = elements(parseHtml(body), 'a').find((a) => attr(a, 'rel') === 'next');
      url = next ? attr(next, 'href') : undefined;
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(all.total / 10));
    expect(seen).toEqual(all.results.map((hit) => hit.slug));
    expect(new Set(seen).size).toBe(all.total);
    // Newest first across pages; undated documents last.
    const dated = dates.filter(Boolean);
    expect(isNonIncreasing(dated)).toBe(true);
    expect(dates.slice(0, dated.length).every(Boolean)).toBe(true);
    const prev = elements(parseHtml(second!), 'a').find((a) => attr(a, 'rel') === 'prev');
    expect(prev && attr(prev, 'href')).toBe('/search?sort=date');
  });

  it('sorts by date when asked, and links from relevance order to date order', async () => {
    const relevance = await page('/search?q=china');
    const toDate = elements(byClass(mainOf(relevance), 'sort')[0]!, 'a')[0];
    expect(toDate && attr(toDate, 'href')).toBe('/search?q=china&sort=date');
    const byDate = await page('/search?q=china&sort=date');
    const dates = hitDates(byDate);
    expect(dates.length).toBeGreaterThan(2);
    expect(isNonIncreasing(dates.filter(Boolean))).toBe(true);
    expect(new Set(hitSlugs(byDate))).not.toEqual(new Set());
    expect(announcedTotal(byDate)).toBe(announcedTotal(relevance));
  });

  it('helps when nothing is found', async () => {
    for (const url of ['/search?q=zyxwvutsqrxyz', '/search?q=ASA%2017%2F999%2F2002']) {
      const body = await page(url);
      const text = visibleText(mainOf(body));
      expect(text, url).toContain('Nothing found');
      expect(text, url).toMatch(/detain\*/);
      expect(text, url).toMatch(/\bOR\b/);
      expect(links(mainOf(body)), url).toContain('/search?sort=date');
    }
  });

  it('answers an index number typed as the query with a redirect to its document', async () => {
    for (const q of ['ASA 17/013/2002', 'asa170132002', 'AI Index: ASA 17/013/2002', ' asa-17-013-2002 ']) {
      const { status, location } = await locationOf(`/search?q=${encodeURIComponent(q)}`);
      expect([301, 302, 303, 307, 308], q).toContain(status);
      expect(location, q).toBe(SEED_PATH);
    }
  });

  it('answers a malformed query with 400 and a readable message, never the database’s words', async () => {
    const malformed = ['"unclosed phrase', '(refugees', 'refugees)', 'refugees OR', 'NOT', '-refugees', '*', '()'];
    for (const q of malformed) {
      const response = await web.get(`/search?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
      expect(response.headers['content-type'], q).toMatch(/^text\/html/);
      const alert = elements(mainOf(response.body), 'div').find((d) => attr(d, 'role') === 'alert');
      expect(alert && visibleText(alert), q).toMatch(/^This search cannot be read: \S.{10,}/);
      expectNoInternals(response.body, q);
    }
  });

  it('never lets FTS5 syntax through: odd queries answer 200 or 400, never 500', async () => {
    const odd = ['title:china', 'NEAR(china korea)', 'china + korea', '^china', '{title body}: china', 'china*:x', "'", '"a" "b', '\u0000china', 'a\tOR\tb', 'rank MATCH x', 'AND china', 'china AND', 'OR OR', '""', '"*"'];
    for (const q of odd) {
      const response = await web.get(`/search?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(response.statusCode);
      expectNoInternals(response.body, q);
      const api = await web.get(`/api/v1/documents?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(api.statusCode);
      expectNoInternals(api.body, q);
    }
  });

  it('answers an invalid parameter with 400 naming it', async () => {
    const cases: Array<[string, string]> = [
      ['page=0', 'page'], ['page=abc', 'page'], ['year=abc', 'year'], ['year=1800', 'year'],
      ['sort=x', 'sort'], ['country=China', 'country'], ['language=English', 'language'],
    ];
    for (const [query, parameter] of cases) {
      const response = await web.get(`/search?q=refugees&${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type'], query).toMatch(/^text\/html/);
      expect(visibleText(mainOf(response.body)), query).toContain(`"${parameter}"`);
      expectNoInternals(response.body, query);
    }
  });
});

describe('the document page', () => {
  let body: string;
  let doc: DocumentView;
  beforeAll(async () => {
    body = await page(SEED_PATH);
    doc = (await web.get(`/api/v1/documents/${SEED_SLUG}`)).json<DocumentView>();
  });

  it('shows the header as issued: organisation, type, date, index and news-service number, title', () => {
    const main = mainOf(body);
    const header = byClass(main, 'issued', 'header')[0]!;
    expect(visibleText(byClass(header, 'organisation')[0]!)).toBe('Amnesty International');
    expect(visibleText(byClass(header, 'type')[0]!)).toBe('Public Statement');
    const line = byClass(header, 'header-line')[0]!;
    expect(attr(elements(line, 'time')[0]!, 'dateTime')).toBe('2002-03-27');
    expect(visibleText(line)).toContain('27 March 2002');
    expect(visibleText(line)).toContain('ASA 17/013/2002');
    expect(visibleText(line)).toContain('News Service Nr. 56');
    const h1 = elements(main, 'h1');
    expect(h1.map(visibleText)).toEqual([SEED_TITLE]);
    expect(visibleText(elements(parseHtml(body), 'title')[0]!)).toContain(SEED_TITLE);
  });

  it('shows the sections with their headings, the end marker, distribution and contact', () => {
    const article = elements(mainOf(body), 'article')[0]!;
    const text = visibleText(article);
    expect(elements(article, 'h2').map(visibleText)).toEqual(['Background']);
    expect(text).toContain('Amnesty International expressed concern today');
    expect(text).toContain('Jilin and Liaoning');
    // Paragraphs stay paragraphs.
    expect(elements(article, 'p').length).toBeGreaterThan(6);
    expect(visibleText(byClass(article, 'end-marker')[0]!)).toBe('ENDS');
    expect(visibleText(byClass(article, 'distribution')[0]!)).toMatch(/public/);
    const contact = visibleText(elements(article, 'address')[0]!);
    expect(contact).toContain('+44 20 7413 5566');
    expect(contact).toContain('press office in London');
    // The order is the document's: body, then the end, then the contact.
    expect(text.indexOf('Background')).toBeLessThan(text.indexOf('ENDS'));
    expect(text.indexOf('ENDS')).toBeLessThan(text.indexOf('+44 20 7413 5566'));
  });

  it('says where the document belongs: countries, language, permanent address and a citation', async () => {
    const about = byClass(mainOf(body), 'about')[0]!;
    const text = visibleText(about);
    expect(text).toContain('China');
    expect(text).toContain('North Korea');
    expect(text).toMatch(/Language\s*English/);
    expect(links(about)).toEqual(expect.arrayContaining(['/search?country=CN&sort=date', '/search?country=KP&sort=date', SEED_PATH]));
    const citation = visibleText(byClass(about, 'citation')[0]!);
    expect(citation).toContain(SEED_TITLE);
    expect(citation).toContain('ASA 17/013/2002');
    expect(citation).toContain('27 March 2002');
    expect(citation).toContain(`${web.publicUrl}${SEED_PATH}`);
    expect(announcedTotal(await page('/search?country=KP&sort=date'))).toBe(all.facets.country.KP);
  });

  it('links related documents that exist and share a country', async () => {
    const related = byClass(mainOf(body), 'related')[0];
    expect(related).toBeDefined();
    const hrefs = links(related!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs).not.toContain(SEED_PATH);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/documents\/[a-z0-9-]+$/);
      const other = (await web.get(`/api/v1${href}`)).json<DocumentView>();
      expect(other.countries.some((c) => doc.countries.includes(c)), href).toBe(true);
    }
  });

  it('carries schema.org JSON-LD whose headline is the title, and a canonical link', () => {
    const tree = parseHtml(body);
    const scripts = elements(tree, 'script').filter((s) => attr(s, 'type') === 'application/ld+json');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(visibleTextOfScript(scripts[0]!)) as Record<string, unknown>;
    expect(data['@context']).toMatch(/^https?:\/\/schema\.org\/?$/);
    expect(typeof data['@type']).toBe('string');
    expect(data.headline).toBe(SEED_TITLE);
    expect(data.headline).toBe(doc.title);
    expect(data.url).toBe(`${web.publicUrl}${SEED_PATH}`);
    expect(data.datePublished).toBe('2002-03-27');
    expect(data.inLanguage).toBe('en');
    const canonical = elements(tree, 'link').filter((l) => attr(l, 'rel') === 'canonical');
    expect(canonical.map((l) => attr(l, 'href'))).toEqual([`${web.publicUrl}${SEED_PATH}`]);
  });

  it('answers every other spelling of the address with 301 to the permanent one', async () => {
    for (const url of ['/documents/ASA%2017%2F013%2F2002', '/documents/asa170132002', '/documents/asa17/013/2002/en/', '/documents/ASA-17-013-2002']) {
      expect(await locationOf(url), url).toEqual({ status: 301, location: SEED_PATH });
    }
    // With a trailing slash the page is either redirected or says where it lives.
    const slashed = await web.get(`${SEED_PATH}/`);
    if (slashed.statusCode === 200) {
      const canonical = elements(parseHtml(slashed.body), 'link').find((l) => attr(l, 'rel') === 'canonical');
      expect(canonical && attr(canonical, 'href')).toBe(`${web.publicUrl}${SEED_PATH}`);
    } else {
      expect({ status: slashed.statusCode, location: slashed.headers.location }).toEqual({ status: 301, location: SEED_PATH });
    }
    // A language at the end of an index-number address asks for that version.
    expect(await locationOf('/documents/asa17/029/2002/fr/')).toEqual({ status: 301, location: '/documents/asa-17-029-2002-fr' });
    expect(await locationOf('/documents/asa17/029/2002/en/')).toEqual({ status: 301, location: '/documents/asa-17-029-2002' });
  });

  it('answers an unknown document with a 404 page that helps, without internals', async () => {
    for (const url of ['/documents/no-such-document', '/documents/ASA%2017%2F999%2F2002', '/documents/', '/no-such-page']) {
      const response = await web.get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^text\/html; charset=utf-8/);
      const main = mainOf(response.body);
      expect(visibleText(elements(main, 'h1')[0]!), url).toMatch(/not found/i);
      expect(links(main), url).toEqual(expect.arrayContaining(['/', '/search?sort=date']));
      expect(elements(parseHtml(response.body), 'form').some((f) => attr(f, 'action') === '/search'), url).toBe(true);
      expectNoInternals(response.body, url);
    }
  });
});

/** The text of a script element (hast-util-to-text leaves scripts out on purpose). */
function visibleTextOfScript(script: Element): string {
  return script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

interface AtomLink { '@_rel'?: string; '@_href'?: string; '@_type'?: string }
interface AtomEntry { id?: unknown; title?: unknown; updated?: unknown; published?: unknown; link?: AtomLink[]; author?: unknown; category?: Array<{ '@_term'?: string }>; summary?: unknown }
interface AtomFeed {
  '@_xmlns'?: string; id?: unknown; title?: unknown; updated?: unknown; author?: Array<{ name?: unknown }>;
  link?: AtomLink[]; entry?: AtomEntry[];
}

async function feed(url: string): Promise<AtomFeed> {
  const response = await web.get(url);
  expect(response.statusCode, url).toBe(200);
  expect(response.headers['content-type'], url).toMatch(/^application\/atom\+xml/);
  const parsed = parseXml(response.body, ['entry', 'link', 'author', 'category']);
  expect(response.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'), url).toBe(true);
  expect(Object.keys(parsed).filter((k) => !k.startsWith('?')), url).toEqual(['feed']);
  return parsed.feed as AtomFeed;
}

/** Checks what RFC 4287 requires of a feed and its entries. */
function expectValidAtom(atom: AtomFeed, selfUrl: string): void {
  expect(atom['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(() => new URL(xmlText(atom.id) ?? '')).not.toThrow();
  expect(xmlText(atom.title)).toBeTruthy();
  expect(xmlText(atom.updated)).toMatch(RFC3339);
  const self = (atom.link ?? []).filter((l) => l['@_rel'] === 'self');
  expect(self.map((l) => l['@_href'])).toEqual([selfUrl]);
  const entries = atom.entry ?? [];
  const feedAuthor = (atom.author ?? []).some((a) => xmlText(a.name));
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = xmlText(entry.id) ?? '';
    expect(() => new URL(id), id).not.toThrow();
    ids.add(id);
    expect(xmlText(entry.title), id).toBeTruthy();
    expect(xmlText(entry.updated), id).toMatch(RFC3339);
    if (entry.published !== undefined) expect(xmlText(entry.published), id).toMatch(RFC3339);
    const alternate = (entry.link ?? []).filter((l) => (l['@_rel'] ?? 'alternate') === 'alternate');
    expect(alternate.length, id).toBeGreaterThan(0);
    expect(alternate[0]!['@_href'], id).toMatch(new RegExp(`^${web.publicUrl}/documents/[a-z0-9-]+$`));
    expect(feedAuthor || entry.author !== undefined, `${id} has an author`).toBe(true);
  }
  expect(ids.size, 'entry ids are unique').toBe(entries.length);
  // Newest first by date of issue (an undated document has no place in that order).
  const published = entries.map((e) => xmlText(e.published)).filter((p): p is string => p !== undefined);
  expect(isNonIncreasing(published), 'newest first').toBe(true);
}

function entrySlugs(atom: AtomFeed): string[] {
  return (atom.entry ?? []).map((e) => (xmlText(e.id) ?? '').replace(`${web.publicUrl}/documents/`, ''));
}

describe('the Atom feed', () => {
  it('is well-formed Atom 1.0 with the latest documents', async () => {
    const atom = await feed('/feed.atom');
    expectValidAtom(atom, `${web.publicUrl}/feed.atom`);
    expect(entrySlugs(atom)).toEqual(all.results.slice(0, 50).map((hit) => hit.slug));
    const seed = (atom.entry ?? []).find((e) => xmlText(e.id) === `${web.publicUrl}${SEED_PATH}`);
    expect(xmlText(seed?.title)).toBe(SEED_TITLE);
    expect(xmlText(seed?.published)).toBe('2002-03-27T00:00:00Z');
    for (const slug of entrySlugs(atom).slice(0, 3)) expect((await web.get(`/documents/${slug}`)).statusCode, slug).toBe(200);
  });

  it('applies a country filter', async () => {
    const atom = await feed('/feed.atom?country=CN');
    expectValidAtom(atom, `${web.publicUrl}/feed.atom?country=CN`);
    const expected = (await web.get('/api/v1/documents?country=CN&sort=date&limit=50')).json<SearchResult>();
    expect(entrySlugs(atom)).toEqual(expected.results.map((hit) => hit.slug));
    expect(entrySlugs(atom).length).toBe(Math.min(50, all.facets.country.CN ?? 0));
    expect(entrySlugs(atom).length).toBeLessThan(all.total);
    expect(xmlText(atom.title)).toContain('China');
    // Lower case is read the same way.
    expect(entrySlugs(await feed('/feed.atom?country=cn'))).toEqual(entrySlugs(atom));
  });

  it('applies a type filter', async () => {
    const atom = await feed('/feed.atom?type=Urgent%20Action');
    expectValidAtom(atom, `${web.publicUrl}/feed.atom?type=Urgent+Action`);
    const entries = atom.entry ?? [];
    expect(entries.length).toBe(Math.min(50, all.facets.type['Urgent Action'] ?? 0));
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.category?.map((c) => c['@_term']), xmlText(entry.id)).toEqual(['Urgent Action']);
  });

  it('answers an invalid filter with 400', async () => {
    expect((await web.get('/feed.atom?country=China')).statusCode).toBe(400);
    expect((await web.get('/feed.atom?year=abc')).statusCode).toBe(400);
  });
});

describe('the sitemap, robots.txt and the health check', () => {
  it('lists every document address in a well-formed sitemap', async () => {
    const response = await web.get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml|^text\/xml/);
    const parsed = parseXml(response.body, ['url']) as { urlset?: { '@_xmlns'?: string; url?: Array<{ loc?: unknown; lastmod?: unknown }> } };
    expect(parsed.urlset?.['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = parsed.urlset?.url ?? [];
    const locs = urls.map((u) => xmlText(u.loc) ?? '');
    for (const loc of locs) expect(loc.startsWith(`${web.publicUrl}/`), loc).toBe(true);
    expect(locs).toContain(`${web.publicUrl}${SEED_PATH}`);
    const documents = locs.filter((loc) => loc.startsWith(`${web.publicUrl}/documents/`));
    expect(new Set(documents)).toEqual(new Set(all.results.map((hit) => `${web.publicUrl}/documents/${hit.slug}`)));
    expect(documents).toHaveLength(all.total);
    for (const url of urls) {
      const lastmod = xmlText(url.lastmod);
      if (lastmod !== undefined) expect(Number.isNaN(Date.parse(lastmod)), lastmod).toBe(false);
    }
  });

  it('serves robots.txt pointing to the sitemap', async () => {
    const response = await web.get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/^User-agent: \*$/m);
    expect(response.body).toMatch(new RegExp(`^Sitemap: ${web.publicUrl}/sitemap\\.xml$`, 'm'));
    // Document pages stay open to crawlers.
    expect(response.body).not.toMatch(/^Disallow: \/(documents)?\s*$/m);
  });

  it('answers the health check with the number of documents', async () => {
    const response = await web.get('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ status: 'ok', documents: all.total });
  });
});

/** One address of each kind the site answers. */
const EVERY_KIND = [
  '/', '/search?q=refugees', '/search?q=zyxwvutsqrxyz', SEED_PATH, '/documents/no-such-document', '/search?page=0', '/search?q=%22open',
  '/feed.atom', '/feed.atom?country=CN', '/sitemap.xml', '/robots.txt', '/healthz',
  '/api/v1/documents?q=refugees', `/api/v1/documents/${SEED_SLUG}`, '/api/v1/documents/no-such-document', '/api/v1/documents?limit=0',
  '/api/v1/openapi.json', '/documents/asa170132002',
];

describe('what every response shares', () => {
  it('sends a strict Content-Security-Policy, nosniff and a Referrer-Policy on every kind of response', async () => {
    for (const url of EVERY_KIND) {
      const response = await web.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
      const csp = cspDirectives(response.headers['content-security-policy']);
      expect(csp.get('default-src'), url).toEqual(["'self'"]);
      expect(csp.get('script-src'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
      for (const [name, sources] of csp) {
        expect(sources.some((s) => /unsafe-inline|unsafe-eval|^\*$|^https?:|^\/\//.test(s)), `${url} ${name}`).toBe(false);
      }
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin|origin|origin-when-cross-origin)$/);
    }
  });

  it('compresses pages with gzip and brotli, to the same bytes', async () => {
    for (const url of ['/', SEED_PATH, '/search?q=refugees', '/feed.atom', '/api/v1/documents?q=refugees']) {
      const plain = await web.get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const gzip = await web.get(url, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gzip.rawPayload).toString('utf8'), url).toBe(plain.body);
      expect(gzip.rawPayload.length, url).toBeLessThan(Buffer.byteLength(plain.body));
      const brotli = await web.get(url, { 'accept-encoding': 'br' });
      expect(brotli.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(brotli.rawPayload).toString('utf8'), url).toBe(plain.body);
      expect(String(gzip.headers.vary), url).toMatch(/accept-encoding/i);
    }
  });

  it('sends an ETag and answers If-None-Match with 304, compressed or not', async () => {
    for (const url of ['/', SEED_PATH, '/search?q=refugees', '/feed.atom', '/sitemap.xml', `/api/v1/documents/${SEED_SLUG}`, '/api/v1/documents?q=refugees']) {
      const first = await web.get(url);
      const etag = first.headers.etag;
      expect(etag, url).toBeTruthy();
      const again = await web.get(url, { 'if-none-match': etag! });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      const gzip = await web.get(url, { 'if-none-match': etag!, 'accept-encoding': 'gzip' });
      expect(gzip.statusCode, url).toBe(304);
      const other = await web.get(url, { 'if-none-match': 'W/"something-else"' });
      expect(other.statusCode, url).toBe(200);
    }
  });

  it('sends Last-Modified on a document page, the time it last changed', async () => {
    const response = await web.get(SEED_PATH);
    const lastModified = response.headers['last-modified'] as string;
    expect(lastModified).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const doc = (await web.get(`/api/v1/documents/${SEED_SLUG}`)).json<DocumentView>();
    expect(Date.parse(lastModified)).toBe(Math.floor(Date.parse(doc.updatedAt) / 1000) * 1000);
    expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());
  });

  it('loads nothing from another host on any page', async () => {
    const pages = ['/', '/search?q=refugees', '/search?q=zyxwvutsqrxyz', SEED_PATH, '/documents/no-such-document', '/search?page=0', '/search?q=%22open'];
    const loaders = ['link', 'script', 'img', 'iframe', 'frame', 'source', 'video', 'audio', 'embed', 'object', 'track', 'input'];
    for (const url of pages) {
      const tree = parseHtml((await web.get(url)).body);
      for (const tag of loaders) {
        for (const element of elements(tree, tag)) {
          for (const name of ['src', 'href', 'data', 'srcSet', 'poster']) {
            const value = attr(element, name);
            if (value === undefined) continue;
            if (/^\s*([a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) {
              expect(value.startsWith(`${web.publicUrl}/`), `${url}: <${tag} ${name}="${value}">`).toBe(true);
            }
          }
        }
      }
      for (const form of elements(tree, 'form')) expect(attr(form, 'action'), url).toMatch(/^\/[^/]/);
    }
  });

  it('keeps the document page and what it loads under 60 KB, with a stylesheet that loads nothing else', async () => {
    const response = await web.get(SEED_PATH);
    const tree = parseHtml(response.body);
    const subresources = [
      ...elements(tree, 'link').filter((l) => /\b(stylesheet|icon)\b/.test(attr(l, 'rel') ?? '')).map((l) => attr(l, 'href')!),
      ...elements(tree, 'script').map((s) => attr(s, 'src')).filter((src): src is string => src !== undefined),
    ];
    const stylesheet = elements(tree, 'link').find((l) => attr(l, 'rel') === 'stylesheet');
    expect(stylesheet).toBeDefined();
    let bytes = Buffer.byteLength(response.body);
    for (const href of subresources) {
      expect(href, href).toMatch(/^\/[^/]/);
      const asset = await web.get(href);
      expect(asset.statusCode, href).toBe(200);
      bytes += asset.rawPayload.length;
      if (href === attr(stylesheet!, 'href')) {
        expect(asset.headers['content-type']).toMatch(/^text\/css/);
        expect(asset.body).not.toMatch(/@import|url\(\s*['"]?\s*(https?:|\/\/)/i);
      }
    }
    expect(bytes).toBeLessThan(60 * 1024);
  });
});
