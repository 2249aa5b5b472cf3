/**
 * Linux namespaces: each has a kind and an inode number as `readlink /proc/PID/ns/KIND` shows
 * (`pid:[4026531836]`). A host's initial namespaces carry the kernel's fixed numbers; new ones are
 * numbered upward from 4026532xxx per host, deterministically.
 */
import type { Host } from './host.ts';
import type { Process } from './process.ts';
import type { MountTable } from './fs/mounts.ts';
import type { NetStack } from './net/stack.ts';

/** The kinds `lsns` and /proc/PID/ns know, in the order /proc/PID/ns lists them. */
export const NAMESPACE_KINDS = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts'] as const;
export type NamespaceKind = (typeof NAMESPACE_KINDS)[number];

/**
 * Inode numbers of a host's initial namespaces, as on a booted Debian 12 kernel: the
 * statically numbered ones (include/linux/proc_ns.h: PROC_CGROUP_INIT_INO 0xEFFFFFFB …
 * PROC_IPC_INIT_INO 0xEFFFFFFF) and the first two dynamically allocated (net, then mnt).
 */
export const INITIAL_INODES: Readonly<Record<NamespaceKind, number>> = {
  time: 4026531834,
  cgroup: 4026531835,
  pid: 4026531836,
  user: 4026531837,
  uts: 4026531838,
  ipc: 4026531839,
  net: 4026531840,
  mnt: 4026531841,
};

/** Where a host's later namespaces start (systemd's services take the first few on boot). */
export const FIRST_DYNAMIC_INODE = 4026532161;

/** One namespace. Kind-specific state lives in the subclasses. */
export class Namespace {
  readonly kind: NamespaceKind;
  readonly inode: number;
  readonly host: Host;
  /** Virtual ms when it was created. */
  readonly createdAt: number;
  /** Host pid of the process that created it (undefined for initial namespaces). */
  readonly creatorPid?: number;

  constructor(kind: NamespaceKind, host: Host, inode: number, createdAt: number, creatorPid?: number) {
    this.kind = kind;
    this.host = host;
    this.inode = inode;
    this.createdAt = createdAt;
    this.creatorPid = creatorPid;
  }

  /** `pid:[4026531836]`, the text of the /proc/PID/ns symlink. */
  get link(): string {
    return `${this.kind}:[${this.inode}]`;
  }
}

/** A PID namespace: its own numbering from 1, nested in its parent. */
export class PidNamespace extends Namespace {
  readonly parent?: PidNamespace;
  /** 0 for the host's initial PID namespace. */
  readonly level: number;
  /** Processes visible here, by the pid they have here. */
  readonly members = new Map<number, Process>();
  nextPid = 1;
  /** Set when its init (pid 1) exited: fork into it then fails with ENOMEM, as on Linux. */
  dead = false;

  constructor(host: Host, inode: number, createdAt: number, parent?: PidNamespace, creatorPid?: number) {
    super('pid', host, inode, createdAt, creatorPid);
    this.parent = parent;
    this.level = parent ? parent.level + 1 : 0;
  }

  /** The namespace's init process (pid 1 here), while it lives. */
  get init(): Process | undefined {
    return this.members.get(1);
  }

  /** True when `other` is this namespace or nested below it. */
  contains(other: PidNamespace): boolean {
    for (let n: PidNamespace | undefined = other; n; n = n.parent) if (n === this) return true;
    return false;
  }
}

/** A UTS namespace: the hostname and NIS domain name. */
export class UtsNamespace extends Namespace {
  hostname: string;
  domainname = '(none)';

  constructor(host: Host, inode: number, createdAt: number, hostname: string, creatorPid?: number) {
    super('uts', host, inode, createdAt, creatorPid);
    this.hostname = hostname;
  }
}

/** A mount namespace: its own mount table over shared file systems. */
export class MountNamespace extends Namespace {
  readonly mounts: MountTable;

  constructor(host: Host, inode: number, createdAt: number, mounts: MountTable, creatorPid?: number) {
    super('mnt', host, inode, createdAt, creatorPid);
    this.mounts = mounts;
  }
}

/** A user namespace with its uid/gid maps (`0 1000 1` after `unshare -r`). */
export class UserNamespace extends Namespace {
  readonly parent?: UserNamespace;
  /** Lines of /proc/PID/uid_map: inside, outside, count. Empty until written. */
  uidMap: [number, number, number][];
  gidMap: [number, number, number][];

  constructor(host: Host, inode: number, createdAt: number, parent?: UserNamespace, creatorPid?: number) {
    super('user', host, inode, createdAt, creatorPid);
    this.parent = parent;
    // The initial user namespace maps the whole range onto itself.
    this.uidMap = parent ? [] : [[0, 0, 4294967295]];
    this.gidMap = parent ? [] : [[0, 0, 4294967295]];
  }

  /** The uid as seen inside this namespace for a uid of the parent, or 65534 (overflowuid). */
  uidInside(outside: number): number {
    for (const [inside, out, count] of this.uidMap) if (outside >= out && outside < out + count) return inside + (outside - out);
    return 65534;
  }
}

/** A network namespace: interfaces, addresses, routes, listeners. */
export class NetNamespace extends Namespace {
  readonly stack: NetStack;
  /** Name under /var/run/netns when created by `ip netns add` (or attached to one). */
  name?: string;
  /** Another nsfs bind mount holding it (Docker: /run/docker/netns/<id>), shown in lsns's NSFS. */
  bindPath?: string;

  constructor(host: Host, inode: number, createdAt: number, stack: NetStack, creatorPid?: number) {
    super('net', host, inode, createdAt, creatorPid);
    this.stack = stack;
  }
}

/** The namespaces a process is in, one per kind. */
export interface NamespaceSet {
  cgroup: Namespace;
  ipc: Namespace;
  mnt: MountNamespace;
  net: NetNamespace;
  pid: PidNamespace;
  time: Namespace;
  user: UserNamespace;
  uts: UtsNamespace;
}
