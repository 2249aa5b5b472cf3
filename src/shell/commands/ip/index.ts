/**
 * `ip` (iproute2 6.1, Debian 12): the objects link, address, route, neighbor and netns over the caller's
 * network namespace (or `-n NAME`). Objects and verbs match by prefix as iproute2's matches()
 * does (`ip a`, `ip l s`, `ip r`). Errors print iproute2's texts with its exit codes.
 */
import type { Command, CommandContext } from '../../types.ts';
import { ipAddr } from './addr.ts';
import { IpExit, matches, notAvailable } from './common.ts';
import type { IpContext } from './common.ts';
import { ipLink } from './link.ts';
import { ipNeigh } from './neigh.ts';
import { ipNetns } from './netns.ts';
import { ipRoute } from './route.ts';
import { IP_USAGE } from './usage.ts';
import { isBusyBox } from '../linux-common/busybox.ts';

/** ip.c's cmds[] order: the first object the argument is a prefix of wins. */
const OBJECTS = ['address', 'addrlabel', 'maddress', 'route', 'rule', 'neighbor', 'neighbour', 'ntable', 'ntbl', 'link', 'l2tp', 'fou', 'ila', 'macsec', 'tunnel', 'tunl', 'tuntap', 'tap', 'token', 'tcpmetrics', 'tcp_metrics', 'monitor', 'xfrm', 'mroute', 'mrule', 'netns', 'netconf', 'vrf', 'sr', 'nexthop', 'mptcp', 'ioam', 'stats', 'help'];

async function run(ctx: CommandContext): Promise<number> {
  try {
    return await dispatch(ctx);
  } catch (err) {
    if (err instanceof IpExit) {
      ctx.stderr.write(err.text);
      return err.status;
    }
    throw err;
  }
}

async function dispatch(ctx: CommandContext): Promise<number> {
  const args = [...ctx.args];
  const ip: IpContext = { ctx, netns: ctx.process.ns.net, net: ctx.world.linux.net, brief: false, flavor: isBusyBox(ctx.process, 'ip') ? 'busybox' : 'iproute2' };
  while (args.length > 0 && args[0].startsWith('-') && args[0] !== '-') {
    const opt = args.shift()!.replace(/^--?/, '-');
    const name = opt.slice(1);
    if (name === '4') ip.family = 4;
    else if (name === '6') ip.family = 6;
    else if (matches(name, 'brief') && name.length >= 2) ip.brief = true;
    else if (matches(name, 'color') || name.startsWith('color=')) continue;
    else if (matches(name, 'netns')) {
      const ns = args.shift();
      const found = ns === undefined ? undefined : ctx.process.host.namedNetns.get(ns);
      if (!found) throw new IpExit(`Cannot open network namespace "${ns ?? ''}": No such file or directory\n`, 255);
      ip.netns = found;
    } else if (matches(name, 'Version') || name === 'V') {
      ctx.stdout.write('ip utility, iproute2-6.1.0, libbpf 1.1.0\n');
      return 0;
    } else if (matches(name, 'help') || name === 'h') {
      ctx.stderr.write(IP_USAGE);
      return 255;
    } else if (matches(name, 'details') || matches(name, 'statistics') || matches(name, 'json') || matches(name, 'oneline')) {
      throw notAvailable(`ip ${opt}`);
    } else if (matches(name, 'family')) {
      const f = args.shift();
      if (f === 'inet') ip.family = 4;
      else if (f === 'inet6') ip.family = 6;
    } else throw new IpExit(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
  }
  const [object, ...rest] = args;
  if (object === undefined) {
    ctx.stderr.write(IP_USAGE);
    return 255;
  }
  const found = OBJECTS.find((o) => matches(object, o));
  switch (found) {
    case 'address':
      return ipAddr(ip, rest);
    case 'link':
      return ipLink(ip, rest);
    case 'route':
      return ipRoute(ip, rest);
    case 'netns':
      return ipNetns(ip, rest);
    case 'neighbor':
    case 'neighbour':
      return ipNeigh(ip, rest);
    case 'help':
      ctx.stderr.write(IP_USAGE);
      return 255;
    case undefined:
      throw new IpExit(`Object "${object}" is unknown, try "ip help".\n`, 255);
    default:
      throw notAvailable(`ip ${found}`);
  }
}

export const command: Command = { name: 'ip', summary: 'show / manipulate routing, network devices, interfaces and tunnels', run };
export default command;
