/**
 * Where checks find the world's subsystems. Each returns undefined when the world has none (a
 * Linux lab has no cluster), and checks then fail with a message saying so instead of throwing.
 * Reading never creates a subsystem: a check must not change the world.
 */
import type { World } from '../../emulator/world.ts';
import type { Linux } from '../../emulator/linux/linux.ts';
import { dockerEngine, hasDockerEngine, type DockerEngine } from '../../emulator/docker/engine.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import type { KubeReader } from './kube-reader.ts';
import { clusterOf } from '../../emulator/kube/cluster.ts';

/** The world's Linux model (`world.linux`). */
export function linuxOf(world: World): Linux {
  return world.linux;
}

/** The world's Docker engine, if one was started (by the environment or a docker command). */
export function dockerOf(world: World): DockerEngine | undefined {
  return hasDockerEngine(world) ? dockerEngine(world) : undefined;
}

/** A reader over the world's cluster API store, if the world has a cluster. */
export function kubeOf(world: World): KubeReader | undefined {
  const store = clusterOf(world)?.store;
  if (!store) return undefined;
  return { list: (kind, namespace) => store.list(kind, namespace === undefined ? {} : { namespace }).items as readonly KubeObject[] };
}
