/**
 * A single-node swarm: `docker swarm init` makes this engine a manager, creates the `ingress`
 * overlay (10.0.0.0/24) and the `docker_gwbridge` bridge, and allows overlay networks, whose
 * subnets come from the swarm's default pool 10.0.0.0/8 in /24 blocks.
 */
import { DockerError } from './errors.ts';
import type { DockerEngine } from './engine.ts';
import { AddressPool, allocateSubnet } from './ipam.ts';
import { overlaps, type Cidr } from './ipv4.ts';
import type { Network } from './types.ts';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Result of `docker swarm init`. */
export interface SwarmInit {
  nodeId: string;
  workerToken: string;
  advertiseAddr: string;
}

/** Initialises the swarm. Error when already in one (daemon wording). */
export function swarmInit(engine: DockerEngine, advertiseAddr?: string): SwarmInit {
  if (engine.swarm) {
    throw new DockerError('unavailable', 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.');
  }
  const nodeId = engine.rng.string(25, BASE36);
  const workerToken = `SWMTKN-1-${engine.rng.string(50, BASE36)}-${engine.rng.string(25, BASE36)}`;
  const addr = advertiseAddr ?? engine.hostAddress;
  engine.swarm = { nodeId, createdAt: engine.now(), advertiseAddr: addr, workerToken };
  const ingress: Network = {
    id: engine.rng.string(25, BASE36), name: 'ingress', driver: 'overlay', scope: 'swarm',
    created: engine.now(), internal: false, attachable: false, ingress: true, predefined: true,
    options: { 'com.docker.network.driver.overlay.vxlanid_list': '4096' }, labels: {},
    pool: new AddressPool({ base: 0x0a000000, bits: 24 }, 0x0a000001, undefined, true),
    ipamConfig: [{ Subnet: '10.0.0.0/24', Gateway: '10.0.0.1' }], endpoints: new Map(),
  };
  engine.networks.set(ingress.id, ingress);
  engine.runtime.networkCreated(engine, ingress);
  const used = [...engine.networks.values()].flatMap((n) => (n.pool ? [n.pool.subnet] : []));
  const gwSubnet = allocateSubnet(used);
  const gw: Network = {
    id: engine.newId(), name: 'docker_gwbridge', driver: 'bridge', scope: 'local', created: engine.now(),
    internal: false, attachable: false, ingress: false, predefined: false, bridgeName: 'docker_gwbridge',
    options: {
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker_gwbridge',
    },
    labels: {}, pool: new AddressPool(gwSubnet, gwSubnet.base + 1),
    ipamConfig: [{ Subnet: `${fmt(gwSubnet.base)}/${gwSubnet.bits}`, Gateway: fmt(gwSubnet.base + 1) }], endpoints: new Map(),
  };
  engine.networks.set(gw.id, gw);
  engine.runtime.networkCreated(engine, gw);
  engine.changed();
  return { nodeId, workerToken, advertiseAddr: addr };
}

function fmt(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The next free /24 of the swarm pool 10.0.0.0/8 for an overlay network. */
export function allocateOverlaySubnet(engine: DockerEngine): Cidr {
  const used = [...engine.networks.values()].flatMap((n) => (n.pool ? [n.pool.subnet] : []));
  for (let i = 0; i < 65536; i++) {
    const c: Cidr = { base: (0x0a000000 + i * 256) >>> 0, bits: 24 };
    if (!used.some((u) => overlaps(u, c))) return c;
  }
  throw new DockerError('unavailable', 'could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network');
}

/**
 * `docker swarm leave [--force]`. A manager needs --force; overlay networks and the ingress go.
 * Errors with the daemon's wording.
 */
export function swarmLeave(engine: DockerEngine, force: boolean): void {
  if (!engine.swarm) throw new DockerError('unavailable', 'This node is not part of a swarm');
  if (!force) {
    throw new DockerError('unavailable', 'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.');
  }
  for (const n of [...engine.networks.values()]) {
    if (n.scope === 'swarm' && n.endpoints.size === 0) {
      engine.networks.delete(n.id);
      engine.runtime.networkRemoved(engine, n);
    }
  }
  engine.swarm = undefined;
  engine.changed();
}
