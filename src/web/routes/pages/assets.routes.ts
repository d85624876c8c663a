/** The site's own stylesheet, script and icon, held in memory and cached by browsers for a year. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ASSETS_DIR } from '../../assets.ts';

const TYPES: Record<string, string> = {
  'vigil.css': 'text/css; charset=utf-8',
  'vigil.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

export function registerAssetRoutes(app: FastifyInstance): void {
  const files = new Map(Object.keys(TYPES).map((name) => [name, readFileSync(join(ASSETS_DIR, name))]));
  app.get<{ Params: { name: string } }>('/assets/:name', { config: { permission: 'public' }, schema: { hide: true } }, (request, reply) => {
    const body = files.get(request.params.name);
    if (!body) return reply.callNotFound();
    return reply
      .type(TYPES[request.params.name]!)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(body);
  });
  app.get('/favicon.ico', { config: { permission: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(files.get('icon.svg')));
  app.get('/robots.txt', { config: { permission: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(`User-agent: *\nAllow: /\nDisallow: /search\nDisallow: /api/\nSitemap: ${app.publicUrl}/sitemap.xml\n`));
}
