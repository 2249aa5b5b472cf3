/**
 * Loads the live view's Kubernetes and Docker readers only when the world has what they read,
 * so a Linux lab's diagram does not download the cluster or the engine: the Kubernetes reader
 * in a `kubernetes` world (only that environment creates a cluster), the Docker reader in a
 * `docker` world or as soon as the learner's host has Docker's `docker0` bridge (a `docker`
 * command started the engine, and so had already loaded its module).
 */
import type { World } from '../../emulator/world.ts';
import { hostHasDocker, type WorldReaders } from './read-world.ts';

export interface ReaderLoader {
  /** The readers loaded so far; starts loading any the world now needs. */
  current(): WorldReaders;
}

/**
 * @param environment the lab's environment ('linux', 'docker', 'kubernetes')
 * @param onLoaded called when a reader has arrived (the view redraws); a reader whose chunk
 *   fails to load is tried again at the next `current()`.
 */
export function worldReaders(world: World, environment: string, onLoaded: () => void): ReaderLoader {
  const readers: { kube?: WorldReaders['kube']; docker?: WorldReaders['docker'] } = {};
  const loadKube = once(() => import('./read-kube.ts').then((m) => void (readers.kube = m.readKube)), onLoaded);
  const loadDocker = once(() => import('./read-docker.ts').then((m) => void (readers.docker = m.readDocker)), onLoaded);
  return {
    current() {
      if (environment === 'kubernetes') loadKube();
      if (environment === 'docker' || (!readers.docker && hostHasDocker(world))) loadDocker();
      return { ...readers };
    },
  };
}

/** Starts `load` at the first call, then does nothing unless it failed (then it may retry). */
function once(load: () => Promise<void>, onLoaded: () => void): () => void {
  let state: 'idle' | 'loading' | 'loaded' = 'idle';
  return () => {
    if (state !== 'idle') return;
    state = 'loading';
    load().then(
      () => {
        state = 'loaded';
        onLoaded();
      },
      () => (state = 'idle'),
    );
  };
}
