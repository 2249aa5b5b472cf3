/** `docker volume ls|create|inspect|rm|prune`: named volumes that outlive containers. */
import { createVolume, inspectVolume, removeVolume, volumeUsers } from '../../../emulator/docker/volume-ops.ts';
import { argsError, daemonError, engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { printInspect } from './cmd-inspect.ts';
import { renderRows } from './format.ts';

/** `docker volume ls`. */
const ls: Subcommand = {
  use: 'volume ls [OPTIONS]',
  short: 'List volumes',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'quiet', short: 'q', kind: 'bool' }, { long: 'format', kind: 'string' }, { long: 'filter', short: 'f', kind: 'list' }], path, this.use);
    if (typeof f === 'number') return f;
    const names = [...engineOf(ctx).volumes.keys()].sort();
    if (f.bools.has('quiet')) {
      ctx.stdout.write(names.map((n) => `${n}\n`).join(''));
      return 0;
    }
    ctx.stdout.write(renderRows(f.strings.get('format') ?? 'table {{.Driver}}\t{{.Name}}', names.map((n) => ({ Driver: 'local', Name: n, Scope: 'local', Mountpoint: `/var/lib/docker/volumes/${n}/_data` })), { Driver: 'DRIVER', Name: 'VOLUME NAME', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT' }));
    return 0;
  },
};

/** `docker volume create`. */
const create: Subcommand = {
  use: 'volume create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'name', kind: 'string' }, { long: 'driver', short: 'd', kind: 'string' }, { long: 'label', kind: 'list' }, { long: 'opt', short: 'o', kind: 'list' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length > 1) return argsError(ctx, path, this.use, 'max', 1);
    try {
      ctx.stdout.write(`${createVolume(engineOf(ctx), f.positionals[0] ?? f.strings.get('name'))}\n`);
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

/** `docker volume inspect`. */
const inspect: Subcommand = {
  use: 'volume inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'format', short: 'f', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const docs: unknown[] = [];
    const errors: string[] = [];
    for (const n of f.positionals) {
      try {
        docs.push(inspectVolume(engineOf(ctx), n));
      } catch (e) {
        errors.push(`Error response from daemon: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return printInspect(ctx, docs, errors, f.strings.get('format'));
  },
};

/** `docker volume rm`. */
const rm: Subcommand = {
  use: 'volume rm [OPTIONS] VOLUME [VOLUME...]',
  short: 'Remove one or more volumes',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    let status = 0;
    for (const n of f.positionals) {
      try {
        removeVolume(engineOf(ctx), n, f.bools.has('force'));
        ctx.stdout.write(`${n}\n`);
      } catch (e) {
        status = daemonError(ctx, e);
      }
    }
    return status;
  },
};

/** `docker volume prune` (`-a`/all: every unused named volume). */
const prune: Subcommand = {
  use: 'volume prune [OPTIONS]',
  short: 'Remove unused local volumes',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'force', short: 'f', kind: 'bool' }, { long: 'all', short: 'a', kind: 'bool' }, { long: 'filter', kind: 'list' }], path, this.use);
    if (typeof f === 'number') return f;
    if (!f.bools.has('force')) {
      ctx.stdout.write('WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] ');
      const answer = (await ctx.stdin.readLine()) ?? '';
      if (!/^y(es)?$/i.test(answer.trim())) return 0;
    }
    const engine = engineOf(ctx);
    const removed: string[] = [];
    for (const n of [...engine.volumes.keys()]) {
      const anonymous = /^[0-9a-f]{64}$/.test(n);
      if ((anonymous || f.bools.has('all')) && volumeUsers(engine, n).length === 0) {
        removeVolume(engine, n);
        removed.push(n);
      }
    }
    ctx.stdout.write(`${removed.length ? `Deleted Volumes:\n${removed.map((n) => `${n}\n`).join('')}\n` : ''}Total reclaimed space: 0B\n`);
    return 0;
  },
};

const SUBS: Record<string, Subcommand> = { ls, list: ls, create, inspect, rm, remove: rm, prune };

/** `docker volume …`. */
export const volume: Subcommand = {
  use: 'volume COMMAND',
  short: 'Manage volumes',
  async run(ctx, args, path) {
    const [sub, ...rest] = args;
    const s = sub === undefined ? undefined : SUBS[sub];
    if (!s) {
      if (sub === undefined || sub === '--help') {
        ctx.stdout.write(`\nUsage:  docker volume COMMAND\n\nManage volumes\n\nCommands:\n${Object.entries({ create, inspect, ls, prune, rm }).map(([k, v]) => `  ${k.padEnd(11)}${v.short}\n`).join('')}\nRun 'docker volume COMMAND --help' for more information on a command.\n`);
        return 0;
      }
      ctx.stderr.write(`docker: unknown command: docker volume ${sub}\n\nUsage:  docker volume COMMAND\n\nRun 'docker volume --help' for more information\n`);
      return 1;
    }
    if (rest[0] === '--help') {
      ctx.stdout.write(`\nUsage:  docker ${s.use}\n\n${s.short}\n`);
      return 0;
    }
    return s.run(ctx, rest, `${path} ${sub}`);
  },
};
