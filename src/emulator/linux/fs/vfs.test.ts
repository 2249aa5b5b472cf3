import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { isLinuxError } from '../errors.ts';
import type { Vfs } from './vfs.ts';

function fs(): Vfs {
  return new World({ seed: 1 }).linux.loginShell().fs;
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (isLinuxError(err)) return `${err.code} ${err.path}: ${err.message}`;
    throw err;
  }
  return 'no error';
}

describe('Vfs', () => {
  it('reads the Debian seed through merged-/usr symlinks', () => {
    const f = fs();
    expect(f.readFile('/etc/os-release').split('\n')[0]).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"');
    expect(f.realpath('/bin/ps')).toBe('/usr/bin/ps');
    expect(f.realpath('/sbin/ip')).toBe('/usr/sbin/ip');
    expect(f.lstat('/bin')).toMatchObject({ type: 'symlink', size: 7 });
    expect(f.stat('/tmp').mode).toBe(0o1777);
  });

  it('writes, appends, copies, renames and removes relative to the cwd', () => {
    const f = fs();
    f.writeFile('notes.txt', 'a\n');
    f.appendFile('notes.txt', 'b\n');
    expect(f.readFile('/root/notes.txt')).toBe('a\nb\n');
    f.mkdir('d/e/f', { recursive: true });
    f.copy('notes.txt', 'd/e/copy.txt');
    f.rename('d', 'moved');
    expect(f.readdir('moved/e')).toEqual(['copy.txt', 'f']);
    f.symlink('moved/e/copy.txt', 'link');
    expect([f.readlink('link'), f.readFile('link'), f.lstat('link').type]).toEqual(['moved/e/copy.txt', 'a\nb\n', 'symlink']);
    f.rm('moved', { recursive: true });
    expect(f.exists('moved')).toBe(false);
    expect(f.exists('link')).toBe(false);
  });

  it('fails with the errno and strerror Linux gives', () => {
    const f = fs();
    expect(errorOf(() => f.readFile('nope'))).toBe('ENOENT nope: No such file or directory');
    expect(errorOf(() => f.readFile('/etc'))).toBe('EISDIR /etc: Is a directory');
    expect(errorOf(() => f.readdir('/etc/hostname'))).toBe('ENOTDIR /etc/hostname: Not a directory');
    expect(errorOf(() => f.readFile('/etc/hostname/x'))).toBe('ENOTDIR /etc/hostname/x: Not a directory');
    expect(errorOf(() => f.mkdir('/etc'))).toBe('EEXIST /etc: File exists');
    expect(errorOf(() => f.mkdir('/a/b'))).toBe('ENOENT /a/b: No such file or directory');
    expect(errorOf(() => f.rmdir('/etc'))).toBe('ENOTEMPTY /etc: Directory not empty');
    expect(errorOf(() => f.rm('/etc'))).toBe('EISDIR /etc: Is a directory');
    expect(errorOf(() => f.readlink('/etc/hostname'))).toBe('EINVAL /etc/hostname: Invalid argument');
    expect(errorOf(() => f.writeFile('/proc/uptime', 'x'))).toBe('EACCES /proc/uptime: Permission denied');
    expect(errorOf(() => f.writeFile('/proc/newfile', 'x'))).toBe('ENOENT /proc/newfile: No such file or directory');
    expect(errorOf(() => f.rm('/proc', { recursive: true }))).toBe('EBUSY /proc: Device or resource busy');
    expect(errorOf(() => f.rename('/tmp', '/tmp/sub'))).toBe('EINVAL /tmp: Invalid argument');
    expect(errorOf(() => f.writeFile('/sys/x', 'x'))).toBe('EROFS /sys/x: Read-only file system');
    f.symlink('loop', '/tmp/loop');
    expect(errorOf(() => f.readFile('/tmp/loop'))).toBe('ELOOP /tmp/loop: Too many levels of symbolic links');
  });

  it('numbers inodes and mounts the same way in every new world', () => {
    const a = fs();
    const first = [a.stat('/etc/hostname').ino, a.readFile('/proc/self/mountinfo')];
    a.writeFile('/tmp/x', 'more inodes');
    const b = fs();
    expect([b.stat('/etc/hostname').ino, b.readFile('/proc/self/mountinfo')]).toEqual(first);
    expect(b.stat('/').ino).toBe(2);
  });

  it('writes through /proc/sys to the caller\'s namespaces', () => {
    const world = new World({ seed: 1 });
    const shell = world.linux.loginShell();
    shell.fs.writeFile('/proc/sys/kernel/hostname', 'renamed\n');
    shell.fs.writeFile('/proc/sys/net/ipv4/ip_forward', '1\n');
    expect([shell.hostname, shell.ns.net.stack.ipForward, shell.fs.readFile('/proc/sys/net/ipv4/ip_forward')]).toEqual(['renamed', true, '1\n']);
  });
});
