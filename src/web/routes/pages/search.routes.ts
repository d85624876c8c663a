/** The search page; an index number typed into the box opens its document. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { parseIndexNumber } from '../../../domain/index-number.ts';
import { SearchQueryError } from '../../../archive/index.ts';
import { SearchPageQuerystring } from '../../schemas.ts';
import { searchErrorPage, searchPage } from '../../views/search.view.ts';

const PER_PAGE = 10;

export function registerSearchRoutes(app: FastifyInstance): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/search', {
    config: { permission: 'public' },
    schema: { hide: true, querystring: SearchPageQuerystring },
  }, async (request, reply) => {
    const { q = '', page, ...filters } = request.query;
    const query = q.trim();
    if (query !== '' && parseIndexNumber(query)) {
      const document = await app.archive.findDocument(query);
      if (document) return reply.redirect(`/documents/${document.slug}`, 303);
    }
    const state = { q: query, ...filters, country: filters.country?.toUpperCase(), page, perPage: PER_PAGE };
    reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60');
    try {
      const result = await app.archive.search({ ...state, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
      return reply.send(searchPage(state, result));
    } catch (error) {
      if (error instanceof SearchQueryError) return reply.code(400).send(searchErrorPage(query, error.message));
      throw error;
    }
  });
}
