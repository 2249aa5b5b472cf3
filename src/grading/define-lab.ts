/**
 * `defineLab`: what every `labs/<id>/lab.ts` default-exports. It only fills in defaults, so the
 * page that runs a lab does not carry the schema library; `validateLab` (validate-lab.ts) checks
 * the definition against `labSchema` with friendly messages, and the CLI (`petlab labs verify`,
 * `petlab grade`, `petlab shell --lab`) and the tests run it on every lab.
 */
import type { Lab, LabInput } from './lab-schema.ts';

/** What each defined lab was written as, for `validateLab` (defaults would hide e.g. `home: null`). */
const written = new WeakMap<Lab, LabInput>();

/**
 * Returns the definition with defaults filled in (home "/root", seed 1, and per task needs []
 * and points 1). Never throws, even for a malformed definition: `validateLab` reports those.
 */
export function defineLab(definition: LabInput): Lab {
  if (!isRecord(definition)) return definition as Lab;
  const tasks: unknown = definition.tasks;
  const lab = {
    ...definition,
    home: definition.home ?? '/root',
    seed: definition.seed ?? 1,
    tasks: Array.isArray(tasks) ? tasks.map((task: unknown) => (isRecord(task) ? { ...task, needs: task.needs ?? [], points: task.points ?? 1 } : task)) : tasks,
  } as Lab;
  written.set(lab, definition);
  return lab;
}

/** The definition `lab` was made from by `defineLab`, or `lab` itself. */
export function writtenDefinition(lab: Lab | LabInput): LabInput {
  return written.get(lab as Lab) ?? lab;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
