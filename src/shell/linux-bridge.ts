/**
 * The shell's only view of the Linux model (`src/emulator/linux`): which process a shell runs
 * as, its file system, and spawning/exiting child processes for commands. Kept in one file so
 * the shell's expectations of the model are written down in one place.
 *
 * Where the world has no Linux model (bare `new World()` in unit tests), a detached in-memory
 * process stands in: its own writable root file system (the model's `Vfs`) and nothing else.
 */
import type { World } from '../emulator/world.ts';
import { Vfs } from '../emulator/linux/fs/vfs.ts';
import { MountTable } from '../emulator/linux/fs/mounts.ts';
import { MemDir } from '../emulator/linux/fs/nodes.ts';

/** What the shell reads from a process. `src/emulator/linux`'s `Process` satisfies it. */
export interface ShellProcess {
  readonly pid: number;
  /** Its pid as seen from its own PID namespace (`$$`). */
  readonly localPid?: number;
  cwd: string;
  env: Record<string, string>;
  readonly user: string;
  readonly uid: number;
  readonly gid: number;
  readonly hostname: string;
  readonly fs: Vfs;
  argv: string[];
}

/** The part of `world.linux` the shell uses; every member is optional so either side can move. */
interface LinuxModel {
  /** The learner's login shell process (root on the default host). */
  loginShell?(options?: { host?: string; argv?: string[] }): ShellProcess;
  /** Forks `parent` and execs `argv` (a child in the same namespaces). */
  spawn?(parent: ShellProcess, argv: string[], options?: { env?: Record<string, string>; cwd?: string }): ShellProcess;
  /** Marks a process exited and reaps it. */
  exit?(process: ShellProcess, code: number): void;
}

function linuxOf(world: World): LinuxModel | undefined {
  return (world as unknown as { linux?: LinuxModel }).linux;
}

/** The process a new top-level shell runs as: the learner's login shell on the world's host. */
export function loginShellProcess(world: World): ShellProcess {
  const linux = linuxOf(world);
  if (linux?.loginShell) return linux.loginShell({ argv: ['-bash'] });
  return detachedProcess(world);
}

/**
 * A child process of `parent` running `argv` (a command or a subshell), or `parent` itself when
 * the model cannot spawn (then `ps` simply does not show the command).
 */
export function spawnChild(world: World, parent: ShellProcess, argv: string[], env?: Record<string, string>): ShellProcess {
  const linux = linuxOf(world);
  if (!linux?.spawn) return parent;
  try {
    return linux.spawn(parent, argv, { env, cwd: parent.cwd });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOMEM') throw new ForkError((e as Error).message);
    throw e;
  }
}

/**
 * fork(2) failed: the model refuses a new process (ENOMEM when the PID namespace the children
 * go to has lost its init, as after `unshare --pid` without `--fork`). The interpreter prints
 * `bash: fork: Cannot allocate memory` and abandons the command line with status 126.
 */
export class ForkError extends Error {
  readonly code = 'EFORK';
}

/** True when the world has a Linux model (so commands are programs found through PATH). */
export function hasLinuxModel(world: World): boolean {
  return linuxOf(world)?.spawn !== undefined;
}

/** The shell whose messages a process prints: BusyBox ash or GNU bash. */
export type ShellDialect = 'bash' | 'ash';

/**
 * Which shell `process` is: BusyBox ash when its program is `sh`/`ash` and its root's /bin/sh
 * is BusyBox (alpine, busybox images), bash otherwise (Debian's /bin/sh is dash, but the lab
 * runs bash's interpreter for it and keeps bash's wording).
 */
export function shellDialect(process: ShellProcess): ShellDialect {
  const program = (process.argv[0] ?? '').replace(/^-/, '');
  const base = program.slice(program.lastIndexOf('/') + 1);
  if (base !== 'sh' && base !== 'ash') return 'bash';
  try {
    return process.fs.realpath('/bin/sh').endsWith('/busybox') ? 'ash' : 'bash';
  } catch {
    return 'bash';
  }
}

/** Ends a child made by `spawnChild` (no-op for `parent` stand-ins). */
export function exitChild(world: World, child: ShellProcess, parent: ShellProcess, code: number): void {
  if (child === parent) return;
  linuxOf(world)?.exit?.(child, code);
}

let detachedPid = 1000;

/**
 * A process outside any Linux model: root in /root on host `petlab` with an empty writable file
 * system holding /root, /tmp, /etc/hostname and /bin. Used when the world has no `linux`.
 */
export function detachedProcess(world: World): ShellProcess {
  return new DetachedProcess(world, detachedPid++);
}

class DetachedProcess implements ShellProcess {
  readonly pid: number;
  readonly user = 'root';
  readonly uid = 0;
  readonly gid = 0;
  readonly hostname = 'petlab';
  cwd = '/root';
  env: Record<string, string> = {
    HOME: '/root',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    SHELL: '/bin/bash',
    USER: 'root',
    LOGNAME: 'root',
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
  };
  argv = ['-bash'];
  readonly fs: Vfs;

  constructor(world: World, pid: number) {
    this.pid = pid;
    this.fs = makeDetachedFs(world, () => this.cwd, pid);
  }
  get localPid(): number {
    return this.pid;
  }
}

function makeDetachedFs(world: World, cwd: () => string, pid: number): Vfs {
  const table = new MountTable();
  table.mount({ target: '/', root: new MemDir(world.now()), fstype: 'ext4', source: '/dev/sda1', options: 'rw,relatime', readOnly: false });
  const fs = new Vfs({ mounts: () => table, cwd, context: () => ({ pid, uid: 0 }), now: () => world.now() });
  for (const dir of ['/bin', '/etc', '/home', '/root', '/tmp', '/usr/bin', '/var/log']) fs.mkdir(dir, { recursive: true });
  fs.writeFile('/etc/hostname', 'petlab\n');
  return fs;
}
