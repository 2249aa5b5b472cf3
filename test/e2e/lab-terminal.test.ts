/**
 * The lab workspace in real Chromium: the prompt appears fast, typed commands run, Tab
 * completes, a pasted here-document runs, Ctrl-C stops `kubectl get pods -w`, and after a reload
 * the scrollback, history, files and the cluster are as they were.
 */
import { describe, expect, it, vi } from 'vitest';

// Chromium on a shared 2-core machine: give each test room (the e2e config's default is 60 s).
vi.setConfig({ testTimeout: 240_000 });
import { watchPage } from './harness/index.ts';
import { focusTerminal, lastLine, pasteIntoTerminal, terminalText, typeLine, useLabSite, waitForLab, waitForTerminal } from './lab-helpers.ts';
import { measureLoad, quantile, type LoadFigures } from './perf/measure-labs.ts';

const PID_PAGE = 'linux-namespaces/pid-and-uts-namespaces/';
const STS_PAGE = 'petsets/petsets-to-statefulsets/';
const BRIDGE_PAGE = 'docker-networking/default-bridge/';
const PROMPT = 'root@petlab:~# ';
/**
 * Lab pages whose boot is measured, and their budgets of lab JS before the prompt (KB gzip):
 * issue 6's 150 KB for every lab, since the prompt needs only boot phase 1 (src/ui/workspace/mount.ts).
 */
const PERF_LABS = [
  { page: PID_PAGE, environment: 'linux', budgetKb: 150 },
  { page: BRIDGE_PAGE, environment: 'docker', budgetKb: 150 },
  { page: STS_PAGE, environment: 'kubernetes', budgetKb: 150 },
];
const LOADS = 3;

const labSite = useLabSite();

describe('lab terminal', () => {
  it('shows an interactive prompt soon after load and loads little JavaScript for it', async () => {
    // One load watched for errors; the prompt is the terminal's last line.
    const page = await labSite.chromium.browser.newPage();
    const problems = watchPage(page);
    await page.goto(labSite.site.url + PID_PAGE);
    await waitForLab(page, 'pid-namespaces');
    expect(problems).toEqual({ errors: [], failedRequests: [] });
    expect(lastLine(await terminalText(page, 'pid-namespaces'))).toBe(PROMPT.trimEnd());
    await page.close();

    // Figures: LOADS fresh loads (empty storage, cold cache) of each lab page, in turn.
    const figures: Record<string, unknown> = {};
    for (const lab of PERF_LABS) {
      const loads: LoadFigures[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await measureLoad(labSite.chromium.browser, labSite.site.url + lab.page));
      const afterLoad = loads.map((l) => l.promptAfterLoad);
      const report = {
        promptMsAfterLoadEvent: { median: quantile(afterLoad, 0.5), all: afterLoad },
        promptMsAfterNavigation: quantile(loads.map((l) => l.promptAfterNavigation), 0.5),
        promptPaintedMsAfterLoadEvent: quantile(loads.map((l) => l.promptPaintedAfterLoad), 0.5),
        rendererCpuMsToPrompt: quantile(loads.map((l) => l.cpuToPrompt), 0.5),
        labJsBeforePromptKbGzip: loads[0].labJsKbGzip,
        labScriptsBeforePrompt: loads[0].labScripts,
        // The second figure: the lab's world fully ready (phase 2 done), and all lab JS after idle.
        worldReadyMsAfterLoadEvent: quantile(loads.map((l) => l.worldReadyAfterLoad), 0.5),
        rendererCpuMsToReady: quantile(loads.map((l) => l.cpuToReady), 0.5),
        labJsTotalKbGzip: loads[0].labJsTotalKbGzip,
        labScriptsTotal: loads[0].labScriptsTotal,
      };
      figures[lab.environment] = report;
      // Sizes are stable, unlike timings. Issue 6's budget is 150 KB gzip without Monaco. The
      // prompt needs xterm, the learner's host and the lab's definition (boot phase 1: ~110-115 KB);
      // the shell, the cluster or Docker engine and the setup's commands load right after it
      // (phase 2). Before the two phases, the Kubernetes lab loaded 202 KB before its prompt and
      // the Docker lab 189 KB.
      expect(report.labJsBeforePromptKbGzip, lab.page).toBeLessThanOrEqual(lab.budgetKb);
      // Everything the lab boots with is named by the page's preload links: no chunk is found
      // only once the loader runs (that was a waterfall of 3-4 round trips before the prompt).
      for (const load of loads) expect(load.lateLabScripts, lab.page).toEqual([]);
      // The target is <= 300 ms after the load event (median over the loads), measured on a quiet
      // machine; CI machines here are shared (load average 10-20 on 2 cores), so by default the
      // test only guards against gross regressions. PETLAB_STRICT_PERF=1 enforces the target.
      expect(report.promptMsAfterLoadEvent.median, lab.page).toBeLessThanOrEqual(process.env.PETLAB_STRICT_PERF ? 300 : 2500);
    }
    console.log('lab page figures', JSON.stringify(figures));
  });

  it('loads no lab code on a lesson without a lab', async () => {
    const page = await labSite.chromium.browser.newPage();
    const urls: string[] = [];
    page.on('request', (req) => urls.push(req.url()));
    await page.goto(labSite.site.url + 'pets-and-cattle/pets-vs-cattle/');
    await page.waitForLoadState('load');
    expect(urls.filter((u) => /mount|monaco|xterm|Lab\.astro/.test(u))).toEqual([]);
    await page.close();
  });

  it('runs typed commands, completes with Tab and runs a pasted here-document', async () => {
    const page = await labSite.chromium.browser.newPage();
    await page.goto(labSite.site.url + PID_PAGE);
    await waitForLab(page, 'pid-namespaces');
    await page.evaluate(() => localStorage.clear());
    await focusTerminal(page, 'pid-namespaces');
    await typeLine(page, 'echo hello; pwd');
    await waitForTerminal(page, 'pid-namespaces', (t) => t.endsWith(`${PROMPT}echo hello; pwd\nhello\n/root\n${PROMPT.trimEnd()}`));

    await page.keyboard.type('ech');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, 'pid-namespaces', (t) => lastLine(t) === `${PROMPT}echo`);
    await page.keyboard.type('done');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'pid-namespaces', (t) => t.endsWith(`${PROMPT}echo done\ndone\n${PROMPT.trimEnd()}`));

    await page.keyboard.type('cat /etc/host');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, 'pid-namespaces', (t) => t.endsWith(`${PROMPT}cat /etc/host\nhostname  hosts\n${PROMPT}cat /etc/host`));
    await page.keyboard.press('Control+U');

    await pasteIntoTerminal(page, 'pid-namespaces', "cat > note.txt <<'EOF'\nfirst line\n$HOME stays literal\nEOF\ncat note.txt\n");
    const text = await waitForTerminal(page, 'pid-namespaces', (t) => t.includes('$HOME stays literal\n' + PROMPT.trimEnd()));
    expect(text.slice(text.indexOf("cat > note.txt"))).toBe(
      `cat > note.txt <<'EOF'\n> first line\n> $HOME stays literal\n> EOF\n${PROMPT}cat note.txt\nfirst line\n$HOME stays literal\n${PROMPT.trimEnd()}`,
    );

    // Reset lab, after the confirmation: a fresh world and an empty terminal.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset lab' }).click();
    await waitForLab(page, 'pid-namespaces');
    expect(await terminalText(page, 'pid-namespaces')).toBe(PROMPT.trimEnd());
    await focusTerminal(page, 'pid-namespaces');
    await typeLine(page, 'cat note.txt');
    await waitForTerminal(page, 'pid-namespaces', (t) => t === `${PROMPT}cat note.txt\ncat: note.txt: No such file or directory\n${PROMPT.trimEnd()}`);
    await page.close();
  });

  it('stops kubectl get pods -w with Ctrl-C, and restores scrollback, history, files and cluster after a reload', async () => {
    const page = await labSite.chromium.browser.newPage();
    await page.goto(labSite.site.url + STS_PAGE);
    await waitForLab(page, 'statefulset-identity');
    await page.evaluate(() => localStorage.clear());
    await focusTerminal(page, 'statefulset-identity');
    await typeLine(page, 'kubectl apply -f web.yaml');
    await waitForTerminal(page, 'statefulset-identity', (t) => t.includes('statefulset.apps/web created\n' + PROMPT.trimEnd()));
    await typeLine(page, 'kubectl get pods -w');
    await waitForTerminal(page, 'statefulset-identity', (t) => /kubectl get pods -w\nNAME +READY +STATUS +RESTARTS +AGE\nweb-0 /.test(t));
    await page.keyboard.press('Control+C');
    const stopped = await waitForTerminal(page, 'statefulset-identity', (t) => lastLine(t) === PROMPT.trimEnd());
    expect(stopped).toMatch(/\^C\nroot@petlab:~#$/);
    await typeLine(page, "echo kept > kept.txt");
    await page.waitForTimeout(300);
    const before = await terminalText(page, 'statefulset-identity');
    await page.evaluate(() => (window as unknown as { petlabWorkspaces: Record<string, { save(): void }> }).petlabWorkspaces['statefulset-identity'].save());

    await page.reload();
    await waitForLab(page, 'statefulset-identity');
    const after = await terminalText(page, 'statefulset-identity');
    expect(after).toBe(before);
    await focusTerminal(page, 'statefulset-identity');
    await page.keyboard.press('ArrowUp');
    await waitForTerminal(page, 'statefulset-identity', (t) => lastLine(t) === `${PROMPT}echo kept > kept.txt`);
    await page.keyboard.press('Control+U');
    await typeLine(page, 'cat kept.txt; kubectl get statefulset web');
    await waitForTerminal(page, 'statefulset-identity', (t) => /cat kept.txt; kubectl get statefulset web\nkept\nNAME +READY +AGE\nweb +[0-2]\/2 /.test(t));
    await page.close();
  });
});
