/**
 * Attaching the CLI to a container's main process: `docker run` without `-d`, `docker start -a`,
 * `docker attach`. Prints what the process writes, waits for it to end, and returns its exit
 * code; interactive shells (`-it`) run as a child shell inside the container's namespaces.
 */
import type { CommandContext, Input, Terminal } from '../../types.ts';
import { ExitSignal } from '../../interp/signals.ts';
import { appendLog, exitContainer, stopPlan } from '../../../emulator/docker/container-ops.ts';
import type { DockerEngine } from '../../../emulator/docker/engine.ts';
import type { Program } from '../../../emulator/docker/programs.ts';
import type { Container } from '../../../emulator/docker/types.ts';
import { execProgram } from '../linux-common/exec-program.ts';

/** Quotes argv for `sh -c`. */
export function shellQuote(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** docker's default detach keys, Ctrl-P Ctrl-Q (docker/cli `--detach-keys`). */
const DETACH_KEYS = '\x10\x11';

/**
 * The terminal behind docker's escape proxy, for an interactive shell in the container: its
 * reads ask the line editor for the detach keys, and when they arrive the shell ends at once
 * (the container keeps running) and `onDetach` runs. For `SpawnShellOptions.wrapTerminal`.
 */
export function detachableTerminal(onDetach: () => void): (inner: Terminal) => Terminal {
  return (inner) => ({
    get columns() {
      return inner.columns;
    },
    get rows() {
      return inner.rows;
    },
    clear: () => inner.clear(),
    async readLine(prompt, options) {
      const line = await inner.readLine(prompt, { ...options, escapeKeys: DETACH_KEYS });
      if (line === null || !line.includes(DETACH_KEYS)) return line;
      onDetach();
      // Ends the container's shell without its `exit`: the process lives on, unattached.
      throw new ExitSignal(0);
    },
  });
}

/** Input that ends (as a detach) when Ctrl-P Ctrl-Q arrives, like docker's escape proxy. */
export function detachableInput(inner: Input, onDetach: () => void): Input {
  let done = false;
  const read = async (): Promise<string | null> => {
    if (done) return null;
    const chunk = await inner.read();
    if (chunk === null) return null;
    const i = chunk.indexOf('\x10\x11');
    if (i >= 0) {
      done = true;
      onDetach();
      return i > 0 ? chunk.slice(0, i) : null;
    }
    return chunk;
  };
  return {
    isTTY: inner.isTTY,
    read,
    async readLine() {
      let buf = '';
      for (;;) {
        const nl = buf.indexOf('\n');
        if (nl >= 0) return buf.slice(0, nl);
        const c = await read();
        if (c === null) return buf === '' ? null : buf;
        buf += c;
      }
    },
    async readAll() {
      let all = '';
      for (let c = await read(); c !== null; c = await read()) all += c;
      return all;
    },
  };
}

/** Runs argv inside the container through the shell; resolves to the exit code. */
export async function runInContainer(
  ctx: CommandContext,
  engine: DockerEngine,
  c: Container,
  argv: string[] | undefined,
  io: { stdin?: Input; stdout: (s: string) => void; stderr: (s: string) => void; wrapTerminal?: (t: Terminal) => Terminal; execArgv?: string[]; env?: string[]; workdir?: string },
): Promise<number> {
  // `docker exec` (execArgv): a process of its own in the container; attach: the main process.
  const execProc = io.execArgv ? engine.runtime.execProcess?.(engine, c, io.execArgv) : undefined;
  const proc = execProc ?? engine.runtime.processOf?.(engine, c);
  let status = 1;
  try {
    // -e and -w: the exec process gets them before it starts, as runc sets them up.
    if (execProc) {
      for (const e of io.env ?? []) {
        const eq = e.indexOf('=');
        if (eq > 0) execProc.env[e.slice(0, eq)] = e.slice(eq + 1);
      }
      if (io.workdir !== undefined) {
        if (!isDir(execProc, io.workdir)) {
          // runc's chdir failure (recorded from openwrt/docker#127, Docker 24+ wording; exit 126)
          io.stderr(`OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("${io.workdir}") set in config.json failed: no such file or directory: unknown\n`);
          return (status = 126);
        }
        execProc.cwd = io.workdir;
      }
    }
    // runc execve()s the program as the exec process: `docker exec al ps` is PID 1 and one ps.
    const direct = execProc && argv ? await execProgram(ctx, execProc, argv, io.stdin) : undefined;
    if (direct !== undefined) return (status = direct);
    status = await ctx.spawnShell({
      script: argv ? shellQuote(argv) : undefined,
      in: proc,
      argv: argv ? undefined : (io.execArgv ?? [c.path, ...c.args]),
      wrapTerminal: io.wrapTerminal,
      stdin: io.stdin,
      stdout: { write: io.stdout },
      stderr: { write: io.stderr },
    });
    return status;
  } finally {
    if (execProc) engine.runtime.execEnded?.(execProc, status);
  }
}

/** Whether `path` is a directory in the process's file system. */
function isDir(proc: { fs: { stat(p: string): { type: string } } }, path: string): boolean {
  try {
    return proc.fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** Streams the container's log lines from `from` until it stops or the user interrupts. */
async function follow(ctx: CommandContext, engine: DockerEngine, c: Container, from: number, tty: boolean): Promise<boolean> {
  let shown = from;
  for (;;) {
    while (shown < c.logs.length) {
      const l = c.logs[shown++];
      (l.stream === 'stderr' && !tty ? ctx.stderr : ctx.stdout).write(`${l.text}\n`);
    }
    if (c.state.status !== 'running') return true;
    const ok = await ctx.sleep(1000);
    if (!ok) return false;
  }
}

/** The foreground half of `docker run`/`start -a`: resolves to the exit status the CLI returns. */
export async function attachForeground(
  ctx: CommandContext,
  engine: DockerEngine,
  c: Container,
  program: Program,
  o: { interactive: boolean; tty: boolean },
): Promise<number> {
  if (program.kind === 'exit') {
    for (const l of c.logs.slice(c.logs.length - program.logs.length)) {
      (l.stream === 'stderr' && !o.tty ? ctx.stderr : ctx.stdout).write(`${l.text}\n`);
    }
    exitContainer(engine, c, program.code);
    return program.code;
  }
  if (program.kind === 'external' || (program.kind === 'shell' && o.interactive)) {
    const write = (stream: 'stdout' | 'stderr') => (s: string) => {
      appendLog(engine, c, stream, s);
      (stream === 'stderr' && !o.tty ? ctx.stderr : ctx.stdout).write(s);
    };
    const startedAt = c.state.startedAt;
    let detached = false;
    // With a TTY, Ctrl-P Ctrl-Q detaches: the container keeps running and `docker run` returns 0.
    const onDetach = () => { detached = true; };
    const stdin = o.interactive ? (o.tty ? detachableInput(ctx.stdin, onDetach) : ctx.stdin) : undefined;
    const code = await runInContainer(ctx, engine, c, program.kind === 'external' ? program.argv : undefined, {
      stdin,
      wrapTerminal: o.interactive && o.tty ? detachableTerminal(onDetach) : undefined,
      stdout: write('stdout'),
      stderr: write('stderr'),
    });
    if (detached) return 0;
    if (c.state.startedAt === startedAt) exitContainer(engine, c, code);
    return code;
  }
  const ended = await follow(ctx, engine, c, 0, o.tty);
  if (!ended) {
    // Ctrl-C is proxied to the container (sig-proxy): daemons stop, PID-1 shells ignore it.
    const plan = stopPlan(c);
    if (plan.exitCode !== 137) exitContainer(engine, c, plan.exitCode);
    return c.state.status === 'running' ? 130 : c.state.exitCode;
  }
  return c.state.exitCode;
}
