/** `docker logs|port|top|exec|attach|swarm`. */
import { exitContainer } from '../../../emulator/docker/container-ops.ts';
import { checkExec } from '../../../emulator/docker/container-network.ts';
import { DockerError } from '../../../emulator/docker/errors.ts';
import { swarmInit, swarmLeave } from '../../../emulator/docker/swarm-ops.ts';
import { argsError, daemonError, engineOf, parseOrUsage, type Subcommand } from './common.ts';
import { detachableInput, detachableTerminal, runInContainer } from './attach-io.ts';
import { tabwrite } from './tabwriter.ts';

/** `docker logs`. */
export const logs: Subcommand = {
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'follow', short: 'f', kind: 'bool' }, { long: 'tail', short: 'n', kind: 'string' }, { long: 'timestamps', short: 't', kind: 'bool' }, { long: 'since', kind: 'string' }, { long: 'until', kind: 'string' }, { long: 'details', kind: 'bool' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 1) return argsError(ctx, path, this.use, 'exact', 1);
    const engine = engineOf(ctx);
    const c = engine.findContainer(f.positionals[0]);
    if (!c) return daemonError(ctx, new DockerError('not-found', `No such container: ${f.positionals[0]}`));
    const tail = f.strings.get('tail');
    let shown = tail === undefined || tail === 'all' ? 0 : Math.max(0, c.logs.length - Number(tail));
    const print = () => {
      while (shown < c.logs.length) {
        const l = c.logs[shown++];
        const ts = f.bools.has('timestamps') ? `${new Date(l.at).toISOString().replace('Z', '000000Z')} ` : '';
        (l.stream === 'stderr' && !c.config.tty ? ctx.stderr : ctx.stdout).write(`${ts}${l.text}\n`);
      }
    };
    print();
    if (!f.bools.has('follow')) return 0;
    while (c.state.status === 'running') {
      if (!(await ctx.sleep(1000))) return 130;
      print();
    }
    print();
    return 0;
  },
};

/** `docker port`. */
export const port: Subcommand = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'List port mappings or a specific mapping for the container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1 || f.positionals.length > 2) return argsError(ctx, path, this.use, 'range', 1, 2);
    const engine = engineOf(ctx);
    try {
      const c = engine.container(f.positionals[0]);
      const running = c.state.status === 'running';
      const lines: string[] = [];
      const want = f.positionals[1];
      for (const b of [...c.hostConfig.portBindings].sort((x, y) => x.containerPort - y.containerPort)) {
        if (!running) continue;
        const key = `${b.containerPort}/${b.proto}`;
        if (want && want !== key && want !== String(b.containerPort)) continue;
        const addrs = b.hostIp === '' ? ['0.0.0.0', '[::]'] : [b.hostIp];
        for (const a of addrs) lines.push(want ? `${a}:${b.hostPort}` : `${key} -> ${a}:${b.hostPort}`);
      }
      if (want && lines.length === 0) {
        const key = want.includes('/') ? want : `${want}/tcp`;
        ctx.stderr.write(`Error: No public port '${key}' published for ${f.positionals[0]}\n`);
        return 1;
      }
      ctx.stdout.write(lines.map((l) => `${l}\n`).join(''));
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

function clock(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

/** `docker top`. */
export const top: Subcommand = {
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Display the running processes of a container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [], path, this.use, false);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 1) return argsError(ctx, path, this.use, 'min', 1);
    const engine = engineOf(ctx);
    try {
      const c = engine.container(f.positionals[0]);
      if (c.state.status !== 'running') throw new DockerError('conflict', `container ${c.id} is not running`);
      const procs = engine.runtime.processes(engine, c);
      const rows = [['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...procs.map((p) => [p.user, String(p.pid), String(p.ppid), '0', clock(p.startTime), c.config.tty ? 'pts/0' : '?', '00:00:00', p.argv.join(' ')])];
      ctx.stdout.write(tabwrite(rows));
      return 0;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

/** `docker exec`. */
export const exec: Subcommand = {
  use: 'exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  short: 'Execute a command in a running container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'interactive', short: 'i', kind: 'bool' }, { long: 'tty', short: 't', kind: 'bool' }, { long: 'detach', short: 'd', kind: 'bool' }, { long: 'env', short: 'e', kind: 'list' }, { long: 'workdir', short: 'w', kind: 'string' }, { long: 'user', short: 'u', kind: 'string' }, { long: 'privileged', kind: 'bool' }], path, this.use, false);
    if (typeof f === 'number') return f;
    if (f.positionals.length < 2) return argsError(ctx, path, this.use, 'min', 2);
    const engine = engineOf(ctx);
    const [ref, ...argv] = f.positionals;
    try {
      const c = engine.container(ref);
      checkExec(c);
      const name = argv[0].split('/').pop() ?? argv[0];
      if (!c.image.spec.tools.includes(name)) {
        // runc: a name is looked up on $PATH, a path is stat()ed
        const why = argv[0].includes('/') ? `stat ${argv[0]}: no such file or directory` : 'executable file not found in $PATH';
        ctx.stderr.write(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": ${why}: unknown\n`);
        return 127;
      }
      const interactiveShell = f.bools.has('interactive') && f.bools.has('tty') && argv.length === 1 && ['sh', 'ash', 'bash', '/bin/sh', '/bin/bash', '/bin/ash'].includes(argv[0]);
      const user = f.strings.get('user');
      if ((user !== undefined && user !== 'root' && user !== '0') || f.bools.has('detach')) {
        ctx.stderr.write(`petlab: '${path} ${user !== undefined ? '--user' : '--detach'}' is not available in this lab\n`);
        return 1;
      }
      const env = f.lists.get('env') ?? [];
      const workdir = f.strings.get('workdir');
      if (interactiveShell && (env.length > 0 || workdir !== undefined)) {
        ctx.stderr.write(`petlab: '${path} ${env.length ? '--env' : '--workdir'}' with an interactive shell is not available in this lab\n`);
        return 1;
      }
      return await runInContainer(ctx, engine, c, interactiveShell ? undefined : argv, {
        stdin: f.bools.has('interactive') ? ctx.stdin : undefined,
        stdout: (s) => ctx.stdout.write(s),
        stderr: (s) => (f.bools.has('tty') ? ctx.stdout : ctx.stderr).write(s),
        execArgv: argv,
        // `-e NAME` without a value passes the CLI's own NAME (docker/cli opts.ValidateEnv)
        env: env.map((e) => (e.includes('=') ? e : `${e}=${ctx.env.get(e) ?? ''}`)),
        workdir,
      });
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

/** `docker attach`. */
export const attach: Subcommand = {
  use: 'attach [OPTIONS] CONTAINER',
  short: 'Attach local standard input, output, and error streams to a running container',
  async run(ctx, args, path) {
    const f = parseOrUsage(ctx, args, [{ long: 'no-stdin', kind: 'bool' }, { long: 'sig-proxy', kind: 'bool' }, { long: 'detach-keys', kind: 'string' }], path, this.use);
    if (typeof f === 'number') return f;
    if (f.positionals.length !== 1) return argsError(ctx, path, this.use, 'exact', 1);
    const engine = engineOf(ctx);
    try {
      const c = engine.container(f.positionals[0]);
      if (c.state.status !== 'running') {
        ctx.stderr.write('You cannot attach to a stopped container, start it first\n');
        return 1;
      }
      if (c.config.openStdin && c.config.tty) {
        let detached = false;
        const startedAt = c.state.startedAt;
        const onDetach = () => { detached = true; };
        const code = await runInContainer(ctx, engine, c, undefined, {
          stdin: detachableInput(ctx.stdin, onDetach),
          wrapTerminal: detachableTerminal(onDetach),
          stdout: (s) => ctx.stdout.write(s),
          stderr: (s) => ctx.stdout.write(s),
        });
        if (detached) {
          ctx.stderr.write('read escape sequence\n');
          return 1;
        }
        if (c.state.startedAt === startedAt) exitContainer(engine, c, code);
        return code;
      }
      let shown = c.logs.length;
      while (c.state.status === 'running') {
        if (!(await ctx.sleep(1000))) return 130;
        while (shown < c.logs.length) ctx.stdout.write(`${c.logs[shown++].text}\n`);
      }
      return c.state.exitCode;
    } catch (e) {
      return daemonError(ctx, e);
    }
  },
};

/** `docker swarm`. */
export const swarm: Subcommand = {
  use: 'swarm COMMAND',
  short: 'Manage Swarm',
  async run(ctx, args, path) {
    const [sub, ...rest] = args;
    const engine = engineOf(ctx);
    if (sub === 'init') {
      const f = parseOrUsage(ctx, rest, [{ long: 'advertise-addr', kind: 'string' }, { long: 'listen-addr', kind: 'string' }, { long: 'force-new-cluster', kind: 'bool' }], `${path} init`, 'swarm init [OPTIONS]');
      if (typeof f === 'number') return f;
      try {
        const r = swarmInit(engine, f.strings.get('advertise-addr'));
        ctx.stdout.write(`Swarm initialized: current node (${r.nodeId}) is now a manager.\n\nTo add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${r.workerToken} ${r.advertiseAddr}:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n\n`);
        return 0;
      } catch (e) {
        return daemonError(ctx, e);
      }
    }
    if (sub === 'leave') {
      const f = parseOrUsage(ctx, rest, [{ long: 'force', short: 'f', kind: 'bool' }], `${path} leave`, 'swarm leave [OPTIONS]');
      if (typeof f === 'number') return f;
      try {
        swarmLeave(engine, f.bools.has('force'));
        ctx.stdout.write('Node left the swarm.\n');
        return 0;
      } catch (e) {
        return daemonError(ctx, e);
      }
    }
    ctx.stderr.write(`petlab: '${path} ${sub ?? ''}'.trim() is not available in this lab\n`.replace(`'.trim()`, `'`));
    return 1;
  },
};
