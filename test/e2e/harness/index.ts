/**
 * The browser-test harness, for site and lab tests alike:
 *
 *   const site = await openSite();          // serves the e2e build under /course/
 *   const { browser, close } = await launchBrowser();
 *   const page = await browser.newPage();
 *   await page.goto(site.url + 'petsets/petsets-to-statefulsets/');
 *
 * The e2e build is made by `npm run build:e2e` (part of `npm test`).
 */
export { CHROMIUM_FLAGS, DEFAULT_CHROME, findChrome, launchBrowser } from './browser.ts';
export type { TestBrowser } from './browser.ts';
export { serveDist } from './serve.ts';
export type { StaticServer } from './serve.ts';
export { E2E_BASE, E2E_DIST, openSite, sitePages } from './site.ts';
export { watchPage } from './watch-page.ts';
export type { PageProblems } from './watch-page.ts';
