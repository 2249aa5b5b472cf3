/**
 * Builds a lab's starting world: a fresh deterministic world for the lab's environment and seed,
 * the lab's setup, then the starting files (and a submission's edited files) in the learner's
 * home. The lab panel and the grader start from the same state this way.
 *
 * Two phases, the same for both: phase 1 (`bootLearner` of src/emulator/boot.ts: the learner's
 * host, uplink and login shell — the page shows its prompt then) and phase 2 (`finishLabWorld`:
 * the environment, the lab's setup and files). The grader runs them back-to-back.
 */
import { bootLearner, setUpEnvironment, type BootedWorld, type EnvironmentSetup } from '../emulator/boot.ts';
import { loadEnvironment, loadWorld } from '../emulator/environment-loaders.ts';
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

/** Loads an environment's setup by name (tests may substitute one). */
export type EnvironmentLoader = (name: string) => Promise<EnvironmentSetup>;

/**
 * Phase 2 of a lab's starting world, on a world from phase 1 (`bootLearner({ seed })`): loads
 * and applies the lab's environment, runs the lab's setup, writes the starting files and then
 * `extraFiles` (a submission's edited files, which win), and settles.
 * @throws GradingError INVALID_LAB when the environment is unknown, cannot be loaded, or the setup fails.
 */
export async function finishLabWorld(
  booted: BootedWorld,
  bundle: Pick<LabBundle, 'lab' | 'files'>,
  extraFiles: Readonly<Record<string, string>> = {},
  load: EnvironmentLoader = loadEnvironment,
): Promise<World> {
  const { lab } = bundle;
  let world: World;
  try {
    world = setUpEnvironment(booted, await load(lab.environment));
  } catch (error) {
    throw cannotCreate(lab, error);
  }
  return setUpLab(world, bundle, extraFiles);
}

/**
 * The lab's starting world: phase 1 and phase 2 back-to-back, as the page runs them with its
 * prompt in between. `extraFiles` (a submission's edited files) are written after the lab's own,
 * so they win. A `factory` replaces both boot phases (it makes the environment's world whole).
 * @throws GradingError INVALID_LAB when the environment is unknown or the setup fails.
 */
export async function prepareWorld(
  bundle: Pick<LabBundle, 'lab' | 'files'>,
  seed: number,
  extraFiles: Readonly<Record<string, string>> = {},
  factory?: WorldFactory,
): Promise<World> {
  const { lab } = bundle;
  if (!factory) return finishLabWorld(bootLearner({ seed }), bundle, extraFiles);
  let world: World;
  try {
    world = await factory({ seed, environment: lab.environment });
  } catch (error) {
    throw cannotCreate(lab, error);
  }
  return setUpLab(world, bundle, extraFiles);
}

function cannotCreate(lab: { id: string; environment: string }, error: unknown): GradingError {
  const reason = error instanceof Error ? error.message : String(error);
  return new GradingError('INVALID_LAB', `cannot create the ${lab.environment} world of lab ${lab.id}: ${reason}`);
}

/** The lab's part of phase 2: its setup, its files and `extraFiles`, then a settle. */
async function setUpLab(world: World, bundle: Pick<LabBundle, 'lab' | 'files'>, extraFiles: Readonly<Record<string, string>>): Promise<World> {
  const { lab } = bundle;
  if (typeof lab.setup === 'string') await runSetupScript(world, lab.id, lab.setup);
  else if (lab.setup) await lab.setup({ world, home: lab.home });
  writeFiles(world, lab.home, bundle.files);
  writeFiles(world, lab.home, extraFiles);
  world.settle();
  return world;
}
