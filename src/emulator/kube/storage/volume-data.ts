/**
 * Where volume contents live: one directory tree per PersistentVolume, created by the
 * provisioner and dropped when the volume is deleted. The kubelet mounts the tree at the
 * container's mountPath, so a file written in web-0 is there again in the next web-0.
 * The tree is a Linux-model directory node, so containers see it through their mount namespace.
 */
import { MemDir } from '../../linux/fs/nodes.ts';

export interface VolumeEntry {
  /** The PV name, `pvc-<claim uid>`. */
  name: string;
  /** The node it lives on (local-path volumes are node-local). */
  node?: string;
  /** The host path on that node, e.g. `/var/local-path-provisioner/pvc-…_default_www-web-0`. */
  hostPath: string;
  root: MemDir;
}

export class VolumeData {
  private readonly entries = new Map<string, VolumeEntry>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  /** Creates (or returns) the tree of volume `name`. */
  create(name: string, node: string | undefined, hostPath: string): VolumeEntry {
    let e = this.entries.get(name);
    if (!e) this.entries.set(name, (e = { name, node, hostPath, root: new MemDir(this.now()) }));
    return e;
  }

  /** The tree of volume `name`, created on first use for statically made volumes. */
  get(name: string): VolumeEntry {
    return this.entries.get(name) ?? this.create(name, undefined, `/mnt/${name}`);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Drops the contents of a deleted volume. */
  release(name: string): void {
    this.entries.delete(name);
  }
}
