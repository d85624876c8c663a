/** /api/v1/reports: reports for integrators with a token (or a signed-in browser); a sealed full text is never sent. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { readReport } from '../../../workspace/record-input.ts';
import { lookUpFirst, rawParam, recordRouteOptions } from './record-api.ts';
import { NoContent, RecordError, ReportCreate, ReportList, ReportParams, ReportQuery, ReportUpdate, ReportView } from './record.schemas.ts';

export function registerReportApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const options = recordRouteOptions(app, 'reports');
  const writable = lookUpFirst((request) => app.vigil.reports.find(request.actor!, 'records.write', rawParam(request, 'reference')));

  api.get('/api/v1/reports', options('records.read', {
    summary: 'Reports in the compartments of the token\'s user, newest first',
    description: '`q` searches references, summaries and full texts that are not sealed; `from` and `to` bound the day received.',
    querystring: ReportQuery,
    response: { 200: ReportList },
  }), async (request) => {
    const { total, reports } = await app.vigil.reports.list(request.actor!, request.query);
    return { total, results: reports };
  });

  api.get('/api/v1/reports/:reference', options('records.read', {
    summary: 'One report, with the events it is linked to', params: ReportParams, response: { 200: ReportView },
  }), async (request) => app.vigil.reports.get(request.actor!, request.params.reference));

  api.post('/api/v1/reports', options('records.write', {
    summary: 'Record a report',
    description: 'The full text is sealed when the source must never be identified, or when `sealFullText` is true; a sealed full text is never returned.',
    body: ReportCreate,
    response: { 201: ReportView },
  }), async (request, reply) => {
    const report = await app.vigil.reports.create(request.actor!, { ...readReport(request.body), compartment: request.body.compartment });
    return reply.code(201).header('location', `/api/v1/reports/${report.reference}`).send(report);
  });

  api.put('/api/v1/reports/:reference', {
    ...options('records.write', {
      summary: 'Change a report',
      description: 'Send every field with the `version` you read; a report changed since is refused with 409. A full text left out keeps what is stored.',
      params: ReportParams,
      body: ReportUpdate,
      response: { 200: ReportView, 409: RecordError },
    }),
    preValidation: writable,
  }, async (request) => app.vigil.reports.update(request.actor!, request.params.reference, request.body.version, readReport(request.body)));

  api.delete('/api/v1/reports/:reference', options('records.write', {
    summary: 'Remove a report (kept in the audit chain)', params: ReportParams, response: { 204: NoContent },
  }), async (request, reply) => {
    await app.vigil.reports.delete(request.actor!, request.params.reference);
    return reply.code(204).send(null);
  });
}
