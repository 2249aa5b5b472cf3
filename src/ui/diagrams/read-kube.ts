/**
 * Reads the Kubernetes part of the live view out of a world's cluster (outside the system
 * namespaces). Its own module because it imports the cluster: the live view loads it only in a
 * world that has one, so a Linux lab's diagram does not pull in the Kubernetes emulator.
 */
import { clusterOf } from '../../emulator/kube/cluster.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import type { World } from '../../emulator/world.ts';
import { kubeView, type KubeObjects, type KubeView } from './kube-view.ts';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The cluster's view model, or undefined when `world` has no cluster. Never changes the world. */
export function readKube(world: World): KubeView | undefined {
  const store = clusterOf(world)?.store;
  if (!store) return undefined;
  const list = (resource: string, namespaced = true): KubeObject[] =>
    (store.list(resource, {}).items as KubeObject[]).filter((o) => !namespaced || !SYSTEM_NAMESPACES.has(o.metadata.namespace ?? ''));
  const objects: KubeObjects = {
    nodes: list('nodes', false),
    pods: list('pods'),
    replicasets: list('replicasets'),
    statefulsets: list('statefulsets'),
    deployments: list('deployments'),
    pvcs: list('persistentvolumeclaims'),
    pvs: list('persistentvolumes', false),
    services: list('services').filter((s) => s.metadata.name !== 'kubernetes'),
    endpointslices: list('endpointslices'),
  };
  return kubeView(objects);
}
