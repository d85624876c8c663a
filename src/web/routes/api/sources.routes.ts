/** /api/v1/sources: sources for integrators with a token (or a signed-in browser); never their sealed values. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';


const SourceSchema = Type.Object({
  pseudonym: Type.String(), kind: Type.String(), compartment: Type.String(), version: Type.Integer(),
  hasIdentity: Type.Boolean(), hasContact: Type.Boolean(), createdAt: Type.String(), updatedAt: Type.String(),
});

export function registerSourceApiRoutes(app: FastifyInstance): void {
  // Counted per user when signed in (or by token), so one office behind one address is not throttled as one.
  const API_LIMIT = { max: app.limits.apiPerMinute, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : request.ip) };
  app.get('/api/v1/sources', {
    config: { permission: 'sources.read', rateLimit: API_LIMIT },
    schema: {
      summary: 'Sources in the compartments of the token\'s user (pseudonyms only)',
      security: [{ bearer: [] }],
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), offset: Type.Integer({ minimum: 0, default: 0 }) }),
      response: { 200: Type.Object({ total: Type.Integer(), results: Type.Array(SourceSchema) }) },
    },
  }, async (request) => {
    const query = request.query as { q?: string; limit: number; offset: number };
    const result = await app.vigil.sources.list(request.actor!, query);
    return { total: result.total, results: result.sources };
  });

  app.get('/api/v1/sources/:pseudonym', {
    config: { permission: 'sources.read', rateLimit: API_LIMIT },
    schema: {
      summary: 'One source by its pseudonym (never its sealed values)',
      security: [{ bearer: [] }],
      params: Type.Object({ pseudonym: Type.String({ pattern: '^[Ss]-\\d{4,}$' }) }),
      response: { 200: SourceSchema },
    },
  }, async (request) => app.vigil.sources.get(request.actor!, (request.params as { pseudonym: string }).pseudonym));
}
