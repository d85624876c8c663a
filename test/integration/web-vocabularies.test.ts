/** /workspace/vocabularies: every act type with its code and HURIDOCS term, the grading scales and statuses, for anyone who reads records. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT_TYPES, ACT_TYPES_VERSION } from '../../src/domain/act-types.ts';
import { signedIn, type Browser } from '../helpers/session.ts';
import { createWebApp, type WebApp } from '../helpers/web.ts';

let web: WebApp;
let viewer: Browser;

beforeAll(async () => {
  web = await createWebApp();
  viewer = await signedIn(web, { email: 'vera@example.org', role: 'viewer', compartments: ['East Asia'] });
});
afterAll(() => web.close());

describe('/workspace/vocabularies', () => {
  it('lists every act type with its stable code and HURIDOCS counterpart, and the version', async () => {
    const page = await viewer.get('/workspace/vocabularies');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`version ${ACT_TYPES_VERSION}`);
    for (const term of ACT_TYPES) {
      expect(page.body).toContain(`<code>${term.code}</code>`);
      if (term.huridocs) expect(page.body).toContain(`<code>${term.huridocs.code}</code>`);
    }
    expect(page.body).toContain('Mass roundup');
    expect(page.body).toContain('Completely reliable');
    expect(page.body).toContain('Whereabouts unknown');
    expect(page.body).toContain('href="/workspace/vocabularies"');
  });

  it('is not shown to someone signed out', async () => {
    const anonymous = await web.get('/workspace/vocabularies');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login/);
  });
});
