/**
 * Link operations across network namespaces (what `ip link` does) and the entry points of the
 * packet path and DNS (`reach`, `dns`). Every link created or moved is recorded in the event log.
 */
import type { Linux } from '../linux.ts';
import { LinuxError } from '../errors.ts';
import type { NetNamespace } from '../namespaces.ts';
import type { Host } from '../host.ts';
import type { Process } from '../process.ts';
import { DnsRegistry } from './dns.ts';
import { Internet } from './internet.ts';
import { reach } from './packet-path.ts';
import type { ReachOptions, ReachResult } from './packet-path.ts';
import type { Link, LinkKind, Listener } from './stack.ts';

/** Options of `Network.addLink`. */
export interface LinkOptions {
  /** @default 1500 (65536 for loopback) */
  mtu?: number;
  /** @default a random locally administered address from the world's rng */
  mac?: string;
  /** Upstream segment for `ether` links: hosts whose uplinks share it reach each other. @default 'lan' */
  segment?: string;
}

export class Network {
  private readonly linux: Linux;
  /** Resolvers by nameserver address (docker's 127.0.0.11, kube-dns 10.96.0.10, the upstream). */
  readonly dns = new DnsRegistry();
  /** What lies beyond every host's uplink: public addresses, well-known sites. */
  readonly internet = new Internet();
  /** `ether` uplinks by segment name, for host-to-host traffic. */
  readonly segments = new Map<string, Set<Link>>();
  private readonly segmentOf = new Map<Link, string>();

  constructor(linux: Linux) {
    this.linux = linux;
  }

  /** The world's virtual time (ARP cache ages). */
  now(): number {
    return this.linux.world.now();
  }

  /** A random MAC with the locally-administered bit set, as the kernel's eth_random_addr. */
  randomMac(): string {
    const bytes = Array.from({ length: 6 }, () => this.linux.rng.int(256));
    bytes[0] = (bytes[0] & 0xfe) | 0x02;
    return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
  }

  /** Adds `lo` (ifindex 1); `up` also gives it 127.0.0.1/8, as a booted host has. */
  addLoopback(netns: NetNamespace, up: boolean): Link {
    const lo = this.addLink(netns, 'lo', 'loopback', { mtu: 65536, mac: '00:00:00:00:00:00' }, false);
    if (up) this.setUp(lo, true);
    return lo;
  }

  /**
   * Creates a link in `netns`. EEXIST when the name is taken. Bridges and veths start down,
   * with `noqueue`; an `ether` uplink joins its segment.
   */
  addLink(netns: NetNamespace, name: string, kind: LinkKind, options: LinkOptions = {}, record = true): Link {
    const stack = netns.stack;
    if (stack.links.has(name)) throw new LinuxError('EEXIST', 'RTM_NEWLINK', name);
    const link: Link = {
      ifindex: stack.nextIfindex++,
      name,
      kind,
      mac: options.mac ?? this.randomMac(),
      mtu: options.mtu ?? (kind === 'loopback' ? 65536 : 1500),
      up: false,
      addresses: [],
      netns,
      qdisc: kind === 'ether' ? 'fq_codel' : 'noqueue',
      // Bridges have no transmit queue (ip prints no "qlen"); Docker's container veths use 0 too.
      qlen: kind === 'bridge' ? 0 : 1000,
      createdAt: this.linux.world.now(),
    };
    stack.links.set(name, link);
    if (kind === 'ether') this.joinSegment(link, options.segment ?? 'lan');
    if (record) this.record('link.created', link, `${kind} ${name} created in netns ${netns.inode}`);
    return link;
  }

  /** Creates a veth pair: `name` in `netns`, `peerName` in `peerNetns` (default the same). */
  addVeth(netns: NetNamespace, name: string, peerName: string, peerNetns: NetNamespace = netns, options: LinkOptions = {}): [Link, Link] {
    if (netns.stack.links.has(name)) throw new LinuxError('EEXIST', 'RTM_NEWLINK', name);
    if (peerNetns.stack.links.has(peerName) || (peerNetns === netns && peerName === name)) throw new LinuxError('EEXIST', 'RTM_NEWLINK', peerName);
    // veth_newlink registers the peer first, so it gets the lower ifindex.
    const b = this.addLink(peerNetns, peerName, 'veth', { mtu: options.mtu });
    const a = this.addLink(netns, name, 'veth', options);
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  /** Deletes a link (both ends of a veth); a bridge's ports are released. */
  deleteLink(link: Link): void {
    const ends = link.peer ? [link, link.peer] : [link];
    for (const l of ends) {
      l.netns.stack.links.delete(l.name);
      this.dropRoutes(l);
      for (const port of l.netns.stack.links.values()) if (port.master === l) port.master = undefined;
      const seg = this.segmentOf.get(l);
      if (seg) this.segments.get(seg)?.delete(l);
      this.record('link.deleted', l, `${l.name} deleted from netns ${l.netns.inode}`);
    }
  }

  /**
   * Moves a link to another namespace, as `ip link set X netns Y`: it goes down, loses its
   * addresses, routes and master, and keeps its ifindex unless taken there. EEXIST on a name clash.
   */
  moveLink(link: Link, target: NetNamespace): void {
    if (target === link.netns) return;
    if (target.stack.links.has(link.name)) throw new LinuxError('EEXIST', 'RTM_NEWLINK', link.name);
    link.netns.stack.links.delete(link.name);
    this.dropRoutes(link);
    link.up = false;
    link.linkLocal = false;
    link.addresses = [];
    link.master = undefined;
    // The namespace a link leaves gets an id for its destination (RTM_DELLINK's IFLA_NEW_NETNSID),
    // and both ends of a veth get ids for each other's namespace (link-netnsid).
    link.netns.stack.nsidOf(target);
    if (link.peer && link.peer.netns !== target) {
      target.stack.nsidOf(link.peer.netns);
      link.peer.netns.stack.nsidOf(target);
    }
    const used = new Set([...target.stack.links.values()].map((l) => l.ifindex));
    if (used.has(link.ifindex)) link.ifindex = target.stack.nextIfindex++;
    else target.stack.nextIfindex = Math.max(target.stack.nextIfindex, link.ifindex + 1);
    link.netns = target;
    target.stack.links.set(link.name, link);
    this.record('link.moved', link, `${link.name} moved to netns ${target.inode}`);
  }

  /** Renames a link; EEXIST when the new name is taken, EBUSY while it is up. */
  renameLink(link: Link, name: string): void {
    if (link.netns.stack.links.has(name)) throw new LinuxError('EEXIST', 'RTM_NEWLINK', name);
    if (link.up) throw new LinuxError('EBUSY', 'RTM_NEWLINK', link.name);
    link.netns.stack.links.delete(link.name);
    link.name = name;
    for (const a of link.addresses) a.label = name;
    link.netns.stack.links.set(name, link);
  }

  /** Sets the admin state; bringing `lo` up gives it 127.0.0.1/8 as the kernel does. */
  setUp(link: Link, up: boolean): void {
    link.up = up;
    if (up) link.everUp = true;
    else link.linkLocal = false;
    if (up && link.kind === 'loopback' && !link.addresses.some((a) => a.ip === 0x7f000001)) {
      link.addresses.push({ ip: 0x7f000001, prefix: 8, scope: 'host', label: 'lo' });
    }
    this.linux.world.markChanged();
  }

  /** Makes `link` a port of `bridge` (same namespace), or releases it with undefined. EINVAL otherwise. */
  setMaster(link: Link, bridge: Link | undefined): void {
    if (bridge && (bridge.kind !== 'bridge' || bridge.netns !== link.netns || bridge === link)) throw new LinuxError('EINVAL', 'RTM_NEWLINK', link.name);
    link.master = bridge;
    if (bridge) this.record('link.enslaved', link, `${link.name} attached to bridge ${bridge.name}`);
  }

  /**
   * `ip netns add NAME`: a new network namespace (only `lo`, down) bound at /run/netns/NAME on
   * `creator`'s host. EEXIST when the name is taken.
   */
  addNamed(creator: Process, name: string): NetNamespace {
    const host = creator.host;
    if (host.namedNetns.has(name)) throw new LinuxError('EEXIST', 'open', `/var/run/netns/${name}`);
    const ns = this.linux.newNamespace('net', creator, creator.ns) as NetNamespace;
    ns.name = name;
    host.namedNetns.set(name, ns);
    this.linux.world.markChanged();
    return ns;
  }

  /**
   * `ip netns delete NAME`: removes the name; when no process is inside any more the namespace
   * dies and its links with it (a veth's peer in another namespace too). ENOENT when unknown.
   */
  deleteNamed(host: Host, name: string): void {
    const ns = host.namedNetns.get(name);
    if (!ns) throw new LinuxError('ENOENT', 'unlink', `/var/run/netns/${name}`);
    host.namedNetns.delete(name);
    ns.name = undefined;
    let inUse = false;
    for (const p of host.processes.values()) if (p.ns.net === ns) inUse = true;
    if (!inUse) for (const link of ns.stack.all()) if (ns.stack.links.has(link.name)) this.deleteLink(link);
    this.linux.world.events.record({ source: 'linux', type: 'netns.deleted', subject: `netns/${host.id}/${name}`, message: `network namespace ${name} deleted`, data: { host: host.id, name, inode: ns.inode } });
    this.linux.world.markChanged();
  }

  /** The IPv6 link-local address of `link` if it has one now (fe80:: + EUI-64 of the MAC). */
  linkLocal(link: Link): string | undefined {
    if (link.kind === 'loopback' || !link.up) return undefined;
    if (!link.linkLocal && !link.netns.stack.hasCarrier(link)) return undefined;
    link.linkLocal = true;
    const b = link.mac.split(':').map((x) => parseInt(x, 16));
    b[0] ^= 0x02;
    const groups = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, 0xfe00 | b[3], (b[4] << 8) | b[5]];
    return `fe80::${groups.map((g) => g.toString(16)).join(':')}`;
  }

  /** Registers a listening socket; returns a function that closes it. */
  listen(netns: NetNamespace, listener: Listener): () => void {
    netns.stack.listeners.push(listener);
    return () => {
      const i = netns.stack.listeners.indexOf(listener);
      if (i >= 0) netns.stack.listeners.splice(i, 1);
    };
  }

  /** Decides whether a packet from `from` reaches `dst` and what answers (see packet-path.ts). */
  reach(from: NetNamespace, dst: number, options: ReachOptions = { proto: 'icmp' }): ReachResult {
    return reach(this, from, dst, options);
  }

  /** Every uplink on `segment`. */
  segment(name: string): ReadonlySet<Link> {
    return this.segments.get(name) ?? new Set();
  }

  private joinSegment(link: Link, name: string): void {
    let seg = this.segments.get(name);
    if (!seg) this.segments.set(name, (seg = new Set()));
    seg.add(link);
    this.segmentOf.set(link, name);
  }

  private dropRoutes(link: Link): void {
    const routes = link.netns.stack.routes;
    for (let i = routes.length - 1; i >= 0; i--) if (routes[i].dev === link) routes.splice(i, 1);
  }

  private record(type: string, link: Link, message: string): void {
    const host = link.netns.host.id;
    this.linux.world.events.record({ source: 'linux', type, subject: `link/${host}/${link.netns.inode}/${link.name}`, message, data: { host, netns: link.netns.inode, link: link.name, kind: link.kind } });
    this.linux.world.markChanged();
  }
}
