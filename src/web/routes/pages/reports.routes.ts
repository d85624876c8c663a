/** /workspace/reports: list, record, view, edit, delete reports, and open a sealed full text. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../access/policy.ts';
import { RecordInputError, StaleEditError } from '../../../workspace/record.ts';
import type { ReportInput, ReportView } from '../../../workspace/report.service.ts';
import type { SourceView } from '../../../workspace/source.service.ts';
import { formFields } from '../../forms.ts';
import { reportFormPage, reportPage, reportsPage } from '../../views/workspace/reports.view.ts';
import { compartmentsOf, HTML, OPTIONAL_DAY, PAGE, PER_PAGE, REPORT_PARAMS, withoutSealedFields } from './record-pages.ts';

const LIST_QUERY = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  source: Type.Optional(Type.String({ maxLength: 20 })),
  channel: Type.Optional(Type.String({ maxLength: 50 })),
  from: OPTIONAL_DAY,
  to: OPTIONAL_DAY,
  page: PAGE,
});

type Values = Record<string, string | undefined>;

/** The service's input from the form. A sealed text left empty on the edit form is kept: it was never sent to the browser. */
function inputOf(values: Values, current?: ReportView): Omit<ReportInput, 'compartment'> {
  const keepSealed = current?.fullTextSealed === true && (values.fullText ?? '').trim() === '';
  return {
    source: values.source ?? '',
    receivedOn: values.receivedOn ?? '',
    channel: values.channel ?? '',
    summary: values.summary ?? '',
    ...(keepSealed ? {} : { fullText: values.fullText ?? '' }),
    sealFullText: Boolean(values.sealFullText),
    language: values.language ?? '',
    credibility: values.credibility ?? '',
  };
}

/** The edit form filled from a stored report; a sealed full text stays out of it. */
function valuesOf(report: ReportView): Values {
  return {
    version: String(report.version), source: report.source ?? '', receivedOn: report.receivedOn, channel: report.channel, summary: report.summary,
    fullText: report.fullTextSealed ? '' : (report.fullText ?? ''), sealFullText: report.fullTextSealed ? 'yes' : '',
    language: report.language ?? '', credibility: report.credibility === null ? '' : String(report.credibility),
  };
}

/**
 * A refused form as it goes back to the browser. A full text that would be
 * sealed (the seal asked for, or a source never to be identified, or one this
 * reader cannot tell) is left out: a sealed value is shown only by the audited
 * reveal, never in another page. The field says it must be typed again.
 */
function withoutSealedText(values: Values, errors: Record<string, string>, sources: readonly SourceView[], editing: boolean) {
  const chosen = (values.source ?? '').trim().toUpperCase();
  const source = sources.find((s) => s.pseudonym === chosen);
  const sealed = Boolean(values.sealFullText) || (chosen !== '' && source?.consent !== 'may-be-named' && source?.consent !== 'may-be-quoted');
  return sealed ? withoutSealedFields(values, errors, [['fullText', 'full text']], editing) : { values, errors };
}

export function registerReportRoutes(app: FastifyInstance): void {
  const reports = () => app.vigil.reports;
  const referenceOf = (request: FastifyRequest) => (request.params as { reference: string }).reference;
  // A token may read records without reading sources; its pages then offer no sources to pick.
  const sourcesFor = async (request: FastifyRequest): Promise<SourceView[]> =>
    can(request.actor, 'sources.read') ? (await app.vigil.sources.list(request.actor!, { limit: 1000 })).sources : [];
  const form = async (request: FastifyRequest, reply: FastifyReply, data: { values: Values; errors?: Record<string, string>; report?: ReportView }, status = 200) => {
    const sources = await sourcesFor(request);
    // Only a refused form (status 400 or 409) carries what was typed; a form filled from the store never holds a sealed text.
    const shown = status === 200 ? { values: data.values, errors: data.errors ?? {} } : withoutSealedText(data.values, data.errors ?? {}, sources, Boolean(data.report));
    return reply.code(status).type(HTML).send(reportFormPage({
      actor: request.actor!, csrf: reply.generateCsrf(), compartments: await compartmentsOf(app, request), sources, ...data, ...shown,
    }));
  };

  app.get('/workspace/reports', { config: { permission: 'records.read' }, schema: { hide: true, querystring: LIST_QUERY } }, async (request, reply) => {
    const query = request.query as { q?: string; source?: string; channel?: string; from?: string; to?: string; page?: number };
    const { page = 1, ...filter } = query;
    const result = await reports().list(request.actor!, { ...filter, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return reply.type(HTML).send(reportsPage({
      actor: request.actor!, csrf: reply.generateCsrf(), total: result.total, reports: result.reports, sources: await sourcesFor(request), query: filter, page, perPage: PER_PAGE,
    }));
  });

  app.get('/workspace/reports/new', { config: { permission: 'records.write' }, schema: { hide: true } }, (request, reply) =>
    form(request, reply, { values: { receivedOn: new Date().toISOString().slice(0, 10) } }));

  app.post('/workspace/reports', { config: { permission: 'records.write' }, schema: { hide: true } }, async (request, reply) => {
    const values = formFields(request);
    try {
      const report = await reports().create(request.actor!, { compartment: values.compartment ?? '', ...inputOf(values) });
      return await reply.redirect(`/workspace/reports/${report.reference}`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return form(request, reply, { values, errors: { [error.field]: error.message } }, 400);
      throw error;
    }
  });

  app.get('/workspace/reports/:reference', { config: { permission: 'records.read' }, schema: { hide: true, params: REPORT_PARAMS } }, async (request, reply) => {
    const report = await reports().get(request.actor!, referenceOf(request));
    return reply.type(HTML).send(reportPage({ actor: request.actor!, csrf: reply.generateCsrf(), report }));
  });

  app.post('/workspace/reports/:reference/reveal', { config: { permission: 'records.reveal' }, schema: { hide: true, params: REPORT_PARAMS } }, async (request, reply) => {
    // reveal() writes the reading to the audit chain before it opens anything.
    const fullText = await reports().reveal(request.actor!, referenceOf(request));
    const report = await reports().get(request.actor!, referenceOf(request));
    return reply.type(HTML).send(reportPage({ actor: request.actor!, csrf: reply.generateCsrf(), report, fullText }));
  });

  app.get('/workspace/reports/:reference/edit', { config: { permission: 'records.write' }, schema: { hide: true, params: REPORT_PARAMS } }, async (request, reply) => {
    // get() has already refused a report outside the reader's compartments, as not found.
    const report = await reports().get(request.actor!, referenceOf(request));
    return form(request, reply, { report, values: valuesOf(report) });
  });

  app.post('/workspace/reports/:reference', { config: { permission: 'records.write' }, schema: { hide: true, params: REPORT_PARAMS } }, async (request, reply) => {
    const values = formFields(request);
    const current = await reports().get(request.actor!, referenceOf(request));
    try {
      await reports().update(request.actor!, current.reference, Number(values.version), inputOf(values, current));
      return await reply.redirect(`/workspace/reports/${current.reference}`, 303);
    } catch (error) {
      if (error instanceof RecordInputError) return form(request, reply, { report: current, values, errors: { [error.field]: error.message } }, 400);
      if (error instanceof StaleEditError) return form(request, reply, { report: current, values: { ...values, version: String(current.version) }, errors: { form: error.message } }, 409);
      throw error;
    }
  });

  app.post('/workspace/reports/:reference/delete', { config: { permission: 'records.write' }, schema: { hide: true, params: REPORT_PARAMS } }, async (request, reply) => {
    await reports().delete(request.actor!, referenceOf(request));
    return reply.redirect('/workspace/reports', 303);
  });
}
