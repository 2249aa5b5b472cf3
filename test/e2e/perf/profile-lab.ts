/**
 * Profiles one lab page load in real Chromium (CDP sampling profiler, 100 µs) and prints where
 * the main thread's time went between two moments: self time by script and by function. By
 * default from the load event to the prompt (boot phase 1); `from` and `to` may be page ms or
 * `petlab:*` mark names, e.g. `petlab:prompt-painted petlab:world-ready` for boot phase 2.
 *
 *   node test/e2e/perf/profile-lab.ts <dist> <page> [top] [from] [to]
 */
import { launchBrowser, serveDist, E2E_BASE } from '../harness/index.ts';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

async function main(): Promise<void> {
  const [dist, path, topArg, fromArg, toArg] = process.argv.slice(2);
  const site = await serveDist(dist, E2E_BASE);
  const chromium = await launchBrowser();
  try {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(site.url + path);
    await page.waitForSelector('.petlab-lab[data-state="ready"]', { timeout: 90_000 });
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const navStart = (metrics.find((m) => m.name === 'NavigationStart')?.value ?? 0) * 1000;
    const marks: Record<string, number> = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const marks: Record<string, number> = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]));
      return { ...marks, load: Math.round(nav.loadEventEnd) };
    });
    console.log(JSON.stringify(marks));
    const nodes = new Map<number, Node>((profile.nodes as Node[]).map((n) => [n.id, n]));
    const self = new Map<number, number>();
    const deltas = profile.timeDeltas ?? [];
    // Only samples from \`from\` to \`to\` (page ms or mark names; default the load event and the prompt).
    const at = (arg: string | undefined, fallback: number) => (arg === undefined ? fallback : /^\d+$/.test(arg) ? Number(arg) : (marks[arg] ?? NaN));
    const from = at(fromArg, marks.load);
    const to = at(toArg, marks['petlab:prompt']);
    let t = profile.startTime;
    profile.samples?.forEach((id: number, i: number) => {
      t += deltas[i] ?? 0;
      const when = t / 1000 - navStart;
      if (when < from || when > to) return;
      self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    });
    const byUrl = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const [id, ms] of self) {
      const f = nodes.get(id)!.callFrame;
      const file = f.url.split('/').pop() || `(${f.functionName || 'program'})`;
      byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
      const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`;
      byFn.set(key, (byFn.get(key) ?? 0) + ms);
    }
    const top = Number(topArg ?? 25);
    const show = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(1).padStart(8)}  ${k}`).join('\n');
    console.log('--- self ms by script\n' + show(byUrl));
    console.log('--- self ms by function\n' + show(byFn));
    await context.close();
  } finally {
    await chromium.close();
    await site.close();
  }
}

await main();
