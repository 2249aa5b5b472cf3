/**
 * Helpers for the lab's browser tests: open a lesson with a lab, read the terminal's buffer
 * (through the workspace the page exposes for tests as `window.petlabWorkspaces`), type and
 * paste like a learner, and wait for output.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_BASE, launchBrowser, openSite, serveDist, watchPage, type PageProblems, type StaticServer, type TestBrowser } from './harness/index.ts';

/**
 * Serves the e2e build; `PETLAB_E2E_DIST` points at another build of the same site (so a
 * developer can test a private build while someone else rebuilds the shared one).
 */
export function openLabSite(): Promise<StaticServer> {
  const dir = process.env.PETLAB_E2E_DIST;
  return dir ? serveDist(dir, E2E_BASE) : openSite();
}

/** The served site and a Chromium, shared by one test file's tests. */
export interface LabSite {
  readonly site: StaticServer;
  readonly chromium: TestBrowser;
}

/**
 * Opens the lab site (`openLabSite`) and launches Chromium before the calling file's tests, and
 * closes both after them. Read `site` and `chromium` inside tests or hooks, once they are open.
 */
export function useLabSite(): LabSite {
  let site: StaticServer | undefined;
  let chromium: TestBrowser | undefined;
  beforeAll(async () => {
    site = await openLabSite();
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await site?.close();
  });
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the lab site's ${what} is not open yet (read it inside a test or hook)`);
    return value;
  };
  return {
    get site() {
      return opened(site, 'server');
    },
    get chromium() {
      return opened(chromium, 'browser');
    },
  };
}

/** Types `line` into the focused terminal and presses Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Types `line` and Enter into the lab's terminal, then waits (30 s at most) until `done` passes; the terminal's text. */
export async function runLine(page: Page, labId: string, line: string, done: (text: string) => boolean): Promise<string> {
  await typeLine(page, line);
  return waitForTerminal(page, labId, done, 30_000);
}

/**
 * Opens `url` in `page` with the lab `labId` at its start: loads it, clears the site's storage
 * (a saved lab would be restored), reloads and waits until the lab is ready. Returns the page's
 * problems (console errors, failed requests), watched from the fresh load on — the reload aborts
 * the first load's lazy requests.
 */
export async function openFreshLab(page: Page, url: string, labId: string): Promise<PageProblems> {
  await page.goto(url);
  await waitForLab(page, labId);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const problems = watchPage(page);
  await waitForLab(page, labId);
  return problems;
}

/** Waits until the lab with `labId` shows its prompt. */
export async function waitForLab(page: Page, labId: string): Promise<void> {
  await page.waitForSelector(`.petlab-lab[data-lab-id="${labId}"][data-state="ready"]`, { timeout: 90_000 });
}

/** The terminal's whole buffer (scrollback included), trailing blanks trimmed. */
export async function terminalText(page: Page, labId: string): Promise<string> {
  return page.evaluate((id) => {
    const ws = (window as unknown as { petlabWorkspaces: Record<string, { ctx: { terminal: { xterm: { buffer: { active: { length: number; getLine(i: number): { translateToString(trim: boolean): string; isWrapped: boolean } | undefined } } } } } }> }).petlabWorkspaces[id];
    const buffer = ws.ctx.terminal.xterm.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines.join('\n').replace(/\s+$/, '');
  }, labId);
}

/** Polls the terminal until `test` passes; throws with the terminal's text when it never does. */
export async function waitForTerminal(page: Page, labId: string, test: (text: string) => boolean, timeoutMs = 15_000): Promise<string> {
  const start = Date.now();
  let text = '';
  while (Date.now() - start < timeoutMs) {
    text = await terminalText(page, labId);
    if (test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal never matched; it shows:\n${text}`);
}

/** Focuses the lab's terminal. */
export async function focusTerminal(page: Page, labId: string): Promise<void> {
  await page.locator(`.petlab-lab[data-lab-id="${labId}"] .xterm-helper-textarea`).focus();
}

/** Pastes `text` into the terminal the way the browser delivers a clipboard paste. */
export async function pasteIntoTerminal(page: Page, labId: string, text: string): Promise<void> {
  await page.evaluate(
    ({ id, data }) => {
      const area = document.querySelector<HTMLTextAreaElement>(`.petlab-lab[data-lab-id="${id}"] .xterm-helper-textarea`);
      const transfer = new DataTransfer();
      transfer.setData('text/plain', data);
      area?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { id: labId, data: text },
  );
}

/** The last line of the terminal (where the prompt is). */
export function lastLine(text: string): string {
  return text.split('\n').pop() ?? '';
}
