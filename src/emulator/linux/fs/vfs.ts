/**
 * The file system as one process sees it: path resolution over its mount namespace's table
 * (symlinks, `..`, mount points), relative to its cwd, with /proc generated for the PID
 * namespace the proc mount belongs to. Synchronous, so coreutils stay simple.
 *
 * Errors are `LinuxError`s with the errno Linux gives (ENOENT, ENOTDIR, EISDIR, EEXIST,
 * ENOTEMPTY, EACCES, EINVAL, EROFS, EBUSY, ELOOP, EXDEV); their `path` is the path as given.
 */
import { LinuxError } from '../errors.ts';
import type { MountTable, Mount } from './mounts.ts';
import { DeviceNode } from './devfs.ts';
import { MemDir, MemFile, MemLink } from './nodes.ts';
import type { DirNode, Inode, LookupContext, NodeKind } from './nodes.ts';
import { join, normalize } from './path.ts';

/** What `stat`/`lstat` return. */
export interface Stat {
  type: NodeKind;
  /** Bytes (UTF-8) for files, 4096 for directories, target length for symlinks, 0 in /proc. */
  size: number;
  /** Permission bits (0o755), without the file-type bits. */
  mode: number;
  uid: number;
  gid: number;
  /** Virtual ms of the last modification. */
  mtime: number;
  ino: number;
  nlink: number;
  /** Major and minor device numbers of a character device (ls -l prints them for the size). */
  rdev?: readonly [number, number];
}

interface Resolved {
  node?: Inode;
  parent: DirNode;
  /** Canonical absolute path of the parent directory. */
  parentPath: string;
  name: string;
  /** Canonical absolute path (symlinks resolved except a final one when not following). */
  abs: string;
}

/** Everything a Vfs needs from its process, read at each call (cwd and mounts can change). */
export interface VfsHost {
  mounts(): MountTable;
  cwd(): string;
  context(): LookupContext;
  now(): number;
  /** Inode numbers are reported relative to this (the world's first inode). @default 2 */
  inodeBase?: number;
}

const MAX_SYMLINKS = 40;

export class Vfs {
  private readonly host: VfsHost;

  constructor(host: VfsHost) {
    this.host = host;
  }

  /** Reads a whole file. EISDIR for directories, ENOENT when missing. */
  readFile(path: string): string {
    const node = this.existing(path, true, 'open');
    if (node.kind === 'dir') throw new LinuxError('EISDIR', 'read', path);
    if (node.kind === 'symlink') throw new LinuxError('ELOOP', 'open', path);
    return node.read(this.host.context());
  }

  /**
   * Reads at most `count` bytes from the start of a file or device (`head -c`, `dd count=`):
   * never more than asked, even from endless devices. Errors as {@link readFile}.
   */
  read(path: string, count: number): string {
    const node = this.existing(path, true, 'open');
    if (node.kind === 'dir') throw new LinuxError('EISDIR', 'read', path);
    if (node.kind === 'symlink') throw new LinuxError('ELOOP', 'open', path);
    if (node instanceof DeviceNode) return node.readBytes(count);
    return node.read(this.host.context()).slice(0, Math.max(0, Math.floor(count)));
  }

  /** Creates or replaces a file (following a final symlink). EISDIR, ENOENT (no parent), EROFS. */
  writeFile(path: string, data: string): void {
    const r = this.resolve(path, true, 'open');
    if (r.node) {
      if (r.node.kind === 'dir') throw new LinuxError('EISDIR', 'open', path);
      if (r.node.kind === 'symlink') throw new LinuxError('ELOOP', 'open', path);
      this.writable(r.abs, path);
      this.wrap(path, () => r.node!.kind !== 'dir' && r.node!.kind !== 'symlink' && r.node!.write(data, this.host.context()));
      // device nodes are shared by all /dev mounts of a world: their times stay put
      if (!(r.node instanceof DeviceNode)) r.node.mtime = this.host.now();
      return;
    }
    if (path.endsWith('/')) throw new LinuxError('EISDIR', 'open', path);
    this.writable(r.parentPath, path);
    this.wrap(path, () => r.parent.set(r.name, new MemFile(this.host.now(), data)));
    r.parent.mtime = this.host.now();
  }

  /** Appends to a file, creating it when missing. */
  appendFile(path: string, data: string): void {
    const r = this.resolve(path, true, 'open');
    if (r.node instanceof DeviceNode) return this.writeFile(path, data);
    const before = this.exists(path) ? this.readFile(path) : '';
    this.writeFile(path, before + data);
  }

  /** Names in a directory, sorted by code point. ENOTDIR for files. */
  readdir(path: string): string[] {
    const node = this.existing(path, true, 'opendir');
    if (node.kind !== 'dir') throw new LinuxError('ENOTDIR', 'opendir', path);
    return node.names(this.host.context()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Follows symlinks. */
  stat(path: string): Stat {
    return this.statOf(this.existing(path, true, 'stat'));
  }

  /** Does not follow a final symlink. */
  lstat(path: string): Stat {
    return this.statOf(this.existing(path, false, 'lstat'));
  }

  /** True when `path` resolves (following symlinks) to something. */
  exists(path: string): boolean {
    try {
      return this.resolve(path, true, 'stat').node !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Creates a directory. Without `recursive`: EEXIST when present, ENOENT without parent.
   * With it, creates parents and accepts an existing directory (ENOTDIR/EEXIST if a file is in the way).
   */
  mkdir(path: string, options: { recursive?: boolean; mode?: number } = {}): void {
    if (options.recursive) {
      const abs = normalize(path, this.host.cwd());
      let cur = '/';
      for (const part of abs.split('/').filter((p) => p !== '')) {
        cur = join(cur, part);
        const r = this.resolve(cur, true, 'mkdir');
        if (r.node && r.node.kind !== 'dir') throw new LinuxError(cur === abs ? 'EEXIST' : 'ENOTDIR', 'mkdir', path);
        if (!r.node) this.create(r, path, new MemDir(this.host.now(), options.mode ?? 0o755));
      }
      return;
    }
    const r = this.resolve(path, false, 'mkdir');
    if (r.node) throw new LinuxError('EEXIST', 'mkdir', path);
    this.create(r, path, new MemDir(this.host.now(), options.mode ?? 0o755));
  }

  /**
   * Removes a file, symlink or (with `recursive`) a directory tree. EISDIR for a directory
   * without `recursive`; ENOENT unless `force`; EBUSY for a mount point.
   */
  rm(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
    const r = this.resolve(path, false, 'unlink');
    if (!r.node) {
      if (options.force) return;
      throw new LinuxError('ENOENT', 'unlink', path);
    }
    if (r.node.kind === 'dir' && !options.recursive) throw new LinuxError('EISDIR', 'unlink', path);
    if (r.name === '' || this.host.mounts().at(r.abs)) throw new LinuxError('EBUSY', 'unlink', path);
    this.writable(r.parentPath, path);
    this.wrap(path, () => r.parent.delete(r.name));
    r.parent.mtime = this.host.now();
  }

  /** Removes an empty directory: ENOTEMPTY, ENOTDIR, EBUSY. */
  rmdir(path: string): void {
    const r = this.resolve(path, false, 'rmdir');
    if (!r.node) throw new LinuxError('ENOENT', 'rmdir', path);
    if (r.node.kind !== 'dir') throw new LinuxError('ENOTDIR', 'rmdir', path);
    if (r.node.names(this.host.context()).length > 0) throw new LinuxError('ENOTEMPTY', 'rmdir', path);
    if (r.name === '' || this.host.mounts().at(r.abs)) throw new LinuxError('EBUSY', 'rmdir', path);
    this.writable(r.parentPath, path);
    this.wrap(path, () => r.parent.delete(r.name));
  }

  /**
   * Moves `from` to `to` (both exact paths). EXDEV across mounts (mv then copies), EISDIR when
   * a file would replace a directory, ENOTDIR the other way, ENOTEMPTY over a non-empty
   * directory, EINVAL when moving a directory into itself.
   */
  rename(from: string, to: string): void {
    const a = this.resolve(from, false, 'rename');
    if (!a.node) throw new LinuxError('ENOENT', 'rename', from);
    const b = this.resolve(to, false, 'rename');
    if (this.host.mounts().containing(a.abs) !== this.host.mounts().containing(b.parentPath)) throw new LinuxError('EXDEV', 'rename', from);
    if (a.node.kind === 'dir' && (b.abs === a.abs || b.abs.startsWith(`${a.abs}/`))) {
      if (b.abs === a.abs) return;
      throw new LinuxError('EINVAL', 'rename', from);
    }
    if (b.node) {
      if (b.node.kind === 'dir' && a.node.kind !== 'dir') throw new LinuxError('EISDIR', 'rename', to);
      if (b.node.kind !== 'dir' && a.node.kind === 'dir') throw new LinuxError('ENOTDIR', 'rename', to);
      if (b.node.kind === 'dir' && b.node.names(this.host.context()).length > 0) throw new LinuxError('ENOTEMPTY', 'rename', to);
    }
    this.writable(b.parentPath, to);
    const node = a.node;
    this.wrap(to, () => b.parent.set(b.name, node));
    a.parent.delete(a.name);
  }

  /** Copies a file, or with `recursive` a directory tree, to exactly `to`. EISDIR without it. */
  copy(from: string, to: string, options: { recursive?: boolean } = {}): void {
    const st = this.stat(from);
    if (st.type === 'dir') {
      if (!options.recursive) throw new LinuxError('EISDIR', 'open', from);
      const target = normalize(to, this.host.cwd());
      const source = normalize(from, this.host.cwd());
      if (target === source || target.startsWith(`${source}/`)) throw new LinuxError('EINVAL', 'mkdir', to);
      if (!this.exists(to)) this.mkdir(to, { mode: st.mode });
      for (const name of this.readdir(from)) {
        const child = join(source, name);
        if (this.lstat(child).type === 'symlink') this.symlink(this.readlink(child), join(target, name));
        else this.copy(child, join(target, name), options);
      }
      return;
    }
    this.writeFile(to, this.readFile(from));
  }

  /** Creates a symlink at `path` pointing at `target`. EEXIST when `path` exists. */
  symlink(target: string, path: string): void {
    const r = this.resolve(path, false, 'symlink');
    if (r.node) throw new LinuxError('EEXIST', 'symlink', path);
    this.create(r, path, new MemLink(this.host.now(), target));
  }

  /** The target of a symlink; EINVAL when `path` is not one. */
  readlink(path: string): string {
    const node = this.existing(path, false, 'readlink');
    if (node.kind !== 'symlink') throw new LinuxError('EINVAL', 'readlink', path);
    return node.target(this.host.context());
  }

  /** The canonical absolute path (all symlinks resolved). ENOENT when it does not exist. */
  realpath(path: string): string {
    const r = this.resolve(path, true, 'realpath');
    if (!r.node) throw new LinuxError('ENOENT', 'realpath', path);
    return r.abs;
  }

  /** Sets the permission bits. */
  chmod(path: string, mode: number): void {
    this.existing(path, true, 'chmod').mode = mode & 0o7777;
  }

  /**
   * Sets the owner and group (-1 keeps one), following a final symlink unless `follow` is false
   * (lchown). ENOENT when missing, EROFS on a read-only mount.
   */
  chown(path: string, uid: number, gid: number, follow = true): void {
    const syscall = follow ? 'chown' : 'lchown';
    const r = this.resolve(path, follow, syscall);
    if (!r.node) throw new LinuxError('ENOENT', syscall, path);
    if (this.host.mounts().containing(r.abs).readOnly) throw new LinuxError('EROFS', syscall, path);
    if (uid >= 0) r.node.uid = uid;
    if (gid >= 0) r.node.gid = gid;
  }

  /** Updates the mtime, creating an empty file when missing (what `touch` does). */
  touch(path: string): void {
    const r = this.resolve(path, true, 'utimensat');
    if (r.node) r.node.mtime = this.host.now();
    else this.writeFile(path, '');
  }

  /** The directory node at `path` (for bind mounts). ENOENT when missing, ENOTDIR for a file. */
  directory(path: string): DirNode {
    const node = this.existing(path, true, 'mount');
    if (node.kind !== 'dir') throw new LinuxError('ENOTDIR', 'mount', path);
    return node;
  }

  /** The mount that holds `path` (for `df`, `stat -f`, mountpoint checks). */
  mountOf(path: string): Mount {
    return this.host.mounts().containing(this.realpath(path));
  }

  private statOf(node: Inode): Stat {
    const ctx = this.host.context();
    let size = 4096;
    // procfs reports size 0 for its links and files.
    if (node.kind === 'symlink') size = node instanceof MemLink ? node.target().length : 0;
    else if (node.kind !== 'dir') size = node instanceof MemFile ? utf8Length(node.content) : 0;
    const nlink = node.kind === 'dir' ? 2 + node.names(ctx).filter((n) => node.get(n, ctx)?.kind === 'dir').length : 1;
    const ino = node.ino - (this.host.inodeBase ?? 2) + 2;
    const st: Stat = { type: node.kind, size, mode: node.mode, uid: node.uid, gid: node.gid, mtime: node.mtime, ino, nlink };
    if (node instanceof DeviceNode) st.rdev = node.rdev;
    return st;
  }

  private existing(path: string, follow: boolean, syscall: string): Inode {
    const r = this.resolve(path, follow, syscall);
    if (!r.node) throw new LinuxError('ENOENT', syscall, path);
    return r.node;
  }

  private create(r: Resolved, path: string, node: Inode): void {
    this.writable(r.parentPath, path);
    this.wrap(path, () => r.parent.set(r.name, node));
    r.parent.mtime = this.host.now();
  }

  private writable(abs: string, path: string): void {
    if (this.host.mounts().containing(abs).readOnly) throw new LinuxError('EROFS', 'open', path);
  }

  /** Re-throws errors from generated nodes with the caller's path. */
  private wrap(path: string, fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      if (err instanceof LinuxError && err.path === undefined) throw new LinuxError(err.code, err.syscall, path);
      throw err;
    }
  }

  /** Walks `path` component by component over the mount table, following symlinks. */
  private resolve(path: string, follow: boolean, syscall: string): Resolved {
    if (path === '') throw new LinuxError('ENOENT', syscall, path);
    const mounts = this.host.mounts();
    const ctx = this.host.context();
    const rootMount = mounts.at('/');
    if (!rootMount) throw new LinuxError('ENOENT', syscall, path);
    const followLast = follow || path.endsWith('/');
    let parts = normalizeParts(path.startsWith('/') ? path : `${this.host.cwd()}/${path}`);
    let links = 0;
    for (;;) {
      const stack: { abs: string; node: DirNode }[] = [{ abs: '/', node: rootMount.root }];
      let restarted = false;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === '..') {
          if (stack.length > 1) stack.pop();
          continue;
        }
        const cur = stack[stack.length - 1];
        const abs = join(cur.abs, part);
        const mounted = mounts.at(abs);
        const child = mounted ? mounted.root : cur.node.get(part, ctx);
        const last = i === parts.length - 1;
        if (!child) {
          if (last) return { parent: cur.node, parentPath: cur.abs, name: part, abs };
          throw new LinuxError('ENOENT', syscall, path);
        }
        if (child.kind === 'symlink' && (!last || followLast)) {
          if (++links > MAX_SYMLINKS) throw new LinuxError('ELOOP', syscall, path);
          const target = child.target(ctx);
          const rest = parts.slice(i + 1).join('/');
          parts = normalizeParts(`${target.startsWith('/') ? target : `${cur.abs}/${target}`}/${rest}`);
          restarted = true;
          break;
        }
        if (last) return { node: child, parent: cur.node, parentPath: cur.abs, name: part, abs };
        if (child.kind !== 'dir') throw new LinuxError('ENOTDIR', syscall, path);
        stack.push({ abs, node: child });
      }
      if (restarted) continue;
      const top = stack[stack.length - 1];
      const parent = stack.length > 1 ? stack[stack.length - 2] : top;
      return { node: top.node, parent: parent.node, parentPath: parent.abs, name: stack.length > 1 ? top.abs.slice(top.abs.lastIndexOf('/') + 1) : '', abs: top.abs };
    }
  }
}

/** Splits a path into components, dropping empty ones and `.` but keeping `..`. */
function normalizeParts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Bytes of `text` in UTF-8 (no TextEncoder: the core has no DOM or Node types). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
