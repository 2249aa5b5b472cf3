/**
 * A nested shell in real Chromium, on the Linux lab page: the live view loads no Docker or
 * Kubernetes code until the world has Docker; inside `docker exec -it box sh` Tab completes
 * from the container (no kubectl there; /etc of the container's file system); and the diagram
 * draws the container once the engine runs.
 */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { focusTerminal, lastLine, openFreshLab, runLine, useLabSite, waitForTerminal } from './lab-helpers.ts';

const LAB = 'pid-namespaces';

const lab = useLabSite();

/** Script chunks the page fetched, by file name. */
function chunks(page: Page): Promise<string[]> {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop() ?? '').filter((n) => n.endsWith('.js')));
}

const run = (page: Page, line: string, done: (text: string) => boolean) => runLine(page, LAB, line, done);

describe('nested shells', () => {
  it('completes from the container inside docker exec -it, and the live view loads Docker only once it runs', async () => {
    const page = await lab.chromium.browser.newPage();
    const problems = await openFreshLab(page, lab.site.url + 'linux-namespaces/pid-and-uts-namespaces/', LAB);
    await page.waitForSelector('.pl-panel-view .lv-svg');
    await page.waitForTimeout(500);
    // The Linux lab's diagram has no Docker or Kubernetes reader, nor their emulators.
    expect((await chunks(page)).filter((n) => /^(engine|cluster|read-kube|read-docker|store|resources)\./.test(n))).toEqual([]);

    await focusTerminal(page, LAB);
    await run(page, 'docker run -dit --name box busybox sh', (t) => /\n[0-9a-f]{64}\nroot@petlab:~#$/.test(t));
    await page.waitForSelector('.pl-panel-view [data-container="box"]', { timeout: 30_000 });
    expect((await chunks(page)).some((n) => n.startsWith('read-docker.'))).toBe(true);
    expect((await chunks(page)).some((n) => n.startsWith('read-kube.') || n.startsWith('cluster.'))).toBe(false);

    await run(page, 'docker exec -it box sh', (t) => lastLine(t) !== 'root@petlab:~#' && lastLine(t).endsWith('#'));
    const prompt = lastLine(await waitForTerminal(page, LAB, () => true));
    // ku<Tab><Tab>: busybox has no kubectl (the host's shell would complete it).
    await page.keyboard.type('ku');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(lastLine(await waitForTerminal(page, LAB, () => true))).toBe(`${prompt} ku`);
    await page.keyboard.press('Control+U');
    // /et<Tab> completes from the container's root; a file made inside completes too.
    await run(page, 'touch /tmp/inside-only', (t) => lastLine(t) === prompt && t.includes('inside-only'));
    await page.keyboard.type('ls /tmp/ins');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, LAB, (t) => lastLine(t) === `${prompt} ls /tmp/inside-only`);
    await page.keyboard.press('Control+U');
    await page.keyboard.type('cat /et');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, LAB, (t) => lastLine(t) === `${prompt} cat /etc/`);
    await page.keyboard.press('Control+U');
    await run(page, 'exit', (t) => lastLine(t) === 'root@petlab:~#');
    // Back on the host: kubectl completes again.
    await page.keyboard.type('kubec');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, LAB, (t) => lastLine(t) === 'root@petlab:~# kubectl');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});
