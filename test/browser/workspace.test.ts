/**
 * Issue 5: the workspace in a browser. On a freshly started server, a
 * researcher records sources and reports through the forms, records an event
 * from a report (dated from the report's words, placed from the gazetteer),
 * and watches its corroboration change as reports are linked: a second
 * outlet repeating the same wire story adds nothing, a second independent
 * source does. The pages meet no serious axe violations, fit a 360 px
 * screen, and work with JavaScript off.
 */
import { rmSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, DESKTOP, launchBrowser, MOBILE, runAxe, screenshot, startVigil, watchPage, type RunningVigil } from '../helpers/browser.ts';
import { runVigil } from '../helpers/cli.ts';
import { TEST_PASSWORD } from '../helpers/session.ts';

const RESEARCHER = { email: 'hana@example.org', role: 'researcher', compartments: ['East Asia'] };

let vigil: RunningVigil;
let browser: Browser;

beforeAll(async () => {
  [vigil, browser] = await Promise.all([startVigil(), launchBrowser()]);
  const args = ['user', 'add', RESEARCHER.email, '--role', RESEARCHER.role, ...RESEARCHER.compartments.flatMap((c) => ['--compartment', c]), '--password-stdin'];
  const result = await runVigil(args, { dataDir: vigil.dataDir, input: `${TEST_PASSWORD}\n` });
  if (result.code !== 0) throw new Error(`vigil ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await vigil?.stop();
  if (vigil && !process.env.VIGIL_KEY_FILE) rmSync(`${vigil.dataDir}.master-key`, { force: true });
});

async function openPage(options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watch = watchPage(page, vigil.url);
  return { page, watch, close: () => context.close() };
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await runAxe(page);
  const report = describeViolations(where, violations);
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), report).toEqual([]);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${vigil.url}/login`);
  await page.getByLabel('Email').fill(RESEARCHER.email);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/workspace/sources'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** Submits a form with its named button and waits for the page at `path` (a pattern). */
async function submit(page: Page, button: string, path: RegExp): Promise<string> {
  await Promise.all([page.waitForURL((url) => path.test(url.pathname), { timeout: 60_000 }), page.getByRole('button', { name: button, exact: true }).click()]);
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function recordSource(page: Page, reliability: string, group: string): Promise<string> {
  await page.goto(`${vigil.url}/workspace/sources/new`);
  await page.getByLabel('Kind').selectOption({ label: 'media' });
  await page.getByLabel('Consent').selectOption('may-be-named');
  await page.getByLabel('Reliability').selectOption(reliability);
  await page.getByLabel('Independence group (optional)').fill(group);
  return submit(page, 'Record source', /^\/workspace\/sources\/S-\d{4,}$/);
}

async function recordReport(page: Page, source: string, summary: string): Promise<string> {
  await page.goto(`${vigil.url}/workspace/reports/new`);
  await page.getByLabel('Source', { exact: true }).selectOption(source);
  await page.getByLabel('Received on').fill('2002-03-16');
  await page.getByLabel('Channel').selectOption('news');
  await page.getByLabel('Summary').fill(summary);
  await page.getByLabel('Credibility of the information').selectOption('2');
  return submit(page, 'Record report', /^\/workspace\/reports\/R-\d{4,}$/);
}

/**
 * Submits the event form; when the place name matches more than one place the
 * form comes back asking which, and the one whose label contains `meant` is chosen.
 */
async function submitEvent(page: Page, meant: RegExp): Promise<string> {
  const done = /^\/workspace\/events\/E-\d{4,}$/;
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Record event', exact: true }).click()]);
  if (!done.test(new URL(page.url()).pathname)) {
    const choice = page.locator('input[name="placeId"]');
    expect(await choice.count(), `the event form came back: ${(await page.locator('.form-error, .error').allTextContents()).join(' | ')}`).toBeGreaterThan(0);
    await page.getByLabel(meant).first().check();
    await screenshot(page, 'workspace-02b-place-choice');
    return submit(page, 'Record event', done);
  }
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function corroboration(page: Page): Promise<string> {
  return ((await page.locator('section.corroboration strong').first().textContent()) ?? '').trim();
}

async function linkReport(page: Page, report: string): Promise<void> {
  await page.getByLabel('Report', { exact: true }).fill(report);
  await page.getByLabel('Stance').selectOption('supports');
  await Promise.all([page.waitForURL((url) => url.hash === '#reports-heading'), page.getByRole('button', { name: 'Link report' }).click()]);
}

describe('recording an event from a report', () => {
  it('dates and places it, and shows corroboration change as independent reports are linked', async () => {
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      await signIn(page);
      // Two papers that printed one wire story, and a broadcaster with reporters of its own.
      const wireA = await recordSource(page, 'B', 'AP wire');
      const wireB = await recordSource(page, 'C', 'AP wire');
      const own = await recordSource(page, 'A', '');
      const first = await recordReport(page, wireA, 'Twenty-five North Koreans entered the Spanish embassy in Beijing');
      await screenshot(page, 'workspace-01-report');
      await expectAccessible(page, 'report page');

      await Promise.all([page.waitForURL((url) => url.pathname === '/workspace/events/new'), page.getByRole('link', { name: 'Record an event from this report' }).click()]);
      await expect(page.locator('main').textContent()).resolves.toContain(`Recorded from report ${first}`);
      await expect(page.getByLabel('Words written on (optional)').inputValue()).resolves.toBe('2002-03-16');
      await page.getByLabel('Title').fill('Asylum seekers enter the Spanish embassy in Beijing');
      await page.getByLabel('Denial of access to asylum').check();
      await page.getByLabel(/^When/).fill('earlier this month');
      await page.getByLabel('Place name').fill('Beijing');
      await page.getByLabel('Country code (optional)').fill('CN');
      await page.getByLabel('Group 1').fill('North Korean asylum seekers');
      await page.getByLabel('How many').first().fill('25');
      await expectAccessible(page, 'event form');
      await screenshot(page, 'workspace-02-event-form');
      // Beijing is both a city and a municipality: the form asks which one is meant.
      let event = await submitEvent(page, /— (capital )?city/);
      const main = page.locator('main');
      await expect(main.textContent()).resolves.toContain('Beijing');
      await expect(main.textContent()).resolves.toContain('a day between 1 and 15 March 2002');
      await expect(main.textContent()).resolves.toContain('(reported as "earlier this month")');
      await expect(main.textContent()).resolves.toContain('countries-states-cities');
      await expect(page.locator('table.records').first().textContent()).resolves.toContain('25');
      expect(await corroboration(page)).toMatch(/^1 independent source \(best B \/ 2\)/);
      await screenshot(page, 'workspace-03-event-one-source');

      // The second paper repeats the wire: one origin still.
      const second = await recordReport(page, wireB, 'The same wire story, printed by a second paper');
      await page.goto(`${vigil.url}/workspace/events/${event}`);
      await linkReport(page, second);
      expect(await corroboration(page)).toMatch(/^1 independent source in 2 reports/);

      // A source of its own: two independent sources, and the page suggests "corroborated".
      const third = await recordReport(page, own, 'Our correspondent saw the group taken into the embassy');
      await page.goto(`${vigil.url}/workspace/events/${event}`);
      await linkReport(page, third);
      expect(await corroboration(page)).toMatch(/^2 independent sources in 3 reports \(best A \/ 2\)/);
      await expect(main.textContent()).resolves.toContain('the linked reports suggest: Corroborated');
      await screenshot(page, 'workspace-04-event-two-sources');
      await expectAccessible(page, 'event page');

      // Unlinking the independent report takes corroboration back.
      await Promise.all([page.waitForURL((url) => url.hash === '#reports-heading'), page.getByRole('button', { name: `Unlink ${third}` }).click()]);
      expect(await corroboration(page)).toMatch(/^1 independent source in 2 reports/);
      event = new URL(page.url()).pathname.split('/').pop()!;
      // The one refused answer is the form asking which Beijing was meant.
      expect(watch.errors.filter((e) => !/status of 400 \(Bad Request\) \(http:\/\/[^)]+\/workspace\/events\)$/.test(e)), 'console errors').toEqual([]);
      expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
    } finally {
      await close();
    }
  }, 180_000);

  it('lists events and their pages on a 360 px screen, and records one with JavaScript off', async () => {
    const { page, close } = await openPage({ ...MOBILE, javaScriptEnabled: false });
    try {
      await signIn(page);
      await page.goto(`${vigil.url}/workspace/events/new`);
      await page.getByLabel('Title').fill('Returns from Longjing');
      await page.getByLabel('Forcible return (refoulement)').check();
      await page.getByLabel(/^When/).fill('April 2002');
      await page.getByLabel('Place name').fill('Longjing');
      await page.getByLabel('Group 1').fill('North Koreans caught in Jilin');
      await page.getByLabel('How many').first().fill('up to 900');
      await submitEvent(page, /Jilin/);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('April 2002');
      expect(text).toContain('up to 900');
      expect(text).toMatch(/Longjing, Jilin, China/);
      const pageWidth = await page.locator('html').evaluate((el) => el.scrollWidth);
      expect(pageWidth, 'event page width at 360 px').toBeLessThanOrEqual(360);
      await page.goto(`${vigil.url}/workspace/events`);
      await expect(page.locator('main').textContent()).resolves.toContain('Returns from Longjing');
      const width = await page.locator('html').evaluate((el) => el.scrollWidth);
      expect(width, 'events list width at 360 px').toBeLessThanOrEqual(360);
      await screenshot(page, 'workspace-05-event-mobile');
    } finally {
      await close();
    }
  }, 120_000);

  it('the event form, list and people pages pass axe on a 360 px screen', async () => {
    // axe runs as a script in the page, so this walk has JavaScript on.
    const { page, close } = await openPage({ ...MOBILE });
    try {
      await signIn(page);
      for (const path of ['/workspace/events/new', '/workspace/events', '/workspace/reports', '/workspace/people/new', '/workspace/vocabularies', '/workspace/places?q=Tumen']) {
        await page.goto(`${vigil.url}${path}`);
        const width = await page.locator('html').evaluate((el) => el.scrollWidth);
        expect(width, `${path} width at 360 px`).toBeLessThanOrEqual(360);
        await expectAccessible(page, `${path} at 360 px`);
      }
      await screenshot(page, 'workspace-06-places-mobile');
    } finally {
      await close();
    }
  }, 120_000);
});
