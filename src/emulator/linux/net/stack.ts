/**
 * The network stack of one network namespace: links (interfaces), their IPv4 addresses, static
 * routes, listening sockets and the ip_forward switch. Connected routes are derived from
 * addresses on links that are up, as the kernel does. Links know their peer (veth) and master
 * (bridge); moving a link to another namespace re-homes it.
 */
import { LinuxError } from '../errors.ts';
import type { NetNamespace } from '../namespaces.ts';
import { broadcastOf, inPrefix, networkOf } from './ipv4.ts';

export type LinkKind = 'loopback' | 'veth' | 'bridge' | 'dummy' | 'ether';

/** One IPv4 address on a link. */
export interface Address {
  ip: number;
  prefix: number;
  broadcast?: number;
  scope: 'host' | 'global' | 'link';
  /** The label `ip addr` prints at the end of the inet line (the link name by default). */
  label: string;
}

/** A network interface. */
export interface Link {
  ifindex: number;
  name: string;
  kind: LinkKind;
  mac: string;
  mtu: number;
  /** Administratively up (`ip link set X up`). */
  up: boolean;
  addresses: Address[];
  /** The other end of a veth pair. */
  peer?: Link;
  /** The bridge this link is a port of. */
  master?: Link;
  /** The namespace it currently lives in. */
  netns: NetNamespace;
  /** Per-link transmit queue length and qdisc, for `ip link` output. */
  qdisc: string;
  qlen: number;
  /** Virtual ms when created (events, diagrams). */
  createdAt: number;
  /** Has it ever been up (a qdisc is attached on first up: `noop` before). */
  everUp?: boolean;
  /** IPv6 link-local address assigned (on first carrier while up; dropped when set down). */
  linkLocal?: boolean;
}

/** A static route (connected ones are derived). */
export interface Route {
  /** Destination network; prefix 0 is `default`. */
  dst: number;
  prefix: number;
  via?: number;
  dev: Link;
  proto: 'boot' | 'static' | 'kernel' | 'dhcp';
  scope: 'global' | 'link' | 'host';
  src?: number;
  metric?: number;
}

/** Something listening on a port: a handler that answers a connection with a response text. */
export interface Listener {
  proto: 'tcp' | 'udp';
  port: number;
  /** Bound address, 0 for all. */
  ip: number;
  /** The process name for `ss -p`/`netstat` (e.g. `nginx`). */
  program: string;
  pid?: number;
  /** Answers a request (an HTTP request line, a line of text); undefined closes silently. */
  handle(request: string): string | undefined;
}

/** One ARP cache entry: `ip` answered on `dev` with `mac`, last confirmed at `confirmedAt`. */
export interface NeighborEntry {
  ip: number;
  dev: Link;
  mac: string;
  /** Virtual time of the last confirmation (REACHABLE for reachable_time after it, then STALE). */
  confirmedAt: number;
}

export class NetStack {
  readonly links = new Map<string, Link>();
  readonly routes: Route[] = [];
  readonly listeners: Listener[] = [];
  /** net.ipv4.ip_forward. */
  ipForward = false;
  /** net.ipv6.conf.all.disable_ipv6 (Docker sets it in containers): no inet6 addresses shown. */
  ipv6Disabled = false;
  /** Hook (docker engineer): iptables FORWARD verdict for a packet routed from `inDev` out of `outDev` (DOCKER-ISOLATION); absent = accept. */
  forwardFilter?: (inDev: Link, outDev: Link, src: number, dst: number) => boolean;
  /** MASQUERADE rules: traffic from `src/prefix` leaving via `outIf` (or any but `notOutIf`) is NATed. */
  readonly masquerade: { src: number; prefix: number; outIf?: string; notOutIf?: string }[] = [];
  nextIfindex = 1;
  /** Ids this namespace gave other network namespaces (`link-netnsid`, `ip netns list` "(id: 0)"). */
  readonly nsids = new Map<NetNamespace, number>();
  /** The ARP cache (`ip neigh`): next hops resolved on a link, by IPv4 address, oldest first. */
  readonly neighbors = new Map<number, NeighborEntry>();

  /** The id of `other` as seen from here, assigned on first use (RTM_NEWNSID). */
  nsidOf(other: NetNamespace): number {
    let id = this.nsids.get(other);
    if (id === undefined) {
      id = this.nsids.size;
      this.nsids.set(other, id);
    }
    return id;
  }

  /** The link with `name`, or undefined. */
  link(name: string): Link | undefined {
    return this.links.get(name);
  }

  /** Links in ifindex order (what `ip link` lists). */
  all(): Link[] {
    return [...this.links.values()].sort((a, b) => a.ifindex - b.ifindex);
  }

  /** Carrier: loopback follows admin state, veth needs both ends up, a bridge needs a running port. */
  hasCarrier(link: Link): boolean {
    if (!link.up) return false;
    if (link.kind === 'veth') return link.peer !== undefined && link.peer.up;
    if (link.kind === 'bridge') {
      for (const l of allLinksOf(link)) if (l.master === link && l.up && this.portCarrier(l)) return true;
      return false;
    }
    return true;
  }

  private portCarrier(l: Link): boolean {
    return l.kind !== 'veth' || (l.peer !== undefined && l.peer.up);
  }

  /** Adds an address; EEXIST when the link already has it. Sets the broadcast for prefixes < 31. */
  addAddress(link: Link, ip: number, prefix: number, options: { broadcast?: number | 'auto'; label?: string } = {}): Address {
    if (link.addresses.some((a) => a.ip === ip && a.prefix === prefix)) throw new LinuxError('EEXIST', 'RTM_NEWADDR');
    const broadcast = options.broadcast === 'auto' ? (prefix < 31 ? broadcastOf(ip, prefix) : undefined) : options.broadcast;
    const addr: Address = { ip, prefix, broadcast, scope: ip >>> 24 === 127 ? 'host' : 'global', label: options.label ?? link.name };
    link.addresses.push(addr);
    return addr;
  }

  /** Removes an address; EADDRNOTAVAIL when absent. */
  deleteAddress(link: Link, ip: number, prefix: number): void {
    const i = link.addresses.findIndex((a) => a.ip === ip && a.prefix === prefix);
    if (i < 0) throw new LinuxError('EADDRNOTAVAIL', 'RTM_DELADDR');
    link.addresses.splice(i, 1);
  }

  /** Connected routes (one per address prefix on an up link) followed by static routes, as `ip route` lists. */
  routeTable(): (Route & { linkdown: boolean })[] {
    const out: (Route & { linkdown: boolean })[] = [];
    for (const route of this.routes) if (route.dev.up) out.push({ ...route, linkdown: !this.hasCarrier(route.dev) });
    for (const link of this.all()) {
      if (!link.up || link.kind === 'loopback') continue;
      for (const a of link.addresses) {
        if (a.prefix === 32) continue;
        out.push({ dst: networkOf(a.ip, a.prefix), prefix: a.prefix, dev: link, proto: 'kernel', scope: 'link', src: a.ip, linkdown: !this.hasCarrier(link) });
      }
    }
    // ip route prints default first, then by destination (the kernel's FIB walk order).
    return out.sort((a, b) => a.prefix === 0 ? -1 : b.prefix === 0 ? 1 : a.dst - b.dst || b.prefix - a.prefix);
  }

  /** Longest-prefix match for `dst`, ignoring routes whose link is down. */
  lookup(dst: number): (Route & { linkdown: boolean }) | undefined {
    let best: (Route & { linkdown: boolean }) | undefined;
    for (const r of this.routeTable()) {
      if (!inPrefix(dst, r.dst, r.prefix)) continue;
      if (!best || r.prefix > best.prefix) best = r;
    }
    return best;
  }

  /** True when one of this namespace's links carries `ip` (and is up). */
  ownsIp(ip: number): Link | undefined {
    for (const link of this.links.values()) if (link.up && link.addresses.some((a) => a.ip === ip)) return link;
    return undefined;
  }

  /** The listener for `proto`/`port` bound to `ip` or to all addresses. */
  listenerFor(proto: 'tcp' | 'udp', port: number, ip: number): Listener | undefined {
    return this.listeners.find((l) => l.proto === proto && l.port === port && (l.ip === 0 || l.ip === ip));
  }
}

/** Every link in the namespaces a bridge's ports can be in (ports live in the bridge's namespace). */
function allLinksOf(bridge: Link): Iterable<Link> {
  return bridge.netns.stack.links.values();
}
