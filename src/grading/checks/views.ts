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
import { MemDir, MemFile, type Inode } from '../../emulator/linux/fs/nodes.ts';
import type { VolumeReader } from './kube-storage.ts';

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
