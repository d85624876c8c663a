/** The staff side's routes: signing in, the account, administration, and the workspace's records. */
import type { FastifyInstance } from 'fastify';
import { registerSourceApiRoutes } from './api/sources.routes.ts';
import { registerAccountRoutes } from './pages/account.routes.ts';
import { registerAdminRoutes } from './pages/admin.routes.ts';
import { registerSignInRoutes } from './pages/sign-in.routes.ts';
import { registerSourceRoutes } from './pages/sources.routes.ts';

export function registerWorkspaceRoutes(app: FastifyInstance): void {
  registerSignInRoutes(app);
  registerAccountRoutes(app);
  registerAdminRoutes(app);
  registerSourceRoutes(app);
  registerSourceApiRoutes(app);
}
