/**
 * Issue 3: the model document (ASA 17/013/2002, copied unchanged from
 * ../shared/seed) imported and shown faithfully, as a reader sees it in the
 * browser; its index number typed into the search box opens it; and the
 * printed page carries the document without the site around it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, screenshot, startVigil, watchPage, type PageWatch, type RunningVigil } from '../helpers/browser.ts';

const SLUG = 'asa-17-013-2002';
const TITLE = 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees';

let vigil: RunningVigil;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  [vigil, browser] = await Promise.all([startVigil(), launchBrowser()]);
  context = await browser.newContext({ ...DESKTOP });
  page = await context.newPage();
  watch = watchPage(page, vigil.url);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await vigil?.stop();
});

/** The text of the one element a selector finds, as rendered (CSS applied), checking that it is shown. */
async function shown(selector: string): Promise<string> {
  const locator = page.locator(selector);
  expect(await locator.count(), `${selector} is on the page once`).toBe(1);
  expect(await locator.isVisible(), `${selector} is visible`).toBe(true);
  return (await locator.innerText()).trim();
}

describe('the model document in the browser', () => {
  it('shows the public statement faithfully', async () => {
    const response = await page.goto(`${vigil.url}/documents/${SLUG}`);
    expect(response?.status()).toBe(200);
    await page.locator('article.document h1').waitFor();

    // The header as issued: organisation, type, date, index and news service number.
    const organisation = await shown('article.document .organisation');
    expect(organisation.toLowerCase()).toBe('amnesty international');
    await expect(page.locator('article.document .organisation').textContent()).resolves.toBe('Amnesty International');
    expect(await shown('article.document .type')).toBe('Public Statement');
    const headerLine = await shown('article.document .header-line');
    expect(headerLine).toContain('27 March 2002');
    expect(headerLine).toContain('ASA 17/013/2002');
    expect(headerLine).toContain('News Service Nr. 56');
    await expect(page.locator('article.document .header-line time').getAttribute('datetime')).resolves.toBe('2002-03-27');
    expect(await shown('article.document .header-line .index')).toBe('ASA 17/013/2002');

    // The title, exactly, with its quotation marks: the one h1, and the window title.
    expect(await page.locator('h1').count()).toBe(1);
    expect(await shown('article.document h1')).toBe(TITLE);
    await expect(page.title()).resolves.toBe(`${TITLE} (ASA 17/013/2002) · Vigil archive`);

    // The body: its first paragraph, the Background section, in order.
    const body = await page.locator('article.document').innerText();
    expect(body).toContain('Amnesty International expressed concern today that the Chinese government\'s recent announcement of a renewed crackdown in April on "illegal immigrants" is aimed at North Koreans.');
    expect(body).toContain('Until then the authorities should cease detentions and forcible repatriations.');
    const background = page.getByRole('heading', { level: 2, name: 'Background', exact: true });
    expect(await background.count()).toBe(1);
    expect(await background.isVisible()).toBe(true);
    expect(body).toContain('Tens of thousands of starving North Koreans have fled their country over the past few years');
    expect(body).toContain('Various sources have reported that some North Korean women have been sold as brides.');
    expect(body.indexOf('expressed concern today')).toBeLessThan(body.indexOf('Background'));
    expect(body.indexOf('Background')).toBeLessThan(body.indexOf('Tens of thousands'));
    // No markdown or escape characters leak into what the reader sees.
    expect(body).not.toMatch(/[*#\\]/);

    // The end of the document: the end marker, the distribution and the press contact.
    expect(await shown('article.document .end-marker')).toBe('ENDS');
    expect(await shown('article.document .distribution')).toMatch(/^Distribution: public\b/);
    const contact = await shown('article.document address.contact');
    expect(contact).toContain("For more information please call Amnesty International's press office in London, UK, on +44 20 7413 5566");
    expect(contact).toContain('1 Easton St., London WC1X 0DW');
    expect(body.indexOf('sold as brides')).toBeLessThan(body.indexOf('ENDS'));
    expect(body.indexOf('ENDS')).toBeLessThan(body.indexOf('+44 20 7413 5566'));

    // Where it belongs: China and North Korea, in English, at its permanent address.
    const about = await shown('section.about');
    expect(about).toContain('China');
    expect(about).toContain('North Korea');
    expect(about).toContain(`${vigil.url}/documents/${SLUG}`);
    await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${vigil.url}/documents/${SLUG}`);
    await expect(page.locator('article.document').getAttribute('lang')).resolves.toBe('en');

    await screenshot(page, 'model-document');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('opens from its index number typed into the search box', async () => {
    await page.goto(`${vigil.url}/`);
    const box = page.getByLabel('Search the archive');
    await box.fill('asa170132002');
    await Promise.all([page.waitForURL(`${vigil.url}/documents/${SLUG}`), box.press('Enter')]);
    expect(await shown('article.document h1')).toBe(TITLE);

    // The way it is printed on the page works as well.
    await page.getByLabel('Search the archive').fill('ASA 17/013/2002');
    await Promise.all([page.waitForURL(`${vigil.url}/documents/${SLUG}`), page.getByRole('button', { name: 'Search' }).click()]);
    expect(await shown('article.document .header-line .index')).toBe('ASA 17/013/2002');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('prints without the site header, footer and search box', async () => {
    await page.goto(`${vigil.url}/documents/${SLUG}`);
    await page.locator('article.document h1').waitFor();
    expect(await page.locator('header.site').isVisible()).toBe(true);
    expect(await page.locator('form.search').isVisible()).toBe(true);
    try {
      await page.emulateMedia({ media: 'print' });
      await expect(page.evaluate(() => window.matchMedia('print').matches)).resolves.toBe(true);
      for (const selector of ['header.site', 'footer.site', 'form.search', '#q', 'a.skip', 'section.related', 'section.about']) {
        expect(await page.locator(selector).isVisible(), `${selector} is hidden in print`).toBe(false);
      }
      // What is printed is the document itself.
      for (const selector of ['article.document h1', 'article.document .header-line', 'article.document .end-marker', 'article.document address.contact']) {
        expect(await page.locator(selector).isVisible(), `${selector} is printed`).toBe(true);
      }
      expect(await page.locator('article.document h1').innerText()).toBe(TITLE);
      await screenshot(page, 'model-document-print');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await page.locator('header.site').isVisible()).toBe(true);
  });
});
