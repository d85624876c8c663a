/**
 * /api/v1/events: events with their acts, dates, places and counts (sent as
 * words or structured, answered as both), and the reports linked to them.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { readEvent } from '../../../workspace/record-input.ts';
import { lookUpFirst, rawParam, recordRouteOptions } from './record-api.ts';
import { EventCreate, EventList, EventParams, EventQuery, EventUpdate, EventView, LinkCreate, LinkParams, NoContent, RecordError } from './record.schemas.ts';

const WORDS = 'Dates, counts and places may be words — `"date": "earlier this month"` with `"dateReference": "2002-03-27"`, `"count": "up to 900"`, `"place": "Longjing"` with `"country": "CN"`, `"placeId": "city:19868"` — or the structured objects the answers carry. A place name that is not exact is refused with the gazetteer entries it may mean.';

export function registerEventApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const options = recordRouteOptions(app, 'events');
  const writable = lookUpFirst((request) => app.vigil.events.find(request.actor!, 'records.write', rawParam(request, 'reference')));

  api.get('/api/v1/events', options('records.read', {
    summary: 'Events in the compartments of the token\'s user, latest first',
    description: '`from` and `to` keep events whose date may fall within them; `act` is an act-type code.',
    querystring: EventQuery,
    response: { 200: EventList },
  }), async (request) => {
    const { act, ...filter } = request.query;
    const { total, events } = await app.vigil.events.list(request.actor!, { ...filter, ...(act ? { acts: [act] } : {}) });
    return { total, results: events };
  });

  api.get('/api/v1/events/:reference', options('records.read', {
    summary: 'One event, with its reports and corroboration', params: EventParams, response: { 200: EventView },
  }), async (request) => app.vigil.events.get(request.actor!, request.params.reference));

  api.post('/api/v1/events', options('records.write', {
    summary: 'Record an event', description: WORDS, body: EventCreate, response: { 201: EventView },
  }), async (request, reply) => {
    const input = await readEvent(request.body, app.vigil.places);
    const event = await app.vigil.events.create(request.actor!, { ...input, compartment: request.body.compartment, ...(request.body.reports ? { reports: request.body.reports } : {}) });
    return reply.code(201).header('location', `/api/v1/events/${event.reference}`).send(event);
  });

  api.put('/api/v1/events/:reference', {
    ...options('records.write', {
      summary: 'Change an event',
      description: `Send every field with the \`version\` you read; an event changed since is refused with 409. ${WORDS}`,
      params: EventParams,
      body: EventUpdate,
      response: { 200: EventView, 409: RecordError },
    }),
    preValidation: writable,
  }, async (request) => {
    const input = await readEvent(request.body, app.vigil.places);
    return app.vigil.events.update(request.actor!, request.params.reference, request.body.version, input);
  });

  api.delete('/api/v1/events/:reference', options('records.write', {
    summary: 'Remove an event (kept in the audit chain)', params: EventParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.events.delete(request.actor!, request.params.reference);
    return reply.code(204).send(null);
  });

  api.post('/api/v1/events/:reference/links', {
    ...options('records.write', {
      summary: 'Link a report to an event as supporting or contradicting it',
      description: 'The report must be in the event\'s compartment. Linking again changes the stance. Answers the event with its corroboration worked out again.',
      params: EventParams,
      body: LinkCreate,
      response: { 200: EventView },
    }),
    preValidation: writable,
  }, async (request) => app.vigil.events.link(request.actor!, request.params.reference, request.body.report, request.body.stance));

  api.delete('/api/v1/events/:reference/links/:report', options('records.write', {
    summary: 'Unlink a report from an event', params: LinkParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.events.unlink(request.actor!, request.params.reference, request.params.report);
    return reply.code(204).send(null);
  });
}
