/**
 * An emulated process: the thing every shell and command runs as. Its namespaces decide what it
 * sees (PIDs, hostname, mounts, interfaces, files); its `pid` is the pid in its host's initial
 * PID namespace, and `pidIn(ns)` gives the pid it has in any PID namespace that can see it.
 */
import type { Host } from './host.ts';
import type { NamespaceKind, NamespaceSet, PidNamespace } from './namespaces.ts';
import type { Vfs } from './fs/vfs.ts';

/** ps's STAT letters: R running, S sleeping, T stopped, Z zombie. */
export type ProcessState = 'R' | 'S' | 'T' | 'Z';

export class Process {
  readonly host: Host;
  /** Pid in the host's initial PID namespace. */
  readonly pid: number;
  /** Host pid of the parent (0 for the host's init). */
  ppid: number;
  argv: string[];
  /** The command name (/proc/PID/comm), at most 15 characters. */
  comm: string;
  uid: number;
  gid: number;
  /** User name as ps prints it. */
  user: string;
  state: ProcessState = 'S';
  /** Virtual ms at which it started. */
  readonly startTime: number;
  cwd: string;
  env: Record<string, string>;
  /** Controlling terminal as ps prints it (`pts/0`), or undefined for `?`. */
  tty?: string;
  /** Memory figures for `ps aux` (KiB). */
  vsz: number;
  rss: number;
  readonly ns: NamespaceSet;
  /** Where children go after `unshare --pid` or `setns` to a PID namespace (pid_for_children). */
  pidForChildren?: PidNamespace;
  /** Pids from the host's initial PID namespace down to `ns.pid`, one per level. */
  readonly pids: readonly number[];
  exited = false;
  exitCode?: number;
  private vfs?: Vfs;
  private readonly makeVfs: (p: Process) => Vfs;

  constructor(init: {
    host: Host;
    pids: number[];
    ppid: number;
    argv: string[];
    comm: string;
    uid: number;
    gid: number;
    user: string;
    startTime: number;
    cwd: string;
    env: Record<string, string>;
    tty?: string;
    vsz: number;
    rss: number;
    ns: NamespaceSet;
    makeVfs: (p: Process) => Vfs;
  }) {
    this.host = init.host;
    this.pids = init.pids;
    this.pid = init.pids[0];
    this.ppid = init.ppid;
    this.argv = init.argv;
    this.comm = init.comm;
    this.uid = init.uid;
    this.gid = init.gid;
    this.user = init.user;
    this.startTime = init.startTime;
    this.cwd = init.cwd;
    this.env = init.env;
    this.tty = init.tty;
    this.vsz = init.vsz;
    this.rss = init.rss;
    this.ns = init.ns;
    this.makeVfs = init.makeVfs;
  }

  /** The pid this process has in `ns`, or undefined when `ns` cannot see it. */
  pidIn(ns: PidNamespace): number | undefined {
    const depth = ns.level;
    if (depth >= this.pids.length) return undefined;
    let own: PidNamespace | undefined = this.ns.pid;
    while (own && own.level > depth) own = own.parent;
    return own === ns ? this.pids[depth] : undefined;
  }

  /** Its own pid as it sees it (`echo $$`). */
  get localPid(): number {
    return this.pids[this.pids.length - 1];
  }

  /** The file system as this process sees it (its mount namespace, cwd and /proc). */
  get fs(): Vfs {
    this.vfs ??= this.makeVfs(this);
    return this.vfs;
  }

  /** The hostname of its UTS namespace. */
  get hostname(): string {
    return this.ns.uts.hostname;
  }

  /** `/usr/bin/bash -l` style command line (argv joined by spaces). */
  get commandLine(): string {
    return this.argv.join(' ');
  }

  /** The namespace of `kind` this process is in. */
  namespace(kind: NamespaceKind): NamespaceSet[NamespaceKind] {
    return this.ns[kind];
  }
}
