/**
 * What a reader sees when something is wrong: a 404 page that helps, a 400
 * that names the parameter, and never a stack trace. The API answers in JSON.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SearchQueryError } from '../archive/index.ts';
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
  app.setNotFoundHandler((request, reply) => {
    if (isApi(request)) return reply.code(404).send({ error: 'not_found', message: `no such resource: ${request.url.split('?')[0]}` });
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(request.url.split('?')[0] ?? '/'));
  });

  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    if (error.validation) {
      const parameter = parameterOf(error);
      const message = validationMessage(error, parameter);
      if (isApi(request)) return reply.code(400).send({ error: 'invalid_parameter', parameter, message });
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
