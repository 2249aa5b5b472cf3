/** `docker ps` / `docker container ls`: docker/cli's container table, filters and formats. */
import type { CommandContext } from '../../types.ts';
import type { Container } from '../../../emulator/docker/types.ts';
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import { engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { CONTAINER_HEADERS, containerRow } from './container-view.ts';
import { renderRows } from './format.ts';
import { TemplateError } from './go-template.ts';
import { familiarRepo, parseReference } from '../../../emulator/docker/reference.ts';

const DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const FILTERS = new Set(['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'isolation', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume']);
const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];

function matches(engine: DockerEngine, c: Container, key: string, value: string): boolean {
  switch (key) {
    case 'name': return new RegExp(value).test(c.name);
    case 'id': return c.id.startsWith(value);
    case 'status': return c.state.status === value;
    case 'exited': return c.state.status === 'exited' && String(c.state.exitCode) === value;
    case 'label': {
      const [k, v] = value.split('=');
      return Object.hasOwn(c.config.labels, k) && (v === undefined || c.config.labels[k] === v);
    }
    case 'network': return [...c.endpoints.values()].some((ep) => {
      const n = engine.networks.get(ep.networkId);
      return n !== undefined && (n.name === value || n.id.startsWith(value));
    });
    case 'ancestor': {
      try {
        const want = familiarRepo(parseReference(value));
        return familiarRepo(parseReference(c.config.image)) === want || c.image.id.slice(7).startsWith(value);
      } catch {
        return false;
      }
    }
    case 'publish': return c.hostConfig.portBindings.some((b) => `${b.hostPort}` === value.split('/')[0]);
    case 'expose': return c.config.exposedPorts.some((p) => p.split('/')[0] === value.split('/')[0]);
    default: return true;
  }
}

/** `docker ps`. */
export const ps: Subcommand = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  async run(ctx: CommandContext, args, path) {
    const f = parseOrUsage(ctx, args, [
      { long: 'all', short: 'a', kind: 'bool' },
      { long: 'quiet', short: 'q', kind: 'bool' },
      { long: 'format', kind: 'string' },
      { long: 'filter', short: 'f', kind: 'list' },
      { long: 'no-trunc', kind: 'bool' },
      { long: 'last', short: 'n', kind: 'int' },
      { long: 'latest', short: 'l', kind: 'bool' },
      { long: 'size', short: 's', kind: 'bool' },
    ], path, this.use);
    if (typeof f === 'number') return f;
    const engine = engineOf(ctx);
    const filters: [string, string][] = [];
    for (const spec of f.lists.get('filter') ?? []) {
      const eq = spec.indexOf('=');
      if (eq < 0) {
        ctx.stderr.write(`invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker ${this.use}\n\nRun '${path} --help' for more information\n`);
        return 125;
      }
      const key = spec.slice(0, eq);
      const value = spec.slice(eq + 1);
      if (!FILTERS.has(key)) {
        ctx.stderr.write(`Error response from daemon: invalid filter '${key}'\n`);
        return 1;
      }
      if (key === 'status' && !STATUSES.includes(value)) {
        ctx.stderr.write(`Error response from daemon: invalid filter 'status=${value}'\n`);
        return 1;
      }
      filters.push([key, value]);
    }
    let list = [...engine.containers.values()].reverse();
    const all = f.bools.has('all') || filters.length > 0 || f.strings.has('last') || f.bools.has('latest');
    if (!all) list = list.filter((c) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting');
    // Filters: same key ORs, different keys AND (daemon semantics).
    const byKey = new Map<string, string[]>();
    for (const [k, v] of filters) byKey.set(k, [...(byKey.get(k) ?? []), v]);
    list = list.filter((c) => [...byKey].every(([k, vs]) => vs.some((v) => matches(engine, c, k, v))));
    if (f.bools.has('latest')) list = list.slice(0, 1);
    const last = f.strings.get('last');
    if (last !== undefined && Number(last) >= 0) list = list.slice(0, Number(last));
    const trunc = !f.bools.has('no-trunc');
    const format = f.strings.get('format');
    if (f.bools.has('quiet') && (format === undefined || format === 'table')) {
      ctx.stdout.write(list.map((c) => `${trunc ? c.id.slice(0, 12) : c.id}\n`).join(''));
      return 0;
    }
    let fmt = format ?? DEFAULT;
    if (fmt === 'table') fmt = DEFAULT;
    if (f.bools.has('size') && fmt === DEFAULT) fmt += '\t{{.Size}}';
    try {
      ctx.stdout.write(renderRows(fmt, list.map((c) => containerRow(engine, c, trunc)), CONTAINER_HEADERS));
    } catch (e) {
      if (e instanceof TemplateError) {
        ctx.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    return 0;
  },
};
