/** /admin/users and /admin/audit: administrators only. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields } from '../../forms.ts';
import { AccountError } from '../../../access/account.service.ts';
import type { AuditActor } from '../../../access/audit/audit.repository.ts';
import { usersPage, auditPage, type UsersPageData } from '../../views/workspace/admin.view.ts';

const HTML = 'text/html; charset=utf-8';

function listOf(text: string | undefined): string[] {
  return (text ?? '').split(',').map((name) => name.trim()).filter(Boolean);
}

function byOf(request: FastifyRequest): AuditActor {
  return { id: request.actor!.userId, label: request.actor!.email, ip: request.ip };
}

export function registerAdminRoutes(app: FastifyInstance): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<UsersPageData> = {}, status = 200) =>
    reply.code(status).type(HTML).send(usersPage({
      actor: request.actor!, csrf: reply.generateCsrf(), users: await app.vigil.users.list(), compartments: await app.vigil.users.compartments(), ...extra,
    }));

  const emailOf = async (id: string): Promise<string | null> => (/^\d+$/.test(id) ? (await app.vigil.users.find(Number(id)))?.email : null) ?? null;

  app.get('/admin/users', { config: { permission: 'users.manage' }, schema: { hide: true } }, (request, reply) => render(request, reply));

  app.post('/admin/users', { config: { permission: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
    const form = formFields(request);
    try {
      const user = await app.vigil.users.add(byOf(request), { email: form.email ?? '', role: form.role ?? '', compartments: listOf(form.compartments), password: form.password ?? '' });
      return await render(request, reply, { notice: `Added ${user.email}.` });
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return render(request, reply, { form: { email: form.email ?? '', role: form.role ?? '', compartments: form.compartments ?? '' }, errors: { [error.field ?? 'email']: error.message } }, 400);
    }
  });

  const action = (path: string, run: (by: AuditActor, email: string, form: Record<string, string>) => Promise<unknown>, done: string) => {
    app.post(`/admin/users/:id${path}`, { config: { permission: 'users.manage' }, schema: { hide: true } }, async (request, reply) => {
      const email = await emailOf((request.params as { id: string }).id);
      if (!email) return reply.callNotFound();
      try {
        await run(byOf(request), email, formFields(request));
      } catch (error) {
        if (!(error instanceof AccountError)) throw error;
        return render(request, reply, { errors: { email: error.message } }, 400);
      }
      return render(request, reply, { notice: `${done} ${email}.` });
    });
  };
  action('/disable', (by, email) => app.vigil.users.disable(by, email), 'Disabled');
  action('/enable', (by, email) => app.vigil.users.enable(by, email), 'Enabled');
  action('/reset-2fa', (by, email) => app.vigil.users.resetTwoFactor(by, email), 'Reset two-factor sign-in of');
  action('', (by, email, form) => app.vigil.users.change(by, email, { ...(form.role ? { role: form.role } : {}), compartments: listOf(form.compartments) }), 'Saved');

  const auditQuery = Type.Object({
    action: Type.Optional(Type.String({ maxLength: 100 })),
    actor: Type.Optional(Type.String({ maxLength: 320 })),
    subject: Type.Optional(Type.String({ maxLength: 100 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
  });
  app.get('/admin/audit', { config: { permission: 'audit.read' }, schema: { hide: true, querystring: auditQuery } }, async (request, reply) => {
    const query = request.query as { action?: string; actor?: string; subject?: string; before?: number };
    const filter = {
      ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}),
      ...(query.subject ? { subjectId: query.subject } : {}), ...(query.before ? { beforeSeq: query.before } : {}), limit: 100,
    };
    const report = await app.vigil.audit.verify();
    const chain = report.broken ? `The chain is BROKEN at entry ${report.broken.seq}: ${report.broken.reason}.` : `${report.entries} entries, chain intact.`;
    return reply.type(HTML).send(auditPage({ actor: request.actor!, csrf: reply.generateCsrf(), entries: await app.vigil.audit.list(filter), filter, chain }));
  });
}
