// @ts-check
/**
 * Astro integration: keeps the lab's CSS off pages' render path. Astro lists the CSS of
 * dynamically imported chunks in every page's <head> (withastro/astro#9495), so without this
 * every lesson would block on the workspace's and Monaco's styles (~35 KB gzip) although only
 * lab pages use them, and only after the learner opens the editor. Vite's preload helper loads
 * each of those stylesheets together with its chunk, so the links can go.
 *
 * A link is removed only when its file is (a) named after one of the lab's lazy entry chunks and
 * (b) listed as a dependency of a dynamic import in the built JavaScript — so it is certain to
 * be loaded when needed.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LAZY_CHUNKS = ['mount', 'monaco', 'editor-panel', 'lab-panel', 'live-view'];

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** @returns {import('astro').AstroIntegration} */
export function lazyLabCss() {
  return {
    name: 'petlab-lazy-lab-css',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const preloaded = new Set();
        const html = [];
        for await (const path of walk(root)) {
          if (path.endsWith('.js')) {
            const text = await readFile(path, 'utf8');
            for (const m of text.matchAll(/_astro\/([\w.-]+\.css)/g)) if (text.includes('__vite__mapDeps')) preloaded.add(m[1]);
          } else if (path.endsWith('.html')) html.push(path);
        }
        const lazy = [...preloaded].filter((f) => LAZY_CHUNKS.some((c) => f.startsWith(`${c}.`)));
        if (lazy.length === 0) return;
        const link = new RegExp(`<link rel="stylesheet" href="[^"]*/_astro/(?:${lazy.map((f) => f.replace(/[.]/g, '\\.')).join('|')})"\\s*/?>`, 'g');
        let changed = 0;
        for (const path of html) {
          const text = await readFile(path, 'utf8');
          const next = text.replace(link, '');
          if (next !== text) {
            await writeFile(path, next);
            changed++;
          }
        }
        logger.info(`removed lab stylesheets (${lazy.join(', ')}) from the <head> of ${changed} pages; they load with their chunks`);
      },
    },
  };
}
