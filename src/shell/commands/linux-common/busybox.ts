/**
 * Which implementation of a tool the caller's file system ships: BusyBox (alpine, busybox
 * images: /bin/<tool> is a link to /bin/busybox) prints differently from the Debian tools.
 */
import type { Process } from '../../../emulator/linux/process.ts';

/** True when `tool` in the caller's root resolves to BusyBox. */
export function isBusyBox(proc: Process, tool: string): boolean {
  for (const dir of ['/bin', '/usr/bin', '/sbin', '/usr/sbin']) {
    const path = `${dir}/${tool}`;
    try {
      if (proc.fs.lstat(path).type === 'symlink') return /busybox$/.test(proc.fs.readlink(path));
      return false;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/**
 * The BusyBox minor version of the caller's /bin/busybox, read from the version string the image
 * puts in the binary ("BusyBox v1.28.4"); undefined when none is recorded (then 1.36 is assumed).
 */
export function busyBoxMinor(proc: Process): number | undefined {
  try {
    const m = /BusyBox v1\.(\d+)/.exec(proc.fs.readFile('/bin/busybox'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
