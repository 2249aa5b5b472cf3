/**
 * Checks about Docker: networks, containers, and name resolution by Docker's embedded DNS.
 * Resolution asks the container's own resolver in the world's Linux model (what `ping` inside
 * would get); for an engine without a Linux runtime it follows libnetwork's rule: a container
 * resolves the names and aliases of running containers it shares a network with, on every
 * network but the default bridge (which has no embedded DNS).
 */
import type { CheckResult } from '../lab-schema.ts';
import type { DockerEngine } from '../../emulator/docker/engine.ts';
import { formatIPv4 } from '../../emulator/docker/ipv4.ts';
import { hasEmbeddedDns } from '../../emulator/docker/network-ops.ts';
import type { Container, Network } from '../../emulator/docker/types.ts';
import { resolveName, type Resolution } from '../../emulator/linux/net/resolve.ts';
import { fail, listWords, pass } from './result.ts';

const noEngine = fail('this world has no Docker engine running');

function byName(engine: DockerEngine, name: string): Container | undefined {
  for (const c of engine.containers.values()) if (c.name === name) return c;
  return undefined;
}

/** Why `name` cannot be used as a running container, or undefined when it can. */
function notRunning(engine: DockerEngine, name: string): string | undefined {
  const c = byName(engine, name);
  if (!c) return `no container named ${name} yet`;
  if (c.state.status !== 'running') return `container ${name} is ${c.state.status}, not running`;
  return undefined;
}

function networkNamed(engine: DockerEngine, name: string): Network | undefined {
  for (const n of engine.networks.values()) if (n.name === name) return n;
  return undefined;
}

/** A user-defined network `name` exists with driver `driver` (default bridge). */
export function userNetworkExists(engine: DockerEngine | undefined, want: { name: string; driver?: string }): CheckResult {
  if (!engine) return noEngine;
  const driver = want.driver ?? 'bridge';
  const net = networkNamed(engine, want.name);
  if (!net) {
    const user = [...engine.networks.values()].filter((n) => !n.predefined).map((n) => n.name);
    const others = user.length > 0 ? ` (user-defined networks: ${listWords(user)})` : '';
    return fail(`no network named ${want.name}${others}: create one with the ${driver} driver`);
  }
  if (net.predefined) return fail(`${want.name} is one of Docker's predefined networks, not a user-defined one`);
  if (net.driver !== driver) return fail(`network ${want.name} uses the ${net.driver} driver; the lab wants ${driver}`);
  const subnet = net.ipamConfig[0]?.Subnet;
  return pass(`network ${want.name} exists (driver ${driver}${subnet ? `, subnet ${subnet}` : ''})`);
}

/** Container `container` is running and attached to network `network` with an address. */
export function containerOnNetwork(engine: DockerEngine | undefined, want: { container: string; network: string }): CheckResult {
  if (!engine) return noEngine;
  const c = byName(engine, want.container);
  if (!c) return fail(`no container named ${want.container}`);
  if (c.state.status !== 'running') return fail(`container ${want.container} is ${c.state.status}, not running`);
  const ep = c.endpoints.get(want.network);
  if (!ep) {
    const nets = [...c.endpoints.keys()];
    return fail(`container ${want.container} is not attached to ${want.network} (its networks: ${nets.length > 0 ? listWords(nets) : 'none'})`);
  }
  const ip = ep.ip === undefined ? 'no address' : formatIPv4(ep.ip);
  return pass(`container ${want.container} is running on ${want.network} (${ip})`);
}

/** The networks on which `from` resolves `name` to an address, with that address. */
export function resolveByName(engine: DockerEngine, from: Container, name: string): { network: string; ip: string }[] {
  const found: { network: string; ip: string }[] = [];
  for (const [netName, ep] of from.endpoints) {
    const net = engine.networks.get(ep.networkId);
    if (!net || !hasEmbeddedDns(net)) continue;
    for (const other of net.endpoints.values()) {
      const c = engine.containers.get(other.containerId);
      if (!c || c.state.status !== 'running' || other.ip === undefined) continue;
      if (c.name === name || other.aliases.includes(name)) found.push({ network: netName, ip: formatIPv4(other.ip) });
    }
  }
  return found;
}

/**
 * What the container's own resolver answers (its /etc/hosts and /etc/resolv.conf, over the
 * packet path, as `ping` inside it would ask), when the container runs as a process of the
 * world's Linux model; undefined otherwise (an engine without a Linux runtime).
 */
export function containerResolves(engine: DockerEngine, from: Container, name: string): Resolution | undefined {
  const linux = engine.world.linux;
  if (!from.state.pid) return undefined;
  for (const host of linux.hosts.values()) {
    const proc = host.process(from.state.pid);
    if (proc && !proc.exited) return resolveName(linux.net, proc, name);
  }
  return undefined;
}

/** Running container `from` resolves `name` by Docker's embedded DNS. */
export function resolvesByName(engine: DockerEngine | undefined, want: { from: string; name: string }): CheckResult {
  if (!engine) return noEngine;
  const why = notRunning(engine, want.from);
  if (why) return fail(why);
  const from = byName(engine, want.from)!;
  const live = containerResolves(engine, from, want.name);
  if (live?.ok) return pass(`${want.from} resolves ${want.name} to ${live.addresses[0]}${live.server ? ` (DNS server ${live.server})` : ` (${live.source})`}`);
  const found = live ? [] : resolveByName(engine, from, want.name);
  if (found.length > 0) return pass(`${want.from} resolves ${want.name} to ${found[0].ip} on ${found[0].network}`);
  const nets = [...from.endpoints.keys()];
  if (nets.length > 0 && nets.every((n) => n === 'bridge')) {
    return fail(`${want.from} is only on the default bridge, which has no embedded DNS: ${want.name} does not resolve there`);
  }
  return fail(`${want.from} cannot resolve ${want.name}: they share no user-defined network with ${want.name} running on it`);
}

/** Running container `from` sits on the default bridge and cannot resolve `name`. */
export function defaultBridgeDoesNotResolve(engine: DockerEngine | undefined, want: { from: string; name: string }): CheckResult {
  if (!engine) return noEngine;
  const why = notRunning(engine, want.from);
  if (why) return fail(why);
  const from = byName(engine, want.from)!;
  if (!from.endpoints.has('bridge')) return fail(`container ${want.from} is not on the default bridge network`);
  if (!byName(engine, want.name)) return fail(`no container named ${want.name} to look up`);
  const live = containerResolves(engine, from, want.name);
  if (live?.ok) return fail(`${want.from} resolves ${want.name} to ${live.addresses[0]}: keep ${want.from} on the default bridge only`);
  const found = live ? [] : resolveByName(engine, from, want.name);
  if (found.length > 0) return fail(`${want.from} resolves ${want.name} on ${found[0].network}: keep ${want.from} on the default bridge only`);
  return pass(`${want.from} is on the default bridge, where ${want.name} does not resolve (no embedded DNS)`);
}
