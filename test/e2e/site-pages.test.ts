// Every page of the built site, served under /course/: answers 200, shows its title, logs no
// errors, and links only to things that exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { E2E_BASE, launchBrowser, openSite, sitePages, watchPage } from './harness/index.ts';
import type { StaticServer, TestBrowser } from './harness/index.ts';

let site: StaticServer;
let chromium: TestBrowser;
let browser: Browser;
const pages = sitePages();
/** Every same-origin URL found on any page, with the page that links to it. */
const found = new Map<string, string>();
/** The ids on each page, for checking `#fragment` links. */
const idsByPage = new Map<string, Set<string>>();
/** Each page's `<link rel="canonical">`. */
const canonical = new Map<string, string | null>();
/** The public origin `npm run build:e2e` gives as PETLAB_SITE. */
const PUBLIC_SITE = 'https://petlab.example';

beforeAll(async () => {
  site = await openSite();
  chromium = await launchBrowser();
  browser = chromium.browser;
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

describe('every page', () => {
  it('the build has the landing page and the first lesson of every module', () => {
    expect(pages).toEqual(
      expect.arrayContaining([
        '',
        'pets-and-cattle/pets-vs-cattle/',
        'linux-namespaces/pid-and-uts-namespaces/',
        'docker-networking/default-bridge/',
        'petsets/petsets-to-statefulsets/',
      ]),
    );
  });

  it.each(pages.map((p) => [p || '(landing page)', p]))('%s answers 200, shows its title, logs no errors', async (_name, path) => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    const response = await page.goto(site.url + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const title = (await page.title()).replace(/ \| Petlab$/, '');
    expect(title.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
    const links = await page.evaluate(() => {
      const urls = [
        ...[...document.querySelectorAll('a[href], link[href]')].map((e) => (e as HTMLAnchorElement).href),
        ...[...document.querySelectorAll('script[src], img[src], source[src]')].map((e) => (e as HTMLImageElement).src),
      ];
      return { urls, ids: [...document.querySelectorAll('[id]')].map((e) => e.id) };
    });
    idsByPage.set(new URL(page.url()).pathname, new Set(links.ids));
    canonical.set(path, await page.locator('link[rel="canonical"]').getAttribute('href'));
    for (const url of links.urls) if (url.startsWith(site.origin) && !found.has(url)) found.set(url, path);
    await page.waitForLoadState('networkidle');
    // A page's labs (if any) get through both boot phases (prompt, then the lab's world) to ready:
    // a lab that failed to load or whose setup failed (`failed`, `setup-failed`) never gets there.
    const labs = page.locator('.petlab-lab');
    if ((await labs.count()) === 0) {
      // A page without a lab carries none of the lab's styles either (they come with its chunks).
      const inlineStyles = await page.evaluate(() => [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n'));
      expect(inlineStyles).not.toMatch(/\.petlab-lab|\.pl-task|\.xterm/);
    }
    await expect
      .poll(() => labs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state ?? '(none)')), { timeout: 30_000 })
      .toEqual(Array.from({ length: await labs.count() }, () => 'ready'));
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});

describe('the crawl', () => {
  it('found internal links, all under the base path', () => {
    expect(found.size).toBeGreaterThan(20);
    const outside = [...found].filter(([url]) => !new URL(url).pathname.startsWith(E2E_BASE));
    expect(outside).toEqual([]);
  });

  it('every internal link and asset answers 200, and every #fragment exists', async () => {
    const broken: string[] = [];
    for (const [url, from] of found) {
      const { pathname, hash } = new URL(url);
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) broken.push(`${response.status} ${url} (linked from /${from})`);
      const ids = idsByPage.get(pathname);
      const id = decodeURIComponent(hash.slice(1));
      if (id && id !== '_top' && ids && !ids.has(id)) broken.push(`missing #${id} on ${pathname} (linked from /${from})`);
    }
    expect(broken).toEqual([]);
  });

  it('PETLAB_SITE and the base make each page’s canonical URL and the sitemap', async () => {
    expect(Object.fromEntries(canonical)).toEqual(Object.fromEntries(pages.map((p) => [p, `${PUBLIC_SITE}${E2E_BASE}${p}`])));
    const index = await (await fetch(`${site.url}sitemap-index.xml`)).text();
    expect(index).toContain(`<loc>${PUBLIC_SITE}${E2E_BASE}sitemap-0.xml</loc>`);
    const sitemap = await (await fetch(`${site.url}sitemap-0.xml`)).text();
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.sort()).toEqual(pages.map((p) => `${PUBLIC_SITE}${E2E_BASE}${p}`).sort());
  });

  it('a page that does not exist gets the 404 page', async () => {
    const response = await fetch(`${site.url}no-such-lesson/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Page not found');
  });
});
