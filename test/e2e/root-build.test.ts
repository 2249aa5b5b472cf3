// The plain `npm run build` (base `/`, in dist/) served at the root: every internal link and
// asset in every page answers 200. No browser needed: links are read from the HTML.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist, sitePages } from './harness/index.ts';
import type { StaticServer } from './harness/index.ts';

const DIST = join(import.meta.dirname, '../../dist');
let site: StaticServer;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npm run build\` first.`);
  site = await serveDist(DIST, '/');
});
afterAll(() => site?.close());

describe('the site built for the root path', () => {
  it('was built without a base path', () => {
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toMatch(/href="\/_astro\//);
  });

  it('every internal link and asset on every page answers 200', async () => {
    const urls = new Map<string, string>();
    for (const page of sitePages(DIST)) {
      const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
      for (const [, ref] of html.matchAll(/(?:href|src)="([^"#?]*)[^"]*"/g)) {
        if (!ref || /^[a-z]+:|^\/\//i.test(ref)) continue;
        urls.set(new URL(ref, `${site.url}${page}`).href, `/${page}`);
      }
    }
    expect(urls.size).toBeGreaterThan(15);
    // The search index, which Pagefind's UI loads from the base path at run time.
    for (const file of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json']) urls.set(`${site.url}${file}`, '(search)');
    const broken: string[] = [];
    for (const [url, from] of urls) {
      const response = await fetch(url, { redirect: 'manual' });
      await response.arrayBuffer();
      if (response.status !== 200) broken.push(`${response.status} ${url} (linked from ${from})`);
    }
    expect(broken).toEqual([]);
  });
});
