/**
 * The live view on a 360 px phone, in real Chromium: with the StatefulSet lab's web.yaml
 * applied and scaled to 6, the diagram draws at its narrow width (two chips a row, no sideways
 * scroll), each pod's claim hangs under it with its connector, and the diagram is one tab stop
 * whose arrow keys walk from a pod to the claim it mounts (its accessible name says so).
 */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { focusTerminal, openFreshLab, runLine, useLabSite } from './lab-helpers.ts';

const LAB = 'statefulset-identity';

const lab = useLabSite();

const run = (page: Page, line: string, done: (text: string) => boolean) => runLine(page, LAB, line, done);

describe('live view at 360 px', () => {
  it('draws pods two a row with their claims hung under them, no sideways scroll, one tab stop with arrow keys', async () => {
    const page = await lab.chromium.browser.newPage({ viewport: { width: 360, height: 780 } });
    const problems = await openFreshLab(page, lab.site.url + 'petsets/petsets-to-statefulsets/', LAB);
    await page.getByRole('button', { name: 'Fast-forward ×10' }).click();
    await focusTerminal(page, LAB);
    await run(page, 'kubectl apply -f web.yaml', (t) => t.includes('statefulset.apps/web created'));
    await run(page, 'kubectl scale sts web --replicas=6', (t) => t.includes('statefulset.apps/web scaled'));
    const names = Array.from({ length: 6 }, (_, i) => `web-${i}`);
    await page.waitForFunction(
      (ns) => ns.every((n) => document.querySelector(`.pl-panel-view [data-key="mount/${n}/www-${n}"].state-ready`)),
      names,
      { timeout: 90_000 },
    );
    const layout = await page.evaluate(() => {
      const figure = document.querySelector('.pl-panel-view .lv-figure') as HTMLElement;
      const svg = figure.querySelector('svg') as SVGSVGElement;
      const box = (key: string) => (figure.querySelector(`[data-key="${key}"] > rect`) as SVGRectElement).getBoundingClientRect();
      const columns = new Set([0, 1, 2, 3, 4, 5].map((i) => Math.round(box(`pod/web-${i}`).left)));
      const under = [0, 1, 2, 3, 4, 5].every((i) => {
        const pod = box(`pod/web-${i}`);
        const claim = box(`mount/web-${i}/www-web-${i}`);
        return claim.top > pod.bottom && claim.left > pod.left && claim.right <= pod.right + 0.5;
      });
      return {
        narrow: svg.classList.contains('lv-narrow'),
        scrolls: figure.scrollWidth > figure.clientWidth,
        columns: columns.size,
        under,
        links: figure.querySelectorAll('.lv-mount .lv-link').length,
      };
    });
    expect(layout).toEqual({ narrow: true, scrolls: false, columns: 2, under: true, links: 6 });

    // One tab stop: Tab enters the diagram at web-0, → reaches the claim it mounts, Tab leaves.
    expect(await page.locator('.pl-panel-view .lv-figure [tabindex="0"]').count()).toBe(1);
    await page.locator('.pl-panel-view [data-key="pod/web-0"]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.replace(/pvc-[0-9a-f-]{36}/, 'pvc-…'));
    expect(focused).toBe('web-0 mounts claim www-web-0 (bound to pvc-…)');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.querySelector('.pl-panel-view .lv-figure')?.contains(document.activeElement))).toBe(false);
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toBe('mount/web-0/www-web-0');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});
