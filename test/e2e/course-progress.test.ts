/**
 * The landing page's course-wide progress in real Chromium, under the /course/ base: the empty
 * state before any lab; then part of the PID-namespaces lab solved through its terminal, and the
 * landing page counting those tasks (per lab, per module, course total) with links to the
 * lessons — while loading no lab code itself.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { watchPage } from './harness/index.ts';
import { focusTerminal, useLabSite, waitForLab, waitForTerminal } from './lab-helpers.ts';

const LAB = 'pid-namespaces';

const lab = useLabSite();

/** Each lab row of the progress list: id, link, counts and the words shown. */
function labRows(page: Page) {
  return page.locator('#course-progress li[data-lab-id]').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-lab-id'),
      module: li.closest('[data-module]')?.getAttribute('data-module'),
      href: li.querySelector('a')?.getAttribute('href'),
      status: li.getAttribute('data-status'),
      text: li.textContent?.replace(/\s+/g, ' ').trim(),
    })),
  );
}

async function axeSerious(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const result = await (window as unknown as { axe: { run(context: string): Promise<Result> } }).axe.run('.course-progress');
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('course progress on the landing page', () => {
  it('says no lab was started yet, then counts the tasks done in a lab, with links under /course/', async () => {
    const page = await lab.chromium.browser.newPage();
    const problems = watchPage(page);
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(lab.site.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => page.locator('#course-progress').getAttribute('data-started')).toBe('0');
    const first = page.locator('#course-progress .cp-empty');
    expect(await first.textContent()).toBe('No labs started yet. Start with the lab Containers are processes: PID and UTS namespaces; your progress is kept in this browser and shows here.');
    expect(await first.locator('a').getAttribute('href')).toBe('/course/linux-namespaces/pid-and-uts-namespaces/');
    // The landing page loads no lab, shell or emulator code.
    expect(scripts.filter((u) => /mount|workspace|xterm|engine|cluster|lab-panel|live-view|lab\./.test(u.split('/').pop() ?? ''))).toEqual([]);

    // Three of the lab's four tasks, through the terminal.
    await page.goto(lab.site.url + 'linux-namespaces/pid-and-uts-namespaces/');
    await waitForLab(page, LAB);
    await focusTerminal(page, LAB);
    await page.keyboard.type('unshare --pid --fork --mount-proc --uts bash');
    await page.keyboard.press('Enter');
    await page.keyboard.type('hostname pet-1');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, LAB, (t) => t.endsWith('hostname pet-1\nroot@pet-1:~#'), 30_000);
    await page.waitForFunction(() => document.querySelectorAll('.pl-task[data-status="pass"]').length === 3, null, { timeout: 30_000 });

    // Leaving the lesson saves the lab (pagehide), as a learner's navigation does.
    await page.goto(lab.site.url);
    await expect.poll(() => page.locator('#course-progress').getAttribute('data-started')).toBe('1');
    expect(await page.locator('#course-progress .cp-total').textContent()).toBe('3 of 15 tasks done across the course’s 3 labs (1 started).');
    expect(await labRows(page)).toEqual([
      { id: 'pid-namespaces', module: 'linux-namespaces', href: '/course/linux-namespaces/pid-and-uts-namespaces/', status: 'started', text: 'Containers are processes: PID and UTS namespaces 3 of 4 tasks done' },
      { id: 'user-defined-bridge-dns', module: 'docker-networking', href: '/course/docker-networking/default-bridge/', status: 'not started', text: 'User-defined bridges: containers that find each other by name 0 of 4 tasks done — not started' },
      { id: 'statefulset-identity', module: 'petsets', href: '/course/petsets/petsets-to-statefulsets/', status: 'not started', text: 'StatefulSets: stable names, stable DNS, ordered start 0 of 7 tasks done — not started' },
    ]);
    expect(await page.locator('#course-progress .cp-module').allTextContents()).toEqual(['Linux namespaces', 'Docker networking', 'PetSets to StatefulSets']);
    expect(await axeSerious(page)).toEqual([]);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    expect(await axeSerious(page)).toEqual([]);
    // A request cut short because the test navigated on (reload, lab → landing page) is aborted
    // by Chromium, not failed by the site: Starlight's search loads its ui-core chunk on idle.
    const failed = problems.failedRequests.filter((r) => !r.endsWith('(net::ERR_ABORTED)'));
    expect({ errors: problems.errors, failedRequests: failed }).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});
