/**
 * Who is asking: a session cookie or an API token becomes `request.actor`
 * (fully signed in) or `request.liveSession` (part-way through). Also the
 * cookie, form, CSRF and rate-limit plugins that signing in relies on.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../access/policy.ts';
import type { Client, LiveSession } from '../../access/sign-in.service.ts';

export const SESSION_COOKIE = 'vigil_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    liveSession: LiveSession | null;
  }
}

/** Whether cookies must be Secure: the request came over HTTPS (or a trusted proxy says it did). */
function secure(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax (so links from mail open signed in), Secure over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: secure(request) });
}

/** The client details sign-in and the audit chain record. */
export function clientOf(request: FastifyRequest): Client {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent : null };
}

export async function registerSessions(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'vigil_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: false, secure: 'auto' },
  });
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('actor', null);
  app.decorateRequest('liveSession', null);
  app.addHook('onRequest', async (request) => {
    const authorization = request.headers.authorization;
    if (typeof authorization === 'string' && /^bearer\s+/i.test(authorization)) {
      const actor = await app.vigil.accounts.resolveToken(authorization.replace(/^bearer\s+/i, '').trim());
      if (actor) request.actor = { ...actor, ip: request.ip };
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (!secret) return;
    const live = await app.vigil.signIn.resolve(secret);
    request.liveSession = live;
    if (live?.actor) request.actor = { ...live.actor, ip: request.ip };
  });
}
