/** /workspace/sources: list, record, view, edit, delete and reveal sources. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields } from '../../forms.ts';
import { SourceInputError, StaleEditError, type SourceInput } from '../../../workspace/source.service.ts';
import { sourceFormPage, sourcePage, sourcesPage, type SourceFormData } from '../../views/workspace/sources.view.ts';
import { HTML, withoutSealedFields } from './record-pages.ts';

const PSEUDONYM = Type.Object({ pseudonym: Type.String({ pattern: '^[Ss]-\\d{4,}$' }) });
const LIST_QUERY = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 50 })),
  reliability: Type.Optional(Type.String({ pattern: '^[A-Fa-f]?$' })),
});

/**
 * The graded fields as the form sends them. A field the form did not send
 * stays undefined, which the service reads as "keep what is stored".
 */
function gradingOf(values: Record<string, string>): Pick<SourceInput, 'consent' | 'reliability' | 'independenceGroup'> {
  return {
    ...(values.consent !== undefined ? { consent: values.consent } : {}),
    ...(values.reliability !== undefined ? { reliability: values.reliability } : {}),
    ...(values.independenceGroup !== undefined ? { independenceGroup: values.independenceGroup } : {}),
  };
}

/** A source's sealed fields, as a refused form names them. */
const SEALED = [['identity', 'identity'], ['contact', 'contact']] as const;

export function registerSourceRoutes(app: FastifyInstance): void {
  const sources = () => app.vigil.sources;
  const myCompartments = async (request: FastifyRequest) => (await app.vigil.users.compartments()).filter((c) => request.actor!.compartments.has(c.id));
  const form = async (request: FastifyRequest, reply: FastifyReply, data: Partial<SourceFormData>, status = 200) =>
    reply.code(status).type(HTML).send(sourceFormPage({ actor: request.actor!, csrf: reply.generateCsrf(), compartments: await myCompartments(request), values: {}, errors: {}, ...data }));

  app.get('/workspace/sources', { config: { permission: 'sources.read' }, schema: { hide: true, querystring: LIST_QUERY } }, async (request, reply) => {
    const { q = '', kind, reliability } = request.query as { q?: string; kind?: string; reliability?: string };
    const result = await sources().list(request.actor!, { q, ...(kind ? { kind } : {}), ...(reliability ? { reliability: reliability.toUpperCase() } : {}) });
    return reply.type(HTML).send(sourcesPage({ actor: request.actor!, csrf: reply.generateCsrf(), total: result.total, sources: result.sources, q, kind, reliability }));
  });

  app.get('/workspace/sources/new', { config: { permission: 'sources.write' }, schema: { hide: true } }, (request, reply) => form(request, reply, {}));

  app.post('/workspace/sources', { config: { permission: 'sources.write' }, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request);
    try {
      const source = await sources().create(request.actor!, { compartment: values.compartment ?? '', kind: values.kind ?? '', ...gradingOf(values), identity: values.identity ?? '', contact: values.contact ?? '' });
      return await reply.redirect(`/workspace/sources/${source.pseudonym}`, 303);
    } catch (error) {
      if (error instanceof SourceInputError) return form(request, reply, withoutSealedFields(values, { [error.field]: error.message }, SEALED, false), 400);
      throw error;
    }
  });

  app.get('/workspace/sources/:pseudonym', { config: { permission: 'sources.read' }, schema: { hide: true, params: PSEUDONYM } }, async (request, reply) => {
    const source = await sources().get(request.actor!, (request.params as { pseudonym: string }).pseudonym);
    return reply.type(HTML).send(sourcePage({ actor: request.actor!, csrf: reply.generateCsrf(), source }));
  });

  app.post('/workspace/sources/:pseudonym/reveal', { config: { permission: 'sources.reveal' }, schema: { hide: true, params: PSEUDONYM } }, async (request, reply) => {
    const pseudonym = (request.params as { pseudonym: string }).pseudonym;
    const secrets = await sources().reveal(request.actor!, pseudonym);
    const source = await sources().get(request.actor!, pseudonym);
    return reply.type(HTML).send(sourcePage({ actor: request.actor!, csrf: reply.generateCsrf(), source, secrets }));
  });

  app.get('/workspace/sources/:pseudonym/edit', { config: { permission: 'sources.write' }, schema: { hide: true, params: PSEUDONYM } }, async (request, reply) => {
    // get() has already refused a source outside the reader's compartments, as not found.
    const source = await sources().get(request.actor!, (request.params as { pseudonym: string }).pseudonym);
    return form(request, reply, { source, values: { version: String(source.version) } });
  });

  app.post('/workspace/sources/:pseudonym', { config: { permission: 'sources.write' }, schema: { hide: true, params: PSEUDONYM } }, async (request, reply) => {
    const pseudonym = (request.params as { pseudonym: string }).pseudonym;
    const values = formFields(request);
    const current = await sources().get(request.actor!, pseudonym);
    try {
      await sources().update(request.actor!, pseudonym, Number(values.version), {
        kind: values.kind ?? '',
        ...gradingOf(values),
        // An empty sealed field on the edit form means "keep what is stored": its value is never sent to the browser.
        ...(values.identity ? { identity: values.identity } : {}),
        ...(values.contact ? { contact: values.contact } : {}),
      });
      return await reply.redirect(`/workspace/sources/${current.pseudonym}`, 303);
    } catch (error) {
      if (error instanceof SourceInputError) return form(request, reply, { source: current, ...withoutSealedFields(values, { [error.field]: error.message }, SEALED, true) }, 400);
      if (error instanceof StaleEditError) {
        const refused = withoutSealedFields({ ...values, version: String(current.version) }, { form: error.message }, SEALED, true);
        return form(request, reply, { source: current, ...refused }, 409);
      }
      throw error;
    }
  });

  app.post('/workspace/sources/:pseudonym/delete', { config: { permission: 'sources.write' }, schema: { hide: true, params: PSEUDONYM } }, async (request, reply) => {
    await sources().delete(request.actor!, (request.params as { pseudonym: string }).pseudonym);
    return reply.redirect('/workspace/sources', 303);
  });
}
