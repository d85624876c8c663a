/** /login, its second step, and /logout. */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { formFields } from '../../forms.ts';
import { clearSessionCookie, clientOf, SESSION_COOKIE, setSessionCookie } from '../../plugins/session.plugin.ts';
import { secondFactorPage, signInPage, SIGN_IN_FAILED } from '../../views/workspace/sign-in.view.ts';

const HTML = 'text/html; charset=utf-8';

/** Only a local path may follow sign-in: an address elsewhere would make /login an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/workspace/sources';
}

export function registerSignInRoutes(app: FastifyInstance): void {
  const SIGN_IN_LIMIT = { max: app.limits.signInPerMinute, timeWindow: '1 minute' };
  app.get('/login', { config: { permission: 'public' }, schema: { hide: true, querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }) } }, async (request, reply) => {
    if (request.actor) return reply.redirect(safeNext((request.query as { next?: string }).next), 303);
    reply.header('cache-control', 'no-store');
    return reply.type(HTML).send(signInPage({ csrf: reply.generateCsrf(), next: (request.query as { next?: string }).next ?? '' }));
  });

  app.post('/login', { config: { permission: 'public', rateLimit: SIGN_IN_LIMIT }, schema: { hide: true } }, async (request, reply) => {
    const body = formFields(request);
    const email = String(body.email ?? '').slice(0, 320);
    const result = await app.vigil.signIn.signIn(email, String(body.password ?? '').slice(0, 1024), clientOf(request));
    reply.header('cache-control', 'no-store');
    if (!result.ok) return reply.code(401).type(HTML).send(signInPage({ csrf: reply.generateCsrf(), email, next: body.next, error: SIGN_IN_FAILED }));
    setSessionCookie(request, reply, result.secret);
    if (result.stage === 'password') return reply.redirect(`/login/two-factor`, 303);
    if (result.stage === 'enrol') return reply.redirect('/account/two-factor', 303);
    return reply.redirect(safeNext(body.next), 303);
  });

  app.get('/login/two-factor', { config: { permission: 'signing-in' }, schema: { hide: true } }, async (request, reply) => {
    if (request.liveSession?.stage !== 'password') return reply.redirect(request.actor ? '/workspace/sources' : '/account/two-factor', 303);
    return reply.type(HTML).send(secondFactorPage({ csrf: reply.generateCsrf() }));
  });

  app.post('/login/two-factor', { config: { permission: 'signing-in', rateLimit: SIGN_IN_LIMIT }, schema: { hide: true } }, async (request, reply) => {
    if (request.liveSession?.stage !== 'password') return reply.redirect(request.actor ? '/workspace/sources' : '/account/two-factor', 303);
    const secret = request.cookies[SESSION_COOKIE] ?? '';
    const result = await app.vigil.signIn.secondFactor(secret, String(formFields(request).code ?? '').slice(0, 64), clientOf(request));
    if (!result.ok) return reply.code(401).type(HTML).send(secondFactorPage({ csrf: reply.generateCsrf(), error: 'That code did not sign you in. Type the code shown now, or a recovery code.' }));
    setSessionCookie(request, reply, result.secret);
    return reply.redirect('/workspace/sources', 303);
  });

  app.post('/logout', { config: { permission: 'signing-in' }, schema: { hide: true } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) await app.vigil.signIn.signOut(secret, clientOf(request));
    clearSessionCookie(request, reply);
    return reply.redirect('/login', 303);
  });
}
