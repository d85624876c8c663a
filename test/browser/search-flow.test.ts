/**
 * Issue 3: on a freshly started server, search for "refugees", narrow by a
 * country facet, open a result, check its title and index number, follow a
 * related document; the same on a 360 px viewport. Also the same search with
 * JavaScript off, and the keyboard path into the search box.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, leadingNumber, MOBILE, screenshot, startVigil, watchPage, type PageWatch, type RunningVigil } from '../helpers/browser.ts';

let vigil: RunningVigil;
let browser: Browser;

beforeAll(async () => {
  [vigil, browser] = await Promise.all([startVigil(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await vigil?.stop();
});

/** Opens a page in a fresh context with the given options, watched for errors and foreign requests. */
async function openPage(options: BrowserContextOptions): Promise<{ page: Page; watch: PageWatch; close: () => Promise<void> }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const watch = watchPage(page, vigil.url);
  return { page, watch, close: () => context.close() };
}

/** Nothing is wider than the viewport: no sideways scrolling. */
async function expectNoHorizontalOverflow(page: Page, width: number, where: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${where}: page is ${scrollWidth}px wide on a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/**
 * The whole reader's path. `checkPage` runs on every page reached (the mobile
 * run checks overflow there).
 */
async function searchNarrowOpenFollow(page: Page, prefix: string, checkPage: (where: string) => Promise<void>): Promise<void> {
  // 1. The front page, and the search box found by its label.
  const home = await page.goto(`${vigil.url}/`);
  expect(home?.status()).toBe(200);
  await expect(page.title()).resolves.toContain('Vigil archive');
  const box = page.getByLabel('Search the archive');
  await box.waitFor({ state: 'visible' });
  await screenshot(page, `${prefix}-1-home`);
  await checkPage('home');

  // 2. Search for "refugees": results with the words highlighted.
  await box.fill('refugees');
  await Promise.all([page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'refugees'), box.press('Enter')]);
  await page.locator('ol.hits li').first().waitFor();
  await expect(page.locator('h1').textContent()).resolves.toBe('Results for “refugees”');
  await expect(page.getByLabel('Search the archive').inputValue()).resolves.toBe('refugees');
  const total = leadingNumber((await page.locator('p.summary').textContent()) ?? '');
  expect(total).toBeGreaterThan(0);
  const marks = await page.locator('ol.hits mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const word of marks) expect(word.toLowerCase()).toMatch(/^refugee/);
  const markColour = await page.locator('ol.hits mark').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(markColour, 'highlighted words are shown highlighted').not.toBe('rgba(0, 0, 0, 0)');
  await screenshot(page, `${prefix}-2-results`);
  await checkPage('results');

  // 3. Narrow by a country: China. The count shown on the facet is the count of results.
  const facets = page.locator('aside.facets section.facet').filter({ has: page.getByRole('heading', { name: 'Country' }) });
  const china = facets.locator('li').filter({ has: page.getByRole('link', { name: 'China', exact: true }) });
  await expect(china.count()).resolves.toBe(1);
  const facetCount = leadingNumber((await china.locator('.count').textContent()) ?? '');
  expect(facetCount).toBeGreaterThan(0);
  expect(facetCount).toBeLessThanOrEqual(total);
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('country') === 'CN' && url.searchParams.get('q') === 'refugees'),
    china.getByRole('link', { name: 'China', exact: true }).click(),
  ]);
  await page.locator('p.summary').waitFor();
  const narrowed = leadingNumber((await page.locator('p.summary').textContent()) ?? '');
  expect(narrowed).toBe(facetCount);
  // The chosen country is marked as current, with the same count, and can be removed.
  const current = page.locator('aside.facets li[aria-current="true"]');
  await expect(current.locator('strong').textContent()).resolves.toBe('China');
  await expect(current.locator('.count').textContent()).resolves.toBe(String(facetCount));
  await expect(page.getByRole('link', { name: 'All (remove China)' }).count()).resolves.toBe(1);
  const listed = Math.min(narrowed, 10);
  await expect(page.locator('ol.hits > li').count()).resolves.toBe(listed);
  await screenshot(page, `${prefix}-3-facet-china`);
  await checkPage('facet');

  // 4. Open the first result: the page's title and index number are the ones the list showed.
  const first = page.locator('ol.hits > li').first();
  const listedTitle = ((await first.locator('h3 a').textContent()) ?? '').trim();
  const listedIndex = (await first.locator('.meta .index').count()) > 0 ? ((await first.locator('.meta .index').textContent()) ?? '').trim() : null;
  const href = await first.locator('h3 a').getAttribute('href');
  expect(href).toMatch(/^\/documents\/[a-z0-9-]+$/);
  expect(listedTitle).not.toBe('');
  await Promise.all([page.waitForURL(`${vigil.url}${href}`), first.locator('h3 a').click()]);
  await page.locator('article.document h1').waitFor();
  await expect(page.locator('h1').count()).resolves.toBe(1);
  await expect(page.locator('article.document h1').textContent()).resolves.toBe(listedTitle);
  if (listedIndex) {
    await expect(page.locator('article.document .header-line .index').textContent()).resolves.toBe(listedIndex);
    await expect(page.title()).resolves.toContain(`(${listedIndex})`);
  } else {
    await expect(page.locator('article.document .header-line .index').count()).resolves.toBe(0);
  }
  // The document belongs to the country it was found under.
  await expect(page.locator('section.about').getByRole('link', { name: 'China', exact: true }).count()).resolves.toBe(1);
  await screenshot(page, `${prefix}-4-document`);
  await checkPage('document');

  // 5. Follow a related document: another document page opens.
  const related = page.locator('section.related ol.hits > li h3 a');
  expect(await related.count()).toBeGreaterThan(0);
  const relatedTitle = ((await related.first().textContent()) ?? '').trim();
  const relatedHref = (await related.first().getAttribute('href')) ?? '';
  expect(relatedHref).toMatch(/^\/documents\/[a-z0-9-]+$/);
  expect(relatedHref).not.toBe(href);
  const [response] = await Promise.all([page.waitForNavigation(), related.first().click()]);
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(relatedHref);
  await page.locator('article.document h1').waitFor();
  await expect(page.locator('article.document h1').textContent()).resolves.toBe(relatedTitle);
  await screenshot(page, `${prefix}-5-related`);
  await checkPage('related document');
}

function expectClean(watch: PageWatch): void {
  expect(watch.errors, 'console errors').toEqual([]);
  expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
  expect(watch.requests.length).toBeGreaterThan(0);
}

describe('searching the archive in a browser', () => {
  it('desktop: search, narrow by country, open a result, follow a related document', async () => {
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      await searchNarrowOpenFollow(page, 'desktop', () => Promise.resolve());
      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('mobile (360 px): the same path, and nothing overflows sideways', async () => {
    const { page, watch, close } = await openPage({ ...MOBILE });
    try {
      await searchNarrowOpenFollow(page, 'mobile', async (where) => {
        // The page's own viewport meta tag makes the layout viewport the device's width.
        await expect(page.evaluate(() => window.innerWidth)).resolves.toBe(360);
        await expectNoHorizontalOverflow(page, 360, where);
      });
      // The search box and its button sit inside the viewport.
      await page.goto(`${vigil.url}/`);
      const boxRight = await page.getByLabel('Search the archive').evaluate((el) => el.getBoundingClientRect().right);
      const buttonRight = await page.getByRole('button', { name: 'Search' }).evaluate((el) => el.getBoundingClientRect().right);
      expect(boxRight).toBeLessThanOrEqual(360);
      expect(buttonRight).toBeLessThanOrEqual(360);
      expectClean(watch);
    } finally {
      await close();
    }
  });

  it('with JavaScript off, searching and narrowing still work', async () => {
    const { page, watch, close } = await openPage({ ...DESKTOP, javaScriptEnabled: false });
    try {
      await page.goto(`${vigil.url}/`);
      const box = page.getByLabel('Search the archive');
      await box.fill('refugees');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === 'refugees'), page.getByRole('button', { name: 'Search' }).click()]);
      const total = leadingNumber((await page.locator('p.summary').textContent()) ?? '');
      expect(total).toBeGreaterThan(0);
      expect(await page.locator('ol.hits mark').count()).toBeGreaterThan(0);
      // The country that narrows the most (the last one listed: facets are listed by count).
      const country = page.locator('#facet-country + ul > li').last();
      const countryName = ((await country.locator('a').textContent()) ?? '').trim();
      const facetCount = leadingNumber((await country.locator('.count').textContent()) ?? '');
      expect(facetCount).toBeGreaterThan(0);
      await Promise.all([page.waitForURL((url) => url.searchParams.has('country')), country.locator('a').click()]);
      await expect(page.locator('p.summary').textContent().then((text) => leadingNumber(text ?? ''))).resolves.toBe(facetCount);
      await expect(page.locator('ol.hits > li').count()).resolves.toBe(Math.min(facetCount, 10));
      await expect(page.locator('aside.facets li[aria-current="true"] strong').first().textContent()).resolves.toBe(countryName);
      await screenshot(page, 'nojs-facet');
      // Removing the filter brings back the whole result.
      await Promise.all([page.waitForURL((url) => !url.searchParams.has('country')), page.getByRole('link', { name: `All (remove ${countryName})` }).click()]);
      await expect(page.locator('p.summary').textContent().then((text) => leadingNumber(text ?? ''))).resolves.toBe(total);
      // The index number typed into the box opens its document, without script too.
      await page.getByLabel('Search the archive').fill('ASA 17/013/2002');
      await Promise.all([page.waitForURL(`${vigil.url}/documents/asa-17-013-2002`), page.getByLabel('Search the archive').press('Enter')]);
      await screenshot(page, 'nojs-document');
      expectClean(watch);
      // Scripts really were off: Chromium did not even fetch the site's script.
      expect(watch.requests.some((url) => url.includes('/assets/vigil.js'))).toBe(false);
    } finally {
      await close();
    }
  });

  it('keyboard: Tab reaches "Skip to content" first, then the search box; Enter submits', async () => {
    const { page, watch, close } = await openPage({ ...DESKTOP });
    try {
      await page.goto(`${vigil.url}/`);
      const focused = (): Promise<{ tag: string; text: string; id: string; href: string | null }> =>
        page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return { tag: el?.tagName ?? '', text: (el?.textContent ?? '').trim(), id: el?.id ?? '', href: el?.getAttribute('href') ?? null };
        });

      await page.keyboard.press('Tab');
      const skip = await focused();
      expect(skip).toMatchObject({ tag: 'A', text: 'Skip to content', href: '#main' });
      // The skip link is visible when it has focus.
      const box = await page.locator('a.skip').boundingBox();
      expect(box && box.x >= 0 && box.y >= 0 && box.width > 1).toBe(true);
      await screenshot(page, 'keyboard-1-skip-link');

      // Onward through the header: the site name, then the search box, before anything in the page body.
      const order: string[] = [];
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Tab');
        const now = await focused();
        order.push(now.id === 'q' ? 'search box' : `${now.tag} ${now.text}`);
        if (now.id === 'q') break;
      }
      expect(order).toEqual(['A Vigil archive', 'search box']);
      await screenshot(page, 'keyboard-2-search-box');

      // Typing and Enter submits the search.
      await page.keyboard.type('refugees');
      await Promise.all([page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'refugees'), page.keyboard.press('Enter')]);
      expect(await page.locator('ol.hits li').count()).toBeGreaterThan(0);

      // The skip link moves focus to the main content.
      await page.keyboard.press('Tab');
      expect(await focused()).toMatchObject({ text: 'Skip to content' });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      await page.keyboard.press('Tab');
      const afterSkip = await page.evaluate(() => Boolean(document.activeElement?.closest('main')));
      expect(afterSkip, 'the next Tab after the skip link lands inside the main content').toBe(true);
      // The focused link shows a focus ring that stands out on the white page (a dark inner ring).
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { outline: style.outlineStyle, shadow: style.boxShadow };
      });
      expect(ring.outline).toBe('solid');
      expect(ring.shadow).toContain('rgb(27, 31, 36)');
      await screenshot(page, 'keyboard-3-focus-in-main');

      // "/" moves to the search box (the site's small script).
      await page.locator('body').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press('/');
      expect((await focused()).id).toBe('q');
      expectClean(watch);
    } finally {
      await close();
    }
  });
});
