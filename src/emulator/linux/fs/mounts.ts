/**
 * The mount table of one mount namespace. Mounts point at file-system roots shared between
 * namespaces, as in Linux: `unshare --mount` copies the table (cheap: a few entries), not the
 * files, so a later mount in the new namespace is private while file contents stay shared.
 */
import type { DirNode } from './nodes.ts';
import type { PidNamespace } from '../namespaces.ts';

/** One mounted file system. */
export interface Mount {
  /** Increasing id, as in /proc/self/mountinfo. */
  readonly id: number;
  /** Absolute, normalized mount point. */
  readonly target: string;
  /** Root directory of the mounted file system. */
  readonly root: DirNode;
  /** File-system type as `mount` prints it: ext4, proc, tmpfs, sysfs, overlay… */
  readonly fstype: string;
  /** The source column: a device, `proc`, `tmpfs`, `overlay`. */
  readonly source: string;
  /** Options as `mount` prints them, e.g. `rw,nosuid,nodev,noexec,relatime`. */
  readonly options: string;
  /** Whether writes fail with EROFS. */
  readonly readOnly: boolean;
  /** For a proc mount: the PID namespace it shows. */
  readonly pidNs?: PidNamespace;
}

export type MountInput = Omit<Mount, 'id'>;

let nextMountId = 21;

/** The next mount id; /proc/PID/mountinfo numbers mounts relative to its world's watermark. */
export function mountIdWatermark(): number {
  return nextMountId;
}

/** The ordered mounts of one mount namespace; the last mount on a path hides earlier ones. */
export class MountTable {
  private readonly list: Mount[];
  private readonly top = new Map<string, Mount>();

  constructor(mounts: readonly Mount[] = []) {
    this.list = [...mounts];
    for (const m of this.list) this.top.set(m.target, m);
  }

  /** A copy for a new mount namespace (CLONE_NEWNS): same file systems, private table. */
  clone(): MountTable {
    return new MountTable(this.list);
  }

  /** Adds a mount on top of whatever is mounted at `target`; returns it. */
  mount(input: MountInput): Mount {
    const m: Mount = { ...input, id: nextMountId++ };
    this.list.push(m);
    this.top.set(m.target, m);
    return m;
  }

  /**
   * Removes the topmost mount at `target` (and mounts below it). Returns false when nothing is
   * mounted there.
   */
  umount(target: string): boolean {
    const m = this.top.get(target);
    if (!m) return false;
    const prefix = target === '/' ? '/' : `${target}/`;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const x = this.list[i];
      if (x === m || (x.id > m.id && x.target.startsWith(prefix))) this.list.splice(i, 1);
    }
    this.top.clear();
    for (const x of this.list) this.top.set(x.target, x);
    return true;
  }

  /** The mount whose root appears at `path`, if any. */
  at(path: string): Mount | undefined {
    return this.top.get(path);
  }

  /** All mounts in mount order (what /proc/mounts lists). */
  all(): readonly Mount[] {
    return this.list;
  }

  /** The mount containing `path` (longest mount-point prefix). */
  containing(path: string): Mount {
    let best: Mount | undefined;
    for (const m of this.list) {
      const inside = m.target === '/' || path === m.target || path.startsWith(`${m.target}/`);
      if (inside && (!best || m.target.length >= best.target.length)) best = m;
    }
    if (!best) throw new Error('mount table has no root mount');
    return best;
  }
}
