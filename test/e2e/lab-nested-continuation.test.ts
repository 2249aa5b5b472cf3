/**
 * A continuation prompt inside a nested shell, in real Chromium on the Linux lab page: inside
 * `docker exec -it box sh`, after `for f in /et` and Enter, Tab at the `> ` prompt completes
 * from the container (a directory made only there; `ku` finds no kubectl, as busybox has none),
 * the loop then runs in the container, and Ctrl-C at `> ` returns to the container's prompt.
 */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import type { Page } from 'playwright-core';
import { focusTerminal, lastLine, openFreshLab, runLine, useLabSite, waitForTerminal } from './lab-helpers.ts';

const LAB = 'pid-namespaces';

const lab = useLabSite();

const run = (page: Page, line: string, done: (text: string) => boolean) => runLine(page, LAB, line, done);

describe('nested shell at its continuation prompt', () => {
  it('completes from the container at `> ` inside docker exec -it box sh, and Ctrl-C there keeps the nested shell', async () => {
    const page = await lab.chromium.browser.newPage();
    const problems = await openFreshLab(page, lab.site.url + 'linux-namespaces/pid-and-uts-namespaces/', LAB);
    await focusTerminal(page, LAB);
    await run(page, 'docker run -dit --name box busybox sh', (t) => /\n[0-9a-f]{64}\nroot@petlab:~#$/.test(t));
    await run(page, 'docker exec -it box sh', (t) => lastLine(t) === '/ #');
    await run(page, 'mkdir /only-in-box', (t) => lastLine(t) === '/ #' && t.includes('mkdir /only-in-box'));

    await run(page, 'for f in /et', (t) => lastLine(t) === '>');
    // first word at `> `: a path completes in the container's root
    await page.keyboard.type('/on');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, LAB, (t) => lastLine(t) === '> /only-in-box/');
    await page.keyboard.press('Control+U');
    // a command name from the container's $PATH: busybox has no kubectl, two Tabs list nothing
    await page.keyboard.type('ku');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(lastLine(await waitForTerminal(page, LAB, () => true))).toBe('> ku');
    await page.keyboard.press('Control+U');
    await page.keyboard.type('do ls -d /us');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, LAB, (t) => lastLine(t) === '> do ls -d /usr/');
    const text = await run(page, '; done', (t) => lastLine(t) === '/ #' && t.includes('; done'));
    expect(text.slice(text.lastIndexOf('/ # for f in /et'))).toBe('/ # for f in /et\n> do ls -d /usr/; done\n/usr/\n/ #');

    // Ctrl-C at `> ` drops the pending command; the container's shell stays ($? is 130)
    await run(page, 'while true', (t) => lastLine(t) === '>');
    await page.keyboard.press('Control+C');
    await waitForTerminal(page, LAB, (t) => t.endsWith('\n> ^C\n/ #'));
    const after = await run(page, 'echo $?', (t) => t.endsWith('\n130\n/ #'));
    expect(after.slice(after.lastIndexOf('/ # while true'))).toBe('/ # while true\n> ^C\n/ # echo $?\n130\n/ #');
    await run(page, 'exit', (t) => lastLine(t) === 'root@petlab:~#');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    await page.close();
  });
});
