/**
 * Output flow in the lab terminal, in real Chromium: `yes` at the prompt streams with bounded
 * memory (xterm's write callbacks hold the shell back; the stored scrollback keeps only what the
 * screen keeps), Ctrl-C stops it promptly, the scrollback survives a reload; and after a pipeline
 * whose reader exits early (`ls -la /etc | head -5`) the rows drawn on screen are the buffer's rows
 * (a report had the screen showing only `r` on the prompt line while the buffer held the prompt).
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { focusTerminal, lastLine, terminalText, typeLine, useLabSite, waitForLab, waitForTerminal } from './lab-helpers.ts';

vi.setConfig({ testTimeout: 240_000 });

const PID_PAGE = 'linux-namespaces/pid-and-uts-namespaces/';
const LAB = 'pid-namespaces';
const PROMPT = 'root@petlab:~# ';

const lab = useLabSite();

interface TerminalState {
  /** Characters and line feeds of the scrollback the store would save. */
  scrollbackChars: number;
  scrollbackLines: number;
  /** Characters given to xterm and not yet parsed. */
  pending: number;
}

function terminalState(page: Page): Promise<TerminalState> {
  return page.evaluate((id) => {
    const terminal = (window as unknown as { petlabWorkspaces: Record<string, { ctx: { terminal: { getScrollback(): string; drain(): Promise<void> | undefined; flow?: { pending: number } } } }> }).petlabWorkspaces[id].ctx.terminal;
    const scrollback = terminal.getScrollback();
    return { scrollbackChars: scrollback.length, scrollbackLines: scrollback.split('\n').length - 1, pending: terminal.flow?.pending ?? -1 };
  }, LAB);
}

/** The rows xterm has drawn (DOM renderer) next to the buffer's rows of the viewport, after two frames. */
function drawnAndBuffer(page: Page): Promise<{ drawn: string[]; buffer: string[] }> {
  return page.evaluate(async (id) => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const xterm = (window as unknown as { petlabWorkspaces: Record<string, { ctx: { terminal: { xterm: { rows: number; buffer: { active: { viewportY: number; getLine(i: number): { translateToString(trim: boolean): string } | undefined } } } } } }> }).petlabWorkspaces[id].ctx.terminal.xterm;
    const active = xterm.buffer.active;
    const buffer: string[] = [];
    for (let y = 0; y < xterm.rows; y++) buffer.push((active.getLine(active.viewportY + y)?.translateToString(true) ?? '').replace(/\s+$/, ''));
    const rows = [...document.querySelectorAll(`.petlab-lab[data-lab-id="${id}"] .xterm-rows > div`)];
    const drawn = rows.map((row) => (row.textContent ?? '').replace(/\u00a0/g, ' ').replace(/\s+$/, ''));
    return { drawn, buffer };
  }, LAB);
}

describe('lab terminal output flow', () => {
  it('streams yes with bounded memory and scrollback, stops it with Ctrl-C, and restores the scrollback after a reload', async () => {
    const page = await lab.chromium.browser.newPage();
    await page.goto(lab.site.url + PID_PAGE);
    await waitForLab(page, LAB);
    await page.evaluate(() => localStorage.clear());
    const cdp = await page.context().newCDPSession(page);
    const heapMb = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    };
    await focusTerminal(page, LAB);
    await typeLine(page, 'yes');
    await waitForTerminal(page, LAB, (t) => t.endsWith('\ny\ny\ny'));
    await page.waitForTimeout(2000);
    const heapEarly = await heapMb();
    const early = await terminalState(page);
    await page.waitForTimeout(8000);
    const heapLate = await heapMb();
    const late = await terminalState(page);
    console.log('yes figures', JSON.stringify({ heapEarlyMb: heapEarly, heapLateMb: heapLate, early, late }));
    // still streaming: xterm's buffer holds its 5000 lines of scrollback plus the screen
    expect(lastLine(await terminalText(page, LAB))).toBe('y');
    // the stored scrollback is xterm's scrollback (5000 lines) plus a screenful, cut lazily (x1.25)
    expect(late.scrollbackLines).toBeLessThanOrEqual(6500);
    // at most the high watermark (128 K) plus one 8 K chunk waits for xterm
    expect(late.pending).toBeLessThanOrEqual(131_072 + 8192);
    // 8 s of yes leaves the heap where 2 s of it had it (before: the transcript grew ~160 KB/s)
    expect(heapLate - heapEarly).toBeLessThan(4);

    const stopAt = Date.now();
    await page.keyboard.press('Control+C');
    const stopped = await waitForTerminal(page, LAB, (t) => lastLine(t) === PROMPT.trimEnd(), 5000);
    const stopMs = Date.now() - stopAt;
    console.log('yes Ctrl-C to prompt ms', stopMs);
    expect(stopped).toMatch(/\ny\n(y)?\^C\nroot@petlab:~#$/);
    expect(stopMs).toBeLessThan(5000);

    await typeLine(page, 'echo after');
    await waitForTerminal(page, LAB, (t) => t.endsWith(`${PROMPT}echo after\nafter\n${PROMPT.trimEnd()}`));
    const before = await terminalText(page, LAB);
    await page.evaluate((id) => (window as unknown as { petlabWorkspaces: Record<string, { save(): void }> }).petlabWorkspaces[id].save(), LAB);
    await page.reload();
    await waitForLab(page, LAB);
    // the restored scrollback ends as the page did (xterm keeps the same last 5000 lines)
    const after = await waitForTerminal(page, LAB, (t) => t.endsWith(`${PROMPT}echo after\nafter\n${PROMPT.trimEnd()}`));
    expect(after.split('\n').slice(-200)).toEqual(before.split('\n').slice(-200));
    await page.close();
  });

  it('draws the rows the buffer holds after a pipeline whose reader exits early (ls -la /etc | head -5)', async () => {
    const page = await lab.chromium.browser.newPage();
    await page.goto(lab.site.url + PID_PAGE);
    await waitForLab(page, LAB);
    await page.evaluate(() => localStorage.clear());
    await focusTerminal(page, LAB);
    for (let i = 0; i < 4; i++) {
      await typeLine(page, 'ls -la /etc | head -5');
      const text = await waitForTerminal(page, LAB, (t) => t.split(`${PROMPT}ls -la /etc | head -5`).length === i + 2 && lastLine(t) === PROMPT.trimEnd());
      expect(text.split('\n').slice(-7)).toEqual([
        `${PROMPT}ls -la /etc | head -5`,
        // Debian 12's /etc starts with the alternatives folder (/usr/bin/awk → /etc/alternatives/awk)
        'total 48',
        expect.stringMatching(/^drwxr-xr-x +\d+ root root +\d+ \w+ +\d+ +[\d:]+ \.$/),
        expect.stringMatching(/^drwxr-xr-x +\d+ root root +\d+ \w+ +\d+ +[\d:]+ \.\.$/),
        expect.stringMatching(/^drwxr-xr-x +\d+ root root +\d+ \w+ +\d+ +[\d:]+ alternatives$/),
        expect.stringMatching(/^-rw-r--r-- +1 root root +\d+ \w+ +\d+ +[\d:]+ \S+$/),
        PROMPT.trimEnd(),
      ]);
      // what the screen shows is what the buffer holds, the prompt row included
      const { drawn, buffer } = await drawnAndBuffer(page);
      expect(drawn).toEqual(buffer);
      expect(drawn).toContain(PROMPT.trimEnd());
    }
    await page.close();
  });
});
