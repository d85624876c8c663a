/**
 * Accessibility (axe-core, WCAG 2.x A/AA and best practices) on the pages a
 * reader meets, at desktop and phone widths; and the site's promise that a
 * page logs no errors and asks nothing of any other host.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, describeViolations, launchBrowser, MOBILE, runAxe, screenshot, startVigil, watchPage, type RunningVigil } from '../helpers/browser.ts';

let vigil: RunningVigil;
let browser: Browser;

beforeAll(async () => {
  [vigil, browser] = await Promise.all([startVigil(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await vigil?.stop();
});

const PAGES: Array<{ name: string; path: string; status: number }> = [
  { name: 'home', path: '/', status: 200 },
  { name: 'search', path: '/search?q=refugees', status: 200 },
  { name: 'search-narrowed', path: '/search?q=refugees&country=CN', status: 200 },
  { name: 'search-all', path: '/search?sort=date', status: 200 },
  { name: 'search-nothing-found', path: '/search?q=zzzyqxnothing', status: 200 },
  { name: 'search-unreadable', path: '/search?q=%22unclosed', status: 400 },
  { name: 'document', path: '/documents/asa-17-013-2002', status: 200 },
  { name: 'document-spanish', path: '/documents/asa-17-011-2002-es', status: 200 },
  { name: 'not-found', path: '/no/such/page', status: 404 },
];

/** Rules about the page's structure (headings, landmarks, labels): whatever their impact, the views must pass them. */
const STRUCTURAL = new Set(['heading-order', 'page-has-heading-one', 'region', 'label', 'color-contrast', 'empty-heading', 'list', 'listitem', 'skip-link', 'bypass']);

describe.each([
  { device: 'desktop', options: DESKTOP },
  { device: 'mobile', options: MOBILE },
])('accessibility and hygiene ($device)', ({ device, options }) => {
  it.each(PAGES)('$name ($path): no serious or critical axe violations, no console errors, no other hosts', async ({ name, path, status }) => {
    const context = await browser.newContext({ ...options });
    try {
      const page = await context.newPage();
      const watch = watchPage(page, vigil.url);
      const response = await page.goto(`${vigil.url}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(status);
      await page.locator('main h1').waitFor();
      const violations = await runAxe(page);
      const report = describeViolations(`${device} ${path}`, violations);
      if (violations.length > 0) console.log(report);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious, report).toEqual([]);
      // Of the lesser ones, those the views control must not come back either.
      const structural = violations.filter((v) => STRUCTURAL.has(v.id) || v.id.startsWith('landmark-'));
      expect(structural, report).toEqual([]);
      await screenshot(page, `a11y-${device}-${name}`);
      // A 404 or 400 page logs its own status in the console; that is the page doing its job, not an error.
      const errors = status >= 400
        ? watch.errors.filter((e) => !/Failed to load resource: the server responded with a status of (404|400)/.test(e))
        : watch.errors;
      expect(errors, 'console errors').toEqual([]);
      expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('language of parts', () => {
  it('titles and snippets in another language than English carry their lang attribute', async () => {
    const context = await browser.newContext({ ...DESKTOP });
    try {
      const page = await context.newPage();
      for (const language of ['es', 'fr']) {
        await page.goto(`${vigil.url}/search?language=${language}&sort=date`);
        const hits = page.locator('ol.hits > li');
        expect(await hits.count(), `documents in ${language}`).toBeGreaterThan(0);
        const langs = await hits.locator('h3').evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
        expect(new Set(langs)).toEqual(new Set([language]));
      }
      // English ones take the page's language and need no attribute.
      await page.goto(`${vigil.url}/search?language=en&sort=date`);
      const english = await page.locator('ol.hits > li h3').evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
      expect(english.length).toBeGreaterThan(0);
      expect(new Set(english)).toEqual(new Set([null]));
    } finally {
      await context.close();
    }
  });
});

describe('what a page loads', () => {
  it('the front page loads only its own stylesheet, script and icon, all from the server', async () => {
    const context = await browser.newContext({ ...DESKTOP });
    try {
      const page = await context.newPage();
      const watch = watchPage(page, vigil.url);
      await page.goto(`${vigil.url}/`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      expect(watch.foreignRequests).toEqual([]);
      const paths = watch.requests.map((url) => new URL(url).pathname);
      expect(paths[0]).toBe('/');
      expect(paths).toContain('/assets/vigil.css');
      expect(paths).toContain('/assets/vigil.js');
      // The stylesheet was applied (the site header has its dark background).
      const background = await page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(20, 54, 95)');
      expect(watch.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
