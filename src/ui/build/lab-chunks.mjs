// @ts-check
/**
 * Chunking of the lab's code (Vite 8 / Rolldown `output.codeSplitting.groups`). Left to itself,
 * Rolldown splits every module that the workspace shares with a lab definition or a lazily
 * loaded command into its own small chunk, so a lab page fetched a dozen chunks of 0.2–6 KB
 * before the terminal could start (on HTTP/1.1, six at a time). These groups put
 *
 * - everything the workspace entry (`src/ui/workspace/mount.ts`) imports statically into the
 *   `mount` chunk: boot phase 1, the terminal and the learner's host up to the first prompt
 *   (commands and lab definitions loaded later import their shared code from it);
 * - what boot phase 2 (`src/ui/workspace/workspace.ts`) adds statically — the shell, the
 *   grader's lab setup, completion, the clock driver, the toolbar — into `workspace`, loaded
 *   right after the prompt;
 * - the Kubernetes cluster's static code (`kube`) and the Docker engine's (`docker-engine`) into
 *   one chunk each, loaded only by labs (or commands) that use them, and what both use (container
 *   file systems, the image catalogue) into `containers`.
 *
 * The `<Lab>` loader's own imports stay in its small chunk: the workspace gets the loader's
 * `loadLabBundle` as an argument instead of importing it, because a group takes its modules'
 * dependencies along. For the same reason Vite's preload helper and Rolldown's runtime, which
 * pages without a lab share, are groups of their own at the highest priority.
 */
import { fileURLToPath } from 'node:url';

const at = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));

/** Group name → entry module whose static imports form the group, in priority order. */
const GROUPS = [
  ['mount', at('../workspace/mount.ts')],
  ['workspace', at('../workspace/workspace.ts')],
  ['kube', at('../../emulator/kube/cluster.ts')],
  ['docker-engine', at('../../emulator/docker/engine.ts')],
];
/** Modules both the cluster and the Docker engine import (container roots, images), outside `mount` and `workspace`. */
const SHARED = 'containers';
/** Modules of the phase-2 groups that lab definitions import too. */
const LAB_SHARED = 'lab-shared';
/** Modules that stay in the `<Lab>` loader's own chunk. */
const LOADER = at('../workspace/lab-loader.ts');

/**
 * @param {(id: string) => { importedIds: readonly string[] } | null} info
 * @param {string} entry
 * @returns {Set<string>}
 */
function staticClosure(info, entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length > 0) {
    const id = /** @type {string} */ (stack.pop());
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of info(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
}

/** Chunks whose code mostly runs while a lab boots. */
const BOOT_CHUNKS = new Set(['mount', 'workspace', SHARED, 'kube', 'docker-engine']);

/**
 * Rolldown's `output.postBanner` (after minification, which drops comments): V8's explicit compile hint (Chrome 136+) on the chunks a lab boots
 * with, so their functions are compiled eagerly on the streaming thread while the chunk downloads,
 * not one by one on the main thread when first called (xterm's and the emulator's start-up).
 * @param {{ name: string, moduleIds: readonly string[] }} chunk
 */
export function labChunkBanner(chunk) {
  // (The `mount` command's chunk has the name too.)
  const boot = BOOT_CHUNKS.has(chunk.name) && (chunk.name !== 'mount' || chunk.moduleIds.includes(GROUPS[0][1]));
  return boot ? '//# allFunctionsCalledOnLoad' : '';
}

/**
 * The `codeSplitting` option. Each build (server, client) has its own module graph, so the
 * assignment is recomputed when the entries' module infos change.
 * @returns {import('rolldown').OutputOptions['codeSplitting']}
 */
export function labCodeSplitting() {
  /** @type {Map<string, string>} */
  let owner = new Map();
  /** @type {unknown[]} */
  let probe = [];
  /** @param {string} id @param {{ getModuleInfo(id: string): { importedIds: readonly string[] } | null }} ctx */
  const ownerOf = (id, ctx) => {
    const info = (/** @type {string} */ m) => ctx.getModuleInfo(m);
    const entries = [LOADER, ...GROUPS.map(([, entry]) => entry)].map(info);
    if (entries.some((e, i) => e !== probe[i])) {
      probe = entries;
      const loader = staticClosure(info, LOADER);
      // A module that some page's own script imports statically (e.g. the landing page's
      // progress script) stays out of the groups: in a group, it would make that page load the
      // whole group's chunk.
      /** @type {Map<string, boolean>} */
      const onPages = new Map();
      /** @type {(m: string) => boolean} */
      const importedByPage = (m) => {
        const known = onPages.get(m);
        if (known !== undefined) return known;
        onPages.set(m, false); // cycles
        const mi = /** @type {{ isEntry?: boolean, importers?: readonly string[] } | null} */ (info(m));
        /** @type {boolean} */
        const found = Boolean(mi && ((mi.isEntry && !loader.has(m)) || (mi.importers ?? []).some((i) => !loader.has(i) && importedByPage(i))));
        onPages.set(m, found);
        return found;
      };
      // What lab definitions import (their checks) loads with the lab, before the first prompt:
      // in a phase-2 group it would take that whole group along (the Docker lab's checks use
      // two small modules of the engine), so such modules get a small group of their own.
      const labDefinitions = (/** @type {{ dynamicallyImportedIds?: readonly string[] } | null} */ (info(LOADER))?.dynamicallyImportedIds ?? []).filter((m) => /[\\/]labs[\\/][^\\/]+[\\/]lab\.ts$/.test(m));
      const forLabs = new Set(labDefinitions.flatMap((m) => [...staticClosure(info, m)]));
      owner = new Map();
      for (const [name, entry] of GROUPS) {
        if (!info(entry)) continue;
        for (const m of staticClosure(info, entry)) {
          if (loader.has(m) || m.startsWith('\0') || importedByPage(m)) continue;
          if (name !== 'mount' && forLabs.has(m)) {
            if (!owner.has(m)) owner.set(m, LAB_SHARED);
            continue;
          }
          const first = owner.get(m);
          if (first === undefined) owner.set(m, name);
          // A module of the shell's phase 2 that an environment uses too stays there: the
          // workspace chunk is always loaded before (or with) an environment's.
          else if (first !== 'mount' && first !== 'workspace') owner.set(m, SHARED);
        }
      }
    }
    return owner.get(id);
  };
  return {
    groups: [
      { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 100 },
      { name: 'rolldown-runtime', test: /rolldown[\\/]runtime/, priority: 99 },
      // `containers` before `kube` and `docker-engine`, which would otherwise take its modules along.
      ...['mount', LAB_SHARED, 'workspace', SHARED, 'kube', 'docker-engine'].map((name, i, all) => ({
        name: (/** @type {string} */ id, /** @type {any} */ ctx) => (ownerOf(id, ctx) === name ? name : null),
        priority: all.length - i,
      })),
    ],
  };
}
