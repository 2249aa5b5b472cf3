import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, findChrome } from './browser.ts';

describe('findChrome', () => {
  it('prefers CHROME_PATH, then /usr/bin/chromium', () => {
    expect(findChrome({ CHROME_PATH: '/opt/chrome/chrome' }, () => true)).toBe('/opt/chrome/chrome');
    expect(findChrome({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findChrome({ CHROME_PATH: '/nope' }, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('names both places when neither has a browser', () => {
    expect(() => findChrome({ CHROME_PATH: '/opt/chrome/chrome' }, () => false)).toThrow(
      'No Chromium found: CHROME_PATH is set to /opt/chrome/chrome, which does not exist, and /usr/bin/chromium does not exist. ' +
        'Install Chromium (Debian: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome executable.',
    );
    expect(() => findChrome({}, () => false)).toThrow(
      'No Chromium found: CHROME_PATH is not set, and /usr/bin/chromium does not exist. ' +
        'Install Chromium (Debian: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome executable.',
    );
  });

  it('the browser runs with exactly the agreed switches', () => {
    expect(CHROMIUM_FLAGS).toEqual([
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ]);
  });
});
