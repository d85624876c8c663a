/**
 * The JSON API (issue 3): search with filters, paging and facets in the shape
 * `vigil search --json` prints, one document as `vigil show --json` gives
 * it, errors that name the parameter, and the OpenAPI 3.1 document.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../src/archive/document.presenter.ts';
import type { SearchResult } from '../../src/archive/index.ts';
import { DEMO_DIR, SEED_FILE, createWebApp, elements, listEverything, parseHtml, vigilJson, type WebApp } from '../helpers/web.ts';

const SEED_SLUG = 'asa-17-013-2002';

let web: WebApp;
let all: SearchResult;

beforeAll(async () => {
  web = await createWebApp({ files: [DEMO_DIR, SEED_FILE] });
  all = await listEverything(web);
  expect(all.total).toBe(web.summary.imported);
});

afterAll(async () => {
  await web?.close();
});

async function search(query: string): Promise<SearchResult> {
  const response = await web.get(`/api/v1/documents?${query}`);
  expect(response.statusCode, query).toBe(200);
  expect(response.headers['content-type'], query).toMatch(/^application\/json/);
  return response.json<SearchResult>();
}

async function document(reference: string): Promise<DocumentView> {
  const response = await web.get(`/api/v1/documents/${reference}`);
  expect(response.statusCode, reference).toBe(200);
  expect(response.headers['content-type'], reference).toMatch(/^application\/json/);
  return response.json<DocumentView>();
}

const HIT_KEYS = ['date', 'index', 'language', 'score', 'slug', 'snippet', 'title', 'type'];

describe('GET /api/v1/documents', () => {
  it('answers { total, results, facets } exactly as `vigil search --json` prints it', async () => {
    const cases: Array<[string, string[]]> = [
      ['q=refugees&country=CN&limit=5', ['search', '--json', 'refugees', '--country', 'CN', '--limit', '5']],
      ['q=north%20korea*&sort=date&offset=2&limit=4&type=Public%20Statement', ['search', '--json', 'north', 'korea*', '--sort', 'date', '--offset', '2', '--limit', '4', '--type', 'Public Statement']],
      ['q=ASA%2017%2F013%2F2002', ['search', '--json', 'ASA 17/013/2002']],
    ];
    for (const [query, args] of cases) {
      const api = await search(query);
      const cli = await vigilJson<SearchResult>(args, web.dataDir);
      expect(api, query).toEqual(cli);
      expect(api.total, query).toBeGreaterThan(0);
    }
  });

  it('gives each hit its fields and a snippet whose only markup is <mark>', async () => {
    const result = await search('q=refugees');
    expect(Object.keys(result).sort()).toEqual(['facets', 'results', 'total']);
    expect(Object.keys(result.facets).sort()).toEqual(['country', 'language', 'type', 'year']);
    expect(result.results.length).toBe(Math.min(10, result.total));
    for (const hit of result.results) {
      expect(Object.keys(hit).sort()).toEqual(HIT_KEYS);
      expect(hit.snippet).toMatch(/<mark>[^<]+<\/mark>/);
      expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      expect(typeof hit.score).toBe('number');
    }
    // Ranked best first.
    expect(result.results.map((hit) => hit.score)).toEqual([...result.results.map((hit) => hit.score)].sort((a, b) => b - a));
    // The facets count what the search found.
    const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(result.facets.language)).toBe(result.total);
    expect(sum(result.facets.type)).toBeLessThanOrEqual(result.total);
  });

  it('lists every document newest first with no query', () => {
    expect(all.results).toHaveLength(all.total);
    const dates = all.results.map((hit) => hit.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(all.results.map((hit) => hit.slug)).toContain(SEED_SLUG);
  });

  it('filters by country, type, year, language and dates, each as its facet counted', async () => {
    const china = await search('country=CN&limit=100');
    expect(china.total).toBe(all.facets.country.CN);
    expect(china.total).toBeLessThan(all.total);
    for (const hit of china.results) expect((await document(hit.slug)).countries, hit.slug).toContain('CN');
    expect((await search('country=cn&limit=100')).total).toBe(china.total);

    const urgent = await search('type=Urgent%20Action&limit=100');
    expect(urgent.total).toBe(all.facets.type['Urgent Action']);
    expect(urgent.total).toBeGreaterThan(0);
    for (const hit of urgent.results) expect(hit.type).toBe('Urgent Action');

    const year = await search('year=2002&limit=100');
    expect(year.total).toBe(all.facets.year['2002']);
    for (const hit of year.results) expect(hit.date === null || hit.date.startsWith('2002-'), hit.slug).toBe(true);

    const french = await search('language=fr&limit=100');
    expect(french.total).toBe(all.facets.language.fr);
    expect(french.total).toBeGreaterThan(0);
    for (const hit of french.results) expect(hit.language).toBe('fr');

    const range = await search('from=2002-03-01&to=2002-06-30&limit=100');
    expect(range.total).toBeGreaterThan(0);
    for (const hit of range.results) expect(hit.date! >= '2002-03-01' && hit.date! <= '2002-06-30', hit.date ?? 'null').toBe(true);
    const inRange = all.results.filter((hit) => hit.date !== null && hit.date >= '2002-03-01' && hit.date <= '2002-06-30');
    expect(range.total).toBe(inRange.length);

    const combined = await search('q=refugees&country=KP&type=Public%20Statement');
    for (const hit of combined.results) expect(hit.type).toBe('Public Statement');
    expect(combined.total).toBeLessThanOrEqual((await search('q=refugees')).facets.type['Public Statement']!);
  });

  it('pages with limit and offset', async () => {
    const first = await search('sort=date&limit=3&offset=0');
    const second = await search('sort=date&limit=3&offset=3');
    expect(first.total).toBe(all.total);
    expect(second.total).toBe(all.total);
    expect(first.results.map((h) => h.slug)).toEqual(all.results.slice(0, 3).map((h) => h.slug));
    expect(second.results.map((h) => h.slug)).toEqual(all.results.slice(3, 6).map((h) => h.slug));
    const beyond = await search(`sort=date&offset=${all.total + 5}`);
    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(all.total);
    expect((await search('')).results).toHaveLength(Math.min(10, all.total));
  });

  it('answers an invalid parameter with 400 JSON naming it', async () => {
    const longQuery = 'a'.repeat(1001);
    const cases: Array<[string, string]> = [
      ['limit=0', 'limit'], ['limit=abc', 'limit'], ['limit=101', 'limit'], ['offset=-1', 'offset'],
      ['from=2002-13', 'from'], ['from=2002-13-01', 'from'], ['to=2002-02-30', 'to'], ['to=yesterday', 'to'],
      ['sort=x', 'sort'], ['country=China', 'country'], ['year=abc', 'year'], ['language=English', 'language'],
      ['colour=red', 'colour'], ['year=2002&from=2002-01-01', 'year'], [`q=${longQuery}`, 'q'],
    ];
    for (const [query, parameter] of cases) {
      const response = await web.get(`/api/v1/documents?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type'], query).toMatch(/^application\/json/);
      const body = response.json<{ error: string; parameter?: string; message: string }>();
      expect(body.parameter, query).toBe(parameter);
      expect(body.error, query).toBe('invalid_parameter');
      expect(body.message, query).toContain(parameter);
    }
  });

  it('answers a malformed query with 400 JSON about q, in words, without the database’s', async () => {
    for (const q of ['"open', '(refugees', 'refugees OR', 'NOT', '-refugees']) {
      const response = await web.get(`/api/v1/documents?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, q).toBe(400);
      const body = response.json<{ error: string; parameter?: string; message: string }>();
      expect(body.parameter, q).toBe('q');
      expect(body.message, q).toMatch(/^[a-zA-Z].{10,}/);
      expect(response.body, q).not.toMatch(/fts5|sqlite|syntax error|\bat \S+:\d+/i);
    }
  });
});

describe('GET /api/v1/documents/{reference}', () => {
  it('gives the document as `vigil show --json` does, under every spelling of its index number', async () => {
    const cli = await vigilJson<DocumentView>(['show', '--json', 'ASA 17/013/2002'], web.dataDir);
    const { sourceFile, ...shown } = cli;
    expect(sourceFile).toBeTruthy();
    const spellings = [SEED_SLUG, 'ASA%2017%2F013%2F2002', 'asa170132002', 'asa17/013/2002', 'AI%20Index%3A%20ASA%2017%2F013%2F2002', 'ASA-17-013-2002'];
    for (const spelling of spellings) {
      const api = await document(spelling);
      expect(api, spelling).toEqual(shown);
    }
    // Where the file lay on the server is no one's business.
    expect(JSON.stringify(await document(SEED_SLUG))).not.toContain(sourceFile!);
  });

  it('has every recognised field', async () => {
    const doc = await document(SEED_SLUG);
    expect(doc).toMatchObject({
      slug: SEED_SLUG,
      index: 'ASA 17/013/2002',
      indexParts: { prefix: 'ASA', countryNumber: 17, sequence: 13, year: 2002 },
      type: 'Public Statement',
      date: '2002-03-27',
      newsServiceNumber: 56,
      title: 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees',
      language: 'en',
      distribution: 'public',
      endMarker: 'ENDS',
      organisation: 'Amnesty International',
    });
    expect(doc.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
    expect(doc.sections.map((s) => s.heading)).toEqual([null, 'Background']);
    expect(doc.contact).toMatchObject({ phone: '+44 20 7413 5566' });
    expect(Number.isNaN(Date.parse(doc.updatedAt))).toBe(false);
    const response = await web.get(`/api/v1/documents/${SEED_SLUG}`);
    expect(Date.parse(response.headers['last-modified'] as string)).toBe(Math.floor(Date.parse(doc.updatedAt) / 1000) * 1000);
  });

  it('answers an unknown document with 404 JSON', async () => {
    for (const reference of ['no-such-document', 'ASA%2017%2F999%2F2002', '999999']) {
      const response = await web.get(`/api/v1/documents/${reference}`);
      expect(response.statusCode, reference).toBe(404);
      expect(response.headers['content-type'], reference).toMatch(/^application\/json/);
      const body = response.json<{ error: string; message: string }>();
      expect(body.error, reference).toBe('not_found');
      expect(body.message, reference).toBeTruthy();
    }
    const elsewhere = await web.get('/api/v1/no-such-thing');
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json<{ error: string }>().error).toBe('not_found');
  });
});

interface Parameter { name: string; in: string; required?: boolean; schema?: Record<string, unknown> }
interface Operation { parameters?: Parameter[]; responses?: Record<string, { content?: Record<string, unknown> }> }
interface Spec {
  openapi: string;
  info: { title: string; version: string };
  servers?: Array<{ url: string }>;
  paths: Record<string, Partial<Record<'get' | 'post' | 'put' | 'delete', Operation>>>;
}

describe('GET /api/v1/openapi.json', () => {
  let spec: Spec;
  beforeAll(async () => {
    const response = await web.get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    spec = response.json<Spec>();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.info.title).toBeTruthy();
    expect(spec.info.version).toBeTruthy();
    expect(spec.servers?.map((s) => s.url)).toEqual([web.publicUrl]);
    await expect(SwaggerParser.validate(structuredClone(spec) as unknown as OpenAPI.Document)).resolves.toBeDefined();
    // The validator does notice a broken document.
    const broken = structuredClone(spec);
    broken.paths['/api/v1/documents']!.get!.parameters![0]!.in = 'nowhere';
    await expect(SwaggerParser.validate(broken as unknown as OpenAPI.Document)).rejects.toThrow(/in/);
  });

  it('describes the search with every parameter, none of them required', () => {
    const operation = spec.paths['/api/v1/documents']?.get;
    expect(operation).toBeDefined();
    const parameters = operation!.parameters ?? [];
    expect(parameters.map((p) => p.name).sort()).toEqual(['country', 'from', 'language', 'limit', 'offset', 'q', 'sort', 'to', 'type', 'year']);
    for (const parameter of parameters) {
      expect(parameter.in, parameter.name).toBe('query');
      expect(parameter.required ?? false, parameter.name).toBe(false);
      expect(parameter.schema, parameter.name).toBeDefined();
    }
    expect(Object.keys(operation!.responses ?? {}).sort()).toEqual(['200', '400']);
    expect(operation!.responses?.['200']?.content?.['application/json']).toBeDefined();
  });

  it('describes the document path with its path parameter', () => {
    const paths = Object.keys(spec.paths).filter((path) => /^\/api\/v1\/documents\/\{[^}]+\}$/.test(path));
    expect(paths).toHaveLength(1);
    const path = paths[0]!;
    const name = /\{([^}]+)\}/.exec(path)![1];
    const operation = spec.paths[path]!.get!;
    const parameter = (operation.parameters ?? []).find((p) => p.in === 'path');
    expect(parameter).toMatchObject({ name, in: 'path', required: true });
    expect(Object.keys(operation.responses ?? {}).sort()).toEqual(['200', '404']);
    // Only the API is described: pages, feeds and the sitemap are not part of it.
    for (const each of Object.keys(spec.paths)) expect(each.startsWith('/api/v1/'), each).toBe(true);
    // Every path template names a parameter each of its operations declares.
    for (const [each, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const [, templateName] of each.matchAll(/\{([^}]+)\}/g)) {
          expect((operation.parameters ?? []).some((p) => p.in === 'path' && p.name === templateName), `${method} ${each}`).toBe(true);
        }
      }
    }
  });

  it('is linked from every page', async () => {
    const tree = parseHtml((await web.get('/')).body);
    expect(elements(tree, 'a').some((a) => a.properties.href === '/api/v1/openapi.json')).toBe(true);
  });
});
