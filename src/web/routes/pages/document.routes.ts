/**
 * Document pages at their permanent address, `/documents/asa-17-013-2002`.
 * Any other spelling of the index number answers 301 to that address.
 */
import type { FastifyInstance } from 'fastify';
import { parseIndexNumber } from '../../../domain/index-number.ts';
import { documentPage } from '../../views/document.view.ts';

/** A language code at the end of an address (`…/2002/fr/`) asks for that version. */
function languageIn(path: string): string | undefined {
  return /\/([a-z]{2})\/?$/i.exec(path)?.[1]?.toLowerCase();
}

export function registerDocumentRoutes(app: FastifyInstance): void {
  app.get<{ Params: { '*': string } }>('/documents/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const wanted = request.params['*'];
    const slug = wanted.replace(/^\/+|\/+$/g, '');
    const document = await app.archive.findDocument(slug);
    if (!document) return reply.callNotFound();
    if (document.slug !== wanted) {
      const language = parseIndexNumber(slug) ? languageIn(slug) : undefined;
      const version = language && language !== document.language ? await app.archive.findDocument(slug, language) : null;
      return reply.redirect(`/documents/${(version ?? document).slug}`, 301);
    }
    const [related, versions] = await Promise.all([app.archive.related(document), app.archive.languageVersions(document)]);
    return reply
      .type('text/html; charset=utf-8')
      .header('last-modified', new Date(document.updatedAt).toUTCString())
      .header('cache-control', 'public, max-age=300')
      .send(documentPage({ document, related, versions, origin: app.publicUrl }));
  });
}
