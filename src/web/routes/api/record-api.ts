/**
 * What the workspace API routes share: the options each route declares alike
 * (permission, a rate limit counted per user, and its place in the OpenAPI
 * document), and records hidden before their input is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../../access/policy.ts';
import { ERROR_RESPONSES } from './record.schemas.ts';

/** The workspace API's limit: counted per user when signed in (or by token), so one office behind one address is not throttled as one. */
function workspaceApiLimit(app: FastifyInstance) {
  return { max: app.limits.apiPerMinute, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : request.ip) };
}

/**
 * The options of one kind's routes, given each route's permission and schema:
 * the per-user limit, and in the OpenAPI document the kind's tag, bearer
 * security, and the errors every workspace route can answer (400, 401, 403,
 * 404) beside the answers the schema names.
 */
export function recordRouteOptions(app: FastifyInstance, tag: string) {
  const rateLimit = workspaceApiLimit(app);
  return <S extends { response: object }>(permission: Action, schema: S) => ({
    config: { permission, rateLimit },
    schema: { tags: [tag], security: [{ bearer: [] }], ...schema, response: { ...schema.response, ...ERROR_RESPONSES } },
  });
}

/**
 * A hook that looks up the record an address names before the request's body
 * is validated: a record the caller may not see answers 404 whatever was
 * sent, exactly as a missing one, never a 400 about the body.
 */
export function lookUpFirst(find: (request: FastifyRequest) => Promise<unknown>) {
  return async (request: FastifyRequest): Promise<void> => {
    await find(request);
  };
}

/** The address parameters before validation: raw text, as the router found it. */
export function rawParam(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
