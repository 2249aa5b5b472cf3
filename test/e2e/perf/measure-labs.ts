/**
 * Measures lab pages in real Chromium: time from navigation and from the load event to the
 * interactive prompt (`petlab:prompt` mark, end of boot phase 1) and to the lab's world being
 * fully ready (`petlab:world-ready`, end of phase 2), the renderer's CPU time until each, the lab
 * JavaScript loaded before the prompt and all of it once the lab has prefetched what it needs at
 * idle (gzip -9, Starlight's own scripts left out). Each load runs in a fresh browser context
 * (empty storage, cold cache), one after another.
 *
 *   node test/e2e/perf/measure-labs.ts <dist> [runs] [page …]
 *
 * `<dist>` is a build made with PETLAB_BASE=/course/ (as `npm run build:e2e`); pages default to
 * the lessons with a lab. Prints one JSON line per page with median and p90 of each figure.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDist, E2E_BASE } from '../harness/index.ts';

/** Scripts of Starlight itself (search, table of contents, theme), not of the lab. */
export const SITE_SCRIPT = /Search|ui-core|starlight-toc|TableOfContents|MobileTableOfContents|page\.|ec\./;

export interface LoadFigures {
  promptAfterNavigation: number;
  promptAfterLoad: number;
  /** Load event → a frame painted after the prompt (`petlab:prompt-painted`; NaN for builds without the mark), ms. */
  promptPaintedAfterLoad: number;
  /** Load event → the lab's world is fully ready (environment, setup and files: phase 2 done), ms. */
  worldReadyAfterLoad: number;
  /** Renderer main-thread task time (CDP `TaskDuration`) when the test saw the prompt, ms. */
  cpuToPrompt: number;
  /** The same when the lab was ready (phase 2 done, shell at its prompt), ms. */
  cpuToReady: number;
  /** Lab JavaScript loaded before the prompt, KB gzip, and how many scripts. */
  labJsKbGzip: number;
  labScripts: number;
  /** All lab JavaScript once the lab has prefetched what it needs (after idle), KB gzip, and how many scripts. */
  labJsTotalKbGzip: number;
  labScriptsTotal: number;
  /**
   * Lab scripts loaded before the prompt but requested only after `<Lab>`'s loader ran (file
   * names): the page's preload links missed them, so they cost a round trip on the boot path.
   */
  lateLabScripts: string[];
  marks: Record<string, number>;
}

/** Loads `url` once in a fresh context and reads the figures once the lab is ready. */
export async function measureLoad(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const gzipped = new Map<string, number>();
  const bodies: Promise<void>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    bodies.push(res.body().then((b) => void gzipped.set(res.url(), gzipSync(b, { level: 9 }).length), () => undefined));
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => Math.round((((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value) ?? NaN) * 1000);
  await page.goto(url);
  await page.waitForSelector('.petlab-lab:is([data-state="prompt"], [data-state="ready"])', { timeout: 90_000 });
  const cpuToPrompt = await taskMs();
  await page.waitForSelector('.petlab-lab[data-state="ready"]', { timeout: 90_000 });
  const cpuToReady = await taskMs();
  // The idle prefetch of the lab's commands (a lab without one never marks it: 3 s at most).
  await page.waitForFunction(() => performance.getEntriesByName('petlab:prefetched').length > 0, undefined, { timeout: 3000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  await Promise.all(bodies);
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('petlab:')).map((m) => [m.name, Math.round(m.startTime)]));
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
      .map((r) => ({ url: r.name, start: r.startTime, end: r.responseEnd }));
    return { load: nav.loadEventEnd, marks, scripts };
  });
  const prompt = timing.marks['petlab:prompt'] ?? NaN;
  const all = timing.scripts.filter((s) => !SITE_SCRIPT.test(s.url));
  const lab = all.filter((s) => s.end <= prompt);
  const loaderRan = timing.marks['petlab:lab-script'] ?? NaN;
  const kb = (scripts: { url: string }[]) => Math.round(scripts.reduce((n, s) => n + (gzipped.get(s.url) ?? 0), 0) / 102.4) / 10;
  await context.close();
  return {
    promptAfterNavigation: prompt,
    promptAfterLoad: Math.round(prompt - timing.load),
    promptPaintedAfterLoad: Math.round((timing.marks['petlab:prompt-painted'] ?? NaN) - timing.load),
    worldReadyAfterLoad: Math.round((timing.marks['petlab:world-ready'] ?? NaN) - timing.load),
    cpuToPrompt,
    cpuToReady,
    labJsKbGzip: kb(lab),
    labScripts: lab.length,
    labJsTotalKbGzip: kb(all),
    labScriptsTotal: all.length,
    lateLabScripts: lab.filter((s) => s.start > loaderRan).map((s) => s.url.split('/').pop() ?? s.url),
    marks: timing.marks,
  };
}

/** The `q` quantile (0.5: median) of `values`, nearest-rank. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const DEFAULT_PAGES = ['linux-namespaces/pid-and-uts-namespaces/', 'docker-networking/default-bridge/', 'petsets/petsets-to-statefulsets/'];

async function main(): Promise<void> {
  const [dist, runsArg, ...pagesArg] = process.argv.slice(2);
  if (!dist) throw new Error('usage: node test/e2e/perf/measure-labs.ts <dist> [runs] [page …]');
  const runs = Number(runsArg ?? 10);
  const pages = pagesArg.length > 0 ? pagesArg : DEFAULT_PAGES;
  const site = await serveDist(dist, E2E_BASE);
  const chromium = await launchBrowser();
  try {
    await measureLoad(chromium.browser, site.url + pages[0]); // warm-up (not counted)
    for (const path of pages) {
      const loads: LoadFigures[] = [];
      for (let i = 0; i < runs; i++) loads.push(await measureLoad(chromium.browser, site.url + path));
      const stat = (pick: (l: LoadFigures) => number) => {
        const values = loads.map(pick);
        return { median: quantile(values, 0.5), p90: quantile(values, 0.9), max: Math.max(...values) };
      };
      const markNames = Object.keys(loads[0].marks);
      console.log(
        JSON.stringify({
          page: path,
          runs,
          promptAfterLoad: stat((l) => l.promptAfterLoad),
          promptAfterNavigation: stat((l) => l.promptAfterNavigation),
          promptPaintedAfterLoad: stat((l) => l.promptPaintedAfterLoad),
          worldReadyAfterLoad: stat((l) => l.worldReadyAfterLoad),
          cpuToPrompt: stat((l) => l.cpuToPrompt),
          cpuToReady: stat((l) => l.cpuToReady),
          labJsKbGzip: loads[0].labJsKbGzip,
          labScripts: loads[0].labScripts,
          labJsTotalKbGzip: loads[0].labJsTotalKbGzip,
          labScriptsTotal: loads[0].labScriptsTotal,
          lateLabScripts: loads[0].lateLabScripts,
          marksMedian: Object.fromEntries(markNames.map((m) => [m, quantile(loads.map((l) => l.marks[m] ?? NaN), 0.5)])),
          all: loads.map((l) => l.promptAfterLoad),
        }),
      );
    }
  } finally {
    await chromium.close();
    await site.close();
  }
}

if (import.meta.main) await main();
