/** /admin/users and /admin/audit as an administrator uses them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, type Browser } from '../helpers/session.ts';
import { createWebApp, type WebApp } from '../helpers/web.ts';

let web: WebApp;
let admin: Browser;

beforeAll(async () => {
  web = await createWebApp();
  admin = await signedIn(web, { email: 'root@example.org', role: 'administrator', compartments: ['East Asia'] });
});
afterAll(() => web.close());

describe('/admin/users', () => {
  it('adds a user with a role and compartments, new compartments made on the way', async () => {
    await admin.get('/admin/users');
    const added = await admin.post('/admin/users', { email: 'New.Person@example.org', role: 'researcher', compartments: 'East Asia, Americas', password: 'quiet harbour lamps at dusk' });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Added new.person@example.org.');
    const user = (await web.vigil.users.list()).find((u) => u.email === 'new.person@example.org')!;
    expect(user).toMatchObject({ role: 'researcher', compartments: ['Americas', 'East Asia'], disabled: false });
    const entries = await web.vigil.audit.list({ actor: 'root@example.org' });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.create', 'compartment.create']));
    expect(JSON.stringify(entries)).not.toContain('quiet harbour');
  });

  it('keeps what was typed and names the field when the form is wrong', async () => {
    await admin.get('/admin/users');
    const weak = await admin.post('/admin/users', { email: 'weak@example.org', role: 'viewer', compartments: 'East Asia', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toMatch(/id="f-password-error"[^>]*>[^<]*at least 12 characters/);
    expect(weak.body).toContain('value="weak@example.org"');
    expect(weak.body).not.toContain('value="short"');
    const role = await admin.post('/admin/users', { email: 'role@example.org', role: 'boss', compartments: '', password: 'quiet harbour lamps at dusk' });
    expect(role.statusCode).toBe(400);
    expect(role.body).toContain('is not a role');
    expect((await web.vigil.users.list()).map((u) => u.email)).not.toEqual(expect.arrayContaining(['weak@example.org', 'role@example.org']));
  });

  it('changes a role, disables and enables an account', async () => {
    const id = (await web.vigil.users.list()).find((u) => u.email === 'new.person@example.org')!.id;
    await admin.get('/admin/users');
    expect((await admin.post(`/admin/users/${id}`, { role: 'viewer', compartments: 'Americas' })).statusCode).toBe(200);
    expect((await web.vigil.users.list()).find((u) => u.id === id)).toMatchObject({ role: 'viewer', compartments: ['Americas'] });
    expect((await admin.post(`/admin/users/${id}/disable`)).body).toContain('Disabled new.person@example.org');
    expect((await web.vigil.users.list()).find((u) => u.id === id)!.disabled).toBe(true);
    await admin.post(`/admin/users/${id}/enable`);
    expect((await web.vigil.users.list()).find((u) => u.id === id)!.disabled).toBe(false);
    expect((await admin.post('/admin/users/99999/disable')).statusCode).toBe(404);
  });
});

describe('/admin/audit', () => {
  it('shows the chain intact, newest first, and filters by action and actor', async () => {
    const page = await admin.get('/admin/audit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/\d+ entries, chain intact\./);
    expect(page.headers['cache-control']).toBe('no-store');
    const filtered = await admin.get('/admin/audit?action=user.disable');
    expect(filtered.body).toContain('user.disable');
    expect(filtered.body).not.toContain('<td>user.create</td>');
    const byActor = await admin.get('/admin/audit?actor=nobody%40example.org');
    expect(byActor.body).toContain('No entries match.');
    expect((await admin.get('/admin/audit?before=abc')).statusCode).toBe(400);
  });
});
