/**
 * The lab panel in real Chromium: solving the StatefulSet lab through the terminal turns every
 * task to done (checks re-run as the world changes), hints come one at a time, the solution sits
 * behind a spoiler warning, and after a reload the progress is still there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// Chromium on a shared 2-core machine: give each test room (the e2e config's default is 60 s).
vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { focusTerminal, openFreshLab, runLine, useLabSite, waitForLab } from './lab-helpers.ts';

const LAB = 'statefulset-identity';

const lab = useLabSite();

const run = (page: Page, line: string, done: (text: string) => boolean) => runLine(page, LAB, line, done);

const readyPods = (page: Page, names: string[]) =>
  page.waitForFunction((ns) => ns.every((n) => document.querySelector(`.pl-panel-view [data-pod="${n}"][data-state="ready"]`)), names, { timeout: 60_000 });

describe('lab panel', () => {
  it('marks every task done when the lab is solved in the terminal, and keeps progress over a reload', async () => {
    const page = await lab.chromium.browser.newPage();
    await openFreshLab(page, lab.site.url + 'petsets/petsets-to-statefulsets/', LAB);
    await page.waitForSelector('.pl-panel-tasks .pl-task');
    const tasks = await page.locator('.pl-task').count();
    expect(await page.locator('.pl-task[data-status="pass"]').count()).toBe(0);

    // Hints one at a time; the solution only after the spoiler warning.
    const firstHint = page.locator('.pl-task').first().locator('.pl-hint-button');
    await firstHint.click();
    expect(await page.locator('.pl-task').first().locator('.pl-hints li').count()).toBe(1);
    await page.getByRole('button', { name: 'Show solution' }).click();
    expect(await page.locator('.pl-solution-text').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Fast-forward ×10' }).click();
    await focusTerminal(page, LAB);
    await run(page, 'kubectl apply -f web.yaml', (t) => t.includes('statefulset.apps/web created'));
    await run(page, "sed -i 's/replicas: 2/replicas: 3/' web.yaml && kubectl apply -f web.yaml", (t) => t.includes('statefulset.apps/web configured'));
    await readyPods(page, ['web-0', 'web-1', 'web-2']);
    await run(page, "kubectl exec web-0 -- sh -c 'hostname > /usr/share/nginx/html/index.html'", (t) => t.endsWith("'\nroot@petlab:~#"));
    await run(page, 'kubectl delete pod web-0', (t) => t.includes('pod "web-0" deleted'));
    await page.waitForTimeout(1000);
    await readyPods(page, ['web-0', 'web-1', 'web-2']);
    await run(page, 'kubectl exec web-0 -- cat /usr/share/nginx/html/index.html', (t) => t.endsWith('\nweb-0\nroot@petlab:~#'));

    await page.waitForFunction((n) => document.querySelectorAll('.pl-task[data-status="pass"]').length === n, tasks, { timeout: 30_000 }).catch(async () => {
      const states = await page.locator('.pl-task').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-task-id')}: ${i.getAttribute('data-status')} ${i.querySelector('.pl-check')?.textContent}`));
      throw new Error(`not every task passed:\n${states.join('\n')}`);
    });
    expect(await page.locator('.pl-complete').isVisible()).toBe(true);

    // The live view draws each claim bound to its volume and mounted by its pod, and says so.
    const storage = await page.waitForFunction(
      () => {
        const view = document.querySelector('.pl-panel-view');
        const claims = [...(view?.querySelectorAll('[data-claim]') ?? [])].map((c) => `${c.getAttribute('data-claim')} ${c.getAttribute('data-phase')}`);
        const binds = [...(view?.querySelectorAll('.lv-bind') ?? [])].map((l) => l.getAttribute('data-binds')?.split(' ')[0]);
        // each pod's claim hangs under it: a focusable mount with its connector
        const mounts = [...(view?.querySelectorAll('[data-mounted-by]') ?? [])].map((c) => c.getAttribute('data-mounted-by'));
        const mountLabels = [...(view?.querySelectorAll('.lv-mount[tabindex]') ?? [])]
          .filter((c) => c.querySelector('.lv-link'))
          .map((c) => (c.getAttribute('aria-label') ?? '').replace(/pvc-[0-9a-f-]{36}/, 'pvc-…'));
        const volumes = view?.querySelectorAll('[data-volume][data-phase="Bound"]').length ?? 0;
        const text = [...(view?.querySelectorAll('.lv-text li') ?? [])].map((li) => li.textContent ?? '').filter((t) => t.startsWith('Persistent') || t.includes(' mounts claim '));
        return claims.length === 3 && binds.length === 3 && volumes === 3 ? { claims, binds, mounts, mountLabels, text: text.map((t) => t.replace(/pvc-[0-9a-f-]{36}/g, 'pvc-…').replace(/petlab-worker2?/g, 'NODE')).sort() } : false;
      },
      null,
      { timeout: 30_000 },
    );
    expect(await storage.jsonValue()).toEqual({
      claims: ['www-web-0 Bound', 'www-web-1 Bound', 'www-web-2 Bound'],
      binds: ['www-web-0', 'www-web-1', 'www-web-2'],
      mounts: ['web-0', 'web-1', 'web-2'],
      mountLabels: ['web-0 mounts claim www-web-0 (bound to pvc-…)', 'web-1 mounts claim www-web-1 (bound to pvc-…)', 'web-2 mounts claim www-web-2 (bound to pvc-…)'],
      text: [
        'web-0 mounts claim www-web-0 (bound to pvc-…).',
        'web-1 mounts claim www-web-1 (bound to pvc-…).',
        'web-2 mounts claim www-web-2 (bound to pvc-…).',
        'PersistentVolumeClaim www-web-0 (1Gi, RWO) is Bound to volume pvc-…; mounted by web-0.',
        'PersistentVolumeClaim www-web-1 (1Gi, RWO) is Bound to volume pvc-…; mounted by web-1.',
        'PersistentVolumeClaim www-web-2 (1Gi, RWO) is Bound to volume pvc-…; mounted by web-2.',
        'PersistentVolume pvc-… (1Gi, RWO, standard, Delete, on NODE) is Bound to claim www-web-0.',
        'PersistentVolume pvc-… (1Gi, RWO, standard, Delete, on NODE) is Bound to claim www-web-1.',
        'PersistentVolume pvc-… (1Gi, RWO, standard, Delete, on NODE) is Bound to claim www-web-2.',
      ].sort(),
    });

    await page.evaluate((id) => (window as unknown as { petlabWorkspaces: Record<string, { save(): void }> }).petlabWorkspaces[id].save(), LAB);
    await page.reload();
    await waitForLab(page, LAB);
    await page.waitForFunction((n) => document.querySelectorAll('.pl-task[data-status="pass"]').length === n, tasks, { timeout: 60_000 });
    expect(await page.locator('.pl-task').first().locator('.pl-hints li').count()).toBe(1);

    // The reference solution loads only when shown (it is not needed for the prompt).
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('button', { name: 'Yes, show the solution' }).click();
    await expect.poll(() => page.locator('.pl-solution-text').textContent()).toBe(readFileSync(join(import.meta.dirname, '../../labs', LAB, 'solution.sh'), 'utf8'));
    await page.close();
  });
});
