/**
 * What the public site must never do (issue 3): run markup that came in with
 * a document or an address, serve a route that does not say who may call it,
 * or show its internals when something breaks. Also: a document without an
 * index number keeps its address when it is imported again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/archive/document.presenter.ts';
import type { SearchResult } from '../../src/archive/index.ts';
import {
  SEED_FILE, attr, byClass, createWebApp, elements, mainOf, parseHtml, parseXml, visibleText, xmlText, type WebApp,
} from '../helpers/web.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const JS_LINK = '<a href="javascript:alert(1)">';
const ONCLICK = '<b onclick="alert(1)">';

/** Markdown: the dangerous strings escaped (so they are text of the document), and raw markup besides. */
const HOSTILE_MD = `**Public Statement**

3 May 2004

# Markdown title \\<script>alert(1)\\</script> and \\<img src=x onerror=alert(1)>

Zanzibarquux body with \\<script>alert(1)\\</script>, an image \\<img src=x onerror=alert(1)>, a \\<a href="javascript:alert(1)">link\\</a> and a \\<b onclick="alert(1)">bold\\</b> word, all written as text.

Raw markup too: <script>alert(1)</script> <img src=x onerror=alert(1)> [a javascript link](javascript:alert(1)) <a href="javascript:alert(1)" onclick="alert(1)">raw anchor</a> <javascript:alert(1)> and <b onclick=alert(1)>clickable</b> text.

<script>
alert(1)
</script>

<div onclick="alert(1)"><img src=x onerror=alert(1)></div>

The last paragraph of the statement.
`;

/** HTML: the dangerous strings as escaped text (so they are the document's words), and real elements besides. */
const HOSTILE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Quuxfrob &lt;script&gt;alert(1)&lt;/script&gt;</title>
<script>alert(1)</script></head>
<body onload="alert(1)">
<p>Public Statement</p>
<p>4 May 2004</p>
<h1>Quuxfrob heading &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</h1>
<p>Quuxfrob body &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; and &lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt; and &lt;b onclick="alert(1)"&gt;bold&lt;/b&gt; as text.</p>
<p onclick="alert(1)">Real markup: <script>alert(1)</script><img src=x onerror=alert(1)> <a href="javascript:alert(1)" onclick="alert(1)">a real javascript link</a> and <iframe src="javascript:alert(1)"></iframe>.</p>
<p>More words to close the statement.</p>
</body></html>
`;

let web: WebApp;
let hits: SearchResult['results'];
let markdownDoc: DocumentView;
let htmlDoc: DocumentView;

beforeAll(async () => {
  web = await createWebApp({ write: { 'hostile.md': HOSTILE_MD, 'hostile.html': HOSTILE_HTML } });
  expect(web.summary).toEqual({ imported: 2, updated: 0, failed: [] });
  hits = (await web.get('/api/v1/documents?sort=date')).json<SearchResult>().results;
  const byDate = (date: string) => hits.find((hit) => hit.date === date)!.slug;
  markdownDoc = (await web.get(`/api/v1/documents/${byDate('2004-05-03')}`)).json<DocumentView>();
  htmlDoc = (await web.get(`/api/v1/documents/${byDate('2004-05-04')}`)).json<DocumentView>();
});

afterAll(async () => {
  await web?.close();
});

/** The tags of a page as written, with their quoted attribute values emptied (text inside them is no attribute). */
function tagsOf(body: string): string[] {
  return [...body.matchAll(/<[a-z][^>]*>/gi)].map(([tag]) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));
}

/** The raw text of a page holds no markup that would run. */
function expectNoActiveMarkup(body: string, what: string): void {
  expect(body, what).not.toMatch(/<script[^>]*>\s*alert/i);
  expect(body, what).not.toMatch(/(href|src|action)\s*=\s*["']?\s*javascript:/i);
  for (const tag of tagsOf(body)) {
    expect(tag, what).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag, what).not.toMatch(/^<(img|iframe)\b/i);
  }
}

/** Parsed as a browser would: only the site's own scripts, no handlers, no javascript: addresses. */
function expectHarmlessTree(body: string, what: string): void {
  const tree = parseHtml(body);
  for (const script of elements(tree, 'script')) {
    const src = attr(script, 'src');
    const type = attr(script, 'type');
    expect(src?.startsWith('/assets/') || type === 'application/ld+json', `${what}: a <script> that is not the site's`).toBe(true);
  }
  for (const element of elements(tree)) {
    for (const [name, value] of Object.entries(element.properties)) {
      expect(/^on/i.test(name), `${what}: <${element.tagName} ${name}>`).toBe(false);
      if (typeof value === 'string') expect(value.trim().toLowerCase().startsWith('javascript:'), `${what}: <${element.tagName} ${name}="${value}">`).toBe(false);
    }
  }
  expect(elements(tree, 'img'), what).toEqual([]);
  expect(elements(tree, 'iframe'), what).toEqual([]);
}

describe('documents holding markup', () => {
  it('are read with the dangerous strings as their words', () => {
    expect(markdownDoc.title).toBe(`Markdown title ${SCRIPT} and ${IMG}`);
    expect(htmlDoc.title).toBe(`Quuxfrob heading ${SCRIPT} ${IMG}`);
    for (const doc of [markdownDoc, htmlDoc]) {
      const text = doc.sections.map((s) => s.text).join('\n');
      for (const words of [SCRIPT, IMG, JS_LINK, ONCLICK]) expect(text, `${doc.slug}: ${words}`).toContain(words);
    }
  });

  it('show on the document page only as text', async () => {
    for (const doc of [markdownDoc, htmlDoc]) {
      const response = await web.get(`/documents/${doc.slug}`);
      expect(response.statusCode).toBe(200);
      expectNoActiveMarkup(response.body, doc.slug);
      expectHarmlessTree(response.body, doc.slug);
      const main = mainOf(response.body);
      expect(elements(main, 'h1').map(visibleText), doc.slug).toEqual([doc.title]);
      const text = visibleText(main);
      for (const words of [SCRIPT, IMG, JS_LINK, ONCLICK]) expect(text, `${doc.slug}: ${words}`).toContain(words);
      // The structured data carries the title as it is, and cannot end its script element early.
      const jsonLd = elements(parseHtml(response.body), 'script').find((s) => attr(s, 'type') === 'application/ld+json')!;
      const data = JSON.parse(jsonLd.children.map((c) => (c.type === 'text' ? c.value : '')).join('')) as { headline: string };
      expect(data.headline).toBe(doc.title);
      expect(visibleText(elements(parseHtml(response.body), 'title')[0]!)).toContain(doc.title);
    }
  });

  it('show on the search page, in titles and snippets, only as text', async () => {
    for (const [q, doc] of [['zanzibarquux', markdownDoc], ['quuxfrob', htmlDoc]] as const) {
      const response = await web.get(`/search?q=${q}`);
      expect(response.statusCode).toBe(200);
      expectNoActiveMarkup(response.body, q);
      expectHarmlessTree(response.body, q);
      const main = mainOf(response.body);
      const link = elements(main, 'h3').flatMap((h) => elements(h, 'a'))[0]!;
      expect(visibleText(link)).toBe(doc.title);
      const snippet = byClass(main, 'snippet')[0]!;
      expect(elements(snippet).map((e) => e.tagName), q).toEqual(expect.arrayContaining(['mark']));
      expect(new Set(elements(snippet).map((e) => e.tagName)), q).toEqual(new Set(['mark']));
      expect(visibleText(snippet), q).toContain(SCRIPT);
    }
    const home = await web.get('/');
    expectNoActiveMarkup(home.body, '/');
    expectHarmlessTree(home.body, '/');
    expect(visibleText(mainOf(home.body))).toContain(htmlDoc.title);
  });

  it('show in the Atom feed only as text', async () => {
    const response = await web.get('/feed.atom');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toMatch(/<(script|img|a|b|iframe)\b/i);
    const feed = parseXml(response.body, ['entry']) as { feed: { entry: Array<{ title: unknown; summary: unknown }> } };
    const titles = feed.feed.entry.map((entry) => xmlText(entry.title));
    expect(titles).toEqual(expect.arrayContaining([markdownDoc.title, htmlDoc.title]));
    for (const entry of feed.feed.entry) {
      // Text constructs of type text: a feed reader shows them, never renders them.
      for (const construct of [entry.title, entry.summary]) {
        const type = typeof construct === 'object' && construct !== null ? (construct as Record<string, unknown>)['@_type'] : undefined;
        expect(type === undefined || type === 'text').toBe(true);
      }
    }
    expect(feed.feed.entry.map((entry) => xmlText(entry.summary)).join(' ')).toContain(SCRIPT);
  });

  it('show in the API as data: JSON strings, and snippets whose only markup is <mark>', async () => {
    for (const [q, doc] of [['zanzibarquux', markdownDoc], ['quuxfrob', htmlDoc]] as const) {
      const response = await web.get(`/api/v1/documents?q=${q}`);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const hit = response.json<SearchResult>().results[0]!;
      expect(hit.title).toBe(doc.title);
      const snippet = parseHtml(hit.snippet);
      const tags = new Set(elements(snippet).map((e) => e.tagName));
      tags.delete('html');
      tags.delete('head');
      tags.delete('body');
      expect(tags, q).toEqual(new Set(['mark']));
      expect(visibleText(snippet), q).toContain(SCRIPT);
      const one = await web.get(`/api/v1/documents/${doc.slug}`);
      expect(one.headers['content-type']).toMatch(/^application\/json/);
      expect(one.json<DocumentView>().title).toBe(doc.title);
    }
  });

  it('and addresses holding markup are shown back only as text', async () => {
    const urls = [
      `/search?q=${encodeURIComponent(SCRIPT)}`,
      `/search?q=${encodeURIComponent(`"${SCRIPT}`)}`,
      `/search?q=${encodeURIComponent(`"><script>alert(1)</script>`)}`,
      `/documents/${encodeURIComponent(SCRIPT)}`,
      `/no-such-page/${encodeURIComponent(IMG)}`,
      `/search?year=${encodeURIComponent(SCRIPT)}`,
    ];
    for (const url of urls) {
      const response = await web.get(url);
      expect(response.statusCode, url).toBeLessThan(500);
      expectNoActiveMarkup(response.body, url);
      expectHarmlessTree(response.body, url);
    }
    const searched = await web.get(`/search?q=${encodeURIComponent(`"><script>alert(1)</script>`)}`);
    const box = elements(parseHtml(searched.body), 'input').find((i) => attr(i, 'name') === 'q')!;
    expect(attr(box, 'value')).toBe('"><script>alert(1)</script>');
    const api = await web.get(`/api/v1/documents/${encodeURIComponent(SCRIPT)}`);
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('a document without an index number', () => {
  it('keeps its address when imported again, into the same archive or a new one', async () => {
    expect(htmlDoc.index).toBeNull();
    const before = htmlDoc.slug;
    expect(before).toMatch(/^[a-z0-9-]+$/);
    const again = await web.archive.importFiles([web.written['hostile.html']!, web.written['hostile.md']!]);
    expect(again).toEqual({ imported: 0, updated: 2, failed: [] });
    const after = (await web.get('/api/v1/documents?q=quuxfrob')).json<SearchResult>();
    expect(after.total).toBe(1);
    expect(after.results[0]!.slug).toBe(before);
    expect((await web.get(`/documents/${before}`)).statusCode).toBe(200);
    expect((await web.get('/api/v1/documents')).json<SearchResult>().total).toBe(2);

    const fresh = await createWebApp({ files: [web.written['hostile.md']!, web.written['hostile.html']!] });
    try {
      const slugs = (await fresh.get('/api/v1/documents?sort=date')).json<SearchResult>().results.map((hit) => hit.slug).sort();
      expect(slugs).toEqual([markdownDoc.slug, htmlDoc.slug].sort());
    } finally {
      await fresh.close();
    }
  });
});

describe('permissions', () => {
  it('refuses a route that declares no permission, and takes one that does', async () => {
    const empty = await createWebApp();
    try {
      expect(() => empty.app.get('/undeclared', () => 'open to whom?')).toThrow(/declares no permission/);
      expect(() => empty.app.route({ method: 'POST', url: '/undeclared-too', handler: () => 'x' })).toThrow(/permission/);
      expect(() => empty.app.get('/declared', { config: { permission: 'public' } }, () => 'declared')).not.toThrow();
      await empty.app.ready();
      expect((await empty.get('/declared')).body).toBe('declared');
      expect((await empty.get('/undeclared')).statusCode).toBe(404);
    } finally {
      await empty.close();
    }
  });

  it('refuses one added inside a plugin too', async () => {
    const empty = await createWebApp();
    try {
      void empty.app.register(async (child) => {
        await Promise.resolve();
        child.get('/in-a-plugin', () => 'open to whom?');
      });
      await expect(empty.app.ready()).rejects.toThrow(/declares no permission/);
    } finally {
      await empty.close().catch(() => undefined);
    }
  });
});

describe('when something breaks', () => {
  let broken: WebApp;
  beforeAll(async () => {
    broken = await createWebApp({ files: [SEED_FILE] });
    expect((await broken.get('/documents/asa-17-013-2002')).statusCode).toBe(200);
    await broken.archive.close();
  });
  afterAll(async () => {
    await broken?.close();
  });

  it('answers pages with a 500 page that shows no stack, no file and no database', async () => {
    for (const url of ['/', '/documents/asa-17-013-2002', '/search?q=refugees', '/search?sort=date', '/feed.atom', '/sitemap.xml']) {
      const response = await broken.get(url);
      expect(response.statusCode, url).toBe(500);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      const main = visibleText(mainOf(response.body));
      expect(main, url).toMatch(/went wrong/i);
      expect(response.body, url).not.toMatch(/^\s*at\s+\S+/m);
      expect(withoutAssets(response.body), url).not.toMatch(/\/[\w./-]+\.(ts|js|mjs|cjs)\b|node_modules|sqlite|kysely|driver|destroyed|Error:/i);
      expect(response.body, url).not.toContain(broken.root);
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(elements(parseHtml(response.body), 'a').some((a) => attr(a, 'href') === '/'), url).toBe(true);
    }
  });

  it('answers the API with 500 JSON that shows nothing inside', async () => {
    for (const url of ['/api/v1/documents?q=refugees', '/api/v1/documents/asa-17-013-2002']) {
      const response = await broken.get(url);
      expect(response.statusCode, url).toBe(500);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
      expect(response.json<{ error: string }>().error, url).toBe('internal_error');
      expect(response.body, url).not.toMatch(/\bat \S+|\.ts\b|node_modules|sqlite|kysely|destroyed|stack/i);
    }
  });

  it('says so at the health check, without details', async () => {
    const response = await broken.get('/healthz');
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    expect(withoutAssets(response.body)).not.toMatch(/\bat \S+\.|\.ts\b|node_modules|sqlite|kysely|destroyed/i);
  });
});

/** A page without the addresses of the site's own files (which end in .js, and are no internals). */
function withoutAssets(body: string): string {
  return body.replace(/\/assets\/[\w.-]+(\?v=\w+)?/g, '');
}
