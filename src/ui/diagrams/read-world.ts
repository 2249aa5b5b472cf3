/**
 * Reads the live view model out of a world: the cluster's API objects (outside the system
 * namespaces), the Docker engine's networks, and the learner's host's network namespaces. The
 * only file of the view that knows the emulator's internals; reading never changes the world.
 */
import { dockerEngine, hasDockerEngine } from '../../emulator/docker/engine.ts';
import { clusterOf } from '../../emulator/kube/cluster.ts';
import type { KubeObject } from '../../emulator/kube/api/types.ts';
import type { Link } from '../../emulator/linux/net/stack.ts';
import { formatIp } from '../../emulator/linux/net/ipv4.ts';
import type { World } from '../../emulator/world.ts';
import type { LiveViewModel } from './describe.ts';
import { kubeView, type KubeObjects } from './kube-view.ts';
import { dockerView, netnsView, type NetnsInput } from './net-view.ts';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** The whole live view model of `world`. */
export function readWorld(world: World): LiveViewModel {
  return { kube: readKube(world), docker: readDocker(world), netns: readNetns(world) };
}

function readKube(world: World) {
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

function readDocker(world: World) {
  if (!hasDockerEngine(world)) return [];
  const engine = dockerEngine(world);
  return dockerView(
    [...engine.networks.values()].map((n) => ({
      name: n.name,
      driver: n.driver,
      subnet: n.ipamConfig[0]?.Subnet,
      bridge: n.bridgeName,
      containers: [...n.endpoints.values()].map((ep) => {
        const c = engine.containers.get(ep.containerId);
        return { name: c?.name ?? ep.containerId.slice(0, 12), ip: ep.ip === undefined ? undefined : formatIp(ep.ip), running: c?.state.status === 'running' };
      }),
    })),
  );
}

function readNetns(world: World) {
  const host = world.linux.hosts.values().next().value;
  if (!host) return [];
  const nameOf = (ns: Link['netns']) => (ns === host.initial.net ? 'host' : (ns.name ?? `net:[${ns.inode}]`));
  const input = (name: string, ns: Link['netns']): NetnsInput => ({
    name,
    links: ns.stack.all().map((l) => ({
      name: l.name,
      kind: l.kind,
      up: l.up,
      addresses: l.addresses.map((a) => `${formatIp(a.ip)}/${a.prefix}`),
      peer: l.peer ? { name: l.peer.name, netns: nameOf(l.peer.netns) } : undefined,
      master: l.master?.name,
    })),
  });
  return netnsView([input('host', host.initial.net), ...[...host.namedNetns].map(([name, ns]) => input(name, ns))]);
}
