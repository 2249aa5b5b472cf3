/**
 * Environments loaded on demand: the page imports the Docker engine or the Kubernetes cluster
 * only when a lab asks for that environment, so a Linux lab loads neither. Same setups as the
 * eager `environments` table of `environment.ts` (a test keeps the two equal).
 */
import type { World } from './world.ts';
import { bootWorld, environmentEntry, type CreateWorldOptions, type EnvironmentSetup } from './boot.ts';

/** Environment name → a loader of its setup. */
export const environmentLoaders: Readonly<Record<string, () => Promise<EnvironmentSetup>>> = {
  docker: async () => {
    const { installDocker } = await import('./docker/engine.ts');
    return (world, learner) => void installDocker(world, learner.host);
  },
  linux: async () => () => {},
  kubernetes: async () => {
    const { createCluster } = await import('./kube/cluster.ts');
    return (world) => void createCluster(world);
  },
};

/**
 * Loads the setup of environment `name` (its code's chunk on the page). Rejects with
 * UnknownEnvironmentError for an unknown environment, or with the loader's error when the code
 * cannot be loaded.
 */
export async function loadEnvironment(name: string): Promise<EnvironmentSetup> {
  return environmentEntry(environmentLoaders, name)();
}

/**
 * `createWorld` with the environment's code loaded first: the same world for the same options.
 * Rejects with UnknownEnvironmentError for an unknown environment.
 */
export async function loadWorld(options: CreateWorldOptions = {}): Promise<World> {
  const setup = await loadEnvironment(options.environment ?? 'linux');
  return bootWorld(options, setup);
}
