/**
 * The editor in real Chromium: Monaco loads only on demand, the YAML schema flags a misspelled
 * field, the fix clears it, Apply runs `kubectl apply -f` in the terminal, and the live view
 * follows the StatefulSet to web-0..2 after scaling in the editor; the saved file survives a
 * reload.
 */
import { describe, expect, it, vi } from 'vitest';

// Chromium on a shared 2-core machine: give each test room (the e2e config's default is 60 s).
vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { watchPage } from './harness/index.ts';
import { focusTerminal, openFreshLab, useLabSite, waitForLab, waitForTerminal } from './lab-helpers.ts';

const STS_PAGE = 'petsets/petsets-to-statefulsets/';
const LAB = 'statefulset-identity';

const lab = useLabSite();

/** Replaces the first `from` in the editor: find it with Ctrl+F (which selects it), then type `to`. */
async function replaceText(page: Page, from: string, to: string): Promise<void> {
  await page.locator('.ed-surface .native-edit-context, .ed-surface textarea.inputarea').first().focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.locator('.ed-surface .find-widget textarea, .ed-surface .find-widget input').first().fill(from);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.type(to);
  await page.keyboard.press('Escape');
}

async function problems(page: Page): Promise<string[]> {
  return page.locator('.ed-problems li').allTextContents();
}

describe('lab editor', () => {
  it('shows a schema error for a misspelled field, applies the fixed manifest and the view follows', async () => {
    const page = await lab.chromium.browser.newPage();
    const watched = watchPage(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await openFreshLab(page, lab.site.url + STS_PAGE, LAB);
    expect(requests.filter((u) => /monaco|editor\.worker|yaml\.worker/.test(u))).toEqual([]);

    await page.getByRole('button', { name: 'Open the editor' }).click();
    await page.waitForSelector('.ed-surface .view-line', { timeout: 60_000 });
    await page.waitForSelector('.ed-file[data-path="/root/web.yaml"][aria-current="true"]');

    await replaceText(page, 'serviceName', 'serviceNmae');
    await page.waitForFunction(() => [...document.querySelectorAll('.ed-problems li')].some((li) => li.textContent?.includes('serviceNmae')), null, { timeout: 30_000 });
    expect(await problems(page)).toEqual(['Line 20: Property serviceNmae is not allowed.']);
    expect(await page.locator('.ed-surface .squiggly-warning, .ed-surface .squiggly-error').count()).toBeGreaterThan(0);

    await replaceText(page, 'serviceNmae', 'serviceName');
    await page.waitForFunction(() => document.querySelectorAll('.ed-problems li').length === 0, null, { timeout: 30_000 });
    await replaceText(page, 'replicas: 2', 'replicas: 3');
    await page.getByRole('button', { name: 'Apply with kubectl' }).click();

    await waitForTerminal(page, LAB, (t) => t.includes('# kubectl apply -f web.yaml\nservice/nginx created\nstatefulset.apps/web created'));
    await page.getByRole('button', { name: 'Fast-forward ×10' }).click();
    await page.waitForFunction(
      () => ['web-0', 'web-1', 'web-2'].every((p) => document.querySelector(`.pl-panel-view [data-pod="${p}"][data-state="ready"]`)),
      null,
      { timeout: 60_000 },
    );
    const timeline = await page.locator('.lv-events li').allTextContents();
    expect(timeline.some((e) => /web-2/.test(e))).toBe(true);

    await focusTerminal(page, LAB);
    await page.keyboard.type('kubectl get statefulset web');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, LAB, (t) => /kubectl get statefulset web\nNAME +READY +AGE\nweb +3\/3 /.test(t));

    await page.evaluate((id) => (window as unknown as { petlabWorkspaces: Record<string, { save(): void }> }).petlabWorkspaces[id].save(), LAB);
    await page.reload();
    await waitForLab(page, LAB);
    await focusTerminal(page, LAB);
    await page.keyboard.type('grep replicas web.yaml');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, LAB, (t) => t.endsWith('grep replicas web.yaml\n  replicas: 3\nroot@petlab:~#'));
    await page.waitForFunction(() => document.querySelectorAll('.pl-panel-view [data-pod^="web-"][data-state="ready"]').length >= 3, null, { timeout: 30_000 });
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
