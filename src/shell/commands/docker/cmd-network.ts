/** `docker network ls|inspect|create|rm|connect|disconnect|prune`. */
import { connectNetwork, disconnectNetwork } from '../../../emulator/docker/container-network.ts';
import { inspectNetwork } from '../../../emulator/docker/inspect.ts';
import { createNetwork, pruneNetworks, removeNetwork } from '../../../emulator/docker/network-ops.ts';
import type { CommandContext } from '../../types.ts';
import { argsError, daemonError, engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { printInspect } from './cmd-inspect.ts';
import { renderRows } from './format.ts';
import { TemplateError } from './go-template.ts';

const LS_DEFAULT = 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}';
const LS_HEADERS = { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv4: 'IPV4', IPv6: 'IPV6', Internal: 'INTERNAL', CreatedAt: 'CREATED AT', Labels: 'LABELS' };

/** Natural order, as docker/cli sorts networks by name. */
function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

const ls: Subcommand = {
  use: 'network ls [OPTIONS]',
  short: 'List networks',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', kind: 'string' }, { long: 'quiet', short: 'q', kind: 'bool' }, { long: 'no-trunc', kind: 'bool' }, { long: 'filter', short: 'f', kind: 'list' }], path, this.use);
    if (typeof f === 'number') return f;
    const engine = engineOf(ctx);
    let nets = [...engine.networks.values()].sort((a, b) => naturalLess(a.name, b.name));
    for (const spec of f.lists.get('filter') ?? []) {
      const [k, v] = [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)];
      if (k === 'driver') nets = nets.filter((n) => n.driver === v);
      else if (k === 'name') nets = nets.filter((n) => n.name.includes(v));
      else if (k === 'id') nets = nets.filter((n) => n.id.startsWith(v));
      else if (k === 'scope') nets = nets.filter((n) => n.scope === v);
      else if (k === 'type') nets = nets.filter((n) => (v === 'builtin' ? n.predefined : !n.predefined));
      else {
        ctx.stderr.write(`Error response from daemon: invalid filter '${k}'\n`);
        return 1;
      }
    }
    const trunc = !f.bools.has('no-trunc');
    if (f.bools.has('quiet')) {
      ctx.stdout.write(nets.map((n) => `${trunc ? n.id.slice(0, 12) : n.id}\n`).join(''));
      return 0;
    }
    const rows = nets.map((n) => ({
      ID: trunc ? n.id.slice(0, 12) : n.id, Name: n.name, Driver: n.driver, Scope: n.scope, IPv4: 'true', IPv6: 'false',
      Internal: String(n.internal), CreatedAt: new Date(n.created).toISOString().replace('T', ' ').slice(0, 19) + ' +0000 UTC',
      Labels: Object.keys(n.labels).sort().map((k) => `${k}=${n.labels[k]}`).join(','),
    }));
    try {
      ctx.stdout.write(renderRows(f.strings.get('format') ?? LS_DEFAULT, rows, LS_HEADERS));
    } catch (e) {
      if (e instanceof TemplateError) return daemonError(ctx, e);
      throw e;
    }
    return 0;
  },
};

const inspect: Subcommand = {
  use: 'network inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }, { long: 'verbose', short: 'v', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    const docs: unknown[] = [];
    const errors: string[] = [];
    for (const ref of f.positionals) {
      const n = engine.findNetwork(ref);
      if (n) docs.push(inspectNetwork(engine, n));
      else errors.push(`Error response from daemon: network ${ref} not found`);
    }
    return printInspect(ctx, docs, errors, f.strings.get('format'));
  },
};

function keyValues(list: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list ?? []) {
    const eq = kv.indexOf('=');
    if (eq < 0) out[kv] = '';
    else out[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return out;
}

const create: Subcommand = {
  use: 'network create [OPTIONS] NETWORK',
  short: 'Create a network',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [
      { long: 'driver', short: 'd', kind: 'string' }, { long: 'subnet', kind: 'list' }, { long: 'gateway', kind: 'list' },
      { long: 'ip-range', kind: 'list' }, { long: 'internal', kind: 'bool' }, { long: 'attachable', kind: 'bool' },
      { long: 'opt', short: 'o', kind: 'list' }, { long: 'label', kind: 'list' }, { long: 'ingress', kind: 'bool' },
      { long: 'scope', kind: 'string' }, { long: 'ipv6', kind: 'bool' }, { long: 'ipam-driver', kind: 'string' },
    ], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 1) return argsError(ctx, path, this.use, 'exact', 1);
    if (f.bools.has('ipv6')) {
      ctx.stderr.write(`petlab: '${path} --ipv6' is not available in this lab\n`);
      return 1;
    }
    try {
      const n = createNetwork(engineOf(ctx), {
        name: f.positionals[0], driver: f.strings.get('driver'), subnet: f.lists.get('subnet'), gateway: f.lists.get('gateway'),
        ipRange: f.lists.get('ip-range'), internal: f.bools.has('internal'), attachable: f.bools.has('attachable'),
        ingress: f.bools.has('ingress'), options: keyValues(f.lists.get('opt')), labels: keyValues(f.lists.get('label')),
      });
      ctx.stdout.write(`${n.id}\n`);
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

const rm: Subcommand = {
  use: 'network rm NETWORK [NETWORK...]',
  short: 'Remove one or more networks',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    let status = 0;
    for (const ref of f.positionals) {
      try {
        if (f.bools.has('force') && !engine.findNetwork(ref)) continue;
        removeNetwork(engine, ref);
        ctx.stdout.write(`${ref}\n`);
      } catch (e) {
        status = daemonError(ctx, e);
      }
    }
    return status;
  },
};

const connect: Subcommand = {
  use: 'network connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'ip', kind: 'string' }, { long: 'alias', kind: 'list' }, { long: 'ip6', kind: 'string' }, { long: 'link', kind: 'list' }, { long: 'driver-opt', kind: 'list' }, { long: 'gw-priority', kind: 'int' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 2) return argsError(ctx, path, this.use, 'exact', 2);
    const engine = engineOf(ctx);
    try {
      const net = engine.network(f.positionals[0]);
      const c = engine.container(f.positionals[1]);
      connectNetwork(engine, c, net, { ip: f.strings.get('ip'), aliases: f.lists.get('alias') });
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

const disconnect: Subcommand = {
  use: 'network disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 2) return argsError(ctx, path, this.use, 'exact', 2);
    const engine = engineOf(ctx);
    try {
      const net = engine.network(f.positionals[0]);
      const c = engine.container(f.positionals[1]);
      disconnectNetwork(engine, c, net);
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

const prune: Subcommand = {
  use: 'network prune [OPTIONS]',
  short: 'Remove all unused networks',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'filter', kind: 'list' }], path, this.use);
    if (typeof f === 'number') return f;
    if (!f.bools.has('force')) {
      ctx.stdout.write('WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
      const answer = (await ctx.stdin.readLine()) ?? '';
      if (!/^y(es)?$/i.test(answer.trim())) return 0;
    }
    const removed = pruneNetworks(engineOf(ctx));
    if (removed.length) ctx.stdout.write(`Deleted Networks:\n${removed.map((n) => `${n}\n`).join('')}\n`);
    return 0;
  },
};

const SUBS: Record<string, Subcommand> = { ls, list: ls, inspect, create, rm, remove: rm, connect, disconnect, prune };

/** `docker network …`: dispatches to the subcommand. */
export const network: Subcommand = {
  use: 'network COMMAND',
  short: 'Manage networks',
  async run(ctx: CommandContext, args, path) {
    const [sub, ...rest] = args;
    if (sub === undefined || sub === '--help') {
      ctx.stdout.write(`\nUsage:  docker network COMMAND\n\nManage networks\n\nCommands:\n${Object.entries({ connect, create, disconnect, inspect, ls, prune, rm }).map(([k, s]) => `  ${k.padEnd(11)}${s.short}\n`).join('')}\nRun 'docker network COMMAND --help' for more information on a command.\n`);
      return 0;
    }
    const s = SUBS[sub];
    if (s && rest[0] === '--help') {
      ctx.stdout.write(`\nUsage:  docker ${s.use}\n\n${s.short}\n`);
      return 0;
    }
    if (!s) {
      ctx.stderr.write(`docker: unknown command: docker network ${sub}\n\nUsage:  docker network COMMAND\n\nRun 'docker network --help' for more information\n`);
      return 1;
    }
    return s.run(ctx, rest, `${path} ${sub}`);
  },
};
