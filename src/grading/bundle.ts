/**
 * A lab with its assets: the validated definition plus the starting files (copied into the
 * learner's home) and the reference solution. `labs/index.ts` builds bundles for the browser and
 * Node alike from `labs/assets.generated.ts`; the CLI may read the same assets from disk.
 */
import type { Lab } from './lab-schema.ts';

/** A lab's files besides lab.ts, as text (what `labs/index.ts` inlines). */
export interface LabAssets {
  /** Starting files: path relative to the home directory → content. */
  readonly files: Readonly<Record<string, string>>;
  /** `solution.sh`: the reference solution, as shell text (here-documents allowed). */
  readonly solution: string;
}

export interface LabBundle extends LabAssets {
  readonly lab: Lab;
}

/** The absolute path of `path` for a learner whose home is `home` (absolute paths stay). */
export function homePath(home: string, path: string): string {
  if (path.startsWith('/')) return path;
  return `${home.replace(/\/$/, '')}/${path.replace(/^\.\//, '')}`;
}
