/**
 * stat's output (GNU coreutils 9.1): the default layout and the -c/--format directives, from a
 * Vfs Stat. The VFS keeps one time per inode (mtime), so access, change and birth times show it.
 */
import type { Stat } from '../../../emulator/linux/fs/vfs.ts';
import { blocksOf, modeString } from '../ls/format.ts';

/** What a format needs besides the Stat: names, link target, device of the mount. */
export interface StatInfo {
  name: string;
  st: Stat;
  target?: string;
  user: string;
  group: string;
  /** Minor device number of the file's mount (major 0, as /proc/self/mountinfo shows). */
  devMinor: number;
  mountPoint: string;
}

/** stat's %F: "regular empty file", "directory", "character special file"... */
export function fileType(st: Stat): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  if (st.type === 'chardev') return 'character special file';
  if (st.type === 'socket') return 'socket';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

/** `2026-11-29 14:48:33.045000000 +0000` (UTC, like the lab's machines). */
export function statTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** The value of one directive letter, or undefined for an unknown one (stat prints `?`). */
function directive(c: string, i: StatInfo): string | undefined {
  const st = i.st;
  const secs = String(Math.floor(st.mtime / 1000));
  switch (c) {
    case 'n': return i.name;
    case 'N': return i.target !== undefined ? `${quote(i.name)} -> ${quote(i.target)}` : quote(i.name);
    case 's': return String(st.size);
    case 'a': return (st.mode & 0o7777).toString(8);
    case 'A': return modeString(st);
    case 'u': return String(st.uid);
    case 'U': return i.user;
    case 'g': return String(st.gid);
    case 'G': return i.group;
    case 'F': return fileType(st);
    case 'i': return String(st.ino);
    case 'h': return String(st.nlink);
    case 'b': return String(blocksOf(st) * 2);
    case 'B': return '512';
    case 'o': return '4096';
    case 'd': return String(i.devMinor);
    case 'D': return i.devMinor.toString(16);
    case 'm': return i.mountPoint;
    case 't': return (st.rdev?.[0] ?? 0).toString(16);
    case 'T': return (st.rdev?.[1] ?? 0).toString(16);
    case 'x': case 'y': case 'z': case 'w': return statTime(st.mtime);
    case 'X': case 'Y': case 'Z': case 'W': return secs;
    default: return undefined;
  }
}

const NUMERIC = new Set(['s', 'u', 'g', 'i', 'h', 'b', 'B', 'o', 'd', 'X', 'Y', 'Z', 'W']);

/** Expands a -c FORMAT: %[-0]WIDTH letters, %% a percent, unknown letters `?`. */
export function expandFormat(format: string, info: StatInfo): string {
  return format.replace(/%([-0#+ ']*)([0-9]*)(\.[0-9]+)?(.?)/g, (_all, flags: string, width: string, _prec, c: string) => {
    if (c === '%') return '%';
    if (c === '') return '%';
    const v = directive(c, info);
    if (v === undefined) return '?';
    const w = Number(width || 0);
    if (v.length >= w) return v;
    if (flags.includes('-')) return v.padEnd(w);
    if (flags.includes('0') && (NUMERIC.has(c) || c === 'a')) return v.padStart(w, '0');
    return v.padStart(w);
  });
}

/** The default (no -c) output of stat for one file. */
export function defaultFormat(i: StatInfo): string {
  const dev = i.st.type === 'chardev'
    ? 'Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr'
    : 'Device: %Hd,%Ld\tInode: %-11i Links: %h';
  const rdev = i.st.rdev ?? [0, 0];
  const lines = [
    `  File: ${i.name}${i.target !== undefined ? ` -> ${i.target}` : ''}`,
    expandFormat('  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F', i),
    expandFormat(dev.replace('%Hd,%Ld', `0,${i.devMinor}`).replace('%Hr,%Lr', `${rdev[0]},${rdev[1]}`), i),
    expandFormat('Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)', i),
    `Access: ${statTime(i.st.mtime)}`,
    `Modify: ${statTime(i.st.mtime)}`,
    `Change: ${statTime(i.st.mtime)}`,
    ` Birth: ${statTime(i.st.mtime)}`,
  ];
  return `${lines.join('\n')}\n`;
}
