/** `ip link` (iproute2 6.1 ip/iplink.c): show, add (veth, bridge, dummy), set, delete. */
import { isLinuxError } from '../../../emulator/linux/errors.ts';
import type { NetNamespace } from '../../../emulator/linux/namespaces.ts';
import type { Link } from '../../../emulator/linux/net/stack.ts';
import { briefLink, showLink } from './format.ts';
import { duparg, extack, findLink, invarg, IpExit, matches, notAvailable, rtnetlink, unknownCommand } from './common.ts';
import type { IpContext } from './common.ts';

/** Runs `ip link ARGS`; returns the exit status or throws IpExit. */
export function ipLink(ip: IpContext, args: string[]): number {
  const [verb = 'show', ...rest] = args;
  if (matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') return show(ip, rest);
  if (verb === 'add') return add(ip, rest);
  if (matches(verb, 'set')) return set(ip, rest);
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'help')) throw notAvailable('ip link help');
  throw unknownCommand(verb, 'link');
}

function show(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  let type: string | undefined;
  let master: string | undefined;
  let up = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') dev = args[++i];
    else if (a === 'type') type = args[++i];
    else if (a === 'master') master = args[++i];
    else if (a === 'up') up = true;
    else if (dev !== undefined) throw duparg('dev', a);
    else dev = a;
  }
  let links = ip.netns.stack.all();
  const stack = ip.netns.stack;
  if (dev !== undefined) {
    // ipaddr_list_flush_or_save(): `Device "x" does not exist.` (exit 1) for show's filter_dev.
    if (ip.flavor === 'iproute2' && !stack.link(dev)) throw new IpExit(`Device "${dev}" does not exist.\n`, 1);
    links = [findLink(ip.netns, dev)];
  }
  if (master !== undefined) {
    // ipaddr_list_flush_or_save(): invarg("Device does not exist\n", master).
    if (ip.flavor === 'iproute2' && !stack.link(master)) throw invarg('Device does not exist\n', master);
    const m = findLink(ip.netns, master);
    links = links.filter((l) => l.master === m);
  }
  if (type !== undefined) links = links.filter((l) => l.kind === type);
  if (up) links = links.filter((l) => l.up);
  ip.ctx.stdout.write(links.map((l) => (ip.brief ? briefLink(l) : showLink(l, ip.net, ip.flavor))).join(''));
  return 0;
}

function add(ip: IpContext, args: string[]): number {
  let name: string | undefined;
  let type: string | undefined;
  let peerName: string | undefined;
  let peerNetns: NetNamespace | undefined;
  let targetNetns: NetNamespace | undefined;
  let mtu: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'type') {
      type = args[++i];
      if (type === 'veth' && args[i + 1] === 'peer') {
        i++;
        for (i++; i < args.length; i++) {
          if (args[i] === 'name') peerName = args[++i];
          else if (args[i] === 'netns') peerNetns = netnsArg(ip, args[++i]);
          else if (peerName === undefined) peerName = args[i];
          else throw invarg('unknown peer option', args[i]);
        }
      }
    } else if (a === 'name' || a === 'dev') name = args[++i];
    else if (a === 'mtu') mtu = Number(args[++i]);
    else if (a === 'netns') targetNetns = netnsArg(ip, args[++i]);
    else if (name === undefined) name = a;
    else throw duparg('dev', a);
  }
  if (type === undefined) throw rtnetlink('Operation not supported');
  if (!['veth', 'bridge', 'dummy'].includes(type)) throw extack('Unknown device type.');
  if (name === undefined) name = nextFreeName(ip.netns, type === 'veth' ? 'veth' : type === 'bridge' ? 'bridge' : 'dummy');
  const home = targetNetns ?? ip.netns;
  try {
    if (type === 'veth') {
      const peer = peerName ?? nextFreeName(peerNetns ?? home, 'veth');
      ip.net.addVeth(home, name, peer, peerNetns ?? home, { mtu });
      if (peerNetns && peerNetns !== home) {
        home.stack.nsidOf(peerNetns);
        peerNetns.stack.nsidOf(home);
      }
    } else ip.net.addLink(home, name, type === 'bridge' ? 'bridge' : 'dummy', { mtu });
  } catch (err) {
    if (isLinuxError(err, 'EEXIST')) throw rtnetlink('File exists');
    throw err;
  }
  return 0;
}

function nextFreeName(netns: NetNamespace, prefix: string): string {
  for (let i = 0; ; i++) if (!netns.stack.links.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

/** A netns argument: a name under /run/netns or a PID (as iplink.c's netns_get_fd / IFLA_NET_NS_PID). */
export function netnsArg(ip: IpContext, arg: string | undefined): NetNamespace {
  if (arg === undefined) throw new IpExit('Command line is not complete. Try option "help"\n', 255);
  const host = ip.ctx.process.host;
  const named = host.namedNetns.get(arg);
  if (named) return named;
  if (/^\d+$/.test(arg)) {
    const pidNs = ip.ctx.world.linux.procPidNs(ip.ctx.process);
    const proc = pidNs?.members.get(Number(arg));
    if (!proc) throw rtnetlink('No such process');
    return proc.ns.net;
  }
  throw invarg('Invalid "netns" value\n', arg);
}

function set(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  const actions: ((link: Link) => void)[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') dev = args[++i];
    else if (a === 'up') actions.push((l) => ip.net.setUp(l, true));
    else if (a === 'down') actions.push((l) => ip.net.setUp(l, false));
    else if (a === 'netns') {
      const target = netnsArg(ip, args[++i]);
      actions.push((l) => {
        try {
          ip.net.moveLink(l, target);
        } catch (err) {
          if (isLinuxError(err, 'EEXIST')) throw rtnetlink('File exists');
          throw err;
        }
      });
    } else if (a === 'master') {
      const name = args[++i];
      const bridge = findLink(ip.netns, name ?? '');
      actions.push((l) => {
        if (bridge.kind !== 'bridge') throw extack('Device does not allow enslaving to a master.');
        ip.net.setMaster(l, bridge);
      });
    } else if (a === 'nomaster') actions.push((l) => ip.net.setMaster(l, undefined));
    else if (a === 'name') {
      const name = args[++i] ?? '';
      actions.push((l) => {
        try {
          ip.net.renameLink(l, name);
        } catch (err) {
          if (isLinuxError(err, 'EEXIST')) throw rtnetlink('File exists');
          if (isLinuxError(err, 'EBUSY')) throw rtnetlink('Device or resource busy');
          throw err;
        }
      });
    } else if (a === 'mtu') {
      const mtu = Number(args[++i]);
      if (!Number.isInteger(mtu) || mtu <= 0) throw invarg('Invalid "mtu" value\n', args[i] ?? '');
      actions.push((l) => (l.mtu = mtu));
    } else if (a === 'address') {
      const mac = (args[++i] ?? '').toLowerCase();
      actions.push((l) => (l.mac = mac));
    } else if (dev === undefined) dev = a;
    else throw duparg('dev', a);
  }
  if (dev === undefined) throw new IpExit('Not enough information: "dev" argument is required.\n', 255);
  const link = findLink(ip.netns, dev);
  for (const action of actions) action(link);
  ip.ctx.world.markChanged();
  return 0;
}

function del(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === 'dev') dev = args[++i];
    else if (args[i] === 'type') i++;
    else dev = args[i];
  }
  if (dev === undefined) throw new IpExit('Not enough information: "dev" argument is required.\n', 255);
  const link = findLink(ip.netns, dev);
  if (link.kind === 'loopback') throw rtnetlink('Operation not supported');
  ip.net.deleteLink(link);
  return 0;
}
