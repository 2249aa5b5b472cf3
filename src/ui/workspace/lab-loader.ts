/**
 * Finds a lab's definition and assets by id, loading only that lab (Vite's lazy `import.meta.glob`
 * makes one chunk per lab). `sandbox` (or an unknown id, reported) gives a plain Linux host.
 * The reference solution is not needed for the prompt, so it loads only when asked for.
 */
import type { LabBundle } from '../../grading/bundle.ts';
import type { Lab } from '../../grading/lab-schema.ts';

const definitions = import.meta.glob<{ default: Lab }>('../../../labs/*/lab.ts');
const files = import.meta.glob<string>('../../../labs/*/files/**', { query: '?raw', import: 'default' });
const solutions = import.meta.glob<string>('../../../labs/*/solution.sh', { query: '?raw', import: 'default' });

/** Lab ids found under `labs/`. */
export function labIds(): string[] {
  return Object.keys(definitions)
    .map((path) => path.split('/')[4])
    .sort();
}

/** A lab as the page loads it: definition and starting files; the reference solution on demand. */
export interface PageLab extends Omit<LabBundle, 'solution'> {
  /** Loads `solution.sh` ('' when the lab has none). Rejects when the chunk cannot be loaded. */
  solution(): Promise<string>;
}

const loading = new Map<string, Promise<PageLab | undefined>>();

/**
 * Loads lab `id` (once; later calls share the promise), or undefined when there is no such lab.
 * `<Lab>`'s loader calls it while the workspace chunk is still downloading. Rejects when a
 * chunk cannot be loaded.
 */
export function loadLabBundle(id: string): Promise<PageLab | undefined> {
  let promise = loading.get(id);
  if (!promise) loading.set(id, (promise = load(id)));
  return promise;
}

async function load(id: string): Promise<PageLab | undefined> {
  const definition = definitions[`../../../labs/${id}/lab.ts`];
  if (!definition) return undefined;
  const prefix = `../../../labs/${id}/files/`;
  const solution = solutions[`../../../labs/${id}/solution.sh`];
  // Definition and starting files in parallel: one round trip, not one per file.
  const [lab, entries] = await Promise.all([
    definition(),
    Promise.all(
      Object.entries(files)
        .filter(([path]) => path.startsWith(prefix))
        .map(async ([path, read]) => [path.slice(prefix.length), await read()] as const),
    ),
  ]);
  return { lab: lab.default, files: Object.fromEntries(entries), solution: async () => (solution ? solution() : '') };
}
