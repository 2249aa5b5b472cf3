import { describe, expect, it } from 'vitest';
import { describeCases } from '../../testing/cases.ts';
import { testShell } from '../../testing/run.ts';
import { BufferOutput } from '../../interp/streams.ts';
import { columns, modeString } from './format.ts';

describeCases('ls', [
  ['mkdir -p d/sub && touch d/b d/a d/.hidden && echo hello > d/file && ln -s file d/link; cd d', '', '', 0],
  ['ls', 'a\nb\nfile\nlink\nsub\n', '', 0],
  ['ls -a', '.\n..\n.hidden\na\nb\nfile\nlink\nsub\n', '', 0],
  ['ls -A', '.hidden\na\nb\nfile\nlink\nsub\n', '', 0],
  ['ls -r', 'sub\nlink\nfile\nb\na\n', '', 0],
  ['ls -l', 'total 8\n-rw-r--r-- 1 root root    0 Nov 29 10:00 a\n-rw-r--r-- 1 root root    0 Nov 29 10:00 b\n-rw-r--r-- 1 root root    6 Nov 29 10:00 file\nlrwxrwxrwx 1 root root    4 Nov 29 10:00 link -> file\ndrwxr-xr-x 2 root root 4096 Nov 29 10:00 sub\n', '', 0],
  ['ls -ld sub', 'drwxr-xr-x 2 root root 4096 Nov 29 10:00 sub\n', '', 0],
  ['ls file sub', 'file\n\nsub:\n', '', 0],
  ['ls -lh file', '-rw-r--r-- 1 root root 6 Nov 29 10:00 file\n', '', 0],
  ['ls nope', '', "ls: cannot access 'nope': No such file or directory\n", 2],
  ['ls nope a', 'a\n', "ls: cannot access 'nope': No such file or directory\n", 2],
  ['ls -z', '', "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", 2],
  ['ls --bogus', '', "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", 2],
]);

describe('ls on a terminal', () => {
  it('lays names out in columns, top to bottom', () => {
    expect(columns(['alpha', 'beta', 'gamma', 'delta', 'epsilon'], 80)).toBe('alpha  beta  delta  epsilon  gamma\n'.replace('alpha  beta  delta  epsilon  gamma', 'alpha  beta  gamma  delta  epsilon'));
    expect(columns(Array.from({ length: 12 }, (_, i) => `file-number-${String(i).padStart(2, '0')}`), 80)).toBe(
      'file-number-00  file-number-03  file-number-06  file-number-09\nfile-number-01  file-number-04  file-number-07  file-number-10\nfile-number-02  file-number-05  file-number-08  file-number-11\n',
    );
  });
  it('shell-quotes names and link targets on a terminal, aligning the others', async () => {
    const sh = testShell();
    const out = Object.assign(new BufferOutput(), { isTTY: true });
    await sh.session.execute('touch "a b" c; ls; ls -l /proc/$$/ns/net', { stdout: out });
    const pid = sh.session.process.localPid;
    expect(out.text).toBe(`'a b'   c\nlrwxrwxrwx 1 root root 0 Nov 29 10:00 /proc/${pid}/ns/net -> 'net:[4026531840]'\n`);
    expect(await sh.run('ls; ls -l /proc/$$/ns/net')).toEqual({ stdout: `a b\nc\nlrwxrwxrwx 1 root root 0 Nov 29 10:00 /proc/${pid}/ns/net -> net:[4026531840]\n`, stderr: '', status: 0 });
  });

  it('uses columns when stdout is a terminal', async () => {
    const sh = testShell();
    const out = Object.assign(new BufferOutput(), { isTTY: true });
    await sh.session.execute('ls /', { stdout: out });
    expect(out.text).toBe('bin   dev  home  lib64  mnt  proc  run   srv  tmp  var\nboot  etc  lib   media  opt  root  sbin  sys  usr\n');
  });
});

// coreutils 9.1 on Debian 12 (filemodestring): `ls -ld /tmp` and, after chmod 1777/1770/4755/2644,
// drwxrwxrwt, drwxrwx--T, -rwsr-xr-x, -rw-r-Sr--.
describeCases('ls: the sticky bit of /tmp', [['ls -ld /tmp | cut -c1-10', 'drwxrwxrwt\n', '', 0]]);

describe('modeString', () => {
  it('shows set-ID and sticky bits in the execute columns', () => {
    const st = (type: 'dir' | 'file', mode: number) => ({ type, mode }) as Parameters<typeof modeString>[0];
    expect([st('dir', 0o1777), st('dir', 0o1770), st('file', 0o4755), st('file', 0o2644), st('file', 0o6711)].map(modeString)).toEqual([
      'drwxrwxrwt',
      'drwxrwx--T',
      '-rwsr-xr-x',
      '-rw-r-Sr--',
      '-rws--s--x',
    ]);
  });
});
