/**
 * Finds a lab's definition and assets by id, loading only that lab (Vite's lazy `import.meta.glob`
 * makes one chunk per lab). `sandbox` (or an unknown id, reported) gives a plain Linux host.
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

const loading = new Map<string, Promise<LabBundle | undefined>>();

/**
 * Loads the bundle of lab `id` (once; later calls share the promise), or undefined when there is
 * no such lab. `<Lab>`'s loader calls it while the workspace chunk is still downloading.
 */
export function loadLabBundle(id: string): Promise<LabBundle | undefined> {
  let promise = loading.get(id);
  if (!promise) loading.set(id, (promise = load(id)));
  return promise;
}

async function load(id: string): Promise<LabBundle | undefined> {
  const key = `../../../labs/${id}/lab.ts`;
  const load = definitions[key];
  if (!load) return undefined;
  const prefix = `../../../labs/${id}/files/`;
  const entries = await Promise.all(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(async ([path, read]) => [path.slice(prefix.length), await read()] as const),
  );
  const solution = solutions[`../../../labs/${id}/solution.sh`];
  return { lab: (await load()).default, files: Object.fromEntries(entries), solution: solution ? await solution() : '' };
}
