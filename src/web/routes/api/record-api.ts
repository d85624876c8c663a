/** What the workspace API routes share: a rate limit counted per user, and records hidden before their input is read. */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The workspace API's limit: counted per user when signed in (or by token), so one office behind one address is not throttled as one. */
export function workspaceApiLimit(app: FastifyInstance) {
  return { max: app.limits.apiPerMinute, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : request.ip) };
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
