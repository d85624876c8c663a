/** The JSON API: search with facets, one document, and the OpenAPI document generated from the same schemas. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ApiError, DocumentResponse, SearchQuerystring, SearchResponse } from '../../schemas.ts';

export function registerApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // Public and cached, so the limit is generous: it stops one address from crawling the archive flat out.
  const limit = { max: app.limits.publicApiPerMinute, timeWindow: '1 minute' };
  api.get('/api/v1/documents', {
    config: { permission: 'public', rateLimit: limit },
    schema: {
      summary: 'Search the archive',
      description: 'Ranked full-text search (BM25, title above body) with filters and facet counts. An index number in any spelling as `q` returns that document.',
      tags: ['documents'],
      querystring: SearchQuerystring,
      response: { 200: SearchResponse, 400: ApiError },
    },
  }, async (request, reply) => {
    const { country, ...rest } = request.query;
    if (rest.year !== undefined && (rest.from || rest.to)) {
      return reply.code(400).send({ error: 'invalid_parameter', parameter: 'year', message: 'use year or from/to, not both' });
    }
    const result = await app.archive.search({ ...rest, country: country?.toUpperCase() });
    return reply.header('cache-control', 'public, max-age=60').send(result);
  });

  api.get('/api/v1/documents/*', {
    config: { permission: 'public', rateLimit: limit },
    schema: {
      summary: 'One document',
      description: 'The document with every recognised field. The path is its slug (`asa-17-013-2002`) or its index number in any spelling.',
      tags: ['documents'],
      params: { type: 'object', properties: { '*': { type: 'string', maxLength: 300 } } },
      response: { 200: DocumentResponse, 404: ApiError },
    },
  }, async (request, reply) => {
    const reference = (request.params as { '*': string })['*'].replace(/^\/+|\/+$/g, '');
    const document = await app.archive.findDocument(reference);
    if (!document) return reply.code(404).send({ error: 'not_found', message: `no document "${reference}"` });
    return reply.header('last-modified', new Date(document.updatedAt).toUTCString()).header('cache-control', 'public, max-age=300').send(document);
  });

  api.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'public, max-age=3600').send(app.swagger()));
}

