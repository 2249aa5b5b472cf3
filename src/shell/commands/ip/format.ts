/**
 * iproute2 6.1 printers (ip/ipaddress.c print_linkinfo, print_addrinfo, print_linkinfo_brief;
 * ip/iproute.c print_route): the exact spacing, flag order and trailing spaces of `ip link`,
 * `ip addr`, `ip -br` and `ip route`.
 */
import type { Network } from '../../../emulator/linux/net/network.ts';
import type { Link, Route } from '../../../emulator/linux/net/stack.ts';
import type { NetNamespace } from '../../../emulator/linux/namespaces.ts';
import { formatIp } from '../../../emulator/linux/net/ipv4.ts';

/** RFC 2863 operstate as the kernel reports it. */
export function operstate(link: Link): string {
  if (!link.up) return 'DOWN';
  if (link.kind === 'loopback') return 'UNKNOWN';
  const carrier = link.netns.stack.hasCarrier(link);
  if (carrier) return 'UP';
  return link.kind === 'veth' ? 'LOWERLAYERDOWN' : 'DOWN';
}

/** Which `ip`: iproute2 6.1 (Debian) or BusyBox 1.36's applet (alpine, busybox images). */
export type Flavor = 'iproute2' | 'busybox';

/**
 * `<BROADCAST,MULTICAST,UP,LOWER_UP>`, with NO-CARRIER first and M-DOWN last as print_link_flags
 * does. BusyBox cannot see a peer in another namespace, so it reports M-DOWN for it.
 */
export function linkFlags(link: Link, viewer: NetNamespace, flavor: Flavor = 'iproute2'): string {
  const flags: string[] = [];
  const carrier = link.netns.stack.hasCarrier(link);
  if (link.up && !carrier) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else flags.push('BROADCAST', 'MULTICAST');
  if (link.up) flags.push('UP');
  if (link.up && carrier) flags.push('LOWER_UP');
  // M-DOWN: the peer named by IFLA_LINK is in this namespace and administratively down.
  if (link.peer && ((link.peer.netns === viewer && !link.peer.up) || (flavor === 'busybox' && link.peer.netns !== viewer))) flags.push('M-DOWN');
  return `<${flags.join(',')}>`;
}

/** `veth0@veth1`, `veth0@if7` (peer in another namespace) or just the name. */
export function linkName(link: Link): string {
  if (!link.peer) return link.name;
  return link.peer.netns === link.netns ? `${link.name}@${link.peer.name}` : `${link.name}@if${link.peer.ifindex}`;
}

function qdisc(link: Link): string {
  if (!link.everUp) return 'noop';
  return link.kind === 'ether' ? link.qdisc : 'noqueue';
}

function linkNetns(link: Link, net: Network): string {
  const peer = link.peer;
  if (!peer || peer.netns === link.netns) return '';
  const id = link.netns.stack.nsids.get(peer.netns);
  if (id === undefined) return '';
  void net;
  const name = peer.netns.name;
  return name && link.netns.host.namedNetns.get(name) === peer.netns ? ` link-netns ${name}` : ` link-netnsid ${id}`;
}

/** The first line of a link in `ip link` (mode DEFAULT) or `ip addr` (no mode); "qlen" only when non-zero. */
function headLine(link: Link, withMode: boolean, flavor: Flavor): string {
  const master = link.master ? `master ${link.master.name} ` : '';
  const head = `${link.ifindex}: ${linkName(link)}: ${linkFlags(link, link.netns, flavor)} mtu ${link.mtu} qdisc ${qdisc(link)} ${master}state ${operstate(link)}`;
  if (flavor === 'busybox') return `${head}${link.qlen > 0 ? ` qlen ${link.qlen}` : ''}\n`;
  return `${head} ${withMode ? 'mode DEFAULT ' : ''}group default ${link.qlen > 0 ? `qlen ${link.qlen}` : ''}\n`;
}

function hwLine(link: Link, net: Network, flavor: Flavor): string {
  const type = link.kind === 'loopback' ? 'loopback' : 'ether';
  const brd = link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff';
  return `    link/${type} ${link.mac} brd ${brd}${flavor === 'busybox' ? '' : linkNetns(link, net)}\n`;
}

/** One link as `ip link show` prints it. */
export function showLink(link: Link, net: Network, flavor: Flavor = 'iproute2'): string {
  return headLine(link, true, flavor) + hwLine(link, net, flavor);
}

/** One link with its addresses as `ip addr show` prints it (`family` 4 or 6 filters). */
export function showAddr(link: Link, net: Network, family?: 4 | 6, flavor: Flavor = 'iproute2'): string {
  let out = family ? '' : headLine(link, false, flavor) + hwLine(link, net, flavor);
  if (family) out = headLine(link, false, flavor);
  if (family !== 6) {
    for (const a of link.addresses) {
      const brd = a.broadcast !== undefined ? `brd ${formatIp(a.broadcast)} ` : '';
      out += `    inet ${formatIp(a.ip)}/${a.prefix} ${brd}scope ${a.scope} ${a.label}\n       valid_lft forever preferred_lft forever\n`;
    }
  }
  if (family !== 4) {
    for (const six of inet6(link, net)) out += `    inet6 ${six}${flavor === 'busybox' ? '' : ' '}\n       valid_lft forever preferred_lft forever\n`;
  }
  return out;
}

function inet6(link: Link, net: Network): string[] {
  if (link.netns.stack.ipv6Disabled) return [];
  if (link.kind === 'loopback') return link.up ? ['::1/128 scope host'] : [];
  const ll = net.linkLocal(link);
  return ll ? [`${ll}/64 scope link`] : [];
}

/** `ip -br link` line. */
export function briefLink(link: Link): string {
  return `${linkName(link).padEnd(16)} ${operstate(link).padEnd(14)} ${link.mac} ${linkFlags(link, link.netns)} \n`;
}

/** `ip -br addr` line. */
export function briefAddr(link: Link, net: Network, family?: 4 | 6): string {
  const addrs = family === 6 ? [] : link.addresses.map((a) => `${formatIp(a.ip)}/${a.prefix}`);
  const six = family === 4 ? [] : inet6(link, net).map((s) => s.split(' ')[0]);
  return `${linkName(link).padEnd(16)} ${operstate(link).padEnd(14)} ${[...addrs, ...six].map((a) => `${a} `).join('')}\n`;
}

/** One route as `ip route` prints it (trailing space included); BusyBox omits `proto kernel`. */
export function showRoute(r: Route & { linkdown: boolean }, flavor: Flavor = 'iproute2'): string {
  const dst = r.prefix === 0 ? 'default' : `${formatIp(r.dst)}/${r.prefix}`;
  if (flavor === 'busybox') {
    let b = `${dst} `;
    if (r.via !== undefined) b += `via ${formatIp(r.via)} `;
    b += `dev ${r.dev.name} `;
    if (r.proto !== 'boot' && r.proto !== 'kernel') b += `proto ${r.proto} `;
    if (r.scope !== 'global') b += `scope ${r.scope} `;
    if (r.src !== undefined && r.proto === 'kernel') b += ` src ${formatIp(r.src)} `;
    if (r.metric !== undefined) b += `metric ${r.metric} `;
    return `${b}\n`;
  }
  let s = `${dst} `;
  if (r.via !== undefined) s += `via ${formatIp(r.via)} `;
  s += `dev ${r.dev.name} `;
  if (r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src !== undefined && (r.proto === 'kernel' || r.proto === 'dhcp')) s += `src ${formatIp(r.src)} `;
  if (r.metric !== undefined) s += `metric ${r.metric} `;
  if (r.linkdown) s += 'linkdown ';
  return `${s}\n`;
}
