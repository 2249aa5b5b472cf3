/** `ip address` (iproute2 6.1 ip/ipaddress.c): show, add, del, flush. */
import { isLinuxError } from '../../../emulator/linux/errors.ts';
import { formatIp, parseCidr, parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { briefAddr, showAddr } from './format.ts';
import { duparg, familyVerbose, findLink, IpExit, matches, notAvailable, rtnetlink, unknownCommand } from './common.ts';
import type { IpContext } from './common.ts';

/** Runs `ip addr ARGS`. */
export function ipAddr(ip: IpContext, args: string[]): number {
  const [verb = 'show', ...rest] = args;
  if (matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') return show(ip, rest);
  if (verb === 'add' || matches(verb, 'replace') || matches(verb, 'change')) return add(ip, rest, verb === 'add');
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'flush')) return flush(ip, rest);
  if (matches(verb, 'help')) throw notAvailable('ip address help');
  throw unknownCommand(verb, 'address');
}

function show(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  let up = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') dev = args[++i];
    else if (a === 'up') up = true;
    else if (a === 'scope' || a === 'label' || a === 'to') i++;
    else if (dev !== undefined) throw duparg('dev', a);
    else dev = a;
  }
  let links = ip.netns.stack.all();
  if (dev !== undefined) {
    const link = ip.netns.stack.link(dev);
    if (!link) throw new IpExit(`Device "${dev}" does not exist.\n`, 1);
    links = [link];
  }
  if (up) links = links.filter((l) => l.up);
  if (ip.family === 4) links = links.filter((l) => l.addresses.length > 0);
  if (ip.family === 6) links = links.filter((l) => (l.kind === 'loopback' ? l.up : ip.net.linkLocal(l) !== undefined));
  ip.ctx.stdout.write(links.map((l) => (ip.brief ? briefAddr(l, ip.net, ip.family) : showAddr(l, ip.net, ip.family, ip.flavor))).join(''));
  return 0;
}

interface AddrArgs {
  cidr: { ip: number; prefix: number };
  dev: string;
  broadcast?: number | 'auto';
  label?: string;
}

function parseArgs(args: string[], family: 4 | 6 | undefined): AddrArgs {
  // ipaddr_modify(): the family is -4/-6's, or the local address's once it is parsed.
  let fam = family;
  let cidr: { ip: number; prefix: number } | undefined;
  let dev: string | undefined;
  let broadcast: number | 'auto' | undefined;
  let label: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'dev') {
      if (dev !== undefined) throw duparg('dev', args[i + 1] ?? '');
      dev = args[++i];
    } else if (a === 'brd' || matches(a, 'broadcast')) {
      const v = args[++i] ?? '';
      if (v === '+') broadcast = 'auto';
      else {
        const b = parseIp(v);
        if (b === undefined) throw new IpExit(`Error: ${familyVerbose(fam)} address is expected rather than "${v}".\n`, 1);
        broadcast = b;
      }
    } else if (a === 'label') label = args[++i];
    else if (a === 'scope' || a === 'valid_lft' || a === 'preferred_lft') i++;
    else if (a === 'local' || cidr === undefined) {
      const v = a === 'local' ? args[++i] ?? '' : a;
      const parsed = parseCidr(v);
      if (!parsed) throw new IpExit(`Error: ${familyVerbose(fam)} prefix is expected rather than "${v}".\n`, 1);
      cidr = parsed;
      fam ??= 4;
    } else throw new IpExit(`Error: either "local" is duplicate, or "${a}" is a garbage.\n`, 1);
  }
  if (dev === undefined) throw new IpExit('Not enough information: "dev" argument is required.\n', 1);
  if (cidr === undefined) throw new IpExit('Not enough information: "local" argument is required.\n', 1);
  return { cidr, dev, broadcast, label };
}

function add(ip: IpContext, args: string[], strict: boolean): number {
  const a = parseArgs(args, ip.family);
  const link = findLink(ip.netns, a.dev);
  if (!strict) {
    const existing = link.addresses.find((x) => x.ip === a.cidr.ip && x.prefix === a.cidr.prefix);
    if (existing) return 0;
  }
  try {
    ip.netns.stack.addAddress(link, a.cidr.ip, a.cidr.prefix, { broadcast: a.broadcast, label: a.label });
  } catch (err) {
    if (isLinuxError(err, 'EEXIST')) throw rtnetlink('File exists');
    throw err;
  }
  ip.ctx.world.events.record({
    source: 'linux', type: 'address.added', subject: `link/${ip.netns.host.id}/${ip.netns.inode}/${link.name}`,
    message: `${formatIp(a.cidr.ip)}/${a.cidr.prefix} added to ${link.name}`, data: { netns: ip.netns.inode, link: link.name, address: `${formatIp(a.cidr.ip)}/${a.cidr.prefix}` },
  });
  ip.ctx.world.markChanged();
  return 0;
}

function del(ip: IpContext, args: string[]): number {
  const a = parseArgs(args, ip.family);
  const link = findLink(ip.netns, a.dev);
  // A bare address deletes the first address with that IP, whatever its prefix (as the kernel matches).
  const match = link.addresses.find((x) => x.ip === a.cidr.ip && (x.prefix === a.cidr.prefix || !args.some((s) => s.includes('/'))));
  if (!match) throw rtnetlink('Cannot assign requested address');
  ip.netns.stack.deleteAddress(link, match.ip, match.prefix);
  ip.ctx.world.markChanged();
  return 0;
}

function flush(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) dev = args[i] === 'dev' ? args[++i] : args[i];
  if (dev === undefined) throw new IpExit('Flush requires arguments.\n', 1);
  const link = findLink(ip.netns, dev);
  link.addresses = [];
  ip.ctx.world.markChanged();
  return 0;
}
