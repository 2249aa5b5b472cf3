/**
 * /dev: character devices and the standard links, built once per world and shared by every
 * /dev mount (the host's devtmpfs and each container's tmpfs), so a thousand pods cost one small
 * copy-on-write directory each. Devices as in Linux's drivers/char/mem.c (null 1,3; zero 1,5;
 * full 1,7; random 1,8; urandom 1,9) and tty 5,0 / console 5,1 (drivers/tty/tty_io.c).
 * Containers get runc's defaults (libcontainer/specconv AllowedDevices, rootfs_linux.go
 * setupDevSymlinks and the OCI runtime-linux.md "Dev symbolic links": fd, stdin, stdout, stderr,
 * core → /proc/kcore) under Docker's /dev mounts (moby oci/defaults.go: pts, shm, mqueue).
 */
import { LinuxError } from '../errors.ts';
import { Rng } from '../../rng.ts';
import { MemDir, MemLink, allocIno } from './nodes.ts';
import type { FileNode, Inode } from './nodes.ts';

/**
 * What reading a device without a count yields: one pipe buffer's worth (64 KiB) for endless
 * devices (zero, random, urandom), since whole-file reads cannot be endless.
 */
export const ENDLESS_READ = 65536;

type DeviceKind = 'null' | 'zero' | 'full' | 'random' | 'tty' | 'console';

/** A character device node: `rdev` is [major, minor], as `ls -l` prints in place of the size. */
export class DeviceNode implements FileNode {
  readonly kind = 'chardev';
  mode: number;
  uid = 0;
  gid: number;
  mtime: number;
  readonly ino = allocIno();
  readonly rdev: readonly [number, number];
  private readonly device: DeviceKind;
  private readonly bytes?: () => Rng;

  constructor(now: number, device: DeviceKind, rdev: readonly [number, number], mode: number, gid = 0, bytes?: () => Rng) {
    this.mtime = now;
    this.device = device;
    this.rdev = rdev;
    this.mode = mode;
    this.gid = gid;
    this.bytes = bytes;
  }

  /** Whole-file read: EOF for null/full/tty/console, {@link ENDLESS_READ} bytes for the others. */
  read(): string {
    return this.readBytes(ENDLESS_READ);
  }

  /**
   * Reads at most `count` bytes (one char per byte, 0–255): NULs from zero and full, seeded
   * random bytes from random/urandom, nothing (EOF) from null, tty and console.
   */
  readBytes(count: number): string {
    const n = Math.max(0, Math.floor(count));
    if (this.device === 'zero' || this.device === 'full') return '\0'.repeat(n);
    if (this.device === 'random' && this.bytes) {
      const rng = this.bytes();
      let out = '';
      for (let i = 0; i < n; i++) out += String.fromCharCode(rng.int(256));
      return out;
    }
    return '';
  }

  /** Writes are discarded, except on full: ENOSPC for any non-empty write. */
  write(data: string): void {
    if (this.device === 'full' && data !== '') throw new LinuxError('ENOSPC', 'write');
  }
}

/** The device nodes and links of one world, shared by all its /dev mounts. */
export interface DeviceSet {
  readonly host: ReadonlyMap<string, Inode>;
  readonly container: ReadonlyMap<string, Inode>;
}

/** Builds a world's devices; random bytes come from an Rng seeded from `seed` on first read. */
export function createDevices(now: number, seed: number): DeviceSet {
  let rng: Rng | undefined;
  const bytes = () => (rng ??= new Rng((seed ^ 0x2f646576) >>> 0));
  const dev = (kind: DeviceKind, minor: number) => new DeviceNode(now, kind, [1, minor], 0o666, 0, bytes);
  const common: [string, Inode][] = [
    ['console', new DeviceNode(now, 'console', [5, 1], 0o600)],
    ['fd', new MemLink(now, '/proc/self/fd')],
    ['full', dev('full', 7)],
    ['null', dev('null', 3)],
    ['random', dev('random', 8)],
    ['stderr', new MemLink(now, '/proc/self/fd/2')],
    ['stdin', new MemLink(now, '/proc/self/fd/0')],
    ['stdout', new MemLink(now, '/proc/self/fd/1')],
    ['tty', new DeviceNode(now, 'tty', [5, 0], 0o666, 5)],
    ['urandom', dev('random', 9)],
    ['zero', dev('zero', 5)],
  ];
  const container = new Map(common);
  // runc creates a container's nodes itself (mknod, owner root:root): its tty is not group tty
  container.set('tty', new DeviceNode(now, 'tty', [5, 0], 0o666));
  container.set('core', new MemLink(now, '/proc/kcore'));
  container.set('ptmx', new MemLink(now, 'pts/ptmx'));
  return { host: new Map(common), container };
}

/** Directories every /dev has, private to each mount (a container's /dev/shm is its own). */
const DIRS: readonly [string, number][] = [['mqueue', 0o1777], ['pts', 0o755], ['shm', 0o1777]];

/**
 * A /dev root over a shared entry table: lookups read the shared map until the first change or
 * the first look into pts, shm or mqueue, which copies it (a few entries) into this mount's own
 * map with fresh directories.
 */
export class DevDir extends MemDir {
  private shared?: ReadonlyMap<string, Inode>;

  constructor(now: number, entries: ReadonlyMap<string, Inode>) {
    super(now);
    this.shared = entries;
  }
  override get(name: string): Inode | undefined {
    if (this.shared && DIRS.some(([d]) => d === name)) return this.own().get(name);
    return (this.shared ?? this.entries).get(name);
  }
  override names(): string[] {
    return this.shared ? [...this.shared.keys(), ...DIRS.map(([d]) => d)] : [...this.entries.keys()];
  }
  override set(name: string, node: Inode): void {
    this.own().set(name, node);
  }
  override delete(name: string): void {
    this.own().delete(name);
  }
  private own(): Map<string, Inode> {
    if (this.shared) {
      for (const [k, v] of this.shared) this.entries.set(k, v);
      for (const [d, mode] of DIRS) this.entries.set(d, new MemDir(this.mtime, mode));
      this.shared = undefined;
    }
    return this.entries;
  }
}
