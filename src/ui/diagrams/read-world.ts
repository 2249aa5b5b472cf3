/**
 * Reads the live view model out of a world: the learner's host's network namespaces here, and
 * the cluster's objects and the Docker engine's networks through readers passed in
 * (`read-kube.ts`, `read-docker.ts`), which `world-readers.ts` loads only when the world has a
 * cluster or an engine. Reading never changes the world.
 */
import type { Link } from '../../emulator/linux/net/stack.ts';
import { formatIp } from '../../emulator/linux/net/ipv4.ts';
import type { World } from '../../emulator/world.ts';
import type { LiveViewModel } from './describe.ts';
import type { KubeView } from './kube-view.ts';
import { netnsView, type DockerNetworkView, type NetnsInput } from './net-view.ts';

/** The readers of the optional subsystems; a missing one reads as "not there". */
export interface WorldReaders {
  readonly kube?: (world: World) => KubeView | undefined;
  readonly docker?: (world: World) => DockerNetworkView[];
}

/** The whole live view model of `world`, as far as `readers` can see. */
export function readWorld(world: World, readers: WorldReaders = {}): LiveViewModel {
  return { kube: readers.kube?.(world), docker: readers.docker?.(world) ?? [], netns: readNetns(world) };
}

/**
 * Whether the learner's host has Docker's default bridge (`docker0`): dockerd creates it when
 * the engine starts, so the view can tell that the world has an engine without loading it.
 */
export function hostHasDocker(world: World): boolean {
  const host = world.linux.hosts.values().next().value;
  return host?.initial.net.stack.all().some((l) => l.name === 'docker0') ?? false;
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
