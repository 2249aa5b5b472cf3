/**
 * Builds a lab's starting world: a fresh deterministic world for the lab's environment and seed,
 * the lab's setup, then the starting files (and a submission's edited files) in the learner's
 * home. The lab panel and the grader start from the same state this way.
 */
import { loadWorld } from '../emulator/environment-loaders.ts';
import type { World } from '../emulator/world.ts';
import type { LabBundle } from './bundle.ts';
import { homePath } from './bundle.ts';
import { GradingError } from './errors.ts';
import { runSetupScript } from './replay.ts';

/**
 * Makes a world for an environment (or a promise of one); tests and the bench may substitute
 * one. Throws (or rejects) for an environment it cannot make.
 */
export type WorldFactory = (options: { seed: number; environment: string }) => World | Promise<World>;

/** `loadWorld`: loads only the lab's environment (the page need not carry Docker and Kubernetes). */
export const defaultWorldFactory: WorldFactory = (options) => loadWorld(options);

/** Writes `files` (path → text) into the learner's home on the world's host, creating folders. */
export function writeFiles(world: World, home: string, files: Readonly<Record<string, string>>): void {
  const fs = world.linux.loginShell().fs;
  for (const [path, content] of Object.entries(files)) {
    const abs = homePath(home, path);
    const dir = abs.slice(0, abs.lastIndexOf('/'));
    try {
      if (dir !== '') fs.mkdir(dir, { recursive: true });
      fs.writeFile(abs, content);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new GradingError('INVALID_SUBMISSION', `cannot write the file ${path} into ${home}: ${reason}`);
    }
  }
}

/**
 * The lab's starting world. `extraFiles` (a submission's edited files) are written after the
 * lab's own, so they win.
 * @throws GradingError INVALID_LAB when the environment is unknown or the setup fails.
 */
export async function prepareWorld(
  bundle: Pick<LabBundle, 'lab' | 'files'>,
  seed: number,
  extraFiles: Readonly<Record<string, string>> = {},
  factory: WorldFactory = defaultWorldFactory,
): Promise<World> {
  const { lab } = bundle;
  let world: World;
  try {
    world = await factory({ seed, environment: lab.environment });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GradingError('INVALID_LAB', `cannot create the ${lab.environment} world of lab ${lab.id}: ${reason}`);
  }
  if (typeof lab.setup === 'string') await runSetupScript(world, lab.id, lab.setup);
  else if (lab.setup) await lab.setup({ world, home: lab.home });
  writeFiles(world, lab.home, bundle.files);
  writeFiles(world, lab.home, extraFiles);
  world.settle();
  return world;
}
