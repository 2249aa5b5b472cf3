import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { World } from '../../world.ts';
import { isLinuxError } from '../errors.ts';
import type { Vfs } from './vfs.ts';

function fs(seed = 1): Vfs {
  return new World({ seed }).linux.loginShell().fs;
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

describe('/dev', () => {
  it('lists the character devices, links and directories of the host', () => {
    const f = fs();
    expect(f.readdir('/dev').join(' ')).toBe('console fd full mqueue null pts random shm stderr stdin stdout tty urandom zero');
    const row = (name: string) => {
      const st = f.lstat(`/dev/${name}`);
      return `${name} ${st.type} ${st.mode.toString(8)} ${st.rdev?.join(',') ?? '-'} ${st.gid}`;
    };
    // majors/minors from Linux's drivers/char/mem.c and drivers/tty/tty_io.c (Debian 12: ls -l /dev)
    expect(['null', 'zero', 'full', 'random', 'urandom', 'tty', 'console', 'fd', 'stdin', 'shm'].map(row).join('\n')).toBe(
      ['null chardev 666 1,3 0', 'zero chardev 666 1,5 0', 'full chardev 666 1,7 0', 'random chardev 666 1,8 0', 'urandom chardev 666 1,9 0', 'tty chardev 666 5,0 5', 'console chardev 600 5,1 0', 'fd symlink 777 - 0', 'stdin symlink 777 - 0', 'shm dir 1777 - 0'].join('\n'),
    );
    expect([f.readlink('/dev/fd'), f.readlink('/dev/stdin'), f.readlink('/dev/stdout'), f.readlink('/dev/stderr')].join(' ')).toBe('/proc/self/fd /proc/self/fd/0 /proc/self/fd/1 /proc/self/fd/2');
  });

  it('null discards and reads EOF, zero gives NULs, full refuses writes', () => {
    const f = fs();
    f.writeFile('/dev/null', 'gone');
    f.appendFile('/dev/null', 'gone');
    expect(f.readFile('/dev/null')).toBe('');
    expect(f.read('/dev/zero', 4)).toBe('\0\0\0\0');
    expect(f.read('/dev/full', 2)).toBe('\0\0');
    expect(errorOf(() => f.writeFile('/dev/full', 'x'))).toBe('ENOSPC /dev/full: No space left on device');
    expect(errorOf(() => f.appendFile('/dev/full', 'x'))).toBe('ENOSPC /dev/full: No space left on device');
    expect(f.readFile('/dev/zero').length).toBe(65536);
  });

  it('urandom gives bytes from the world seed: same seed, same bytes', () => {
    const a = fs(7).read('/dev/urandom', 32);
    expect(fs(7).read('/dev/urandom', 32)).toBe(a);
    expect(fs(8).read('/dev/urandom', 32)).not.toBe(a);
    expect([...a].every((c) => c.charCodeAt(0) < 256)).toBe(true);
  });

  it('device reads never exceed the requested count', () => {
    const f = fs();
    fc.assert(
      fc.property(fc.constantFrom('/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/etc/os-release'), fc.integer({ min: 0, max: 5000 }), (path, n) => {
        const got = f.read(path, n);
        return got.length <= n && (path.endsWith('zero') || path.endsWith('random') || path.endsWith('full') ? got.length === n : true);
      }),
    );
  });

  it('each /dev mount has its own shm; device nodes are shared objects', () => {
    const world = new World({ seed: 1 });
    const shell = world.linux.loginShell();
    const child = world.linux.spawn(shell, { argv: ['unshare', '--mount', '--pid', '--fork', 'sh'], unshare: ['mnt', 'pid'] });
    world.linux.mountStandard(child.ns.mnt.mounts, child.ns.pid, world.now());
    child.fs.writeFile('/dev/shm/seg', 'x');
    expect(shell.fs.exists('/dev/shm/seg')).toBe(false);
    expect(child.fs.readdir('/dev').join(' ')).toBe('console core fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero');
    expect(child.fs.readlink('/dev/core')).toBe('/proc/kcore');
    expect(child.fs.stat('/dev/null').ino).toBe(shell.fs.stat('/dev/null').ino);
  });
});
