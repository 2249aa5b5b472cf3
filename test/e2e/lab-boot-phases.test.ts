/**
 * The lab's two boot phases in real Chromium (src/ui/workspace/mount.ts): the prompt shows before
 * the lab's environment is set up; a command typed at it waits for the setup and then prints the
 * right output; the lab panel says "checking…" meanwhile; when the setup cannot be done (the
 * cluster's code fails to load) the lab says so and the terminal still runs commands; and once
 * the lab has loaded what it needs at idle, it keeps working offline.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { focusTerminal, terminalText, useLabSite, waitForLab, waitForTerminal } from './lab-helpers.ts';

vi.setConfig({ testTimeout: 240_000 });

const STS_PAGE = 'petsets/petsets-to-statefulsets/';
const LAB = 'statefulset-identity';
const PROMPT = 'root@petlab:~# ';
/** The Kubernetes cluster's chunk (src/ui/build/lab-chunks.mjs), loaded in phase 2. */
const KUBE_CHUNK = /\/_astro\/kube\.[\w-]+\.js$/;

const lab = useLabSite();

const labState = (page: Page) => page.locator(`.petlab-lab[data-lab-id="${LAB}"]`).getAttribute('data-state');

describe('lab boot phases', () => {
  it('runs a command typed at the first prompt once the cluster is set up, with the right output', async () => {
    const context = await lab.chromium.browser.newContext();
    const page = await context.newPage();
    // Hold the cluster's code back, so phase 2 is surely still running when the line is typed.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(KUBE_CHUNK, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(lab.site.url + STS_PAGE);
    await page.waitForSelector(`.petlab-lab[data-lab-id="${LAB}"][data-state="prompt"]`, { timeout: 90_000 });
    expect(await page.locator('.pl-panel-tasks').innerText()).toBe('Lab tasks: checking…');
    await focusTerminal(page, LAB);
    // Tab before the world is ready completes once it is; the keys after it wait their turn.
    await page.keyboard.type('ech');
    await page.keyboard.press('Tab');
    await page.keyboard.type(' early');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kubectl get pods');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kubectl get svc nginx');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await labState(page)).toBe('prompt');
    release();

    await waitForLab(page, LAB);
    const text = await waitForTerminal(page, LAB, (t) => t.split(PROMPT).length >= 4 && t.endsWith(PROMPT.trimEnd()));
    expect(text).toBe(
      `${PROMPT}echo  early\nearly\n${PROMPT}kubectl get pods\nNo resources found in default namespace.\n` +
        `${PROMPT}kubectl get svc nginx\nError from server (NotFound): services "nginx" not found\n${PROMPT.trimEnd()}`,
    );
    // The lab panel checks the real world now.
    await page.waitForSelector('.pl-panel-tasks .pl-task[data-task-id="headless-service"][data-status="fail"]');

    // The early line was journaled: after a reload the lab comes back with it.
    await page.evaluate(() => (window as unknown as { petlabWorkspaces: Record<string, { save(): void }> }).petlabWorkspaces['statefulset-identity'].save());
    await page.unroute(KUBE_CHUNK);
    await page.reload();
    await waitForLab(page, LAB);
    expect(await terminalText(page, LAB)).toBe(text);
    await context.close();
  });

  it('shows why when the lab cannot be set up, and the terminal keeps working', async () => {
    const context = await lab.chromium.browser.newContext();
    const page = await context.newPage();
    await page.route(KUBE_CHUNK, (route) => route.abort());
    await page.goto(lab.site.url + STS_PAGE);
    await page.waitForSelector(`.petlab-lab[data-lab-id="${LAB}"][data-state="setup-failed"]`, { timeout: 90_000 });
    const notice = await page.locator(`.petlab-lab[data-lab-id="${LAB}"] .pl-notice`).innerText();
    expect(notice).toMatch(/^This lab could not be set up: cannot create the kubernetes world of lab statefulset-identity: .+\nThe terminal still works, on the lab's host without the rest of the lab\. Reload the page or reset the lab to try again\.$/);
    expect(await page.locator('.pl-panel-tasks [role="alert"]').innerText()).toMatch(/^Lab tasks: not checked, because this lab could not be set up: cannot create the kubernetes world/);
    await focusTerminal(page, LAB);
    await page.keyboard.type('echo still here');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, LAB, (t) => t === `${PROMPT}echo still here\nstill here\n${PROMPT.trimEnd()}`);
    await context.close();
  });

  it('works offline once the lab has prefetched the commands it needs', async () => {
    const context = await lab.chromium.browser.newContext();
    const page = await context.newPage();
    await page.goto(lab.site.url + STS_PAGE);
    await waitForLab(page, LAB);
    await page.waitForFunction(() => performance.getEntriesByName('petlab:prefetched').length > 0, undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await focusTerminal(page, LAB);
    // kubectl has not run yet: its code comes from the prefetch, not the network.
    await page.keyboard.type('kubectl apply -f web.yaml');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, LAB, (t) => t === `${PROMPT}kubectl apply -f web.yaml\nservice/nginx created\nstatefulset.apps/web created\n${PROMPT.trimEnd()}`);
    await context.close();
  });
});
