/**
 * A host: one kernel (a VM, a Docker host, a Kubernetes node) with its initial namespaces, its
 * init process (PID 1), its root file system and its named network namespaces. Created by
 * `Linux.createHost`.
 */
import type { Linux } from './linux.ts';
import type { NamespaceSet, NetNamespace } from './namespaces.ts';
import { FIRST_DYNAMIC_INODE } from './namespaces.ts';
import type { Process } from './process.ts';
import type { MemDir } from './fs/nodes.ts';

export class Host {
  /** The name it was created with (stable key in `linux.hosts`). */
  readonly id: string;
  /** e.g. `6.1.0-28-amd64` (Debian 12's kernel). */
  readonly kernelRelease: string;
  /** e.g. `#1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)`. */
  readonly kernelVersion: string;
  readonly linux: Linux;
  /** The root of its root file system (ext4 on /dev/vda1). */
  readonly rootFs: MemDir;
  /** `ip netns add` names (bind mounts under /run/netns). */
  readonly namedNetns = new Map<string, NetNamespace>();
  /** Its initial namespaces; set once by `Linux.createHost`. */
  initial!: NamespaceSet;
  /** PID 1; set once by `Linux.createHost`. */
  init!: Process;
  /** Virtual ms when it booted. */
  readonly bootTime: number;
  private nextInode = FIRST_DYNAMIC_INODE;

  constructor(init: { id: string; kernelRelease: string; kernelVersion: string; linux: Linux; rootFs: MemDir; bootTime: number }) {
    this.id = init.id;
    this.kernelRelease = init.kernelRelease;
    this.kernelVersion = init.kernelVersion;
    this.linux = init.linux;
    this.rootFs = init.rootFs;
    this.bootTime = init.bootTime;
  }

  /** The hostname of its initial UTS namespace. */
  get name(): string {
    return this.initial.uts.hostname;
  }

  /** The next namespace inode number on this host. */
  allocInode(): number {
    return this.nextInode++;
  }

  /** All live processes, by host pid. */
  get processes(): ReadonlyMap<number, Process> {
    return this.initial.pid.members;
  }

  /** The process with host pid `pid`. */
  process(pid: number): Process | undefined {
    return this.initial.pid.members.get(pid);
  }
}
