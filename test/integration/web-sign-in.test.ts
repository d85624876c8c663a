/** Signing in and out, two-factor, lock-out, sessions and CSRF, through the real app on a real database file. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, addUser, signedIn, TEST_PASSWORD } from '../helpers/session.ts';
import { trustProxyOf } from '../../src/web/server.ts';
import { createWebApp, type WebApp } from '../helpers/web.ts';

let web: WebApp;

beforeAll(async () => {
  web = await createWebApp({ signInRules: { slowAfter: 2, lockAfter: 4, delayMs: 1, maxDelayMs: 5 } });
});
afterAll(() => web.close());

/** A page's text without its CSRF token, to compare two answers. */
const withoutToken = (body: string) => body.replace(/name="_csrf" value="[^"]+"/g, '');

describe('sign-in', () => {
  it('signs a researcher in with a session cookie that is HttpOnly and SameSite', async () => {
    await addUser(web, { email: 'rita@example.org', role: 'researcher', compartments: ['East Asia'] });
    const browser = new Browser(web);
    await browser.get('/login');
    const response = await browser.post('/login', { email: 'Rita@Example.org ', password: TEST_PASSWORD });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/workspace/sources');
    const cookie = [response.headers['set-cookie']].flat().find((c) => c?.startsWith('vigil_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await browser.get('/workspace/sources')).statusCode).toBe(200);
  });

  it('answers an unknown account, a wrong password and a disabled account alike', async () => {
    await addUser(web, { email: 'olga@example.org', role: 'viewer', compartments: [] });
    await addUser(web, { email: 'gone@example.org', role: 'viewer', compartments: [] });
    await web.vigil.users.disable({ id: null, label: 'test' }, 'gone@example.org');
    const answers = [];
    for (const [email, password] of [['nobody@example.org', TEST_PASSWORD], ['olga@example.org', 'not the password at all'], ['gone@example.org', TEST_PASSWORD]]) {
      const browser = new Browser(web);
      await browser.get('/login');
      const response = await browser.post('/login', { email: email!, password: password! });
      answers.push({ status: response.statusCode, body: withoutToken(response.body).replace(email!, 'EMAIL') });
    }
    expect(answers[0]!.status).toBe(401);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('locks an account after repeated failures, with the same answer, and records them in the audit chain', async () => {
    await addUser(web, { email: 'lena@example.org', role: 'viewer', compartments: [] });
    const browser = new Browser(web);
    await browser.get('/login');
    for (let i = 0; i < 4; i++) expect((await browser.post('/login', { email: 'lena@example.org', password: `wrong guess number ${i}` })).statusCode).toBe(401);
    const locked = await browser.post('/login', { email: 'lena@example.org', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(401);
    const user = (await web.vigil.users.list()).find((u) => u.email === 'lena@example.org')!;
    expect(Date.parse(user.lockedUntil!)).toBeGreaterThan(Date.now());
    const failures = await web.vigil.audit.list({ action: 'sign-in.failed', actor: 'lena@example.org' });
    expect(failures.map((entry) => (JSON.parse(entry.details) as { reason: string }).reason)).toContain('account locked');
    await web.vigil.users.enable({ id: null, label: 'test' }, 'lena@example.org');
    expect((await new Browser(web).signIn('lena@example.org')).statusCode).toBe(303);
  });

  it('marks the cookie Secure behind a proxy that says the request came over HTTPS', async () => {
    const secure = await createWebApp({ trustProxy: true });
    try {
      await addUser(secure, { email: 'sam@example.org', role: 'viewer', compartments: [] });
      const login = await secure.app.inject({ method: 'GET', url: '/login', headers: { 'x-forwarded-proto': 'https' } });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(login.body)![1]!;
      const csrfCookie = login.cookies.find((c) => c.name === 'vigil_csrf')!;
      const response = await secure.app.inject({
        method: 'POST', url: '/login', headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/x-www-form-urlencoded', cookie: `vigil_csrf=${csrfCookie.value}` },
        payload: new URLSearchParams({ _csrf: csrf, email: 'sam@example.org', password: TEST_PASSWORD }).toString(),
      });
      expect(response.statusCode).toBe(303);
      expect([response.headers['set-cookie']].flat().find((c) => c?.startsWith('vigil_session='))).toMatch(/; Secure/i);
    } finally {
      await secure.close();
    }
  });

  it('refuses a form posted without the CSRF token, and one with another browser\'s token', async () => {
    const browser = await signedIn(web, { email: 'cara@example.org', role: 'researcher', compartments: ['East Asia'] });
    const missing = await browser.post('/workspace/sources', { _csrf: '', compartment: 'East Asia', kind: 'witness' });
    expect(missing.statusCode).toBe(403);
    const other = new Browser(web);
    await other.get('/login');
    const foreign = await browser.post('/workspace/sources', { _csrf: other.csrf, compartment: 'East Asia', kind: 'witness' });
    expect(foreign.statusCode).toBe(403);
    expect((await web.vigil.sources.list((await web.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!)).total).toBe(0);
  });

  it('signs out, and the old cookie opens nothing afterwards', async () => {
    const browser = await signedIn(web, { email: 'otto@example.org', role: 'viewer', compartments: [] });
    const cookie = browser.cookies.get('vigil_session')!;
    expect((await browser.post('/logout')).headers.location).toBe('/login');
    const replay = await web.app.inject({ method: 'GET', url: '/account', headers: { cookie: `vigil_session=${cookie}` } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toMatch(/^\/login/);
  });

  it('ends every session of a person when the password changes or the account is disabled', async () => {
    await addUser(web, { email: 'pia@example.org', role: 'researcher', compartments: ['East Asia'] });
    const laptop = new Browser(web);
    const phone = new Browser(web);
    await laptop.signIn('pia@example.org');
    await phone.signIn('pia@example.org');
    await laptop.get('/account');
    const changed = await laptop.post('/account/password', { current: TEST_PASSWORD, password: 'a much longer brand new passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await laptop.get('/account')).statusCode).toBe(200);
    expect((await phone.get('/account')).statusCode).toBe(303);
    await web.vigil.users.disable({ id: null, label: 'test' }, 'pia@example.org');
    expect((await laptop.get('/account')).statusCode).toBe(303);
  });

  it('refuses a weak or common new password with a message and keeps the old one', async () => {
    const browser = await signedIn(web, { email: 'wes@example.org', role: 'viewer', compartments: [] });
    await browser.get('/account');
    const weak = await browser.post('/account/password', { current: TEST_PASSWORD, password: 'Password123!' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/aria-invalid="true"/);
    expect((await new Browser(web).signIn('wes@example.org')).statusCode).toBe(303);
  });

  it('ends a session left idle past the idle time-out', async () => {
    let now = Date.now();
    const clocked = await createWebApp({ now: () => new Date(now) });
    try {
      const browser = await signedIn(clocked, { email: 'ivy@example.org', role: 'viewer', compartments: [] });
      now += 29 * 60_000;
      expect((await browser.get('/account')).statusCode).toBe(200);
      now += 31 * 60_000;
      expect((await browser.get('/account')).statusCode).toBe(303);
      const again = await signedIn(clocked, { email: 'ian@example.org', role: 'viewer', compartments: [] });
      for (let i = 0; i < 25; i++) {
        now += 29 * 60_000;
        if ((await again.get('/account')).statusCode !== 200) break;
      }
      expect((await again.get('/account')).statusCode).toBe(303);
      expect(now - Date.now()).toBeLessThan(13 * 3_600_000 + 60 * 60_000 * 2);
    } finally {
      await clocked.close();
    }
  });
});

describe('two-factor sign-in', () => {
  it('makes an editor set up an authenticator before anything else, then asks for a code each time', async () => {
    await addUser(web, { email: 'eda@example.org', role: 'editor', compartments: ['East Asia'] });
    const browser = new Browser(web);
    await browser.get('/login');
    const first = await browser.post('/login', { email: 'eda@example.org', password: TEST_PASSWORD });
    expect(first.headers.location).toBe('/account/two-factor');
    // Part-way through, nothing else opens.
    expect((await browser.get('/workspace/sources')).headers.location).toBe('/account/two-factor');
    const enrol = await browser.get('/account/two-factor');
    expect(enrol.body).toContain('<svg');
    browser.totpKey = /Key: <code>([A-Z2-7 ]+)<\/code>/.exec(enrol.body)![1]!.replace(/ /g, '');
    const wrong = await browser.post('/account/two-factor', { code: '000000' === browser.code() ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    const done = await browser.post('/account/two-factor', { code: browser.code() });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([a-z0-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect((await browser.get('/workspace/sources')).statusCode).toBe(200);

    const later = new Browser(web);
    later.totpKey = browser.totpKey;
    await later.get('/login');
    expect((await later.post('/login', { email: 'eda@example.org', password: TEST_PASSWORD })).headers.location).toBe('/login/two-factor');
    expect((await later.get('/workspace/sources')).headers.location).toBe('/login/two-factor');
    await later.get('/login/two-factor');
    // The code used to enrol works once: this step is spent.
    expect((await later.post('/login/two-factor', { code: browser.code() })).statusCode).toBe(401);
    expect((await later.post('/login/two-factor', { code: browser.code(1) })).statusCode).toBe(303);
    expect((await later.get('/workspace/sources')).statusCode).toBe(200);

    const lostPhone = new Browser(web);
    await lostPhone.get('/login');
    await lostPhone.post('/login', { email: 'eda@example.org', password: TEST_PASSWORD });
    await lostPhone.get('/login/two-factor');
    expect((await lostPhone.post('/login/two-factor', { code: codes[0]!.toUpperCase() })).statusCode).toBe(303);
    const again = new Browser(web);
    await again.get('/login');
    await again.post('/login', { email: 'eda@example.org', password: TEST_PASSWORD });
    await again.get('/login/two-factor');
    expect((await again.post('/login/two-factor', { code: codes[0]! })).statusCode).toBe(401);
  });

  it('lets an administrator reset a lost authenticator, which ends the person\'s sessions', async () => {
    const admin = await signedIn(web, { email: 'adm@example.org', role: 'administrator', compartments: [] });
    const press = await signedIn(web, { email: 'pru@example.org', role: 'press-officer', compartments: [] });
    const users = await admin.get('/admin/users');
    const id = (await web.vigil.users.list()).find((u) => u.email === 'pru@example.org')!.id;
    expect(users.body).toContain(`/admin/users/${id}/reset-2fa`);
    expect((await admin.post(`/admin/users/${id}/reset-2fa`)).statusCode).toBe(200);
    expect((await press.get('/account')).statusCode).toBe(303);
    const again = new Browser(web);
    await again.get('/login');
    expect((await again.post('/login', { email: 'pru@example.org', password: TEST_PASSWORD })).headers.location).toBe('/account/two-factor');
  });
});

describe('API tokens', () => {
  it('makes a scoped token that reads sources, and stops working when revoked', async () => {
    const browser = await signedIn(web, { email: 'tom@example.org', role: 'researcher', compartments: ['East Asia'] });
    const actor = (await web.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!;
    await web.vigil.sources.create(actor, { compartment: 'East Asia', kind: 'witness', identity: 'someone' });
    await browser.get('/account');
    const made = await browser.post('/account/tokens', { name: 'newsroom export', scopes: ['sources.read'], days: '30' });
    const token = /<code>(vgl_[A-Za-z0-9_-]+)<\/code>/.exec(made.body)![1]!;
    const stored = await web.vigil.connection.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = await web.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: `Bearer ${token}` } });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ total: number }>().total).toBeGreaterThan(0);
    expect(list.body).not.toContain('someone');
    // The token's scope is reading: the account page and writing stay closed to it.
    expect((await web.app.inject({ method: 'GET', url: '/account', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    const tokenId = (await web.vigil.accounts.tokens(actor))[0]!.id;
    await browser.get('/account');
    await browser.post(`/account/tokens/${tokenId}/revoke`);
    expect((await web.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await web.app.inject({ method: 'GET', url: '/api/v1/sources' })).statusCode).toBe(401);
  });

  it('refuses to give a token more than its user may do', async () => {
    const browser = await signedIn(web, { email: 'val@example.org', role: 'viewer', compartments: [] });
    await browser.get('/account');
    const refused = await browser.post('/account/tokens', { name: 'too much', scopes: ['sources.write'], days: '30' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('cannot be given');
  });
});

describe('rate limits', () => {
  it('slows a flood of sign-in attempts from one address with 429', async () => {
    const limited = await createWebApp({ limits: { signInPerMinute: 5 } });
    try {
      const browser = new Browser(limited);
      await browser.get('/login');
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await browser.post('/login', { email: 'x@example.org', password: 'whatever it is now' })).statusCode);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('token expiry', () => {
  it('stops a token on its expiry day, and a token of a disabled user at once', async () => {
    let now = Date.now();
    const clocked = await createWebApp({ now: () => new Date(now) });
    try {
      const browser = await signedIn(clocked, { email: 'exp@example.org', role: 'researcher', compartments: ['East Asia'] });
      const actor = (await clocked.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!;
      const short = await clocked.vigil.accounts.createToken(actor, 'one day', ['sources.read'], 1, { ip: null, userAgent: null });
      const long = await clocked.vigil.accounts.createToken(actor, 'a month', ['sources.read'], 30, { ip: null, userAgent: null });
      const call = (token: string) => clocked.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: `Bearer ${token}` } });
      expect((await call(short.secret)).statusCode).toBe(200);
      now += 25 * 3_600_000;
      expect((await call(short.secret)).statusCode).toBe(401);
      expect((await call(long.secret)).statusCode).toBe(200);
      await clocked.vigil.users.disable({ id: null, label: 'test' }, 'exp@example.org');
      expect((await call(long.secret)).statusCode).toBe(401);
    } finally {
      await clocked.close();
    }
  });
});

describe('what a password alone cannot do', () => {
  it('does not forgive wrong second-factor codes: signing in with the password again keeps counting to the lock', async () => {
    await addUser(web, { email: 'gil@example.org', role: 'editor', compartments: [] });
    const owner = new Browser(web);
    await owner.signIn('gil@example.org');
    const thief = new Browser(web);
    for (let round = 0; round < 2; round++) {
      await thief.get('/login');
      expect((await thief.post('/login', { email: 'gil@example.org', password: TEST_PASSWORD })).headers.location).toBe('/login/two-factor');
      await thief.get('/login/two-factor');
      for (let i = 0; i < 2; i++) await thief.post('/login/two-factor', { code: '000000' === owner.code(1) ? '111111' : '000000' });
    }
    const user = (await web.vigil.users.list()).find((u) => u.email === 'gil@example.org')!;
    expect(Date.parse(user.lockedUntil!)).toBeGreaterThan(Date.now());
    await thief.get('/login');
    expect((await thief.post('/login', { email: 'gil@example.org', password: TEST_PASSWORD })).statusCode).toBe(401);
  });

  it('accepts one code once even when two sessions send it at the same moment', async () => {
    await addUser(web, { email: 'hal@example.org', role: 'press-officer', compartments: [] });
    const owner = new Browser(web);
    await owner.signIn('hal@example.org');
    const first = new Browser(web);
    const second = new Browser(web);
    for (const browser of [first, second]) {
      await browser.get('/login');
      await browser.post('/login', { email: 'hal@example.org', password: TEST_PASSWORD });
      await browser.get('/login/two-factor');
    }
    // The owner's enrolment spent this step's code; the next step's is still good, once.
    const code = owner.code(1);
    const answers = await Promise.all([first.post('/login/two-factor', { code }), second.post('/login/two-factor', { code })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 401]);
  });

  it('revokes API tokens when the password changes', async () => {
    const browser = await signedIn(web, { email: 'kim@example.org', role: 'researcher', compartments: ['East Asia'] });
    const actor = (await web.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!;
    const token = await web.vigil.accounts.createToken(actor, 'made by whoever held the session', ['sources.read'], 30, { ip: null, userAgent: null });
    const call = () => web.app.inject({ method: 'GET', url: '/api/v1/sources', headers: { authorization: `Bearer ${token.secret}` } });
    expect((await call()).statusCode).toBe(200);
    await browser.get('/account');
    expect((await browser.post('/account/password', { current: TEST_PASSWORD, password: 'another quite long passphrase' })).statusCode).toBe(200);
    expect((await call()).statusCode).toBe(401);
  });

  it('believes only the proxy hops it is told about when reading the client address', async () => {
    const proxied = await createWebApp({ trustProxy: trustProxyOf('1') });
    try {
      const login = await proxied.app.inject({ method: 'GET', url: '/login' });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(login.body)![1]!;
      const cookie = `vigil_csrf=${login.cookies.find((c) => c.name === 'vigil_csrf')!.value}`;
      await proxied.app.inject({
        method: 'POST', url: '/login', remoteAddress: '10.0.0.1',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
        payload: new URLSearchParams({ _csrf: csrf, email: 'nobody@example.org', password: 'some wrong password' }).toString(),
      });
      const [failure] = await proxied.vigil.audit.list({ action: 'sign-in.failed' });
      expect(failure!.ip).toBe('203.0.113.9');
    } finally {
      await proxied.close();
    }
  });
});
