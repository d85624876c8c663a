/** /account: the signed-in person's own account, and setting up two-factor sign-in. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccountError } from '../../../access/account.service.ts';
import { TWO_FACTOR_ROLES, type Role } from '../../../access/policy.ts';
import { formFields, formValues } from '../../forms.ts';
import { clientOf, setSessionCookie } from '../../plugins/session.plugin.ts';
import { accountPage, type AccountPageData } from '../../views/workspace/account.view.ts';
import { enrolPage, recoveryCodesPage } from '../../views/workspace/sign-in.view.ts';

const HTML = 'text/html; charset=utf-8';

export function registerAccountRoutes(app: FastifyInstance): void {
  const render = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<AccountPageData> = {}, status = 200) => {
    const actor = request.actor!;
    const overview = await app.vigil.accounts.overview(actor);
    return reply.code(status).type(HTML).send(accountPage({ actor, csrf: reply.generateCsrf(), ...overview, ...extra }));
  };

  app.get('/account', { config: { permission: 'account.manage' }, schema: { hide: true } }, (request, reply) => render(request, reply));

  app.post('/account/password', { config: { permission: 'account.manage', rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : request.ip) } }, schema: { hide: true } }, async (request, reply) => {
    const form = formFields(request);
    try {
      const secret = await app.vigil.accounts.changePassword(request.actor!, form.current ?? '', form.password ?? '', clientOf(request));
      setSessionCookie(request, reply, secret);
      return await render(request, reply, { notice: 'Your password is changed. Every other session has ended.' });
    } catch (error) {
      if (error instanceof AccountError) return render(request, reply, { errors: { [error.field ?? 'password']: error.message } }, 400);
      throw error;
    }
  });

  app.post('/account/tokens', { config: { permission: 'account.manage' }, schema: { hide: true } }, async (request, reply) => {
    const form = formFields(request);
    const scopes = formValues(request, 'scopes');
    try {
      const token = await app.vigil.accounts.createToken(request.actor!, form.name ?? '', scopes, Number(form.days || '90'), clientOf(request));
      return await render(request, reply, { newToken: token.secret });
    } catch (error) {
      if (error instanceof AccountError) return render(request, reply, { errors: { [error.field ?? 'name']: error.message } }, 400);
      throw error;
    }
  });

  app.post('/account/tokens/:id/revoke', { config: { permission: 'account.manage' }, schema: { hide: true } }, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    try {
      await app.vigil.accounts.revokeToken(request.actor!, Number.isInteger(id) ? id : -1, clientOf(request));
    } catch (error) {
      if (error instanceof AccountError) return reply.callNotFound();
      throw error;
    }
    return render(request, reply, { notice: 'The token is revoked.' });
  });

  // Reached part-way through sign-in (a role that must enrol) as well as from the account page.
  app.get('/account/two-factor', { config: { permission: 'signing-in' }, schema: { hide: true } }, async (request, reply) => {
    const live = request.liveSession!;
    if (live.stage === 'password') return reply.redirect('/login/two-factor', 303);
    if (live.user.totp_enabled_at) return reply.redirect('/account', 303);
    const enrolment = await app.vigil.accounts.startEnrolment(live, clientOf(request));
    return reply.type(HTML).send(enrolPage({ csrf: reply.generateCsrf(), secret: enrolment.secret, qr: enrolment.qr, required: TWO_FACTOR_ROLES.has(live.user.role as Role) }));
  });

  app.post('/account/two-factor', { config: { permission: 'signing-in', rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { hide: true } }, async (request, reply) => {
    const live = request.liveSession!;
    if (live.stage === 'password') return reply.redirect('/login/two-factor', 303);
    try {
      const done = await app.vigil.accounts.confirmEnrolment(live, formFields(request).code ?? '', clientOf(request));
      setSessionCookie(request, reply, done.secret);
      return await reply.type(HTML).send(recoveryCodesPage({ csrf: reply.generateCsrf(), codes: done.recoveryCodes }));
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      const enrolment = await app.vigil.accounts.startEnrolment(live, clientOf(request)).catch(() => null);
      if (!enrolment) return reply.redirect('/account', 303);
      return reply.code(400).type(HTML).send(enrolPage({ csrf: reply.generateCsrf(), secret: enrolment.secret, qr: enrolment.qr, required: TWO_FACTOR_ROLES.has(live.user.role as Role), error: error.message }));
    }
  });
}
