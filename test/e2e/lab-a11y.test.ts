/**
 * axe-core on a lab page, dark and light theme: no serious or critical violation, with the lab
 * loaded and its panels (tasks, live view, editor controls) rendered.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

// Chromium on a shared 2-core machine: give each test room (the e2e config's default is 60 s).
vi.setConfig({ testTimeout: 240_000 });
import { useLabSite, waitForLab } from './lab-helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const lab = useLabSite();

describe('lab page accessibility', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`has no serious or critical axe violation in the ${theme} theme`, async () => {
      const page = await lab.chromium.browser.newPage();
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(lab.site.url + 'petsets/petsets-to-statefulsets/');
      await waitForLab(page, 'statefulset-identity');
      await page.waitForSelector('.pl-panel-view svg');
      await page.waitForSelector('.pl-panel-tasks .pl-task');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  }
});
