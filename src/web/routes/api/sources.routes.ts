/** /api/v1/sources: sources for integrators with a token (or a signed-in browser); never their sealed values. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { readSource } from '../../../workspace/record-input.ts';
import { lookUpFirst, rawParam, recordRouteOptions } from './record-api.ts';
import { NoContent, RecordError, SourceCreate, SourceList, SourceParams, SourceUpdate, SourceView } from './record.schemas.ts';

export function registerSourceApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const options = recordRouteOptions(app, 'sources');
  const visible = lookUpFirst((request) => app.vigil.sources.get(request.actor!, rawParam(request, 'pseudonym')));

  api.get('/api/v1/sources', options('sources.read', {
    summary: 'Sources in the compartments of the token\'s user (pseudonyms only)',
    querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), offset: Type.Integer({ minimum: 0, default: 0 }) }),
    response: { 200: SourceList },
  }), async (request) => {
    const result = await app.vigil.sources.list(request.actor!, request.query);
    return { total: result.total, results: result.sources };
  });

  api.get('/api/v1/sources/:pseudonym', options('sources.read', {
    summary: 'One source by its pseudonym (never its sealed values)', params: SourceParams, response: { 200: SourceView },
  }), async (request) => app.vigil.sources.get(request.actor!, request.params.pseudonym));

  api.post('/api/v1/sources', options('sources.write', {
    summary: 'Record a source',
    description: 'The identity and contact are sealed under the compartment\'s key and never returned; answers say only whether they are recorded.',
    body: SourceCreate,
    response: { 201: SourceView },
  }), async (request, reply) => {
    const source = await app.vigil.sources.create(request.actor!, { ...readSource(request.body), compartment: request.body.compartment });
    return reply.code(201).header('location', `/api/v1/sources/${source.pseudonym}`).send(source);
  });

  api.put('/api/v1/sources/:pseudonym', {
    ...options('sources.write', {
      summary: 'Change a source',
      description: 'Send the fields with the `version` you read; a source changed since is refused with 409. Consent, reliability, independence group, identity or contact left out keep what is stored; an empty one clears it.',
      params: SourceParams,
      body: SourceUpdate,
      response: { 200: SourceView, 409: RecordError },
    }),
    preValidation: visible,
  }, async (request) => app.vigil.sources.update(request.actor!, request.params.pseudonym, request.body.version, readSource(request.body)));

  api.delete('/api/v1/sources/:pseudonym', options('sources.write', {
    summary: 'Remove a source (kept in the audit chain)', params: SourceParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.sources.delete(request.actor!, request.params.pseudonym);
    return reply.code(204).send(null);
  });
}
