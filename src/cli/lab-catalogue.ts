/**
 * The labs the CLI knows: `labs/index.ts`'s definitions, validated against the lab schema
 * (`defineLab` in the page does not validate), with starting files and solution read fresh from
 * disk (so an author's edit counts before `petlab labs sync`).
 */
import { labBundles } from '../../labs/index.ts';
import type { LabBundle } from '../grading/bundle.ts';
import { GradingError } from '../grading/errors.ts';
import { validateLab } from '../grading/validate-lab.ts';
import { readLabAssets } from './lab-sync.ts';

/** Every lab, assets from disk. @throws GradingError INVALID_LAB for a lab that breaks the schema. */
export function allLabs(): LabBundle[] {
  return labBundles.map((b) => ({ lab: validateLab(b.lab), ...readLabAssets(b.lab.id) }));
}

/**
 * The lab `id`.
 * @throws GradingError UNKNOWN_LAB listing the known ids, INVALID_LAB when it breaks the schema.
 */
export function findLab(id: string): LabBundle {
  const bundle = labBundles.find((b) => b.lab.id === id);
  if (!bundle) {
    const known = labBundles.map((b) => b.lab.id).join(', ');
    throw new GradingError('UNKNOWN_LAB', `unknown lab '${id}' (labs: ${known})`);
  }
  return { lab: validateLab(bundle.lab), ...readLabAssets(id) };
}
