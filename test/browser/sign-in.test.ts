/**
 * Issue 4: signing in with two-factor, in a browser. On a freshly started
 * server whose accounts are made with `vigil user add` (the CLI and the
 * server share the data directory and its master key file), Chromium:
 * enrols an editor's authenticator and keeps the recovery codes; signs out
 * and in again with the next code; is refused a wrong code; records a source
 * as a researcher and opens its sealed identity; meets no serious axe
 * violations on the sign-in pages or the source form; fits a 360 px screen;
 * and signs in with JavaScript off.
 */
import { existsSync, rmSync } from 'node:fs';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, describeViolations, launchBrowser, MOBILE, runAxe, screenshot, startVigil, watchPage, type PageWatch, type RunningVigil } from '../helpers/browser.ts';
import { runVigil } from '../helpers/cli.ts';
import { TEST_PASSWORD } from '../helpers/session.ts';

const EDITOR = { email: 'editor@example.org', role: 'editor', compartments: ['Newsroom'] };
const RESEARCHER = { email: 'researcher@example.org', role: 'researcher', compartments: ['Coast', 'North-East'] };
/** A second editor, who enrols and signs in with JavaScript off. */
const PLAIN_EDITOR = { email: 'plain.editor@example.org', role: 'editor', compartments: ['Newsroom'] };

const PERIOD_MS = 30_000;

let vigil: RunningVigil;
let browser: Browser;
/** The key file `vigil serve` and `vigil user add` both find beside the data directory. */
let keyFile: string;

beforeAll(async () => {
  [vigil, browser] = await Promise.all([startVigil(), launchBrowser()]);
  // The server is running: accounts added now land in the same data directory it reads.
  await Promise.all([EDITOR, RESEARCHER, PLAIN_EDITOR].map(async (user) => {
    const args = ['user', 'add', user.email, '--role', user.role, ...user.compartments.flatMap((c) => ['--compartment', c]), '--password-stdin'];
    const result = await runVigil(args, { dataDir: vigil.dataDir, input: `${TEST_PASSWORD}\n` });
    if (result.code !== 0) throw new Error(`vigil ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }));
  keyFile = process.env.VIGIL_KEY_FILE ?? `${vigil.dataDir}.master-key`;
});

afterAll(async () => {
  await browser?.close();
  await vigil?.stop();
  // stop() removes the data directory; the key file beside it is this file's to remove.
  if (vigil && !process.env.VIGIL_KEY_FILE) rmSync(`${vigil.dataDir}.master-key`, { force: true });
});

/** The time step a moment falls in. */
function stepOf(time = Date.now()): number {
  return Math.floor(time / PERIOD_MS);
}

/** The code an authenticator app shows for `key` during time step `step`. */
function codeAt(key: string, step: number): string {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(key), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: step * PERIOD_MS });
}

/** Six digits that are no code the server would accept around now. */
function wrongCodeFor(key: string): string {
  const now = stepOf();
  const near = new Set([-2, -1, 0, 1, 2, 3].map((offset) => codeAt(key, now + offset)));
  let candidate = 123456;
  while (near.has(String(candidate))) candidate++;
  return String(candidate);
}

async function openPage(options: BrowserContextOptions): Promise<{ page: Page; watch: PageWatch; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watch = watchPage(page, vigil.url);
  return { page, watch, close: () => context.close() };
}

/** The path of the page now shown. */
function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** No serious or critical axe violations on the page as it stands. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  const report = describeViolations(where, violations);
  if (violations.length > 0) console.log(report);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), report).toEqual([]);
}

/** Nothing is wider than the 360 px viewport: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const scrollWidth = await page.locator('html').evaluate((el) => el.scrollWidth);
  expect(scrollWidth, `${where} is ${scrollWidth}px wide on a 360px viewport`).toBeLessThanOrEqual(360);
}

/** Console errors other than the browser's note of a refused answer (401 from a wrong password or code is the page doing its job). */
function expectClean(watch: PageWatch): void {
  const errors = watch.errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));
  expect(errors, 'console errors').toEqual([]);
  expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
}

/** Opens /login and signs in with email and password typed at the keyboard; resolves once the next page is shown. */
async function typePassword(page: Page, email: string, expectedPath: string, shot?: string): Promise<void> {
  const response = await page.goto(`${vigil.url}/login`);
  expect(response?.status()).toBe(200);
  await expect(page.locator('main h1').textContent()).resolves.toBe('Sign in');
  await page.getByLabel('Email').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-password');
  await page.keyboard.type(TEST_PASSWORD);
  if (shot) await screenshot(page, shot);
  await Promise.all([page.waitForURL((url) => url.pathname === expectedPath), page.keyboard.press('Enter')]);
}

/** Reads the authenticator key from the enrolment page, after checking the QR code is drawn inline. */
async function readEnrolment(page: Page): Promise<string> {
  await expect(page.locator('main h1').textContent()).resolves.toBe('Set up two-factor sign-in');
  const qr = page.locator('figure.qr svg');
  await expect(qr.count()).resolves.toBe(1);
  expect(await qr.isVisible()).toBe(true);
  const box = await qr.boundingBox();
  expect(box && box.width >= 100 && box.height >= 100, `the QR code is drawn big enough to scan (${JSON.stringify(box)})`).toBe(true);
  // Drawn on the server: paths inside the page, no image fetched from anywhere.
  expect(await qr.locator('path').count()).toBeGreaterThan(0);
  expect(await page.locator('figure.qr img').count()).toBe(0);
  const shown = ((await page.locator('figure.qr figcaption code').textContent()) ?? '').trim();
  expect(shown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return shown.replace(/ /g, '');
}

/**
 * Types a code into the labelled box and submits it with Enter; resolves with
 * the server's answer to the form, once the page it leads to is shown (`then`
 * waits for something only that page has: the form posts to the address it
 * was shown at, so the address alone does not tell the pages apart).
 */
async function typeCode(page: Page, label: string, code: string, then: () => Promise<unknown>): Promise<number> {
  const box = page.getByLabel(label, { exact: true });
  // Both code forms post back to the address they are shown at.
  const action = pathOf(page);
  await box.fill('');
  await box.focus();
  await page.keyboard.type(code);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === action),
    page.keyboard.press('Enter'),
  ]);
  await then();
  return response.status();
}

/** Waits until the page's one h1 reads `text`. */
function heading(page: Page, text: string): () => Promise<void> {
  return () => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/** Waits until the address is `path`. */
function at(page: Page, path: string): () => Promise<void> {
  return () => page.waitForURL((url) => url.pathname === path);
}

/** The recovery codes page: ten distinct codes in the readable alphabet. */
async function expectRecoveryCodes(page: Page): Promise<void> {
  await expect(page.locator('main h1').textContent()).resolves.toBe('Two-factor sign-in is on');
  const codes = (await page.locator('ul.codes li code').allTextContents()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  expect(new Set(codes).size).toBe(10);
  for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
}

/** The sources list, signed in as `email` with `role`. */
async function expectWorkspace(page: Page, email: string, role: string): Promise<void> {
  expect(pathOf(page)).toBe('/workspace/sources');
  await expect(page.locator('main h1').textContent()).resolves.toBe('Sources');
  await expect(page.locator('header.site .who').textContent()).resolves.toBe(`${email} · ${role}`);
  await expect(page.getByRole('button', { name: 'Sign out' }).count()).resolves.toBe(1);
}

/** The editor's authenticator key and the time step of the last code the server took, shared between the tests below. */
const editor = { key: '', lastStep: 0 };

describe('signing in with two-factor in a browser', () => {
  it('an editor enrols an authenticator on first sign-in, keeps the recovery codes, reaches the workspace and signs out', async () => {
    expect(existsSync(keyFile), `the shared master key file ${keyFile}`).toBe(true);
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      await page.goto(`${vigil.url}/login`);
      await screenshot(page, 'sign-in-1-login');
      await expectAccessible(page, 'sign-in page');

      await typePassword(page, EDITOR.email, '/account/two-factor', 'sign-in-2-login-filled');
      editor.key = await readEnrolment(page);
      await screenshot(page, 'sign-in-3-enrol');
      await expectAccessible(page, 'enrolment page');
      // Part-way through sign-in the page shows no one as signed in.
      expect(await page.locator('header.site .who').count()).toBe(0);

      editor.lastStep = stepOf();
      const enrolled = await typeCode(page, 'Code from the app', codeAt(editor.key, editor.lastStep), heading(page, 'Two-factor sign-in is on'));
      expect(enrolled).toBe(200);
      await expectRecoveryCodes(page);
      await screenshot(page, 'sign-in-4-recovery-codes');

      await Promise.all([page.waitForURL(`${vigil.url}/workspace/sources`), page.getByRole('link', { name: 'Continue to the workspace' }).click()]);
      await expectWorkspace(page, EDITOR.email, 'editor');
      await screenshot(page, 'sign-in-5-workspace');
      // Sign out with the button: back on the sign-in page, and the workspace asks for sign-in again.
      await Promise.all([page.waitForURL(`${vigil.url}/login`), page.getByRole('button', { name: 'Sign out' }).click()]);
      await expect(page.locator('main h1').textContent()).resolves.toBe('Sign in');
      await screenshot(page, 'sign-in-6-signed-out');
      await page.goto(`${vigil.url}/workspace/sources`);
      expect(pathOf(page)).toBe('/login');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/workspace/sources');
      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('signed out, the editor signs in again with the next code; a wrong or spent code is refused and keeps the person on the two-factor page', async () => {
    expect(editor.key, 'the enrolment test ran first').not.toBe('');
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      // Signed out (above) and in again: password, then a code.
      await typePassword(page, EDITOR.email, '/login/two-factor');
      await expect(page.locator('main h1').textContent()).resolves.toBe('Two-factor sign-in');
      await screenshot(page, 'sign-in-7-two-factor');
      await expectAccessible(page, 'two-factor page');

      // A wrong code: an alert in the page, still the two-factor page, still not signed in.
      const alert = page.getByRole('alert');
      const refused = await typeCode(page, 'Code', wrongCodeFor(editor.key), () => alert.waitFor());
      expect(refused).toBe(401);
      expect(pathOf(page)).toBe('/login/two-factor');
      await expect(alert.count()).resolves.toBe(1);
      await expect(alert.textContent()).resolves.toContain('That code did not sign you in');
      await expect(page.locator('main h1').textContent()).resolves.toBe('Two-factor sign-in');
      await expect(page.getByLabel('Code', { exact: true }).count()).resolves.toBe(1);
      expect(await page.locator('header.site .who').count()).toBe(0);
      await screenshot(page, 'sign-in-8-wrong-code');
      await expectAccessible(page, 'two-factor page with an error');
      // The workspace is still shut: it sends the person back to the second step.
      await page.goto(`${vigil.url}/workspace/sources`);
      expect(pathOf(page)).toBe('/login/two-factor');

      // The code spent at enrolment works once: typed again, it is refused too.
      await expect(typeCode(page, 'Code', codeAt(editor.key, editor.lastStep), () => alert.waitFor())).resolves.toBe(401);
      expect(pathOf(page)).toBe('/login/two-factor');

      // The next time step's code signs in.
      editor.lastStep += 1;
      await expect(typeCode(page, 'Code', codeAt(editor.key, editor.lastStep), at(page, '/workspace/sources'))).resolves.toBe(303);
      await expectWorkspace(page, EDITOR.email, 'editor');
      await screenshot(page, 'sign-in-9-signed-in-again');

      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('a researcher (no second factor) records a source, sees its pseudonym and opens its identity', async () => {
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      await typePassword(page, RESEARCHER.email, '/workspace/sources');
      await expectWorkspace(page, RESEARCHER.email, 'researcher');

      await Promise.all([page.waitForURL(`${vigil.url}/workspace/sources/new`), page.getByRole('link', { name: 'Record a source' }).click()]);
      await expect(page.locator('main h1').textContent()).resolves.toBe('Record a source');
      await expectAccessible(page, 'source form');
      const identity = 'Kim Min-ji, nurse at the Yanji clinic';
      const contact = 'Signal +82 10 5555 0142, through the church office';
      await page.getByLabel('Compartment').selectOption({ label: 'North-East' });
      await page.getByLabel('Kind').selectOption({ label: 'witness' });
      await page.getByLabel('Identity (sealed)').fill(identity);
      await page.getByLabel('Contact details (sealed)').fill(contact);
      await screenshot(page, 'sign-in-10-source-form');
      await Promise.all([
        page.waitForURL((url) => /^\/workspace\/sources\/S-\d{4,}$/.test(url.pathname)),
        page.getByRole('button', { name: 'Record source' }).click(),
      ]);

      // The pseudonym page: kind and compartment shown, identity and contact sealed until asked for.
      const pseudonym = pathOf(page).split('/').pop()!;
      await expect(page.locator('main h1').textContent()).resolves.toBe(`Source ${pseudonym}`);
      const facts = page.locator('main > dl.facts');
      await expect(facts.getByText('witness', { exact: true }).count()).resolves.toBe(1);
      await expect(facts.getByText('North-East', { exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('main').textContent()).resolves.not.toContain(identity);
      await screenshot(page, 'sign-in-11-source');

      await Promise.all([
        page.waitForURL(`${vigil.url}/workspace/sources/${pseudonym}/reveal`),
        page.getByRole('button', { name: 'Show identity and contact' }).click(),
      ]);
      const sealed = page.locator('section.sealed');
      await expect(sealed.locator('dd').allTextContents()).resolves.toEqual([identity, contact]);
      await expect(sealed.textContent()).resolves.toContain('This reading was written to the audit chain.');
      await screenshot(page, 'sign-in-12-source-revealed');

      // The list shows the new source under its pseudonym, never its identity.
      await page.goto(`${vigil.url}/workspace/sources`);
      await expect(page.getByRole('link', { name: pseudonym, exact: true }).count()).resolves.toBe(1);
      await expect(page.locator('main').textContent()).resolves.not.toContain(identity);
      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('the sign-in page fits a 360 px screen without sideways scrolling', async () => {
    const { page, watch, close } = await openPage({ ...MOBILE });
    try {
      await page.goto(`${vigil.url}/login`);
      await expect(page.evaluate(() => window.innerWidth)).resolves.toBe(360);
      await expectNoSidewaysScroll(page, 'the sign-in page');
      for (const control of [page.getByLabel('Email'), page.getByLabel('Password'), page.getByRole('button', { name: 'Sign in' })]) {
        const right = await control.evaluate((el) => el.getBoundingClientRect().right);
        expect(right).toBeLessThanOrEqual(360);
      }
      await screenshot(page, 'sign-in-13-mobile');
      await expectAccessible(page, 'sign-in page at 360 px');
      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('with JavaScript off (on a 360 px screen), an editor enrols, signs out and signs in again through the plain forms', async () => {
    const { page, watch, close } = await openPage({ ...MOBILE, javaScriptEnabled: false });
    try {
      await typePassword(page, PLAIN_EDITOR.email, '/account/two-factor');
      const key = await readEnrolment(page);
      await expectNoSidewaysScroll(page, 'the enrolment page');
      await screenshot(page, 'sign-in-14-nojs-enrol');
      const enrolStep = stepOf();
      await typeCode(page, 'Code from the app', codeAt(key, enrolStep), heading(page, 'Two-factor sign-in is on'));
      await expectRecoveryCodes(page);
      await expectNoSidewaysScroll(page, 'the recovery codes page');
      await Promise.all([page.waitForURL(`${vigil.url}/workspace/sources`), page.getByRole('link', { name: 'Continue to the workspace' }).click()]);
      await expectWorkspace(page, PLAIN_EDITOR.email, 'editor');

      await Promise.all([page.waitForURL(`${vigil.url}/login`), page.getByRole('button', { name: 'Sign out' }).click()]);
      await typePassword(page, PLAIN_EDITOR.email, '/login/two-factor');
      await expectNoSidewaysScroll(page, 'the two-factor page');
      await typeCode(page, 'Code', codeAt(key, enrolStep + 1), at(page, '/workspace/sources'));
      await expectWorkspace(page, PLAIN_EDITOR.email, 'editor');
      await screenshot(page, 'sign-in-15-nojs-workspace');
      expectClean(watch);
      // Scripts really were off: Chromium did not even fetch the site's script.
      expect(watch.requests.some((url) => url.includes('/assets/vigil.js'))).toBe(false);
    } finally {
      await close();
    }
  });
});
