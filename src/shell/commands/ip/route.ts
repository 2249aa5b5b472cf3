/** `ip route` (iproute2 6.1 ip/iproute.c): show, add, del, get. */
import { formatIp, inPrefix, parseCidr, parseIp } from '../../../emulator/linux/net/ipv4.ts';
import type { Link, Route } from '../../../emulator/linux/net/stack.ts';
import { showRoute } from './format.ts';
import { extack, familyVerbose, findLink, IpExit, matches, notAvailable, rtnetlink, unknownCommand } from './common.ts';
import type { IpContext } from './common.ts';

/** Runs `ip route ARGS`. */
export function ipRoute(ip: IpContext, args: string[]): number {
  const [verb = 'show', ...rest] = args;
  if (matches(verb, 'show') || matches(verb, 'list') || verb === 'lst') return show(ip, rest);
  if (verb === 'add' || matches(verb, 'replace') || matches(verb, 'append')) return add(ip, rest, verb !== 'add' && !matches(verb, 'append'));
  if (matches(verb, 'delete')) return del(ip, rest);
  if (matches(verb, 'get')) return get(ip, rest);
  if (matches(verb, 'flush')) throw notAvailable('ip route flush');
  if (matches(verb, 'help')) throw notAvailable('ip route help');
  throw unknownCommand(verb, 'route');
}

function show(ip: IpContext, args: string[]): number {
  let dev: string | undefined;
  for (let i = 0; i < args.length; i++) if (args[i] === 'dev') dev = args[++i];
  const link = dev === undefined ? undefined : findLink(ip.netns, dev);
  const routes = ip.netns.stack.routeTable().filter((r) => !link || r.dev === link);
  ip.ctx.stdout.write(routes.map((r) => (link ? showRoute(r, ip.flavor).replace(` dev ${link.name} `, ' ') : showRoute(r, ip.flavor))).join(''));
  return 0;
}

interface RouteArgs {
  dst: number;
  prefix: number;
  via?: number;
  dev?: Link;
  src?: number;
  metric?: number;
}

function parseRoute(ip: IpContext, args: string[]): RouteArgs {
  let target: { ip: number; prefix: number } | undefined;
  const out: Partial<RouteArgs> = {};
  // iproute_modify(): rtm_family is -4/-6's, or the first parsed address's.
  let fam = ip.family;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === 'via') {
      const v = args[++i] ?? '';
      const gw = parseIp(v);
      if (gw === undefined) throw new IpExit(`Error: ${familyVerbose(fam)} address is expected rather than "${v}".\n`, 1);
      out.via = gw;
      fam ??= 4;
    } else if (a === 'dev' || a === 'oif') out.dev = findLink(ip.netns, args[++i] ?? '');
    else if (a === 'src') out.src = parseIp(args[++i] ?? '');
    else if (a === 'metric' || a === 'priority' || a === 'preference') out.metric = Number(args[++i]);
    else if (a === 'proto' || a === 'scope' || a === 'table') i++;
    else if (a === 'to') continue;
    else if (target === undefined) {
      if (a === 'default' || a === '0/0' || a === 'all') target = { ip: 0, prefix: 0 };
      else {
        const t = parseCidr(a);
        if (!t) throw new IpExit(`Error: ${familyVerbose(fam)} prefix is expected rather than "${a}".\n`, 1);
        target = t;
        fam ??= 4;
      }
    } else throw new IpExit(`Error: either "to" is duplicate, or "${a}" is a garbage.\n`, 1);
  }
  if (!target) throw new IpExit('Error: either "to" is duplicate, or "" is a garbage.\n', 1);
  return { dst: target.ip, prefix: target.prefix, ...out };
}

function add(ip: IpContext, args: string[], replace: boolean): number {
  const r = parseRoute(ip, args);
  const stack = ip.netns.stack;
  let dev = r.dev;
  if (r.via !== undefined) {
    // The gateway must be on a connected network of an up link (fib_check_nh).
    const connected = stack.routeTable().find((x) => x.proto === 'kernel' && inPrefix(r.via!, x.dst, x.prefix) && (!dev || x.dev === dev));
    if (!connected) throw extack('Nexthop has invalid gateway.');
    dev = connected.dev;
  }
  if (!dev) throw new IpExit('Error: Device for nexthop is not up.\n', 2);
  if (!dev.up) throw extack('Nexthop device is not up.');
  const existing = stack.routes.findIndex((x) => x.dst === r.dst && x.prefix === r.prefix && (x.metric ?? 0) === (r.metric ?? 0));
  if (existing >= 0 && !replace) throw rtnetlink('File exists');
  const route: Route = { dst: r.dst, prefix: r.prefix, via: r.via, dev, proto: 'boot', scope: r.via === undefined && r.prefix !== 0 ? 'link' : 'global', src: r.src, metric: r.metric };
  if (existing >= 0) stack.routes.splice(existing, 1, route);
  else stack.routes.push(route);
  ip.ctx.world.events.record({
    source: 'linux', type: 'route.added', subject: `netns/${ip.netns.host.id}/${ip.netns.inode}`,
    message: `route ${r.prefix === 0 ? 'default' : `${formatIp(r.dst)}/${r.prefix}`} added`, data: { netns: ip.netns.inode },
  });
  ip.ctx.world.markChanged();
  return 0;
}

function del(ip: IpContext, args: string[]): number {
  const r = parseRoute(ip, args);
  const routes = ip.netns.stack.routes;
  const i = routes.findIndex((x) => x.dst === r.dst && x.prefix === r.prefix && (r.via === undefined || x.via === r.via) && (!r.dev || x.dev === r.dev));
  if (i < 0) throw rtnetlink('No such process');
  routes.splice(i, 1);
  ip.ctx.world.markChanged();
  return 0;
}

function get(ip: IpContext, args: string[]): number {
  const target = args.find((a) => a !== 'to');
  const dst = parseIp(target ?? '');
  // iproute_get() parses the destination with get_prefix().
  if (dst === undefined) throw new IpExit(`Error: ${familyVerbose(ip.family)} prefix is expected rather than "${target ?? ''}".\n`, 1);
  const stack = ip.netns.stack;
  const local = stack.ownsIp(dst);
  if (local || dst >>> 24 === 127) {
    ip.ctx.stdout.write(`local ${formatIp(dst)} dev lo src ${formatIp(dst)} uid ${ip.ctx.process.uid} \n    cache <local> \n`);
    return 0;
  }
  const route = stack.lookup(dst);
  if (!route) throw rtnetlink('Network is unreachable');
  const src = route.src ?? route.dev.addresses[0]?.ip;
  const via = route.via !== undefined ? `via ${formatIp(route.via)} ` : '';
  ip.ctx.stdout.write(`${formatIp(dst)} ${via}dev ${route.dev.name} ${src !== undefined ? `src ${formatIp(src)} ` : ''}uid ${ip.ctx.process.uid} \n    cache \n`);
  return 0;
}
