/**
 * Every route says who may call it, and this file alone enforces it: `public`,
 * `signing-in` (a session part-way through sign-in), or an action from the
 * policy table. The app refuses to register a route that declares nothing.
 * State-changing requests made with a cookie must carry the CSRF token.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { can, type Action, ACTIONS } from '../access/policy.ts';
import { errorPage } from './views/problem.view.ts';

export type Permission = 'public' | 'signing-in' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

/** A registered route and the permission it declared, for the route-by-role test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isPermission(value: unknown): value is Permission {
  return value === 'public' || value === 'signing-in' || (ACTIONS as readonly unknown[]).includes(value);
}

/** Makes the server refuse any route that does not declare a known permission, and lists those it accepted. */
export function requireDeclaredPermissions(app: FastifyInstance): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const permission = route.config?.permission;
    if (!isPermission(permission)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission it may have: add config.permission (public, signing-in or an action of the policy)`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, permission });
  });
  return routes;
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, message: string): FastifyReply {
  if (isApi(request)) return reply.code(status).send({ error: status === 401 ? 'unauthenticated' : 'forbidden', message });
  return reply.code(status).type('text/html; charset=utf-8').send(errorPage(status, message));
}

/** Where a person part-way through sign-in goes next. */
function nextStepOf(request: FastifyRequest): string | null {
  const stage = request.liveSession?.stage;
  if (stage === 'password') return '/login/two-factor';
  if (stage === 'enrol') return '/account/two-factor';
  return null;
}

/**
 * Checks each request against its route's permission, then the CSRF token of
 * cookie-borne changes — before the request's input is validated, so that a
 * caller who may not use a route learns nothing from it, not even which of
 * their parameters it would refuse.
 */
export function enforcePermissions(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined) return; // the not-found handler: nothing to protect
    if (permission !== 'public') reply.header('cache-control', 'no-store');
    if (permission === 'signing-in') {
      if (!request.liveSession) return reply.redirect(`/login`, 303);
    } else if (permission !== 'public') {
      if (!request.actor) {
        const next = nextStepOf(request);
        if (next && !isApi(request)) return reply.redirect(next, 303);
        if (isApi(request)) return refuse(request, reply, 401, 'Sign in, or send an API token as "Authorization: Bearer …".');
        return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      }
      if (!can(request.actor, permission)) return refuse(request, reply, 403, 'Your account is not allowed to do this.');
    }
    if (UNSAFE.has(request.method) && request.actor?.via !== 'token') {
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
      });
    }
  });
}
