/** /workspace/events: list, record, view, edit and delete events, and link reports to them as evidence. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EventView } from '../../../workspace/event.service.ts';
import type { ReportView } from '../../../workspace/report.service.ts';
import { RecordInputError, StaleEditError } from '../../../workspace/record.ts';
import type { Fields } from '../../../workspace/text-input.ts';
import { formFields, formValues } from '../../forms.ts';
import { eventFormPage } from '../../views/workspace/event-form.view.ts';
import { eventPage, eventsPage } from '../../views/workspace/events.view.ts';
import { eventFormValues, eventInputOfForm, formFieldOf } from './event-form.ts';
import { compartmentsOf, EVENT_PARAMS, FormRefusal, HTML, OPTIONAL_DAY, PAGE, PER_PAGE, placeChoices } from './record-pages.ts';

const LIST_QUERY = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  act: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.String({ maxLength: 30 })),
  country: Type.Optional(Type.String({ pattern: '^([A-Za-z]{2})?$' })),
  from: OPTIONAL_DAY,
  to: OPTIONAL_DAY,
  page: PAGE,
});
const NEW_QUERY = Type.Object({ report: Type.Optional(Type.String({ pattern: '^[Rr]-\\d{4,}$' })) });
const LINK_PARAMS = Type.Object({ reference: EVENT_PARAMS.properties.reference, report: Type.String({ pattern: '^[Rr]-\\d{4,}$' }) });

interface FormData {
  values: Fields;
  acts: string[];
  errors?: Record<string, string>;
  event?: EventView;
  /** What refused the form: it may carry places to choose among. */
  refusal?: unknown;
  /** The report the event is being recorded from. */
  fromReport?: ReportView;
}

export function registerEventRoutes(app: FastifyInstance): void {
  const events = () => app.vigil.events;
  const referenceOf = (request: FastifyRequest) => (request.params as { reference: string }).reference;
  const form = async (request: FastifyRequest, reply: FastifyReply, data: FormData, status = 200) =>
    reply.code(status).type(HTML).send(eventFormPage({
      actor: request.actor!, csrf: reply.generateCsrf(), compartments: await compartmentsOf(app, request), errors: {},
      candidates: await placeChoices(app, data.values, data.refusal), ...data,
    }));
  const page = (request: FastifyRequest, reply: FastifyReply, event: EventView, link?: { values: Fields; errors: Record<string, string> }, status = 200) =>
    reply.code(status).type(HTML).send(eventPage({ actor: request.actor!, csrf: reply.generateCsrf(), event, attribution: app.vigil.places.attribution(), ...(link ? { link } : {}) }));
  /** The errors to show for a refused form, each under the field it is about. */
  const errorsOf = (error: unknown, values: Fields): Record<string, string> | null => {
    if (error instanceof FormRefusal) return error.errors;
    if (error instanceof RecordInputError) return { [formFieldOf(error.field, values)]: error.message };
    return null;
  };

  app.get('/workspace/events', { config: { permission: 'records.read' }, schema: { hide: true, querystring: LIST_QUERY } }, async (request, reply) => {
    const { page: at = 1, act, ...query } = request.query as { q?: string; act?: string; status?: string; country?: string; from?: string; to?: string; page?: number };
    const result = await events().list(request.actor!, { ...query, ...(act ? { acts: [act] } : {}), limit: PER_PAGE, offset: (at - 1) * PER_PAGE });
    return reply.type(HTML).send(eventsPage({ actor: request.actor!, csrf: reply.generateCsrf(), total: result.total, events: result.events, query: { ...query, act }, page: at, perPage: PER_PAGE }));
  });

  app.get('/workspace/events/new', { config: { permission: 'records.write' }, schema: { hide: true, querystring: NEW_QUERY } }, async (request, reply) => {
    const from = (request.query as { report?: string }).report;
    if (!from) return form(request, reply, { values: {}, acts: [] });
    // An event recorded from a report starts in its compartment, dated from its words, and linked to it.
    const report = await app.vigil.reports.get(request.actor!, from);
    return form(request, reply, { values: { compartment: report.compartment, dateReference: report.receivedOn, fromReport: report.reference }, acts: [], fromReport: report });
  });

  app.post('/workspace/events', { config: { permission: 'records.write' }, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request);
    const acts = formValues(request, 'acts');
    try {
      const input = await eventInputOfForm(values, acts, app.vigil.places);
      const fromReport = (values.fromReport ?? '').trim();
      const event = await events().create(request.actor!, { compartment: values.compartment ?? '', ...input, ...(fromReport ? { reports: [{ reference: fromReport, stance: 'supports' as const }] } : {}) });
      return await reply.redirect(`/workspace/events/${event.reference}`, 303);
    } catch (error) {
      const errors = errorsOf(error, values);
      if (errors) return form(request, reply, { values, acts, errors, refusal: error }, 400);
      throw error;
    }
  });

  app.get('/workspace/events/:reference', { config: { permission: 'records.read' }, schema: { hide: true, params: EVENT_PARAMS } }, async (request, reply) =>
    page(request, reply, await events().get(request.actor!, referenceOf(request))));

  app.get('/workspace/events/:reference/edit', { config: { permission: 'records.write' }, schema: { hide: true, params: EVENT_PARAMS } }, async (request, reply) => {
    // get() has already refused an event outside the reader's compartments, as not found.
    const event = await events().get(request.actor!, referenceOf(request));
    return form(request, reply, { event, values: eventFormValues(event), acts: event.acts.map((act) => act.code) });
  });

  app.post('/workspace/events/:reference', { config: { permission: 'records.write' }, schema: { hide: true, params: EVENT_PARAMS } }, async (request, reply) => {
    const values = formFields(request);
    const acts = formValues(request, 'acts');
    const current = await events().get(request.actor!, referenceOf(request));
    try {
      const input = await eventInputOfForm(values, acts, app.vigil.places, current);
      await events().update(request.actor!, current.reference, Number(values.version), input);
      return await reply.redirect(`/workspace/events/${current.reference}`, 303);
    } catch (error) {
      if (error instanceof StaleEditError) return form(request, reply, { event: current, values: { ...values, version: String(current.version) }, acts, errors: { form: error.message } }, 409);
      const errors = errorsOf(error, values);
      if (errors) return form(request, reply, { event: current, values, acts, errors, refusal: error }, 400);
      throw error;
    }
  });

  app.post('/workspace/events/:reference/delete', { config: { permission: 'records.write' }, schema: { hide: true, params: EVENT_PARAMS } }, async (request, reply) => {
    await events().delete(request.actor!, referenceOf(request));
    return reply.redirect('/workspace/events', 303);
  });

  app.post('/workspace/events/:reference/links', { config: { permission: 'records.write' }, schema: { hide: true, params: EVENT_PARAMS } }, async (request, reply) => {
    const values = formFields(request);
    // Read first: an event the reader may not see is not found, whatever the form says.
    const event = await events().get(request.actor!, referenceOf(request));
    if (!(values.report ?? '').trim()) return page(request, reply, event, { values, errors: { report: 'Give the reference of a report, such as R-1234.' } }, 400);
    try {
      await events().link(request.actor!, event.reference, (values.report ?? '').trim(), values.stance ?? '');
      return await reply.redirect(`/workspace/events/${event.reference}#reports-heading`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return page(request, reply, event, { values, errors: { [error.field]: error.message } }, 400);
      throw error;
    }
  });

  app.post('/workspace/events/:reference/links/:report/delete', { config: { permission: 'records.write' }, schema: { hide: true, params: LINK_PARAMS } }, async (request, reply) => {
    const { reference, report } = request.params as { reference: string; report: string };
    const event = await events().get(request.actor!, reference);
    try {
      await events().unlink(request.actor!, event.reference, report);
      return await reply.redirect(`/workspace/events/${event.reference}#reports-heading`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return page(request, reply, event, { values: {}, errors: { report: error.message } }, 400);
      throw error;
    }
  });
}
