/**
 * The inodes of the in-memory file systems. Regular trees (`MemDir`, `MemFile`, `MemLink`) hold
 * their data; generated ones (`GenDir`, `GenFile`) compute it on read from the world (procfs,
 * sysfs), so a thousand processes cost nothing until someone lists /proc.
 */
import { LinuxError } from '../errors.ts';

/** What a generated node may depend on: the process that looks (for /proc/self, permissions). */
export interface LookupContext {
  /** Host-global pid of the looking process, or undefined for kernel-internal lookups. */
  readonly pid?: number;
  /** Effective uid of the looking process. @default 0 */
  readonly uid?: number;
}

export type NodeKind = 'file' | 'dir' | 'symlink' | 'chardev' | 'socket';

interface Meta {
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  readonly ino: number;
}

let nextIno = 2;
/** A fresh inode number (only uniqueness matters; `ls -i` and `stat` show it). */
export function allocIno(): number {
  return nextIno++;
}

/**
 * The next inode number to be handed out. A world remembers it at creation and reports inode
 * numbers relative to it, so worlds built one after another replay identically while numbers
 * stay unique within each world.
 */
export function inodeWatermark(): number {
  return nextIno;
}

/** A directory: named children, possibly generated. */
export interface DirNode extends Meta {
  readonly kind: 'dir';
  get(name: string, ctx: LookupContext): Inode | undefined;
  names(ctx: LookupContext): string[];
  /** Adds or replaces a child; throws EACCES on generated directories. */
  set(name: string, node: Inode): void;
  /** Removes a child; throws EACCES on generated directories. */
  delete(name: string): void;
}

export interface FileNode extends Meta {
  readonly kind: 'file' | 'chardev' | 'socket';
  read(ctx: LookupContext): string;
  /** Replaces the content; throws EACCES when the file is read-only (procfs). */
  write(data: string, ctx: LookupContext): void;
}

export interface LinkNode extends Meta {
  readonly kind: 'symlink';
  target(ctx: LookupContext): string;
}

export type Inode = DirNode | FileNode | LinkNode;

/** A directory of a writable in-memory file system. */
export class MemDir implements DirNode {
  readonly kind = 'dir';
  mode: number;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  readonly entries = new Map<string, Inode>();

  constructor(now: number, mode = 0o755) {
    this.mode = mode;
    this.mtime = now;
  }
  get(name: string): Inode | undefined {
    return this.entries.get(name);
  }
  names(): string[] {
    return [...this.entries.keys()];
  }
  set(name: string, node: Inode): void {
    this.entries.set(name, node);
  }
  delete(name: string): void {
    this.entries.delete(name);
  }
}

/** A regular file of a writable in-memory file system. */
export class MemFile implements FileNode {
  readonly kind = 'file';
  mode: number;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  content: string;

  constructor(now: number, content = '', mode = 0o644) {
    this.mode = mode;
    this.mtime = now;
    this.content = content;
  }
  read(): string {
    return this.content;
  }
  write(data: string): void {
    this.content = data;
  }
}

/** A symbolic link with a fixed target. */
export class MemLink implements LinkNode {
  readonly kind = 'symlink';
  mode = 0o777;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  private readonly to: string;

  constructor(now: number, to: string) {
    this.mtime = now;
    this.to = to;
  }
  target(): string {
    return this.to;
  }
}

/** A read-only directory whose children are computed on each lookup (procfs, sysfs). */
export class GenDir implements DirNode {
  readonly kind = 'dir';
  mode: number;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  private readonly list: (ctx: LookupContext) => string[];
  private readonly lookup: (name: string, ctx: LookupContext) => Inode | undefined;

  constructor(
    now: number,
    list: (ctx: LookupContext) => string[],
    lookup: (name: string, ctx: LookupContext) => Inode | undefined,
    mode = 0o555,
  ) {
    this.mtime = now;
    this.list = list;
    this.lookup = lookup;
    this.mode = mode;
  }
  get(name: string, ctx: LookupContext): Inode | undefined {
    return this.lookup(name, ctx);
  }
  names(ctx: LookupContext): string[] {
    return this.list(ctx);
  }
  set(): void {
    // procfs and sysfs refuse new entries the way Linux does: the name does not exist.
    throw new LinuxError('ENOENT', 'open');
  }
  delete(): void {
    throw new LinuxError('EACCES', 'unlink');
  }
}

/** A file whose content is computed on read; writable only when `onWrite` is given. */
export class GenFile implements FileNode {
  readonly kind = 'file';
  mode: number;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  private readonly produce: (ctx: LookupContext) => string;
  private readonly onWrite?: (data: string, ctx: LookupContext) => void;

  constructor(
    now: number,
    produce: (ctx: LookupContext) => string,
    onWrite?: (data: string, ctx: LookupContext) => void,
  ) {
    this.mtime = now;
    this.produce = produce;
    this.onWrite = onWrite;
    this.mode = onWrite ? 0o644 : 0o444;
  }
  read(ctx: LookupContext): string {
    return this.produce(ctx);
  }
  write(data: string, ctx: LookupContext): void {
    if (!this.onWrite) throw new LinuxError('EACCES', 'open');
    this.onWrite(data, ctx);
  }
}

/** A symlink whose target is computed on read (/proc/self, /proc/<pid>/ns/*). */
export class GenLink implements LinkNode {
  readonly kind = 'symlink';
  mode = 0o777;
  uid = 0;
  gid = 0;
  mtime: number;
  readonly ino = allocIno();
  private readonly produce: (ctx: LookupContext) => string;

  constructor(now: number, produce: (ctx: LookupContext) => string) {
    this.mtime = now;
    this.produce = produce;
  }
  target(ctx: LookupContext): string {
    return this.produce(ctx);
  }
}
