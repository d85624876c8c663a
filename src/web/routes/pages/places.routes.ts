/** /workspace/places: the offline gazetteer, searched by name. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PlaceInputError } from '../../../places/place.ts';
import { placesPage } from '../../views/workspace/places.view.ts';
import { HTML } from './record-pages.ts';

const QUERY = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), country: Type.Optional(Type.String({ maxLength: 10 })) });

export function registerPlaceRoutes(app: FastifyInstance): void {
  // Public reference data, but only staff need it here; the permission keeps it with the records it serves.
  app.get('/workspace/places', { config: { permission: 'records.read' }, schema: { hide: true, querystring: QUERY } }, async (request, reply) => {
    const q = ((request.query as { q?: string }).q ?? '').trim();
    const country = ((request.query as { country?: string }).country ?? '').trim();
    const page = { actor: request.actor!, csrf: reply.generateCsrf(), query: { q, country }, attribution: app.vigil.places.attribution() };
    if (!q) return reply.type(HTML).send(placesPage({ ...page, hits: null }));
    try {
      const hits = await app.vigil.places.search(q, { ...(country ? { country } : {}), limit: 50 });
      return await reply.type(HTML).send(placesPage({ ...page, hits }));
    } catch (error) {
      if (!(error instanceof PlaceInputError)) throw error;
      return reply.code(400).type(HTML).send(placesPage({ ...page, hits: null, error: 'A country code is two letters, such as CN.' }));
    }
  });
}
