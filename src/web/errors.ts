/**
 * What a reader sees when something is wrong: a 404 page that helps, a 400
 * that names the parameter, and never a stack trace. The API answers in JSON.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '../access/policy.ts';
import { SearchQueryError } from '../archive/index.ts';
import { RecordInputError, StaleEditError } from '../workspace/record.ts';
import { PlaceChoiceError } from '../workspace/text-input.ts';
import { errorPage, notFoundPage } from './views/problem.view.ts';

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** The parameter a validation error is about, from Ajv's report. */
function parameterOf(error: FastifyError): string | undefined {
  const first = error.validation?.[0];
  if (!first) return undefined;
  const path = first.instancePath.replace(/^\//, '');
  const missing = (first.params as { missingProperty?: string; additionalProperty?: string } | undefined);
  return path || missing?.missingProperty || missing?.additionalProperty || undefined;
}

function validationMessage(error: FastifyError, parameter: string | undefined): string {
  const first = error.validation?.[0];
  if (first?.keyword === 'additionalProperties') return `unknown parameter "${parameter ?? ''}"`;
  const allowed = (first?.params as { allowedValues?: unknown[] } | undefined)?.allowedValues;
  if (allowed) return `parameter "${parameter ?? '?'}" must be one of: ${allowed.join(', ')}`;
  return `parameter "${parameter ?? '?'}" ${first?.message ?? 'is not valid'}`;
}

/** Installs the not-found and error handlers. */
export function registerErrorHandling(app: FastifyInstance): void {
  const notFound = (request: FastifyRequest, reply: FastifyReply) => {
    if (isApi(request)) return reply.code(404).send({ error: 'not_found', message: `no such resource: ${request.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(request.url.split('?')[0] ?? '/'));
  };
  app.setNotFoundHandler(notFound);

  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    // A record one may not see answers exactly as one that does not exist.
    if (error instanceof NotFoundError) return notFound(request, reply);
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      if (isApi(request)) return reply.code(403).send({ error: 'csrf', message: 'a request made with a cookie must carry the CSRF token of a Vigil page' });
      return reply.code(403).type('text/html; charset=utf-8').send(errorPage(403, 'This form came from a page that has expired or from another site. Go back, reload the page and try again.'));
    }
    if (error.statusCode === 429) {
      if (isApi(request)) return reply.code(429).send({ error: 'rate_limited', message: 'too many requests; wait a minute and try again' });
      return reply.code(429).type('text/html; charset=utf-8').send(errorPage(429, 'Too many requests from here. Wait a minute and try again.'));
    }
    // A record's input that a service refused: the field at fault, and for an unclear place name the places it may mean.
    if (error instanceof RecordInputError) {
      if (isApi(request)) {
        const candidates = error instanceof PlaceChoiceError ? error.candidates.map((hit) => ({ id: hit.id, kind: hit.kind, name: hit.name, ...(hit.divisionName ? { divisionName: hit.divisionName } : {}), country: hit.country })) : undefined;
        return reply.code(400).send({ error: 'invalid_input', field: error.field, message: error.message, ...(candidates ? { candidates } : {}) });
      }
      return reply.code(400).type('text/html; charset=utf-8').send(errorPage(400, error.message));
    }
    if (error instanceof StaleEditError) {
      if (isApi(request)) return reply.code(409).send({ error: 'stale_edit', message: error.message });
      return reply.code(409).type('text/html; charset=utf-8').send(errorPage(409, error.message));
    }
    if (error.validation) {
      const parameter = parameterOf(error);
      const message = validationMessage(error, parameter);
      // In a JSON body the parameter is a field, named as record input errors name it ("victims.0.count").
      const field = error.validationContext === 'body' && parameter ? { field: parameter.replace(/\//g, '.') } : {};
      if (isApi(request)) return reply.code(400).send({ error: 'invalid_parameter', parameter, ...field, message });
      return reply.code(400).type('text/html; charset=utf-8').send(errorPage(400, `The address has a problem: ${message}.`));
    }
    if (error instanceof SearchQueryError) {
      if (isApi(request)) return reply.code(400).send({ error: 'invalid_query', parameter: 'q', message: error.message });
      return reply.code(400).type('text/html; charset=utf-8').send(errorPage(400, `This search cannot be read: ${error.message}.`));
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    const message = status === 500 ? 'The server could not answer this request.' : 'This request cannot be answered.';
    if (isApi(request)) return reply.code(status).send({ error: status === 500 ? 'internal_error' : 'bad_request', message });
    return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, message));
  });
}
