/** /api/v1/people: people at risk by pseudonym, and the dated history of their case; never their sealed name or contact. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { readPerson, readStatus } from '../../../workspace/record-input.ts';
import { lookUpFirst, rawParam, recordRouteOptions } from './record-api.ts';
import { NoContent, PersonCreate, PersonList, PersonParams, PersonQuery, PersonUpdate, PersonView, RecordError, StatusCreate, StatusParams } from './record.schemas.ts';

export function registerPersonApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const options = recordRouteOptions(app, 'people');
  const writable = lookUpFirst((request) => app.vigil.people.find(request.actor!, 'records.write', rawParam(request, 'pseudonym')));

  api.get('/api/v1/people', options('records.read', {
    summary: 'People in the compartments of the token\'s user (pseudonyms only)', querystring: PersonQuery, response: { 200: PersonList },
  }), async (request) => {
    const { total, people } = await app.vigil.people.list(request.actor!, request.query);
    return { total, results: people };
  });

  api.get('/api/v1/people/:pseudonym', options('records.read', {
    summary: 'One person, with their case history and current status', params: PersonParams, response: { 200: PersonView },
  }), async (request) => app.vigil.people.get(request.actor!, request.params.pseudonym));

  api.post('/api/v1/people', options('records.write', {
    summary: 'Record a person at risk',
    description: 'The name and contact are sealed under the compartment\'s key and never returned; answers say only whether they are recorded.',
    body: PersonCreate,
    response: { 201: PersonView },
  }), async (request, reply) => {
    const person = await app.vigil.people.create(request.actor!, { ...readPerson(request.body), compartment: request.body.compartment });
    return reply.code(201).header('location', `/api/v1/people/${person.pseudonym}`).send(person);
  });

  api.put('/api/v1/people/:pseudonym', {
    ...options('records.write', {
      summary: 'Change a person',
      description: 'Send every field with the `version` you read; a person changed since is refused with 409. A name or contact left out keeps what is stored.',
      params: PersonParams,
      body: PersonUpdate,
      response: { 200: PersonView, 409: RecordError },
    }),
    preValidation: writable,
  }, async (request) => app.vigil.people.update(request.actor!, request.params.pseudonym, request.body.version, readPerson(request.body)));

  api.delete('/api/v1/people/:pseudonym', options('records.write', {
    summary: 'Remove a person (kept in the audit chain)', params: PersonParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.people.delete(request.actor!, request.params.pseudonym);
    return reply.code(204).send(null);
  });

  api.post('/api/v1/people/:pseudonym/statuses', {
    ...options('records.write', {
      summary: 'Record a change in a person\'s situation',
      description: 'Detained, forcibly returned, whereabouts unknown…: when (words or structured, as for events), where, who holds them, and the reports of the same compartment behind it. Answers the person.',
      params: PersonParams,
      body: StatusCreate,
      response: { 201: PersonView },
    }),
    preValidation: writable,
  }, async (request, reply) => {
    const input = await readStatus(request.body, app.vigil.places);
    const person = await app.vigil.people.addStatus(request.actor!, request.params.pseudonym, input);
    return reply.code(201).send(person);
  });

  api.delete('/api/v1/people/:pseudonym/statuses/:id', options('records.write', {
    summary: 'Remove a status from a person\'s history', params: StatusParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.people.removeStatus(request.actor!, request.params.pseudonym, request.params.id);
    return reply.code(204).send(null);
  });
}
