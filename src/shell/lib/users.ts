/** User and group names from the process's /etc/passwd and /etc/group. */
import type { Vfs } from '../../emulator/linux/fs/vfs.ts';

function table(fs: Vfs, path: string): string[][] {
  try {
    return fs
      .readFile(path)
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(':'));
  } catch {
    return [];
  }
}

/** The user name of `uid`, or undefined. */
export function userName(fs: Vfs, uid: number): string | undefined {
  return table(fs, '/etc/passwd').find((f) => Number(f[2]) === uid)?.[0];
}

/** The group name of `gid`, or undefined. */
export function groupName(fs: Vfs, gid: number): string | undefined {
  return table(fs, '/etc/group').find((f) => Number(f[2]) === gid)?.[0];
}

/** Supplementary group ids of `user` (from the member lists of /etc/group). */
export function supplementaryGroups(fs: Vfs, user: string): number[] {
  return table(fs, '/etc/group')
    .filter((f) => (f[3] ?? '').split(',').includes(user))
    .map((f) => Number(f[2]));
}
