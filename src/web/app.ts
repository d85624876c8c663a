/**
 * Builds the web application: security headers, compression, validation and
 * error pages, then the routes. Tests build it too and call it with inject().
 */
import fastifyCompress from '@fastify/compress';
import fastifyEtag from '@fastify/etag';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Archive } from '../archive/index.ts';
import type { Vigil } from '../vigil.ts';
import { enforcePermissions, requireDeclaredPermissions, type DeclaredRoute } from './access.ts';
import { registerSessions } from './plugins/session.plugin.ts';
import { registerWorkspaceRoutes } from './routes/workspace.ts';
import { registerErrorHandling } from './errors.ts';
import { registerApiRoutes } from './routes/api/documents.routes.ts';
import { registerAssetRoutes } from './routes/pages/assets.routes.ts';
import { registerDocumentRoutes } from './routes/pages/document.routes.ts';
import { registerFeedRoutes } from './routes/pages/feed.routes.ts';
import { registerHomeRoutes } from './routes/pages/home.routes.ts';
import { registerSearchRoutes } from './routes/pages/search.routes.ts';

export interface AppOptions {
  vigil: Vigil;
  /** The address the public reaches the site at, for feeds, sitemaps and citations. */
  publicUrl: string;
  logger?: boolean;
  /** Proxies in front to believe (a number of hops or their addresses), so Secure cookies follow the proxy's HTTPS. */
  trustProxy?: boolean | string | ((address: string, hop: number) => boolean);
  /** Requests a minute from one address: to the sign-in forms, and to the workspace API per user. */
  limits?: Partial<RateLimits>;
}

export interface RateLimits {
  signInPerMinute: number;
  /** The workspace API, per user (or per address without one). */
  apiPerMinute: number;
  /** The public archive API, per address. */
  publicApiPerMinute: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    archive: Archive;
    vigil: Vigil;
    publicUrl: string;
    /** Every route with the permission it declared. */
    declaredRoutes: DeclaredRoute[];
    limits: RateLimits;
  }
}

/** The Fastify application, ready to listen or to be injected into. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    trustProxy: options.trustProxy ?? false,
    ajv: { customOptions: { coerceTypes: true, useDefaults: true, removeAdditional: false, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('vigil', options.vigil);
  app.decorate('archive', options.vigil.archive);
  app.decorate('publicUrl', options.publicUrl.replace(/\/+$/, ''));
  app.decorate('declaredRoutes', requireDeclaredPermissions(app));
  app.decorate('limits', { signInPerMinute: 20, apiPerMinute: 600, publicApiPerMinute: 1200, ...options.limits });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  // Conditional requests apply to successful answers only: an error must never become a 304.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 300) delete request.headers['if-none-match'];
    done(null, payload);
  });
  // The ETag is computed on the page itself, before compression, so 304s work for every encoding.
  await app.register(fastifyEtag, { weak: true });
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Vigil archive API', version: '1.0.0', description: 'Public documents of the archive (no token needed): search with facets, and each document with its recognised fields. Workspace records need a bearer token.' },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token made on the account page (vgl_…), scoped, with an expiry.' },
        },
      },
    },
  });
  registerErrorHandling(app);
  await registerSessions(app);
  enforcePermissions(app);

  registerAssetRoutes(app);
  registerHomeRoutes(app);
  registerSearchRoutes(app);
  registerDocumentRoutes(app);
  registerFeedRoutes(app);
  registerApiRoutes(app);
  registerWorkspaceRoutes(app);
  app.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    try {
      return { status: 'ok', documents: await app.archive.count() };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  return app;
}
