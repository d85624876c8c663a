/**
 * Every registered route, called by every role in and out of the record's
 * compartment and by nobody, answered as the policy table says. A route added
 * later is walked too: the list comes from the app, not from this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleGrants, ROLES, type Actor, type Role } from '../../src/access/policy.ts';
import type { DeclaredRoute } from '../../src/web/access.ts';
import { Browser, signedIn } from '../helpers/session.ts';
import { createWebApp, type WebApp } from '../helpers/web.ts';

type Outcome = 'allowed' | 'sign-in' | 'forbidden' | 'hidden';

interface Caller {
  label: string;
  role: Role | null;
  inCompartment: boolean;
  browser: Browser;
  actor: Actor | null;
}

let web: WebApp;
const callers: Caller[] = [];
let researcherInA: Actor;
let targetUsers = 0;

beforeAll(async () => {
  // Failed sign-ins (the walk posts empty forms to /login) would otherwise wait seconds each.
  web = await createWebApp({ signInRules: { delayMs: 1, maxDelayMs: 2 } });
  await web.vigil.users.addCompartment({ id: null, label: 'test' }, 'East Asia');
  await web.vigil.users.addCompartment({ id: null, label: 'test' }, 'Americas');
  for (const role of ROLES) {
    for (const inCompartment of [true, false]) {
      const email = `${role}-${inCompartment ? 'in' : 'out'}@example.org`;
      const browser = await signedIn(web, { email, role, compartments: [inCompartment ? 'East Asia' : 'Americas'] });
      const actor = (await web.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!;
      callers.push({ label: `${role} ${inCompartment ? 'in' : 'outside'} the compartment`, role, inCompartment, browser, actor });
    }
  }
  callers.push({ label: 'nobody', role: null, inCompartment: false, browser: new Browser(web), actor: null });
  researcherInA = callers.find((c) => c.role === 'researcher' && c.inCompartment)!.actor!;
}, 120_000);
afterAll(() => web.close());

/** What the policy table says this caller should meet at this route. */
function expected(route: DeclaredRoute, caller: Caller): Outcome {
  // Signing out is harmless for anyone: without a session it simply lands on /login.
  if (route.permission === 'public' || route.url === '/logout') return 'allowed';
  if (!caller.role) return 'sign-in';
  if (route.permission === 'signing-in') return 'allowed';
  if (!roleGrants(caller.role, route.permission)) return 'forbidden';
  if (/:(?:pseudonym|reference)\b/.test(route.url) && !caller.inCompartment) return 'hidden';
  return 'allowed';
}

/** What the answer was, read the way a person (or integrator) would read it. */
function outcomeOf(route: DeclaredRoute, status: number, location: string | undefined): Outcome {
  // A public route may answer anything (a failed sign-in is 401, a missing document 404) except a refusal.
  if (route.permission === 'public') return status === 403 || location?.startsWith('/login?next=') ? 'forbidden' : 'allowed';
  if (route.url === '/logout') return status === 303 && location === '/login' ? 'allowed' : 'forbidden';
  if (status === 401 || ((status === 302 || status === 303) && location?.startsWith('/login'))) return 'sign-in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return 'allowed';
}

/** A fresh record for each call, so a delete or disable in one call changes nothing for the next. */
async function fillParams(route: DeclaredRoute, caller: Caller): Promise<string> {
  let url = route.url;
  const newReport = () => web.vigil.reports.create(researcherInA, { compartment: 'East Asia', receivedOn: '2002-03-20', channel: 'phone', summary: 'a report', fullText: 'what was said', sealFullText: true });
  if (url.includes('/people/:pseudonym')) {
    const person = await web.vigil.people.create(researcherInA, { compartment: 'East Asia', name: 'a name' });
    if (url.includes('/statuses/:id')) {
      const withStatus = await web.vigil.people.addStatus(researcherInA, person.pseudonym, { status: 'detained', date: { precision: 'month', earliest: '2002-03-01', latest: '2002-03-31', approximate: false } });
      url = url.replace(':id', String(withStatus.statuses[0]!.id));
    }
    url = url.replace(':pseudonym', person.pseudonym);
  } else if (url.includes(':pseudonym')) {
    const source = await web.vigil.sources.create(researcherInA, { compartment: 'East Asia', kind: 'witness', identity: 'a person', contact: 'a number' });
    url = url.replace(':pseudonym', source.pseudonym);
  }
  if (url.includes('/reports/:reference')) url = url.replace(':reference', (await newReport()).reference);
  if (url.includes('/events/:reference')) {
    const event = await web.vigil.events.create(researcherInA, { compartment: 'East Asia', title: 'an event', acts: ['liberty.mass-arrest'] });
    if (url.includes(':report')) {
      const report = await newReport();
      await web.vigil.events.link(researcherInA, event.reference, report.reference, 'supports');
      url = url.replace(':report', report.reference);
    }
    url = url.replace(':reference', event.reference);
  }
  if (url.startsWith('/admin/users/:id')) {
    const user = await web.vigil.users.add({ id: null, label: 'test' }, { email: `target-${++targetUsers}@example.org`, role: 'viewer', compartments: [], password: 'target user long password' });
    url = url.replace(':id', String(user.id));
  }
  if (url.includes('/account/tokens/:id')) {
    const token = caller.actor ? await web.vigil.accounts.createToken(caller.actor, 'walk', ['sources.read'], 1, { ip: null, userAgent: null }).catch(() => null) : null;
    url = url.replace(':id', String(token?.id ?? 999_999));
  }
  return url.replace('*', 'asa-17-013-2002').replace(':name', 'vigil.css').replace(':part', '1');
}

describe('every route with every role', () => {
  it('has routes to walk, including the workspace and the administration', () => {
    const urls = web.app.declaredRoutes.map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/admin/users', '/admin/audit', '/workspace/sources', '/workspace/sources/:pseudonym', '/api/v1/sources', '/login']));
  });

  it('hides a record in another compartment exactly as one that does not exist', async () => {
    const outsider = callers.find((c) => c.role === 'researcher' && !c.inCompartment)!;
    const source = await web.vigil.sources.create(researcherInA, { compartment: 'East Asia', kind: 'witness' });
    const hidden = await outsider.browser.get(`/workspace/sources/${source.pseudonym}`);
    const missing = await outsider.browser.get('/workspace/sources/S-9999');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body.replace(source.pseudonym, 'X')).toBe(missing.body.replace('S-9999', 'X'));
    const apiHidden = await outsider.browser.get(`/api/v1/sources/${source.pseudonym}`);
    const apiMissing = await outsider.browser.get('/api/v1/sources/S-9999');
    expect(apiHidden.body.replace(source.pseudonym, 'X')).toBe(apiMissing.body.replace('S-9999', 'X'));
    expect(apiHidden.statusCode).toBe(apiMissing.statusCode);
    const list = await outsider.browser.get('/workspace/sources');
    expect(list.body).not.toContain(source.pseudonym);
    expect((await web.vigil.sources.list(outsider.actor!)).total).toBe(0);
  });

  it('answers each caller at each route as the policy table says', async () => {
    // Signing out ends the session, so it is walked last.
    const routes = [...web.app.declaredRoutes].sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
    const mismatches: string[] = [];
    let calls = 0;
    for (const route of routes) {
      for (const caller of callers) {
        const url = await fillParams(route, caller);
        // Other methods than GET and POST (the API's PUT and DELETE) are sent as declared, with an empty form.
        const response = route.method === 'GET' ? await caller.browser.get(url)
          : route.method === 'POST' ? await caller.browser.post(url, {})
          : await caller.browser.request({ method: route.method, url, payload: `_csrf=${encodeURIComponent(caller.browser.csrf)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        calls++;
        const want = expected(route, caller);
        const got = outcomeOf(route, response.statusCode, response.headers.location);
        if (want !== got) mismatches.push(`${route.method} ${route.url} (${route.permission}) as ${caller.label}: expected ${want}, got ${got} (${response.statusCode} ${String(response.headers.location ?? '')})`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(routes.length * 10);
  }, 120_000);

});
