/**
 * The one packet path: whether a packet from a network namespace reaches an IPv4 address, and
 * what answers. It walks the topology the way the kernel would — local addresses, longest-prefix
 * route, ARP on the egress link's layer-2 domain (veth peer, bridge ports, the host segment),
 * forwarding (needs ip_forward), MASQUERADE — and requires a return path for the reply.
 *
 * Outcomes, as the tools print them:
 * - `network-unreachable`: no route at the sender (`connect: Network is unreachable`).
 * - `host-unreachable`: nobody on the link answers ARP for the next hop (`Destination Host Unreachable`).
 * - `timeout`: dropped on the way or no way back (ping's 100% packet loss, curl's timeout).
 * - `refused`: the host is there but nothing listens on the TCP/UDP port.
 */
import type { NetNamespace } from '../namespaces.ts';
import { isLoopback, inPrefix } from './ipv4.ts';
import type { Network } from './network.ts';
import type { Site } from './internet.ts';
import type { Link, Listener, Route } from './stack.ts';

export interface ReachOptions {
  proto: 'icmp' | 'tcp' | 'udp';
  port?: number;
}

export type ReachResult =
  | {
      ok: true;
      /** The namespace that answered (undefined for a public site or address). */
      netns?: NetNamespace;
      listener?: Listener;
      site?: Site;
      /** Source address the sender used. */
      src: number;
      /** Routers passed (ping's ttl is 64 minus this). */
      hops: number;
    }
  | {
      ok: false;
      reason: 'network-unreachable' | 'host-unreachable' | 'timeout' | 'refused';
      src?: number;
      hops: number;
      /** Who reported a host-unreachable: the sender itself, or a router on the way (ping's "From"). */
      from?: number;
    };

type Neighbor = { netns: NetNamespace; link: Link } | 'upstream';

const MAX_HOPS = 32;

/** Decides reachability of `dst` from `from` (see the file comment). */
export function reach(net: Network, from: NetNamespace, dst: number, options: ReachOptions): ReachResult {
  const first = sendFrom(net, from, dst);
  if (!first.ok) return first;
  return walk(net, from, first.route, dst, first.src, options, 0, false);
}

function sendFrom(net: Network, from: NetNamespace, dst: number):
  | { ok: true; route: (Route & { linkdown: boolean }) | 'local'; src: number }
  | { ok: false; reason: 'network-unreachable'; hops: number } {
  const stack = from.stack;
  if (isLoopback(dst)) {
    const lo = stack.link('lo');
    return lo?.up ? { ok: true, route: 'local', src: dst } : { ok: false, reason: 'network-unreachable', hops: 0 };
  }
  if (stack.ownsIp(dst)) return { ok: true, route: 'local', src: dst };
  const route = stack.lookup(dst);
  if (!route) return { ok: false, reason: 'network-unreachable', hops: 0 };
  const src = route.src ?? route.dev.addresses.find((a) => a.scope === 'global')?.ip ?? firstAddress(from);
  if (src === undefined) return { ok: false, reason: 'network-unreachable', hops: 0 };
  return { ok: true, route, src };
}

function walk(
  net: Network, ns: NetNamespace, route: (Route & { linkdown: boolean }) | 'local', dst: number, src: number,
  options: ReachOptions, hops: number, returning: boolean,
): ReachResult {
  if (route === 'local') return deliver(net, ns, dst, src, options, hops, returning);
  if (hops > MAX_HOPS) return { ok: false, reason: 'timeout', src, hops };
  // ARP for the next hop fails: the sender, or the router that tried, reports the host unreachable.
  const unreachable = (): ReachResult => ({ ok: false, reason: 'host-unreachable', src, hops, from: hops === 0 ? src : reporter(ns, src) });
  if (route.linkdown) return unreachable();
  const nextHop = route.via ?? dst;
  // MASQUERADE on the way out of a router: the reply comes back to the router's address.
  let outSrc = src;
  if (hops > 0 && !ns.stack.ownsIp(src) && masquerades(ns, src, route.dev)) {
    const own = route.src ?? route.dev.addresses[0]?.ip;
    if (own !== undefined) outSrc = own;
  }
  const neighbor = findNeighbor(net, route.dev, nextHop);
  if (!neighbor) return unreachable();
  learnNeighbor(net, ns, route.dev, nextHop, neighbor === 'upstream' ? upstreamMac(nextHop) : neighbor.link.mac);
  if (neighbor === 'upstream') {
    // Past the upstream router only the host's own (or NATed) source address gets a reply.
    if (!ns.stack.ownsIp(outSrc)) return { ok: false, reason: 'timeout', src, hops };
    return internet(net, dst, src, options, hops + 1);
  }
  const next = neighbor.netns;
  if (next.stack.ownsIp(dst)) {
    const result = deliver(net, next, dst, outSrc, options, hops, returning);
    if (!result.ok || returning) return result.ok ? { ...result, src } : result;
    if (!answersBack(net, next, outSrc) || (outSrc !== src && !answersBack(net, ns, src))) return { ok: false, reason: 'timeout', src, hops };
    return { ...result, src };
  }
  if (!next.stack.ipForward) return { ok: false, reason: 'timeout', src, hops };
  const onward = next.stack.lookup(dst);
  if (!onward) return { ok: false, reason: 'timeout', src, hops };
  if (next.stack.forwardFilter && !next.stack.forwardFilter(neighbor.link, onward.dev, src, dst)) return { ok: false, reason: 'timeout', src, hops }; // FORWARD chain hook (docker isolation)
  const result = walk(net, next, onward, dst, outSrc, options, hops + 1, returning);
  return result.ok ? { ...result, src } : { ...result, src };
}

function deliver(net: Network, ns: NetNamespace, dst: number, src: number, options: ReachOptions, hops: number, returning: boolean): ReachResult {
  void net;
  if (options.proto === 'icmp' || returning) return { ok: true, netns: ns, src, hops };
  const listener = ns.stack.listenerFor(options.proto, options.port ?? 0, dst);
  if (!listener) return { ok: false, reason: 'refused', src, hops };
  return { ok: true, netns: ns, listener, src, hops };
}

function internet(net: Network, dst: number, src: number, options: ReachOptions, hops: number): ReachResult {
  if (!net.internet.isPublic(dst) && !net.internet.nameservers.has(dst) && !net.internet.routers.has(dst)) return { ok: false, reason: 'host-unreachable', src, hops };
  if (options.proto === 'icmp') return { ok: true, src, hops };
  if (options.proto === 'udp' && options.port === 53 && net.internet.nameservers.has(dst)) return { ok: true, src, hops };
  const site = net.internet.site(dst);
  if (site && options.proto === 'tcp' && (options.port === 80 || options.port === 443)) return { ok: true, site, src, hops };
  return { ok: false, reason: 'timeout', src, hops };
}

/** Whether `ns` can send a reply to `src` (a route exists and the path works, without listeners). */
function answersBack(net: Network, ns: NetNamespace, src: number): boolean {
  const start = sendFrom(net, ns, src);
  if (!start.ok) return false;
  return walk(net, ns, start.route, src, start.src, { proto: 'icmp' }, 0, true).ok;
}

/** The address a router answers from toward `src` (its address on the way back). */
function reporter(ns: NetNamespace, src: number): number | undefined {
  const back = ns.stack.lookup(src);
  return back?.src ?? back?.dev.addresses[0]?.ip ?? firstAddress(ns);
}

function masquerades(ns: NetNamespace, src: number, out: Link): boolean {
  return ns.stack.masquerade.some((m) => inPrefix(src, m.src, m.prefix) && (m.outIf === undefined || m.outIf === out.name) && m.notOutIf !== out.name);
}

function firstAddress(ns: NetNamespace): number | undefined {
  for (const l of ns.stack.all()) if (l.up && l.kind !== 'loopback' && l.addresses.length > 0) return l.addresses[0].ip;
  return undefined;
}

/** The ARP reply is cached in the sender's namespace (`ip neigh`), confirmed now. */
function learnNeighbor(net: Network, ns: NetNamespace, dev: Link, ip: number, mac: string): void {
  // An entry keeps its place in the cache when confirmed again (the kernel's hash order is stable).
  const entry = ns.stack.neighbors.get(ip);
  if (entry) Object.assign(entry, { dev, mac, confirmedAt: net.now() });
  else ns.stack.neighbors.set(ip, { ip, dev, mac, confirmedAt: net.now() });
}

/** QEMU user networking's gateway answers with 52:55 followed by its IPv4 address (slirp). */
function upstreamMac(ip: number): string {
  return ['52', '55', ...[24, 16, 8, 0].map((s) => ((ip >>> s) & 0xff).toString(16).padStart(2, '0'))].join(':');
}

/** ARP: who on `egress`'s layer-2 domain owns `ip`? Links and bridges on the way must be up. */
function findNeighbor(net: Network, egress: Link, ip: number): Neighbor | undefined {
  if (!egress.up) return undefined;
  const seen = new Set<Link>([egress]);
  const owns = (l: Link) => l.up && l.addresses.some((a) => a.ip === ip);
  const queue: Link[] = [];
  const enter = (l: Link | undefined) => {
    if (!l || seen.has(l) || !l.up) return;
    seen.add(l);
    queue.push(l);
  };
  if (egress.kind === 'veth') enter(egress.peer);
  if (egress.kind === 'bridge') for (const p of portsOf(egress)) enter(p);
  if (egress.kind === 'ether') {
    for (const l of net.segment(segmentName(net, egress))) if (l !== egress) enter(l);
  }
  while (queue.length > 0) {
    const l = queue.shift()!;
    if (owns(l)) return { netns: l.netns, link: l };
    const bridge = l.master;
    if (bridge && bridge.up && !seen.has(bridge)) {
      seen.add(bridge);
      if (owns(bridge)) return { netns: bridge.netns, link: bridge };
      for (const p of portsOf(bridge)) enter(p);
    }
    if (l.kind === 'bridge') for (const p of portsOf(l)) enter(p);
    if (l.kind === 'veth') enter(l.peer);
  }
  if (egress.kind === 'ether' && net.internet.routers.has(ip)) return 'upstream';
  if (egress.kind === 'ether' && net.internet.nameservers.has(ip)) return 'upstream';
  return undefined;
}

function portsOf(bridge: Link): Link[] {
  const out: Link[] = [];
  for (const l of bridge.netns.stack.links.values()) if (l.master === bridge && l.up) out.push(l);
  return out;
}

function segmentName(net: Network, link: Link): string {
  for (const [name, set] of net.segments) if (set.has(link)) return name;
  return '';
}
