/**
 * The Linux kernel model of a world (`world.linux`): hosts, processes and namespaces, with the
 * system calls the emulated tools need — spawn (clone), exit, unshare, setns, mount — and the
 * network (`linux.net`). Every namespace, process and link it creates is recorded in the world's
 * event log (source `linux`).
 *
 * Creation is O(1) in the number of existing processes: /proc is generated on read and a new
 * mount namespace copies only its (short) mount table.
 */
import { DevDir, createDevices } from './fs/devfs.ts';
import type { DeviceSet } from './fs/devfs.ts';
import type { World } from '../world.ts';
import type { Rng } from '../rng.ts';
import { Host } from './host.ts';
import { LinuxError } from './errors.ts';
import { MountTable, mountIdWatermark } from './fs/mounts.ts';
import type { Mount } from './fs/mounts.ts';
import { MemDir, inodeWatermark } from './fs/nodes.ts';
import type { DirNode } from './fs/nodes.ts';
import { procRoot } from './fs/procfs.ts';
import { installLabTools, seedDebianRoot } from './fs/seed.ts';
import type { SeedOptions } from './fs/seed.ts';
import { Vfs } from './fs/vfs.ts';
import { normalize } from './fs/path.ts';
import { INITIAL_INODES, MountNamespace, Namespace, NetNamespace, PidNamespace, UserNamespace, UtsNamespace } from './namespaces.ts';
import type { NamespaceKind, NamespaceSet } from './namespaces.ts';
import { Network } from './net/network.ts';
import { NetStack } from './net/stack.ts';
import { Process } from './process.ts';

/** Options of `Linux.createHost`. */
export interface HostOptions {
  /** @default '6.1.0-28-amd64' */
  kernelRelease?: string;
  /** A prepared root file system (a container image's); @default a fresh Debian 12 tree */
  rootFs?: MemDir;
  /** Passed to the Debian seed (nameserver, extra /etc/hosts lines). */
  seed?: Partial<SeedOptions>;
  /** Host pids of later processes start here (init is always 1). @default 1000 */
  firstPid?: number;
}

/** Options of `Linux.spawn`. Omitted fields are inherited from the parent, as fork+exec does. */
export interface SpawnOptions {
  argv: string[];
  /** @default basename of argv[0], at most 15 characters */
  comm?: string;
  cwd?: string;
  env?: Record<string, string>;
  uid?: number;
  gid?: number;
  user?: string;
  /** `null` detaches from the terminal (ps shows `?`). */
  tty?: string | null;
  /** New namespaces for the child (clone flags), created after `namespaces` is applied. */
  unshare?: NamespaceKind[];
  /** Existing namespaces to place the child in (docker exec, kubelet). */
  namespaces?: Partial<NamespaceSet>;
  vsz?: number;
  rss?: number;
}

/** Options of `Linux.unshare`. */
export interface UnshareOptions {
  /** With `user`: map the caller's uid to root (`unshare -r`). */
  mapRootUser?: boolean;
}

/** The environment of a root login shell on Debian 12. */
export const LOGIN_ENV: Readonly<Record<string, string>> = {
  HOME: '/root',
  LANG: 'C.UTF-8',
  LOGNAME: 'root',
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  PWD: '/root',
  SHELL: '/bin/bash',
  TERM: 'xterm-256color',
  USER: 'root',
};

const DEFAULT_MEMORY: Record<string, [number, number]> = {
  systemd: [168412, 12140],
  bash: [7196, 3964],
  sh: [2576, 924],
  sleep: [5476, 1012],
  unshare: [5612, 1848],
  nsenter: [5612, 1780],
  ps: [11400, 4608],
};

export class Linux {
  readonly world: World;
  /** A fork of the world's rng, so Linux's draws (MACs) do not shift other subsystems'. */
  readonly rng: Rng;
  readonly hosts = new Map<string, Host>();
  readonly net: Network;
  private readonly logins = new Map<Host, Process>();
  /** The world's device nodes, made at the first /dev mount and shared by all of them. */
  private devices?: DeviceSet;
  /** First inode number of this world (stat shows `ino - inodeBase + 2`, ext4's root is 2). */
  readonly inodeBase: number;
  /** First mount id of this world (mountinfo shows `id - mountBase + 21`). */
  readonly mountBase: number;

  constructor(world: World) {
    this.world = world;
    this.rng = world.rng.fork();
    this.net = new Network(this);
    // Inode and mount numbers are shown relative to these, so each world numbers from the start.
    this.inodeBase = inodeWatermark();
    this.mountBase = mountIdWatermark();
  }

  /**
   * Boots a host: initial namespaces with the kernel's inode numbers, a Debian root file system,
   * the standard mounts (/, /proc, /sys, /dev, /run…), `lo`, and PID 1 (`/sbin/init`).
   * Throws EEXIST when a host with that name exists.
   */
  createHost(name: string, options: HostOptions = {}): Host {
    if (this.hosts.has(name)) throw new LinuxError('EEXIST', 'createHost', name);
    const now = this.world.now();
    const rootFs = options.rootFs ?? seedDebianRoot({ hostname: name, now, ...options.seed });
    const host = new Host({
      id: name,
      kernelRelease: options.kernelRelease ?? '6.1.0-28-amd64',
      kernelVersion: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)',
      linux: this,
      rootFs,
      bootTime: now,
    });
    const mounts = new MountTable();
    const pid = new PidNamespace(host, INITIAL_INODES.pid, now);
    host.initial = {
      cgroup: new Namespace('cgroup', host, INITIAL_INODES.cgroup, now),
      ipc: new Namespace('ipc', host, INITIAL_INODES.ipc, now),
      mnt: new MountNamespace(host, INITIAL_INODES.mnt, now, mounts),
      net: new NetNamespace(host, INITIAL_INODES.net, now, new NetStack()),
      pid,
      time: new Namespace('time', host, INITIAL_INODES.time, now),
      user: new UserNamespace(host, INITIAL_INODES.user, now),
      uts: new UtsNamespace(host, INITIAL_INODES.uts, now, name),
    };
    mounts.mount({ target: '/', root: rootFs, fstype: 'ext4', source: '/dev/vda1', options: 'rw,relatime,errors=remount-ro', readOnly: false });
    this.mountStandard(mounts, pid, now);
    this.net.addLoopback(host.initial.net, true);
    this.hosts.set(name, host);
    host.init = this.createProcess(host, host.initial, 0, {
      argv: ['/sbin/init'], comm: 'systemd', cwd: '/', env: { HOME: '/', TERM: 'linux' }, uid: 0, gid: 0, user: 'root', tty: null,
    });
    pid.nextPid = Math.max(pid.nextPid, options.firstPid ?? 1000);
    this.world.events.record({ source: 'linux', type: 'host.created', subject: `host/${name}`, message: `host ${name} booted (kernel ${host.kernelRelease})`, data: { host: name } });
    this.world.markChanged();
    return host;
  }

  /** The /proc, /sys, /dev and /run mounts of a booted host (or a container's fresh table). */
  mountStandard(mounts: MountTable, pidNs: PidNamespace, now: number): void {
    mounts.mount(this.procMount('/proc', pidNs));
    mounts.mount({ target: '/sys', root: new MemDir(now, 0o555), fstype: 'sysfs', source: 'sysfs', options: 'rw,nosuid,nodev,noexec,relatime', readOnly: true });
    const devices = (this.devices ??= createDevices(now, this.world.seed));
    // A container (its own PID namespace) gets runc's default set, the host Debian's udev set.
    const devRoot = new DevDir(now, pidNs.level === 0 ? devices.host : devices.container);
    mounts.mount({ target: '/dev', root: devRoot, fstype: 'devtmpfs', source: 'udev', options: 'rw,nosuid,relatime,size=1989732k,nr_inodes=497433,mode=755,inode64', readOnly: false });
    mounts.mount({ target: '/run', root: new MemDir(now), fstype: 'tmpfs', source: 'tmpfs', options: 'rw,nosuid,nodev,noexec,relatime,size=402640k,mode=755,inode64', readOnly: false });
  }

  /** A proc mount showing `pidNs` (what `mount -t proc proc TARGET` makes). */
  procMount(target: string, pidNs: PidNamespace): Omit<Mount, 'id'> {
    return { target, root: procRoot(pidNs, () => this.world.now()), fstype: 'proc', source: 'proc', options: 'rw,nosuid,nodev,noexec,relatime', readOnly: false, pidNs };
  }

  /**
   * Mounts a file system in `proc`'s mount namespace at `target` (which must be a directory).
   * `fstype: 'proc'` binds procfs to the caller's PID namespace. ENOENT/ENOTDIR for bad targets.
   */
  mount(proc: Process, fstype: string, source: string, target: string, root?: DirNode): Mount {
    const abs = proc.fs.realpath(target);
    if (proc.fs.stat(abs).type !== 'dir') throw new LinuxError('ENOTDIR', 'mount', target);
    const table = proc.ns.mnt.mounts;
    if (fstype === 'proc') return table.mount(this.procMount(abs, proc.ns.pid));
    const options = fstype === 'tmpfs' ? 'rw,relatime,inode64' : 'rw,relatime';
    return table.mount({ target: abs, root: root ?? new MemDir(this.world.now()), fstype, source, options, readOnly: false });
  }

  /**
   * `mount --bind SOURCE TARGET`: the directory SOURCE (as `proc` sees it) appears at TARGET too,
   * in `proc`'s mount namespace only. ENOENT/ENOTDIR for bad paths.
   */
  bindMount(proc: Process, source: string, target: string): Mount {
    const root = proc.fs.directory(source);
    const abs = proc.fs.realpath(target);
    if (proc.fs.stat(abs).type !== 'dir') throw new LinuxError('ENOTDIR', 'mount', target);
    const from = proc.fs.mountOf(source);
    return proc.ns.mnt.mounts.mount({ target: abs, root, fstype: from.fstype, source: from.source, options: from.options, readOnly: from.readOnly });
  }

  /** Unmounts the topmost mount at `target` in `proc`'s mount namespace; EINVAL when none. */
  umount(proc: Process, target: string): void {
    const abs = normalize(target, proc.cwd);
    if (!proc.ns.mnt.mounts.umount(abs)) throw new LinuxError('EINVAL', 'umount', target);
  }

  /**
   * fork+exec: a child of `parent` running `options.argv`, in the parent's namespaces unless
   * told otherwise. Its PID namespace is the parent's pid_for_children. Throws ENOMEM when that
   * namespace's init has exited (what `unshare --pid` without `--fork` runs into: bash then
   * prints "bash: fork: Cannot allocate memory").
   */
  spawn(parent: Process, argvOrOptions: SpawnOptions | string[], extra: Omit<SpawnOptions, 'argv'> = {}): Process {
    const options: SpawnOptions = Array.isArray(argvOrOptions) ? { ...extra, argv: argvOrOptions } : argvOrOptions;
    const ns: NamespaceSet = { ...parent.ns, ...options.namespaces };
    if (!options.namespaces?.pid && parent.pidForChildren) ns.pid = parent.pidForChildren;
    const child = this.createProcess(parent.host, ns, parent.pid, {
      argv: options.argv,
      comm: options.comm,
      cwd: options.cwd ?? parent.cwd,
      env: options.env ?? { ...parent.env },
      uid: options.uid ?? parent.uid,
      gid: options.gid ?? parent.gid,
      user: options.user ?? parent.user,
      tty: options.tty === undefined ? parent.tty ?? null : options.tty,
      vsz: options.vsz,
      rss: options.rss,
    }, options.unshare);
    return child;
  }

  /**
   * The learner's login shell on `host` (default: the first host booted, `petlab` booted on
   * demand when there is none): created on first call
   * as a child of init — root in /root on pts/0 with Debian's login environment — and returned
   * again while it lives. Throws ENOENT when there is no such host.
   */
  loginShell(options: { host?: string; argv?: string[] } = {}): Process {
    if (options.host === undefined && this.hosts.size === 0) this.createHost('petlab');
    const host = options.host !== undefined ? this.hosts.get(options.host) : this.hosts.values().next().value;
    if (!host) throw new LinuxError('ENOENT', 'loginShell', options.host);
    const existing = this.logins.get(host);
    if (existing && !existing.exited) return existing;
    // The learner logs in here: the course's tools are installed on this machine.
    if (!existing) installLabTools(host.rootFs, this.world.now());
    const shell = this.spawn(host.init, {
      argv: options.argv ?? ['-bash'], comm: 'bash', cwd: '/root', tty: 'pts/0', uid: 0, gid: 0, user: 'root',
      env: { ...LOGIN_ENV },
    });
    this.logins.set(host, shell);
    return shell;
  }

  /**
   * Ends a process: it leaves every namespace, its children are re-parented to the init of their
   * PID namespace, and when it was that init, every process in the namespace is killed (Linux
   * sends them SIGKILL). Exiting twice is a no-op.
   */
  exit(proc: Process, code = 0): void {
    if (proc.exited) return;
    proc.exited = true;
    proc.exitCode = code;
    proc.state = 'Z';
    for (let ns: PidNamespace | undefined = proc.ns.pid; ns; ns = ns.parent) {
      const local = proc.pidIn(ns);
      if (local !== undefined) ns.members.delete(local);
    }
    const ownNs = proc.ns.pid;
    if (ownNs.parent && proc.pidIn(ownNs) === 1) {
      ownNs.dead = true;
      for (const p of [...ownNs.members.values()]) this.exit(p, 137);
    }
    for (const p of proc.host.initial.pid.members.values()) {
      if (p.ppid !== proc.pid) continue;
      const reaper = p.ns.pid.init ?? proc.host.init;
      p.ppid = reaper === p ? 0 : reaper.pid;
    }
    this.world.events.record({ source: 'linux', type: 'process.exited', subject: `process/${proc.host.id}/${proc.pid}`, message: `${proc.comm} (pid ${proc.pid}) exited with status ${code}`, data: { host: proc.host.id, pid: proc.pid, code } });
    this.world.markChanged();
  }

  /**
   * unshare(2): moves `proc` into new namespaces of `kinds`. For `pid` only its future children
   * go there (pid_for_children), as on Linux. `user` without `mapRootUser` leaves the uid
   * unmapped (shown as 65534, nobody).
   */
  unshare(proc: Process, kinds: readonly NamespaceKind[], options: UnshareOptions = {}): void {
    for (const kind of orderKinds(kinds)) {
      if (kind === 'pid') {
        proc.pidForChildren = this.newNamespace('pid', proc, proc.ns, proc.pidForChildren ?? proc.ns.pid) as PidNamespace;
        continue;
      }
      const ns = this.newNamespace(kind, proc, proc.ns);
      (proc.ns as unknown as Record<string, Namespace>)[kind] = ns;
      if (kind === 'user') {
        const user = ns as UserNamespace;
        if (options.mapRootUser) {
          user.uidMap = [[0, proc.uid, 1]];
          user.gidMap = [[0, proc.gid, 1]];
          proc.uid = 0;
          proc.gid = 0;
          proc.user = 'root';
        } else {
          proc.uid = 65534;
          proc.gid = 65534;
          proc.user = 'nobody';
        }
      }
    }
    this.world.markChanged();
  }

  /**
   * setns(2): moves `proc` into the namespaces of `kinds` that `target` (a process, or one
   * namespace) is in. A PID namespace applies to future children only; entering a mount
   * namespace resets the cwd to its root. EINVAL when `target` is a namespace of another kind.
   */
  setns(proc: Process, target: Process | Namespace, kinds: readonly NamespaceKind[]): void {
    for (const kind of kinds) {
      const ns = target instanceof Process ? (kind === 'pid' ? target.ns.pid : target.ns[kind]) : target;
      if (ns.kind !== kind) throw new LinuxError('EINVAL', 'setns');
      if (kind === 'pid') proc.pidForChildren = ns as PidNamespace;
      else (proc.ns as unknown as Record<string, Namespace>)[kind] = ns;
      if (kind === 'mnt') proc.cwd = '/';
      if (kind === 'user' && target instanceof Process) {
        proc.uid = target.uid;
        proc.user = target.user;
      }
      this.world.events.record({
        source: 'linux', type: 'namespace.entered', subject: `process/${proc.host.id}/${proc.pid}`,
        message: `${proc.comm} (pid ${proc.pid}) entered ${kind} namespace ${ns.inode}`,
        data: { host: proc.host.id, pid: proc.pid, kind, inode: ns.inode },
      });
    }
    this.world.markChanged();
  }

  /**
   * The PID namespace `proc` sees through /proc (what ps, lsns and `kill` read), or undefined
   * when nothing is mounted on /proc in its mount namespace.
   */
  procPidNs(proc: Process): PidNamespace | undefined {
    return proc.ns.mnt.mounts.at('/proc')?.pidNs;
  }

  /** Live processes visible in `pidNs`, ordered by their pid there. */
  processesIn(pidNs: PidNamespace): Process[] {
    return [...pidNs.members.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
  }

  /** The process with pid `pid` as seen from `pidNs`. */
  findProcess(pidNs: PidNamespace, pid: number): Process | undefined {
    return pidNs.members.get(pid);
  }

  /** Namespaces in use on `host` (by a process, or a named netns), ordered by inode. */
  namespacesOf(host: Host): Namespace[] {
    const seen = new Map<number, Namespace>();
    for (const p of host.initial.pid.members.values()) {
      for (const kind of Object.keys(p.ns) as NamespaceKind[]) seen.set(p.ns[kind].inode, p.ns[kind]);
    }
    for (const ns of host.namedNetns.values()) seen.set(ns.inode, ns);
    return [...seen.values()].sort((a, b) => a.inode - b.inode);
  }

  /** Creates a namespace of `kind` on `creator`'s host, copying state from `from` (hostname, mounts). */
  newNamespace(kind: NamespaceKind, creator: Process, from: NamespaceSet, pidParent: PidNamespace = from.pid): Namespace {
    const host = creator.host;
    const inode = host.allocInode();
    const now = this.world.now();
    let ns: Namespace;
    switch (kind) {
      case 'pid': ns = new PidNamespace(host, inode, now, pidParent, creator.pid); break;
      case 'uts': ns = new UtsNamespace(host, inode, now, from.uts.hostname, creator.pid); break;
      case 'mnt': ns = new MountNamespace(host, inode, now, from.mnt.mounts.clone(), creator.pid); break;
      case 'user': ns = new UserNamespace(host, inode, now, from.user, creator.pid); break;
      case 'net': {
        const net = new NetNamespace(host, inode, now, new NetStack(), creator.pid);
        this.net.addLoopback(net, false);
        ns = net;
        break;
      }
      default: ns = new Namespace(kind, host, inode, now, creator.pid);
    }
    this.world.events.record({
      source: 'linux', type: 'namespace.created', subject: `ns/${host.id}/${ns.link}`,
      message: `${creator.comm} (pid ${creator.pid}) created ${kind} namespace ${inode}`,
      data: { host: host.id, kind, inode, pid: creator.pid },
    });
    return ns;
  }

  private createProcess(
    host: Host, ns: NamespaceSet, ppid: number,
    o: { argv: string[]; comm?: string; cwd: string; env: Record<string, string>; uid: number; gid: number; user: string; tty: string | null; vsz?: number; rss?: number },
    unshare: NamespaceKind[] = [],
  ): Process {
    const chain: PidNamespace[] = [];
    let pidNs = ns.pid;
    if (pidNs.dead) throw new LinuxError('ENOMEM', 'fork');
    const parent = host.process(ppid);
    if (unshare.includes('pid') && parent) pidNs = this.newNamespace('pid', parent, ns, pidNs) as PidNamespace;
    for (let n: PidNamespace | undefined = pidNs; n; n = n.parent) chain.unshift(n);
    const pids = chain.map((n) => n.nextPid++);
    const comm = (o.comm ?? (o.argv[0] ?? '').split('/').pop() ?? '').slice(0, 15);
    const [vsz, rss] = DEFAULT_MEMORY[comm] ?? [6000, 1500];
    const proc = new Process({
      host, pids, ppid, argv: o.argv, comm, uid: o.uid, gid: o.gid, user: o.user, startTime: this.world.now(),
      cwd: o.cwd, env: o.env, tty: o.tty ?? undefined, vsz: o.vsz ?? vsz, rss: o.rss ?? rss, ns: { ...ns, pid: pidNs },
      makeVfs: (p) => new Vfs({ mounts: () => p.ns.mnt.mounts, cwd: () => p.cwd, context: () => ({ pid: p.pid, uid: p.uid }), now: () => this.world.now(), inodeBase: this.inodeBase }),
    });
    chain.forEach((n, i) => n.members.set(pids[i], proc));
    if (parent) for (const kind of orderKinds(unshare.filter((k) => k !== 'pid'))) this.unshare(proc, [kind]);
    this.world.events.record({ source: 'linux', type: 'process.created', subject: `process/${host.id}/${proc.pid}`, message: `${comm} started as pid ${proc.pid}`, data: { host: host.id, pid: proc.pid, ppid, argv: o.argv } });
    return proc;
  }
}

/** The kernel's creation order (user first, then create_new_namespaces: mnt, uts, ipc, pid, cgroup, net, time). */
const KERNEL_ORDER: readonly NamespaceKind[] = ['user', 'mnt', 'uts', 'ipc', 'pid', 'cgroup', 'net', 'time'];

function orderKinds(kinds: readonly NamespaceKind[]): NamespaceKind[] {
  return KERNEL_ORDER.filter((k) => kinds.includes(k));
}
