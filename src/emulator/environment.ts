/**
 * `createWorld`: the world a lesson or lab starts from, synchronously, for Node callers (CLI,
 * grading, tests). Every environment boots the learner's host (`petlab`, root in /root) and then
 * adds its own subsystems. Docker and Kubernetes add their line to `environments` (a setup
 * function run after the host boots) and to `environmentLoaders` (the page's on-demand table).
 */
import type { World } from './world.ts';
import { createCluster } from './kube/cluster.ts';
import { installDocker } from './docker/engine.ts';
import { bootWorld, environmentEntry, type CreateWorldOptions, type EnvironmentSetup } from './boot.ts';

export { bootUplink, UnknownEnvironmentError } from './boot.ts';
export type { CreateWorldOptions, EnvironmentSetup, Learner } from './boot.ts';

/** Environments by name; `linux` is the bare host. Others add one line each here. */
export const environments: Record<string, EnvironmentSetup> = {
  docker: (world, learner) => void installDocker(world, learner.host),
  linux: () => {},
  kubernetes: (world) => void createCluster(world),
};

/**
 * A new world with the learner's host booted, its login shell started and the environment's
 * setup applied. Throws UnknownEnvironmentError for an unknown environment.
 */
export function createWorld(options: CreateWorldOptions = {}): World {
  return bootWorld(options, environmentEntry(environments, options.environment ?? 'linux'));
}
