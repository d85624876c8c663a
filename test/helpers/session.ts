/**
 * Signing in for tests, the way a browser does it through inject(): a cookie
 * jar, the CSRF token read from the page's form, and two-factor codes made
 * with otpauth from the key the enrolment page shows (fastify/demo's
 * injectWithLogin, grown a second factor).
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import * as OTPAuth from 'otpauth';
import type { Role } from '../../src/access/policy.ts';
import type { WebApp } from './web.ts';

export const TEST_PASSWORD = 'lantern orchard velvet compass';

/** A browser's worth of state for one person. */
export class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  /** The authenticator key, once enrolled. */
  totpKey: string | null = null;

  constructor(readonly web: WebApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const gone = cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now()) || cookie.maxAge === 0;
      if (gone) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token) this.csrf = token[1]!;
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const headers = { ...(options.headers ?? {}), ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}) };
    const response = await this.web.app.inject({ ...options, headers });
    this.remember(response);
    return response;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url });
  }

  /** Posts a form with this browser's CSRF token (unless `_csrf` is given). */
  post(url: string, form: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (!('_csrf' in form)) body.set('_csrf', this.csrf);
    for (const [key, value] of Object.entries(form)) for (const one of [value].flat()) body.append(key, one);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** A code the authenticator app would show now (or `stepOffset` steps away). */
  code(stepOffset = 0): string {
    if (!this.totpKey) throw new Error('not enrolled');
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(this.totpKey), digits: 6, period: 30, algorithm: 'SHA1' });
    return totp.generate({ timestamp: Date.now() + stepOffset * 30_000 });
  }

  /** Signs in with email and password, and with a second factor when the account has or needs one. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/login');
    let response = await this.post('/login', { email, password });
    if (response.headers.location === '/account/two-factor') {
      const page = await this.get('/account/two-factor');
      this.totpKey = /Key: <code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
      response = await this.post('/account/two-factor', { code: this.code() });
    } else if (response.headers.location === '/login/two-factor') {
      await this.get('/login/two-factor');
      // The enrolment used this step's code; a code works once, so sign in with the next one.
      response = await this.post('/login/two-factor', { code: this.code(1) });
    }
    return response;
  }
}

export interface TestUser {
  email: string;
  role: Role;
  compartments: string[];
}

/** Adds an account straight through the service, as `vigil user add` does. */
export async function addUser(web: WebApp, user: TestUser, password = TEST_PASSWORD): Promise<void> {
  await web.vigil.users.add({ id: null, label: 'test' }, { ...user, password });
}

/** Adds an account and returns a browser signed in as it. */
export async function signedIn(web: WebApp, user: TestUser): Promise<Browser> {
  await addUser(web, user);
  const browser = new Browser(web);
  const response = await browser.signIn(user.email);
  if (response.statusCode >= 400) throw new Error(`sign-in of ${user.email} failed: ${response.statusCode}`);
  return browser;
}
