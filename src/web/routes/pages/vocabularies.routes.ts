/** /workspace/vocabularies: the act types, grading scales and statuses records are kept in. */
import type { FastifyInstance } from 'fastify';
import { vocabulariesPage } from '../../views/workspace/vocabularies.view.ts';
import { HTML } from './record-pages.ts';

export function registerVocabularyRoutes(app: FastifyInstance): void {
  app.get('/workspace/vocabularies', { config: { permission: 'records.read' }, schema: { hide: true } }, (request, reply) =>
    reply.type(HTML).send(vocabulariesPage({ actor: request.actor!, csrf: reply.generateCsrf() })));
}
