// @ts-check
/**
 * Astro integration: lab pages name the code their lab needs for its first prompt (boot phase 1,
 * see src/ui/workspace/mount.ts) in `<link rel="modulepreload">` tags in the `<head>`, so the
 * browser fetches (and compiles) it while it parses the page, instead of discovering it chunk by
 * chunk: `<Lab>`'s loader script, then its import of Vite's preload helper, then (when the page
 * has been parsed and the loader runs) the workspace entry and the lab's definition.
 *
 * What phase 1 needs: the loader's chunk and everything it and the workspace entry
 * (`src/ui/workspace/mount.ts`) import statically; the lab's definition (`labs/<id>/lab.ts`) and
 * starting files, with their static imports. Phase 2's code — the shell (`workspace` chunk), the
 * environment (Kubernetes, Docker) and the setup's commands — is not preloaded, so it does not
 * compete with the prompt's code for the network and the main thread: the lab's element lists it
 * in `data-phase-two` (`phaseTwoChunks`), and the page preloads all of it at once right after the
 * prompt (measured: importing it chunk by chunk instead, a waterfall of 3-4 round trips, made
 * the Docker lab ready ~850 ms after its prompt instead of ~150 ms). The workspace's
 * stylesheet (about 2 KB gzip) becomes an ordinary `<link rel="stylesheet">` of the page
 * (lazyLabCss takes it out of every page's head). Pages without a lab are not touched.
 *
 * The chunk graph comes from the client build's bundle (recorded by a small Vite plugin), not
 * from parsing the emitted code.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Environment name → the module its loader imports (see src/emulator/environment-loaders.ts). */
const ENVIRONMENT_MODULES = {
  kubernetes: 'src/emulator/kube/cluster.ts',
  docker: 'src/emulator/docker/engine.ts',
};

/**
 * @typedef {{ fileName: string, imports: string[], moduleIds: string[], css: string[] }} ChunkInfo
 */

/**
 * @param {string} dir
 * @returns {AsyncGenerator<string>}
 */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/**
 * @param {Map<string, ChunkInfo>} chunks
 * @returns {(path: string) => string | undefined} the chunk holding a module (path from the root)
 */
function chunkOfModule(chunks) {
  const byModule = new Map();
  for (const chunk of chunks.values()) for (const id of chunk.moduleIds) if (!byModule.has(id)) byModule.set(id, chunk.fileName);
  return (path) => byModule.get(resolve(ROOT, path));
}

/**
 * `roots` and their static imports, each once, depth first, skipping `except`.
 * @param {Map<string, ChunkInfo>} chunks
 * @param {(string | undefined)[]} roots
 * @param {ReadonlySet<string>} [except]
 */
function withStaticImports(chunks, roots, except = new Set()) {
  /** @type {string[]} */
  const scripts = [];
  const seen = new Set(except);
  const visit = (/** @type {string | undefined} */ file) => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    scripts.push(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  for (const root of roots) visit(root);
  return scripts;
}

/**
 * The chunks (file names) that a page with the given labs needs for its first prompt (boot
 * phase 1), in load order of need, and their stylesheets.
 * @param {Map<string, ChunkInfo>} chunks
 * @param {{ id: string, environment: string, commands: string[] }[]} labs
 * @returns {{ scripts: string[], styles: string[] }}
 */
export function bootChunks(chunks, labs) {
  const moduleChunk = chunkOfModule(chunks);
  /** @type {(string | undefined)[]} */
  const roots = [];
  for (const chunk of chunks.values()) if (chunk.moduleIds.some((id) => /[\\/]src[\\/]components[\\/]Lab\.astro\?astro&type=script/.test(id))) roots.push(chunk.fileName);
  roots.push(moduleChunk('src/ui/workspace/mount.ts'));
  for (const lab of labs) {
    roots.push(moduleChunk(`labs/${lab.id}/lab.ts`));
    const files = resolve(ROOT, 'labs', lab.id, 'files');
    for (const chunk of chunks.values()) if (chunk.moduleIds.some((id) => id.startsWith(files))) roots.push(chunk.fileName);
  }
  const scripts = withStaticImports(chunks, roots);
  const styles = [...new Set(scripts.flatMap((file) => chunks.get(file)?.css ?? []))];
  return { scripts, styles };
}

/**
 * The chunks boot phase 2 adds for the given labs (right after the prompt): the workspace (the
 * shell), each lab's environment and the commands of its setup, with their static imports,
 * minus what phase 1 already loaded.
 * @param {Map<string, ChunkInfo>} chunks
 * @param {{ id: string, environment: string, commands: string[] }[]} labs
 * @returns {string[]}
 */
export function phaseTwoChunks(chunks, labs) {
  const moduleChunk = chunkOfModule(chunks);
  const roots = [moduleChunk('src/ui/workspace/workspace.ts')];
  for (const lab of labs) {
    const environment = ENVIRONMENT_MODULES[/** @type {keyof typeof ENVIRONMENT_MODULES} */ (lab.environment)];
    if (environment) roots.push(moduleChunk(environment));
    for (const command of lab.commands) roots.push(moduleChunk(`src/shell/commands/${command}/index.ts`));
  }
  return withStaticImports(chunks, roots, new Set(bootChunks(chunks, labs).scripts));
}

/**
 * The labs on a built page: `data-lab-id`, `data-environment` and `data-setup-commands` of each
 * `.petlab-lab` element.
 * @param {string} html
 */
export function labsOnPage(html) {
  const labs = [];
  for (const m of html.matchAll(/<section\b[^>]*\bclass="petlab-lab[^"]*"[^>]*>/g)) {
    const attr = (/** @type {string} */ name) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[0])?.[1] ?? '';
    const id = attr('data-lab-id');
    if (id) labs.push({ id, environment: attr('data-environment') || 'linux', commands: attr('data-setup-commands').split(' ').filter(Boolean) });
  }
  return labs;
}

/**
 * Writes `hrefs` (phase 2's chunks) into the `data-phase-two` attribute of lab `id`'s element,
 * where the page's boot reads them (src/ui/workspace/mount.ts `preloadPhaseTwo`).
 * @param {string} html
 * @param {string} id
 * @param {string[]} hrefs
 */
export function markPhaseTwo(html, id, hrefs) {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return html.replace(new RegExp(`(<section\\b[^>]*\\bdata-lab-id="${escaped}")`), `$1 data-phase-two="${hrefs.join(' ')}"`);
}

/** @returns {import('astro').AstroIntegration} */
export function labPreload() {
  /** @type {Map<string, ChunkInfo>} */
  const chunks = new Map();
  return {
    name: 'petlab-lab-preload',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'petlab-lab-preload-graph',
                apply: 'build',
                generateBundle(_options, bundle) {
                  if (this.environment?.name !== 'client') return;
                  for (const output of Object.values(bundle)) {
                    if (output.type !== 'chunk') continue;
                    const css = [...(/** @type {{ viteMetadata?: { importedCss: Set<string> } }} */ (output).viteMetadata?.importedCss ?? [])];
                    chunks.set(output.fileName, { fileName: output.fileName, imports: output.imports, moduleIds: output.moduleIds, css });
                  }
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (chunks.size === 0) return;
        let changed = 0;
        for await (const path of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(path, 'utf8');
          const labs = labsOnPage(html);
          if (labs.length === 0) continue;
          // Chunk file names are relative to the output folder (`_astro/x.js`); the page's own
          // script tags show the base they are served under.
          const base = /<script type="module" src="([^"]*?)_astro\//.exec(html)?.[1] ?? '/';
          const present = new Set([...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]));
          const { scripts, styles } = bootChunks(chunks, labs);
          const links = [
            // A stylesheet from the start (Vite's helper then sees it and does not wait for it):
            // the workspace's styles apply at the page's first layout, not in a late restyle.
            ...styles.map((file) => `<link rel="stylesheet" href="${base}${file}">`),
            ...scripts.filter((file) => !present.has(base + file)).map((file) => `<link rel="modulepreload" href="${base}${file}">`),
          ];
          if (links.length === 0 || !html.includes('</head>')) continue;
          // At the end of the head, where Vite's helper would have appended the stylesheet.
          let out = html.replace('</head>', `${links.join('')}</head>`);
          for (const lab of labs) out = markPhaseTwo(out, lab.id, phaseTwoChunks(chunks, [lab]).map((file) => base + file));
          await writeFile(path, out);
          changed++;
        }
        logger.info(`lab pages: ${changed} got modulepreload links for their lab's boot chunks`);
      },
    },
  };
}
