import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveDist } from './serve.ts';
import type { StaticServer } from './serve.ts';

/** The sub-path the e2e build is made for (`PETLAB_BASE` of `npm run build:e2e`). */
export const E2E_BASE = '/course/';

/** Where `npm run build:e2e` writes the site (inside node_modules/.cache: ignored by git and linters). */
export const E2E_DIST = join(import.meta.dirname, '../../../node_modules/.cache/petlab-e2e');

/**
 * Serves the e2e build under `E2E_BASE`. Throws, saying how to make it, when the build is missing.
 */
export async function openSite(): Promise<StaticServer> {
  if (!existsSync(join(E2E_DIST, 'index.html'))) {
    throw new Error(`No e2e build in ${E2E_DIST}: run \`npm run build:e2e\` first (npm test does).`);
  }
  return serveDist(E2E_DIST, E2E_BASE);
}

/**
 * Every HTML page of the e2e build as a path relative to the site root: `''` for the landing
 * page, `petsets/petsets-to-statefulsets/` for a lesson. The 404 page is not included.
 */
export function sitePages(dir = E2E_DIST): string[] {
  const pages: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory() && !['_astro', 'pagefind'].includes(entry.name)) walk(join(at, entry.name));
      else if (entry.name === 'index.html') pages.push(relative(dir, at).split('\\').join('/'));
    }
  };
  walk(dir);
  return pages.map((p) => (p === '' ? '' : `${p}/`)).sort();
}
