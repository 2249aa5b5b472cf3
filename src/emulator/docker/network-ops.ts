/**
 * Network operations of the engine, with libnetwork's rules and error texts:
 * create (bridge, macvlan, ipvlan, overlay), remove, connect, disconnect, prune, and the
 * predefined bridge/host/none networks. Endpoints exist only while a container runs; a stopped
 * container keeps its network *settings* but holds no address.
 */
import { DockerError } from './errors.ts';
import type { DockerEngine } from './engine.ts';
import { AddressPool, allocateSubnet } from './ipam.ts';
import { contains, formatCidr, masked, overlaps, parseCidr, parseIPv4, type Cidr } from './ipv4.ts';
import type { Container, Endpoint, Network, NetworkDriver } from './types.ts';
import { allocateOverlaySubnet } from './swarm-ops.ts';

/** Options of `docker network create`. */
export interface NetworkCreateOptions {
  name: string;
  /** @default 'bridge' */
  driver?: string;
  subnet?: string[];
  gateway?: string[];
  ipRange?: string[];
  internal?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  options?: Record<string, string>;
  labels?: Record<string, string>;
}

const PREDEFINED = new Set(['bridge', 'host', 'none', 'default']);

/** Makes docker0's `bridge`, `host` and `none`, as dockerd does at start. */
export function createPredefinedNetworks(engine: DockerEngine): void {
  const t = engine.now() - 3_600_000;
  const bridgePool = new AddressPool({ base: 0xac110000, bits: 16 }, 0xac110001);
  add(engine, {
    id: engine.newId(), name: 'bridge', driver: 'bridge', scope: 'local', created: t, internal: false,
    attachable: false, ingress: false, predefined: true, bridgeName: 'docker0',
    options: {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.name': 'docker0',
      'com.docker.network.driver.mtu': '1500',
    },
    labels: {}, pool: bridgePool, ipamConfig: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
    endpoints: new Map(),
  });
  add(engine, {
    id: engine.newId(), name: 'host', driver: 'host', scope: 'local', created: t, internal: false,
    attachable: false, ingress: false, predefined: true, options: {}, labels: {}, ipamConfig: [],
    endpoints: new Map(),
  });
  add(engine, {
    id: engine.newId(), name: 'none', driver: 'null', scope: 'local', created: t, internal: false,
    attachable: false, ingress: false, predefined: true, options: {}, labels: {}, ipamConfig: [],
    endpoints: new Map(),
  });
}

function add(engine: DockerEngine, net: Network): Network {
  engine.networks.set(net.id, net);
  engine.runtime.networkCreated(engine, net);
  return net;
}

function usedSubnets(engine: DockerEngine): Cidr[] {
  const used: Cidr[] = [];
  for (const n of engine.networks.values()) if (n.pool) used.push(n.pool.subnet);
  return used;
}

/**
 * Creates a network. Errors (daemon wording): `network with name X already exists`,
 * `X is a pre-defined network and cannot be recreated`, the swarm-manager error for overlay,
 * `invalid subnet …`, `invalid gateway …`, `invalid ip-range …`, `Pool overlaps with other one on
 * this address space`, `plugin "X" not found`.
 */
export function createNetwork(engine: DockerEngine, o: NetworkCreateOptions): Network {
  const driver = (o.driver ?? 'bridge') as NetworkDriver;
  if (PREDEFINED.has(o.name) && o.name !== 'default') {
    throw new DockerError('forbidden', `operation is not permitted on predefined ${o.name} network `);
  }
  if (!['bridge', 'macvlan', 'ipvlan', 'overlay'].includes(driver)) {
    if (driver === 'host' || driver === 'null') {
      throw new DockerError('forbidden', `only one instance of "${driver}" network is allowed`);
    }
    throw new DockerError('not-found', `plugin "${o.driver}" not found`);
  }
  if (driver === 'overlay' && !engine.swarm) {
    throw new DockerError('forbidden', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  }
  for (const n of engine.networks.values()) {
    if (n.name === o.name) throw new DockerError('conflict', `network with name ${o.name} already exists`);
  }
  const subnets = o.subnet ?? [];
  const gateways = o.gateway ?? [];
  const ranges = o.ipRange ?? [];
  if (subnets.length === 0 && (gateways.length > 0 || ranges.length > 0)) {
    throw new DockerError('invalid-parameter', 'every ip-range or gateway must have a corresponding subnet');
  }
  if (gateways.length > subnets.length || ranges.length > subnets.length) {
    throw new DockerError('invalid-parameter', 'every ip-range or gateway must have a corresponding subnet');
  }
  const errors: string[] = [];
  let subnet: Cidr | undefined;
  let range: Cidr | undefined;
  let gateway: number | undefined;
  if (subnets.length > 0) {
    const s = parseCidr(subnets[0]);
    if (!s) errors.push(`invalid subnet ${subnets[0]}: invalid CIDR block notation`);
    else {
      if (masked(s).base !== s.base) errors.push(`invalid subnet ${formatCidr(s)}: it should be ${formatCidr(masked(s))}`);
      subnet = masked(s);
      if (ranges[0] !== undefined) {
        const r = parseCidr(ranges[0]);
        if (!r) errors.push(`invalid ip-range ${ranges[0]}: invalid CIDR block notation`);
        else {
          if (r.bits < s.bits) errors.push(`invalid ip-range ${ranges[0]}: CIDR block is bigger than its parent subnet ${formatCidr(s)}`);
          if (masked(r).base !== r.base) errors.push(`invalid ip-range ${formatCidr(r)}: it should be ${formatCidr(masked(r))}`);
          if (!overlaps(s, r)) errors.push(`invalid ip-range ${ranges[0]}: parent subnet ${formatCidr(s)} doesn't contain ip-range`);
          range = masked(r);
        }
      }
      if (gateways[0] !== undefined) {
        const g = parseIPv4(gateways[0]);
        if (g === undefined) errors.push(`invalid gateway ${gateways[0]}: invalid address`);
        else if (!contains(s, g)) errors.push(`invalid gateway ${gateways[0]}: parent subnet ${formatCidr(s)} doesn't contain this address`);
        gateway = g;
      }
    }
  }
  if (errors.length === 1) throw new DockerError('invalid-parameter', errors[0]);
  if (errors.length > 1) throw new DockerError('invalid-parameter', `* ${errors.join('\n* ')}`);
  const wanted = subnet;
  if (wanted && (driver === 'bridge' || driver === 'overlay') && usedSubnets(engine).some((u) => overlaps(u, wanted))) {
    throw new DockerError('invalid-parameter', 'invalid pool request: Pool overlaps with other one on this address space');
  }
  const options = { ...(o.options ?? {}) };
  if ((driver === 'macvlan' || driver === 'ipvlan') && options.parent === undefined) {
    // Docker creates a dummy parent when none is given; the host's eth0 is what lessons use.
    options.parent = 'eth0';
  }
  if (!subnet) subnet = driver === 'overlay' ? allocateOverlaySubnet(engine) : allocateSubnet(usedSubnets(engine));
  if (gateway === undefined) gateway = subnet.base + 1;
  // Swarm-scoped networks get swarmkit's 25-character base-36 ids.
  const id = driver === 'overlay' ? engine.rng.string(25, '0123456789abcdefghijklmnopqrstuvwxyz') : engine.newId();
  const ipamConfig: Network['ipamConfig'] = [
    { Subnet: formatCidr(subnet), ...(range ? { IPRange: formatCidr(range) } : {}), Gateway: formatCidrAddr(gateway) },
  ];
  const net: Network = {
    id, name: o.name, driver, scope: driver === 'overlay' ? 'swarm' : 'local', created: engine.now(),
    internal: o.internal ?? false, attachable: o.attachable ?? false, ingress: o.ingress ?? false,
    predefined: false, bridgeName: driver === 'bridge' ? (options['com.docker.network.bridge.name'] ?? `br-${id.slice(0, 12)}`) : undefined,
    options, labels: o.labels ?? {},
    pool: new AddressPool(subnet, gateway, range, driver === 'overlay'),
    ipamConfig, endpoints: new Map(),
  };
  add(engine, net);
  engine.event('network.create', `network/${net.name}`, `network ${net.name} created (${driver}, ${net.ipamConfig[0]?.Subnet ?? ''})`, { id: net.id, name: net.name, driver });
  engine.changed();
  return net;
}

function formatCidrAddr(n: number): string {
  return formatCidr({ base: n, bits: 32 }).replace('/32', '');
}

/**
 * Removes a network. Errors: `<name> is a pre-defined network and cannot be removed`;
 * `error while removing network: network <name> has active endpoints (name:"c1" id:"…")`.
 */
export function removeNetwork(engine: DockerEngine, ref: string): Network {
  const net = engine.network(ref);
  if (net.predefined && !net.ingress) {
    throw new DockerError('forbidden', `${net.name} is a pre-defined network and cannot be removed`);
  }
  if (net.endpoints.size > 0) {
    const eps = [...net.endpoints.values()].map((ep) => {
      const c = engine.containers.get(ep.containerId);
      return `name:${JSON.stringify(c?.name ?? '')} id:${JSON.stringify(ep.endpointId.slice(0, 12))}`;
    });
    throw new DockerError('forbidden', `error while removing network: network ${net.name} has active endpoints (${eps.join(', ')})`);
  }
  engine.networks.delete(net.id);
  engine.runtime.networkRemoved(engine, net);
  engine.event('network.destroy', `network/${net.name}`, `network ${net.name} removed`, { id: net.id, name: net.name });
  engine.changed();
  return net;
}

/** Removes user-defined networks no container is attached to; returns the removed names. */
export function pruneNetworks(engine: DockerEngine): string[] {
  const removed: string[] = [];
  const inUse = new Set<string>();
  for (const c of engine.containers.values()) for (const ep of c.endpoints.values()) inUse.add(ep.networkId);
  for (const net of [...engine.networks.values()]) {
    if (net.predefined || inUse.has(net.id) || net.endpoints.size > 0) continue;
    engine.networks.delete(net.id);
    engine.runtime.networkRemoved(engine, net);
    removed.push(net.name);
  }
  if (removed.length) engine.changed();
  return removed;
}

/** The driver rule: whether a network gives its containers an address and an interface. */
export function hasInterface(net: Network): boolean {
  return net.driver !== 'host' && net.driver !== 'null';
}

/** Whether containers on `net` get embedded DNS (127.0.0.11): every network but the default bridge. */
export function hasEmbeddedDns(net: Network): boolean {
  return !(net.driver === 'bridge' && net.name === 'bridge') && hasInterface(net);
}

/** Gives a running container an endpoint on a network: address, MAC, veth and interface names. */
export function activateEndpoint(engine: DockerEngine, c: Container, net: Network, ep: Endpoint): void {
  if (hasInterface(net) && net.pool) {
    ep.ip = ep.requestedIp ? net.pool.reserve(ep.requestedIp) : net.pool.allocate(`${net.name} (${net.id.slice(0, 12)})`);
    ep.mac = randomMac(engine);
    const used = new Set([...c.endpoints.values(), ...(c.gatewayEndpoint ? [c.gatewayEndpoint] : [])].map((e) => e.ifName).filter(Boolean));
    let i = 0;
    while (used.has(`eth${i}`)) i++;
    ep.ifName = `eth${i}`;
    if (net.driver === 'bridge') ep.hostVeth = `veth${engine.rng.hex(7)}`;
  }
  net.endpoints.set(c.id, ep);
}

/** Releases a container's endpoint on a network (address back to the pool). */
export function deactivateEndpoint(net: Network, c: Container, ep: Endpoint): void {
  if (ep.ip !== undefined) net.pool?.release(ep.ip);
  ep.ip = undefined;
  ep.ifName = undefined;
  ep.hostVeth = undefined;
  ep.mac = '';
  net.endpoints.delete(c.id);
}

/** A random locally administered unicast MAC, as libnetwork generates since Docker 26. */
export function randomMac(engine: DockerEngine): string {
  const bytes = Array.from({ length: 6 }, () => engine.rng.int(256));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
