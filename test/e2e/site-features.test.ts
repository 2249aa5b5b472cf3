// Search, theme, keyboard navigation, lesson structure and accessibility of the built site.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSite, watchPage } from './harness/index.ts';
import type { StaticServer, TestBrowser } from './harness/index.ts';

const LESSONS = [
  'pets-and-cattle/pets-vs-cattle/',
  'linux-namespaces/pid-and-uts-namespaces/',
  'docker-networking/default-bridge/',
  'petsets/petsets-to-statefulsets/',
];
let site: StaticServer;
let chromium: TestBrowser;
let browser: Browser;

beforeAll(async () => {
  site = await openSite();
  chromium = await launchBrowser();
  browser = chromium.browser;
});
afterAll(async () => {
  await chromium?.close();
  await site?.close();
});

async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const response = await page.goto(site.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

describe('search', () => {
  it('finds a lesson by a word from its body, and the result link works under the base path', async () => {
    const page = await open('pets-and-cattle/pets-vs-cattle/');
    const problems = watchPage(page);
    await page.click('button[data-open-modal]');
    await page.locator('#starlight__search input').fill('masquerades');
    const result = page.locator('.pagefind-ui__result-link[href="/course/docker-networking/default-bridge/"]');
    await expect.poll(() => result.count()).toBe(1);
    await result.click();
    await page.waitForURL(`${site.url}docker-networking/default-bridge/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('The default bridge');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});

describe('theme', () => {
  it('the theme select switches between light and dark and remembers the choice', async () => {
    const page = await open('');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('light');
    expect(await theme()).toBe('light');
    await select.selectOption('dark');
    expect(await theme()).toBe('dark');
    await page.reload();
    expect(await theme()).toBe('dark');
    await page.close();
  });
});

describe('keyboard', () => {
  it('Tab reaches the sidebar: first its first group, then its first link', async () => {
    const page = await open('petsets/petsets-to-statefulsets/');
    let reached = '';
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest('nav[aria-label="Main"]') ? (el.textContent ?? '').trim() : '';
      });
    }
    expect(reached).toBe('Start here');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('About the course');
    await page.keyboard.press('Enter');
    await page.waitForURL(site.url);
    await page.close();
  });

  it('on a phone, the menu button opens the sidebar', async () => {
    const page = await open('docker-networking/default-bridge/', { width: 390, height: 800 });
    await expect.poll(() => page.locator('site-search button[data-open-modal]').getAttribute('aria-label')).toBe(null);
    expect(await page.locator('site-search button[data-open-modal]').textContent()).toContain('Search');
    const sidebarLink = page.locator('nav[aria-label="Main"] a', { hasText: 'Pets vs cattle' });
    expect(await sidebarLink.isVisible()).toBe(false);
    await page.click('button[popovertarget="starlight__sidebar"]');
    await expect.poll(() => sidebarLink.isVisible()).toBe(true);
    await page.close();
  });
});

describe('lessons', () => {
  it.each(LESSONS)('%s shows its module, objectives and a diagram with alt text', async (path) => {
    const page = await open(path);
    const facts = await page.locator('.lesson-facts').textContent();
    expect(facts).toMatch(/^Module: .+Lesson 1About \d+ minutes/);
    expect(await page.locator('.lesson-objectives li').count()).toBeGreaterThanOrEqual(3);
    const diagrams = await page.locator('.sl-markdown-content img[src$=".svg"]').evaluateAll((imgs) =>
      imgs.map((img) => ({ alt: (img as HTMLImageElement).alt, loaded: (img as HTMLImageElement).naturalWidth > 0 })),
    );
    expect(diagrams.length).toBeGreaterThanOrEqual(1);
    for (const d of diagrams) expect(d.alt.length).toBeGreaterThan(40);
    await page.close();
  });

  it('prerequisites link to the lessons by title', async () => {
    const page = await open('docker-networking/default-bridge/');
    const links = await page.locator('.lesson-prerequisites a').evaluateAll((as) =>
      as.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(links).toEqual([['Containers are processes: PID and UTS namespaces', '/course/linux-namespaces/pid-and-uts-namespaces/']]);
    await page.close();
  });

  it('the sidebar groups lessons by module, in course order', async () => {
    const page = await open(LESSONS[0]);
    const groups = await page
      .locator('nav[aria-label="Main"] details > summary')
      .evaluateAll((els) => els.map((e) => e.textContent?.trim()));
    expect(groups).toEqual([
      'Start here',
      'Pets and cattle',
      'Linux namespaces',
      'Docker networking',
      'PetSets to StatefulSets',
      'Teach with Petlab',
    ]);
    await page.close();
  });

  it('the landing page lists every module with its lessons and has the progress container', async () => {
    const page = await open('');
    const modules = await page.locator('.course-map section').evaluateAll((els) =>
      els.map((s) => ({ id: s.id, lessons: [...s.querySelectorAll('li a')].map((a) => a.getAttribute('href')) })),
    );
    expect(modules).toEqual([
      { id: 'pets-and-cattle', lessons: ['/course/pets-and-cattle/pets-vs-cattle/'] },
      { id: 'linux-namespaces', lessons: ['/course/linux-namespaces/pid-and-uts-namespaces/'] },
      { id: 'docker-networking', lessons: ['/course/docker-networking/default-bridge/'] },
      { id: 'petsets', lessons: ['/course/petsets/petsets-to-statefulsets/'] },
    ]);
    expect(await page.locator('#course-progress').count()).toBe(1);
    await page.close();
  });
});

describe('accessibility', () => {
  const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.waitForLoadState('networkidle');
    // Labs mount after load; check the page as the learner sees it, lab included.
    await expect.poll(() => page.locator('.petlab-lab[data-state="loading"]').count(), { timeout: 30_000 }).toBe(0);
    await page.addScriptTag({ path: axeSource });
    return page.evaluate(async () => {
      type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run(): Promise<Result> } }).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  it.each(['', ...LESSONS])('axe finds no serious or critical issue on /%s', async (path) => {
    const page = await open(path);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('axe finds no serious or critical issue on a lesson on a phone, in light and dark', async () => {
    const page = await open(LESSONS[1], { width: 390, height: 800 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
