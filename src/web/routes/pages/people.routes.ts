/** /workspace/people: people at risk and their cases — list, record, view, edit, delete, reveal, and the status history. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PersonInput, PersonView } from '../../../workspace/person.service.ts';
import { RecordInputError, StaleEditError } from '../../../workspace/record.ts';
import { dateFrom, listFrom, type Fields } from '../../../workspace/text-input.ts';
import { formFields } from '../../forms.ts';
import { personPage, peoplePage } from '../../views/workspace/people.view.ts';
import { personFormPage } from '../../views/workspace/person-form.view.ts';
import { compartmentsOf, FormReader, FormRefusal, HTML, PAGE, PER_PAGE, PERSON_PARAMS, placeChoices, placeOfForm, withoutSealedFields } from './record-pages.ts';

const LIST_QUERY = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  nationality: Type.Optional(Type.String({ pattern: '^([A-Za-z]{2})?$' })),
  page: PAGE,
});
const STATUS_PARAMS = Type.Object({ pseudonym: PERSON_PARAMS.properties.pseudonym, id: Type.Integer({ minimum: 1 }) });

/** The service's input from the form; an empty sealed field on the edit form keeps what is stored (the service reads '' so). */
function inputOf(values: Fields): Omit<PersonInput, 'compartment'> {
  return {
    name: values.name ?? '', contact: values.contact ?? '', sex: values.sex ?? '', birthYear: values.birthYear ?? '',
    birthYearApproximate: Boolean(values.birthYearApproximate), nationality: values.nationality ?? '', notes: values.notes ?? '',
  };
}

/** The edit form's fields for a stored person: never the sealed values. */
function valuesOf(person: PersonView): Fields {
  return {
    version: String(person.version), sex: person.sex ?? '', birthYear: person.birthYear === null ? '' : String(person.birthYear),
    birthYearApproximate: person.birthYearApproximate ? 'yes' : '', nationality: person.nationality ?? '', notes: person.notes,
  };
}

/** A person's sealed fields, as a refused form names them. */
const SEALED = [['name', 'name'], ['contact', 'contact']] as const;

export function registerPersonRoutes(app: FastifyInstance): void {
  const people = () => app.vigil.people;
  const pseudonymOf = (request: FastifyRequest) => (request.params as { pseudonym: string }).pseudonym;
  const form = async (request: FastifyRequest, reply: FastifyReply, data: { values: Fields; errors?: Record<string, string>; person?: PersonView }, status = 200) => {
    // Only a refused form (status 400 or 409) carries what was typed; a form filled from the store never holds a sealed value.
    const shown = status === 200 ? { values: data.values, errors: data.errors ?? {} } : withoutSealedFields(data.values, data.errors ?? {}, SEALED, Boolean(data.person));
    return reply.code(status).type(HTML).send(personFormPage({ actor: request.actor!, csrf: reply.generateCsrf(), compartments: await compartmentsOf(app, request), ...data, ...shown }));
  };

  app.get('/workspace/people', { config: { permission: 'records.read' }, schema: { hide: true, querystring: LIST_QUERY } }, async (request, reply) => {
    const { page = 1, ...query } = request.query as { q?: string; nationality?: string; page?: number };
    const result = await people().list(request.actor!, { ...query, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return reply.type(HTML).send(peoplePage({ actor: request.actor!, csrf: reply.generateCsrf(), total: result.total, people: result.people, query, page, perPage: PER_PAGE }));
  });

  app.get('/workspace/people/new', { config: { permission: 'records.write' }, schema: { hide: true } }, (request, reply) => form(request, reply, { values: {} }));

  app.post('/workspace/people', { config: { permission: 'records.write' }, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request);
    try {
      const person = await people().create(request.actor!, { compartment: values.compartment ?? '', ...inputOf(values) });
      return await reply.redirect(`/workspace/people/${person.pseudonym}`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return form(request, reply, { values, errors: { [error.field]: error.message } }, 400);
      throw error;
    }
  });

  app.get('/workspace/people/:pseudonym', { config: { permission: 'records.read' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    const person = await people().get(request.actor!, pseudonymOf(request));
    return reply.type(HTML).send(personPage({ actor: request.actor!, csrf: reply.generateCsrf(), person }));
  });

  app.post('/workspace/people/:pseudonym/reveal', { config: { permission: 'records.reveal' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    // reveal() writes the reading to the audit chain before it opens anything.
    const secrets = await people().reveal(request.actor!, pseudonymOf(request));
    const person = await people().get(request.actor!, pseudonymOf(request));
    return reply.type(HTML).send(personPage({ actor: request.actor!, csrf: reply.generateCsrf(), person, secrets }));
  });

  app.get('/workspace/people/:pseudonym/edit', { config: { permission: 'records.write' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    // get() has already refused a person outside the reader's compartments, as not found.
    const person = await people().get(request.actor!, pseudonymOf(request));
    return form(request, reply, { person, values: valuesOf(person) });
  });

  app.post('/workspace/people/:pseudonym', { config: { permission: 'records.write' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    const values = formFields(request);
    const current = await people().get(request.actor!, pseudonymOf(request));
    try {
      await people().update(request.actor!, current.pseudonym, Number(values.version), inputOf(values));
      return await reply.redirect(`/workspace/people/${current.pseudonym}`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return form(request, reply, { person: current, values, errors: { [error.field]: error.message } }, 400);
      if (error instanceof StaleEditError) return form(request, reply, { person: current, values: { ...values, version: String(current.version) }, errors: { form: error.message } }, 409);
      throw error;
    }
  });

  app.post('/workspace/people/:pseudonym/delete', { config: { permission: 'records.write' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    await people().delete(request.actor!, pseudonymOf(request));
    return reply.redirect('/workspace/people', 303);
  });

  app.post('/workspace/people/:pseudonym/statuses', { config: { permission: 'records.write' }, schema: { hide: true, params: PERSON_PARAMS } }, async (request, reply) => {
    const values = formFields(request);
    // Read first: a person the reader may not see is not found, whatever the form says.
    const person = await people().get(request.actor!, pseudonymOf(request));
    try {
      const reader = new FormReader();
      const date = await reader.read(() => dateFrom(values));
      if (date === null) reader.errors.date ??= 'Say when this happened, as precisely as is known: 14 March 2002, March 2002, earlier this month.';
      const place = await reader.read(() => placeOfForm(values, app.vigil.places));
      reader.done();
      await people().addStatus(request.actor!, person.pseudonym, {
        status: values.status ?? '', date: date!, place: place ?? null, heldBy: values.heldBy ?? '', note: values.note ?? '', reports: listFrom(values.reports),
      });
      return await reply.redirect(`/workspace/people/${person.pseudonym}#history-heading`, 303);
    } catch (error) {
      const errors = error instanceof FormRefusal ? error.errors : error instanceof RecordInputError ? { [error.field]: error.message } : null;
      if (!errors) throw error;
      return reply.code(400).type(HTML).send(personPage({
        actor: request.actor!, csrf: reply.generateCsrf(), person, statusForm: { values, errors }, candidates: await placeChoices(app, values, error),
      }));
    }
  });

  app.post('/workspace/people/:pseudonym/statuses/:id/delete', { config: { permission: 'records.write' }, schema: { hide: true, params: STATUS_PARAMS } }, async (request, reply) => {
    const { pseudonym, id } = request.params as { pseudonym: string; id: number };
    const person = await people().removeStatus(request.actor!, pseudonym, id);
    return reply.redirect(`/workspace/people/${person.pseudonym}#history-heading`, 303);
  });
}
