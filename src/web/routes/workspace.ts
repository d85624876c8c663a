/** The staff side's routes: signing in, the account, administration, and the workspace's records. */
import type { FastifyInstance } from 'fastify';
import { registerEventApiRoutes } from './api/events.routes.ts';
import { registerPersonApiRoutes } from './api/people.routes.ts';
import { registerPlaceApiRoutes } from './api/places.routes.ts';
import { registerReportApiRoutes } from './api/reports.routes.ts';
import { registerSourceApiRoutes } from './api/sources.routes.ts';
import { registerAccountRoutes } from './pages/account.routes.ts';
import { registerAdminRoutes } from './pages/admin.routes.ts';
import { registerSignInRoutes } from './pages/sign-in.routes.ts';
import { registerEventRoutes } from './pages/events.routes.ts';
import { registerPersonRoutes } from './pages/people.routes.ts';
import { registerPlaceRoutes } from './pages/places.routes.ts';
import { registerReportRoutes } from './pages/reports.routes.ts';
import { registerSourceRoutes } from './pages/sources.routes.ts';
import { registerVocabularyRoutes } from './pages/vocabularies.routes.ts';

export function registerWorkspaceRoutes(app: FastifyInstance): void {
  registerSignInRoutes(app);
  registerAccountRoutes(app);
  registerAdminRoutes(app);
  registerSourceRoutes(app);
  registerReportRoutes(app);
  registerEventRoutes(app);
  registerPersonRoutes(app);
  registerPlaceRoutes(app);
  registerVocabularyRoutes(app);
  registerSourceApiRoutes(app);
  registerReportApiRoutes(app);
  registerEventApiRoutes(app);
  registerPersonApiRoutes(app);
  registerPlaceApiRoutes(app);
}
