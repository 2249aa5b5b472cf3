import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** The Chromium switches every browser test runs with, and nothing else of our choosing. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROME = '/usr/bin/chromium';

/**
 * The Chromium executable to drive: `$CHROME_PATH` when set, else `/usr/bin/chromium`.
 * Throws an error naming both places when neither holds a browser, so the fix is obvious.
 */
export function findChrome(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const candidates = [env.CHROME_PATH, DEFAULT_CHROME].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => exists(p));
  if (found) return found;
  throw new Error(
    `No Chromium found: CHROME_PATH is ${env.CHROME_PATH ? `set to ${env.CHROME_PATH}, which does not exist` : 'not set'}, ` +
      `and ${DEFAULT_CHROME} does not exist. Install Chromium (Debian: apt-get install chromium) ` +
      'or set CHROME_PATH to a Chromium or Chrome executable.',
  );
}

/** A running browser and the way to stop it (which also removes its profile). */
export interface TestBrowser {
  browser: Browser;
  /** Closes the browser and deletes its temporary user-data-dir. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium through playwright-core with exactly `CHROMIUM_FLAGS`, a fresh
 * temporary user-data-dir, and the pipe Playwright talks over. Throws `findChrome`'s error when
 * no browser is installed, or Playwright's launch error when the browser fails to start.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const executablePath = findChrome();
  const profile = await mkdtemp(join(tmpdir(), 'petlab-chromium-'));
  try {
    const browser = await chromium.launch({
      executablePath,
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-pipe'],
      timeout: 60_000,
    });
    return {
      browser,
      close: async () => {
        await browser.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
