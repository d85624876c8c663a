/**
 * Every route says who may call it. Until accounts exist (issue #4) the only
 * permission is `public`; the check that refuses to start a server with an
 * undeclared route is in place now so that no route can ever be added without one.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

export type Permission = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}

/** Makes the server refuse any route that does not declare its permission. */
export function requireDeclaredPermissions(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const permission = (route.config)?.permission;
    if (!permission) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no permission: add config.permission`);
    }
  });
}
