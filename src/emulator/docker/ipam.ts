/**
 * Docker's default IPAM, as libnetwork's `default` driver does it on a local host:
 * - network subnets come from the default address pools, in order: 172.17.0.0/16 … 172.31.0.0/16,
 *   then 192.168.0.0/16 cut into /20s; the first block that overlaps no existing network wins
 *   (so a removed network's block is handed out again);
 * - the gateway is the first host address of the subnet (unless `--gateway` says otherwise);
 * - container addresses on local networks are the lowest free ones (so a removed container's
 *   172.17.0.2 is handed out again, as the docker/docs tutorials show); swarm-scoped networks
 *   allocate serially (libnetwork's AllocSerialPrefix) and wrap around. Both come from the
 *   `--ip-range` if one is set and skip the network and broadcast addresses and the gateway;
 *   `--ip` reserves a given address.
 */
import { DockerError } from './errors.ts';
import { contains, formatCidr, formatIPv4, masked, overlaps, parseIPv4, sizeOf, type Cidr } from './ipv4.ts';

/** The predefined local address pools (moby `ipamutils.localScopeDefaultNetworks`). */
export function defaultPools(): Cidr[] {
  const pools: Cidr[] = [];
  for (let second = 17; second <= 31; second++) pools.push({ base: ((172 << 24) | (second << 16)) >>> 0, bits: 16 });
  for (let third = 0; third < 256; third += 16) pools.push({ base: ((192 << 24) | (168 << 16) | (third << 8)) >>> 0, bits: 20 });
  return pools;
}

/** Picks the first default pool that overlaps none of `used`. Errors like libnetwork when all are taken. */
export function allocateSubnet(used: readonly Cidr[]): Cidr {
  for (const pool of defaultPools()) {
    if (!used.some((u) => overlaps(u, pool))) return pool;
  }
  throw new DockerError(
    'invalid-parameter',
    'all predefined address pools have been fully subnetted',
  );
}

/** Addresses of one network: gateway, allocation range, and who holds what. */
export class AddressPool {
  readonly subnet: Cidr;
  readonly range: Cidr;
  readonly gateway: number | undefined;
  private readonly allocated = new Set<number>();
  private last: number;

  /**
   * `gateway` undefined means none (host/none/null networks never call this). The gateway address
   * is reserved from container allocation.
   */
  /** Serial allocation (next after the last handed out) instead of lowest free. */
  readonly serial: boolean;

  constructor(subnet: Cidr, gateway: number | undefined, range?: Cidr, serial = false) {
    this.subnet = masked(subnet);
    this.range = range ? masked(range) : this.subnet;
    this.gateway = gateway;
    this.serial = serial;
    this.last = this.range.base - 1;
  }

  /** Whether `ip` is handed out (or is the gateway). */
  isAllocated(ip: number): boolean {
    return this.allocated.has(ip) || ip === this.gateway;
  }

  /** All addresses currently handed out to endpoints (not the gateway). */
  allocatedAddresses(): number[] {
    return [...this.allocated];
  }

  private usable(ip: number): boolean {
    const first = this.subnet.base;
    const lastAddr = first + sizeOf(this.subnet) - 1;
    if (this.subnet.bits < 31 && (ip === first || ip === lastAddr)) return false;
    return !this.isAllocated(ip);
  }

  /**
   * Hands out the lowest free address (or, when serial, the next free one after the last handed
   * out). Throws DockerError
   * `no available IPv4 addresses on this network's address pools: <name> (<id>)` when full.
   */
  allocate(networkLabel: string): number {
    const size = sizeOf(this.range);
    const start = this.serial ? this.last - this.range.base + 1 : 0;
    for (let i = 0; i < size; i++) {
      const ip = this.range.base + ((start + i) % size + size) % size;
      if (this.usable(ip)) {
        this.allocated.add(ip);
        this.last = ip;
        return ip;
      }
    }
    throw new DockerError(
      'unavailable',
      `no available IPv4 addresses on this network's address pools: ${networkLabel}`,
    );
  }

  /**
   * Reserves a requested address (`--ip`). Errors with Docker's wording when it is outside the
   * subnet or taken.
   */
  reserve(text: string): number {
    const ip = parseIPv4(text);
    if (ip === undefined) throw new DockerError('invalid-parameter', `invalid IPv4 address: ${text}`);
    if (!contains(this.subnet, ip)) {
      throw new DockerError(
        'invalid-parameter',
        `no configured subnet or ip-range contain the IP address ${text}`,
      );
    }
    if (this.isAllocated(ip)) throw new DockerError('conflict', `Address already in use`);
    this.allocated.add(ip);
    return ip;
  }

  /** Gives an address back. */
  release(ip: number): void {
    this.allocated.delete(ip);
  }

  /** `172.18.0.0/16`. */
  subnetText(): string {
    return formatCidr(this.subnet);
  }

  /** `172.18.0.1`, or '' without a gateway. */
  gatewayText(): string {
    return this.gateway === undefined ? '' : formatIPv4(this.gateway);
  }
}
