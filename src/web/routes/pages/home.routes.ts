/** The front page. */
import type { FastifyInstance } from 'fastify';
import { homePage } from '../../views/home.view.ts';

export function registerHomeRoutes(app: FastifyInstance): void {
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    const result = await app.archive.search({ sort: 'date', limit: 12 });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=60').send(homePage(result.results, result.total, result.facets));
  });
}
