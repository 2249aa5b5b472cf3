/**
 * `docker run`, `docker create`, `docker start`: container options as docker/cli parses them,
 * implicit pulls ("Unable to find image 'x:latest' locally"), detached and attached runs.
 */
import type { CommandContext } from '../../types.ts';
import { DockerError } from '../../../emulator/docker/errors.ts';
import { createContainer, startContainer, type CreateOptions } from '../../../emulator/docker/container-ops.ts';
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import { familiarName, parseReference } from '../../../emulator/docker/reference.ts';
import type { Container, Image, PortBinding } from '../../../emulator/docker/types.ts';
import { argsError, engineOf, parseOrUsage, runError, type Subcommand } from './common.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { pullWithProgress } from './cmd-images.ts';
import { attachForeground } from './attach-io.ts';

/** Flags of `docker create`/`run` the lab emulates. */
const CONTAINER_FLAGS: FlagSpec[] = [
  { long: 'detach', short: 'd', kind: 'bool' },
  { long: 'interactive', short: 'i', kind: 'bool' },
  { long: 'tty', short: 't', kind: 'bool' },
  { long: 'rm', kind: 'bool' },
  { long: 'name', kind: 'string' },
  { long: 'publish', short: 'p', kind: 'list' },
  { long: 'publish-all', short: 'P', kind: 'bool' },
  { long: 'env', short: 'e', kind: 'list' },
  { long: 'network', kind: 'string' },
  { long: 'net', kind: 'string' },
  { long: 'network-alias', kind: 'list' },
  { long: 'hostname', short: 'h', kind: 'string' },
  { long: 'ip', kind: 'string' },
  { long: 'volume', short: 'v', kind: 'list' },
  { long: 'pid', kind: 'string' },
  { long: 'uts', kind: 'string' },
  { long: 'workdir', short: 'w', kind: 'string' },
  { long: 'user', short: 'u', kind: 'string' },
  { long: 'entrypoint', kind: 'string' },
  { long: 'label', short: 'l', kind: 'list' },
  { long: 'restart', kind: 'string' },
  { long: 'pull', kind: 'string' },
  { long: 'quiet', short: 'q', kind: 'bool' },
  { long: 'platform', kind: 'string' },
  { long: 'cap-add', kind: 'list' },
  { long: 'privileged', kind: 'bool' },
  { long: 'detach-keys', kind: 'string' },
  { long: 'sig-proxy', kind: 'bool' },
  { long: 'expose', kind: 'list' },
  { long: 'env-file', kind: 'list' },
];

/** Real `docker run`/`create` flags the lab does not emulate: they say so instead of "unknown flag". */
const UNAVAILABLE: FlagSpec[] = [
  ...['add-host', 'dns', 'dns-option', 'dns-search', 'mount', 'link', 'device', 'tmpfs', 'security-opt', 'sysctl', 'ulimit',
    'log-driver', 'log-opt', 'mac-address', 'domainname', 'ipc', 'cgroupns', 'userns', 'cap-drop', 'group-add', 'health-cmd',
    'ip6', 'runtime', 'gpus', 'memory', 'cpus', 'shm-size', 'stop-signal', 'stop-timeout', 'label-file', 'pids-limit', 'volumes-from',
    'attach', 'cidfile'].map((long) => ({ long, kind: 'list' as const, ...(long === 'memory' ? { short: 'm' } : long === 'attach' ? { short: 'a' } : {}) })),
  ...['init', 'read-only', 'oom-kill-disable', 'no-healthcheck'].map((long) => ({ long, kind: 'bool' as const })),
];

const RUN_USE = 'run [OPTIONS] IMAGE [COMMAND] [ARG...]';
const CREATE_USE = 'create [OPTIONS] IMAGE [COMMAND] [ARG...]';

/** Parses `-p` values: `8080:80`, `80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `53:53/udp`. */
export function parsePublish(spec: string): PortBinding[] {
  let rest = spec;
  let proto: 'tcp' | 'udp' = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const p = rest.slice(slash + 1);
    if (p !== 'tcp' && p !== 'udp') throw new Error(`invalid proto: ${p}`);
    proto = p;
    rest = rest.slice(0, slash);
  }
  const parts = rest.split(':');
  if (parts.length > 3) throw new Error(`invalid port specification: "${spec}"`);
  const containerPort = parts[parts.length - 1];
  const hostPort = parts.length >= 2 ? parts[parts.length - 2] : '';
  const hostIp = parts.length === 3 ? parts[0] : '';
  if (!/^\d+$/.test(containerPort) || Number(containerPort) < 1 || Number(containerPort) > 65535) {
    throw new Error(`invalid containerPort: ${containerPort}`);
  }
  if (hostPort !== '' && (!/^\d+$/.test(hostPort) || Number(hostPort) > 65535)) throw new Error(`invalid hostPort: ${hostPort}`);
  if (hostIp !== '' && !/^\d+\.\d+\.\d+\.\d+$/.test(hostIp)) throw new Error(`invalid IP address: ${hostIp}`);
  return [{ containerPort: Number(containerPort), proto, hostIp, hostPort: hostPort === '' ? 0 : Number(hostPort) }];
}

/** Finds the image or pulls it (printing docker run's "Unable to find image" and progress to stderr). */
async function ensureImage(ctx: CommandContext, engine: DockerEngine, ref: string, f: ParsedFlags): Promise<Image> {
  const parsed = parseReference(ref);
  const local = engine.findImage(ref);
  const policy = f.strings.get('pull') ?? 'missing';
  if (local && policy !== 'always') return local;
  if (policy === 'never') throw new DockerError('not-found', `No such image: ${familiarName(parsed)}`);
  if (!local) ctx.stderr.write(`Unable to find image '${familiarName(parsed)}' locally\n`);
  const r = await pullWithProgress(ctx, engine, ref, (s) => ctx.stderr.write(s), f.bools.has('quiet'));
  return r.image;
}

function createOptions(f: ParsedFlags, image: Image, imageRef: string, rest: string[]): CreateOptions {
  const publish = (f.lists.get('publish') ?? []).flatMap(parsePublish);
  const entry = f.strings.get('entrypoint');
  const env = (f.lists.get('env') ?? []).map((e) => e);
  const expose = (f.lists.get('expose') ?? []).map((p) => (p.includes('/') ? p : `${p}/tcp`));
  return {
    image, imageRef, name: f.strings.get('name'), cmd: rest,
    entrypoint: entry === undefined ? undefined : entry === '' ? [] : [entry],
    env, hostname: f.strings.get('hostname'), tty: f.bools.has('tty'), openStdin: f.bools.has('interactive'),
    network: f.strings.get('network') ?? f.strings.get('net'), ip: f.strings.get('ip'),
    aliases: f.lists.get('network-alias'), publish, publishAll: f.bools.has('publish-all'),
    autoRemove: f.bools.has('rm'), binds: f.lists.get('volume') ?? [], pidMode: f.strings.get('pid'),
    utsMode: f.strings.get('uts'), workdir: f.strings.get('workdir'), user: f.strings.get('user'),
    labels: Object.fromEntries((f.lists.get('label') ?? []).map((l) => [l.split('=')[0], l.split('=').slice(1).join('=')])),
    restart: f.strings.get('restart'),
    expose,
  };
}

async function createFromArgs(ctx: CommandContext, args: readonly string[], path: string, use: string): Promise<{ c: Container; f: ParsedFlags } | number> {
  const f = parseOrUsage(ctx, args, [...CONTAINER_FLAGS, ...UNAVAILABLE], path, use, false);
  if (typeof f === 'number') return f;
  const unavailable = UNAVAILABLE.find((u) => f.bools.has(u.long) || f.lists.has(u.long));
  if (unavailable) {
    ctx.stderr.write(`petlab: '${path} --${unavailable.long}' is not available in this lab\n`);
    return 1;
  }
  // --env-file: KEY=VALUE lines (comments and blanks skipped), before the -e values, as docker/cli reads them.
  const fromFiles: string[] = [];
  for (const file of f.lists.get('env-file') ?? []) {
    let text: string;
    try {
      text = ctx.process.fs.readFile(file.startsWith('/') ? file : `${ctx.cwd}/${file}`);
    } catch {
      return runError(ctx, path, new Error(`open ${file}: no such file or directory`));
    }
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      fromFiles.push(t);
    }
  }
  // `-e NAME` without a value passes the client's NAME through (and nothing when it is unset).
  const env = [...fromFiles, ...(f.lists.get('env') ?? [])].flatMap((e) => {
    if (e.includes('=')) return [e];
    const v = ctx.env.get(e);
    return v === undefined ? [] : [`${e}=${v}`];
  });
  f.lists.set('env', env);
  if (f.positionals.length < 1) return argsError(ctx, path, use, 'min', 1);
  const engine = engineOf(ctx);
  const [ref, ...rest] = f.positionals;
  try {
    for (const p of f.lists.get('publish') ?? []) parsePublish(p);
    parseReference(ref);
  } catch (e) {
    // Client-side parse errors carry no "Error response from daemon:" prefix.
    return runError(ctx, path, new Error(e instanceof Error ? e.message : String(e)));
  }
  let image: Image;
  try {
    image = await ensureImage(ctx, engine, ref, f);
  } catch (e) {
    return runError(ctx, path, e);
  }
  const restart = f.strings.get('restart');
  if (f.bools.has('rm') && restart !== undefined && restart !== 'no') {
    // docker/cli container/opts.go validates this before talking to the daemon.
    return runError(ctx, path, new Error('Conflicting options: --restart and --rm'));
  }
  const user = f.strings.get('user');
  if (user !== undefined && user !== 'root' && user !== '0') {
    ctx.stderr.write(`petlab: '${path} --user' is not available in this lab\n`);
    return 1;
  }
  const options = createOptions(f, image, ref, rest);
  if (options.network === 'host' && (options.publish?.length || options.publishAll)) {
    // docker/cli container/opts.go: ports mean nothing in the host's network namespace.
    ctx.stderr.write('WARNING: Published ports are discarded when using host network mode\n');
    options.publish = [];
    options.publishAll = false;
  }
  try {
    return { c: createContainer(engine, options), f };
  } catch (e) {
    return runError(ctx, path, e);
  }
}

function startExitCode(e: unknown): number {
  const m = e instanceof Error ? e.message : '';
  if (m.includes('executable file not found') || m.includes('no such file or directory')) return 127;
  if (m.includes('permission denied')) return 126;
  return 125;
}

/** `docker run`. */
export const run: Subcommand = {
  use: RUN_USE,
  short: 'Create and run a new container from an image',
  async run(ctx, args, path) {
    const made = await createFromArgs(ctx, args, path, RUN_USE);
    if (typeof made === 'number') return made;
    const { c, f } = made;
    const engine = engineOf(ctx);
    try {
      const program = startContainer(engine, c, !f.bools.has('detach'));
      if (f.bools.has('detach')) {
        ctx.stdout.write(`${c.id}\n`);
        return 0;
      }
      return await attachForeground(ctx, engine, c, program, { interactive: f.bools.has('interactive'), tty: f.bools.has('tty') });
    } catch (e) {
      runError(ctx, path, e, false);
      if (c.hostConfig.autoRemove) engine.containers.delete(c.id);
      return startExitCode(e);
    }
  },
};

/** `docker create`. */
export const create: Subcommand = {
  use: CREATE_USE,
  short: 'Create a new container',
  async run(ctx, args, path) {
    const made = await createFromArgs(ctx, args, path, CREATE_USE);
    if (typeof made === 'number') return made;
    ctx.stdout.write(`${made.c.id}\n`);
    return 0;
  },
};

/** `docker start`. */
export const start: Subcommand = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [
      { long: 'attach', short: 'a', kind: 'bool' },
      { long: 'interactive', short: 'i', kind: 'bool' },
      { long: 'detach-keys', kind: 'string' },
    ], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    let status = 0;
    for (const ref of f.positionals) {
      try {
        const c = engine.container(ref);
        const attach = f.bools.has('attach') || f.bools.has('interactive');
        const program = startContainer(engine, c, attach);
        if (attach) {
          return await attachForeground(ctx, engine, c, program, { interactive: f.bools.has('interactive'), tty: c.config.tty });
        }
        ctx.stdout.write(`${ref}\n`);
      } catch (e) {
        ctx.stderr.write(`Error response from daemon: ${e instanceof Error ? e.message : String(e)}\n`);
        status = 1;
      }
    }
    if (status) ctx.stderr.write('Error: failed to start containers: ' + f.positionals.filter((r) => !engine.findContainer(r) || engine.findContainer(r)?.state.status !== 'running').join(', ') + '\n');
    return status;
  },
};
