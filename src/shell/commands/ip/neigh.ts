/**
 * `ip neighbor` (iproute2 6.1 ip/ipneigh.c): `show`/`list` of the caller's ARP cache, which the
 * packet path fills when it resolves a next hop (`ping` the gateway, `curl` a site). One line per
 * entry: `ADDR dev DEV lladdr MAC STATE` ("dev DEV" is left out when filtering by `dev`).
 * REACHABLE for reachable_time after the last confirmation (base_reachable_time_ms 30000; the
 * kernel randomizes it between 15 s and 45 s, we take 30 s), then STALE. Changing the cache
 * (add, del, flush…) is not available.
 */
import { formatIp, inPrefix, parseCidr, parseIp } from '../../../emulator/linux/net/ipv4.ts';
import type { Link } from '../../../emulator/linux/net/stack.ts';
import { familyVerbose, findLink, IpExit, matches, notAvailable, unknownCommand } from './common.ts';
import type { IpContext } from './common.ts';

/** How long an entry stays REACHABLE after it was confirmed. */
const REACHABLE_MS = 30_000;

/** Runs `ip neigh ARGS…`; returns the exit status or throws IpExit. */
export function ipNeigh(ip: IpContext, args: string[]): number {
  const [verb = 'show', ...rest] = args;
  if (matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') return show(ip, rest);
  if (['add', 'change', 'chg', 'replace', 'delete', 'flush', 'get'].some((v) => matches(verb, v))) throw notAvailable(`ip neighbor ${verb}`);
  if (matches(verb, 'help')) throw notAvailable('ip neighbor help');
  throw unknownCommand(verb, 'neigh');
}

function show(ip: IpContext, args: string[]): number {
  let dev: Link | undefined;
  let to: { ip: number; prefix: number } | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') {
      const name = args[++i];
      if (name === undefined) throw new IpExit('Command line is not complete. Try option "help"\n', 255);
      dev = findLink(ip.netns, name);
      continue;
    }
    const value = a === 'to' ? args[++i] : a;
    if (value === undefined) throw new IpExit('Command line is not complete. Try option "help"\n', 255);
    const single = parseIp(value);
    to = single !== undefined ? { ip: single, prefix: 32 } : parseCidr(value);
    if (!to) throw new IpExit(`Error: ${familyVerbose(ip.family)} prefix is expected rather than "${value}".\n`, 1);
  }
  if (ip.family === 6) return 0;
  const now = ip.net.now();
  let out = '';
  for (const n of ip.netns.stack.neighbors.values()) {
    if (dev && n.dev !== dev) continue;
    if (to && !inPrefix(n.ip, to.ip, to.prefix)) continue;
    if (!ip.netns.stack.links.has(n.dev.name) || ip.netns.stack.link(n.dev.name) !== n.dev) continue;
    const state = now - n.confirmedAt < REACHABLE_MS ? 'REACHABLE' : 'STALE';
    out += `${formatIp(n.ip)}${dev ? '' : ` dev ${n.dev.name}`} lladdr ${n.mac} ${state}\n`;
  }
  ip.ctx.stdout.write(out);
  return 0;
}
