/**
 * Where checks find the world's subsystems. Each returns undefined when the world has none (a
 * Linux lab has no cluster), and checks then fail with a message saying so instead of throwing.
 * Reading never creates a subsystem: a check must not change the world.
 *
 * Only types are imported from the Docker engine and the cluster: the engines hang themselves off
 * the world when they start (`world.docker` from src/emulator/docker/engine.ts, `world.kube` from
 * createCluster in src/emulator/kube/cluster.ts), and this file reads those properties. Every lab
 * definition imports this file, so a static import here would put both engines' code on every
 * lab's boot path (the Docker lab would load the cluster, the Kubernetes lab the Docker engine).
 */
import type { World } from '../../emulator/world.ts';
import type { Linux } from '../../emulator/linux/linux.ts';
import type { DockerEngine } from '../../emulator/docker/engine.ts';
import type { Cluster } from '../../emulator/kube/cluster.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import type { KubeReader } from './kube-reader.ts';
import { MemDir, MemFile, type Inode } from '../../emulator/linux/fs/nodes.ts';
import type { VolumeReader } from './kube-storage.ts';

/** The properties the engines define on the world they run in (absent until they start). */
interface WorldEngines {
  readonly docker?: DockerEngine;
  readonly kube?: Cluster;
}

/** The world's Linux model (`world.linux`). */
export function linuxOf(world: World): Linux {
  return world.linux;
}

/** The world's Docker engine, if one was started (by the environment or a docker command). */
export function dockerOf(world: World): DockerEngine | undefined {
  return (world as World & WorldEngines).docker;
}

/** The world's cluster, if `createCluster` made one. */
function clusterOf(world: World): Cluster | undefined {
  return (world as World & WorldEngines).kube;
}

/** A reader over the world's cluster API store, if the world has a cluster. */
export function kubeOf(world: World): KubeReader | undefined {
  const store = clusterOf(world)?.store;
  if (!store) return undefined;
  return { list: (kind, namespace) => store.list(kind, namespace === undefined ? {} : { namespace }).items as readonly KubeObject[] };
}

/**
 * Reads files on the cluster's PersistentVolumes (without creating a volume that does not
 * exist). Undefined when the world has no cluster.
 */
export function volumesOf(world: World): VolumeReader | undefined {
  const volumes = clusterOf(world)?.volumes;
  if (!volumes) return undefined;
  return (volume, path) => {
    if (!volumes.has(volume)) return undefined;
    let node: Inode | undefined = volumes.get(volume).root;
    for (const part of path.split('/').filter((p) => p !== '' && p !== '.')) {
      node = node instanceof MemDir ? node.get(part) : undefined;
    }
    return node instanceof MemFile ? { content: node.content, mtime: node.mtime } : undefined;
  };
}
