// /dev as on Debian 12 (ls -l /dev/null: "crw-rw-rw- 1 root root 1, 3 …", coreutils prints
// major, minor in place of the size); majors/minors from Linux's drivers/char/mem.c.
import { describe, expect, it } from 'vitest';
import { linuxShell } from './test-world.ts';

describe('/dev through the shell', () => {
  it('lists devices with major, minor and reads them', async () => {
    const sh = linuxShell();
    expect(await sh.run('ls -l /dev/null /dev/zero /dev/tty')).toEqual({
      stdout: 'crw-rw-rw- 1 root root 1, 3 Nov 29 10:00 /dev/null\ncrw-rw-rw- 1 root tty  5, 0 Nov 29 10:00 /dev/tty\ncrw-rw-rw- 1 root root 1, 5 Nov 29 10:00 /dev/zero\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run('cat /dev/null; echo $?')).toEqual({ stdout: '0\n', stderr: '', status: 0 });
    expect(await sh.run('head -c 10 /dev/zero | wc -c')).toEqual({ stdout: '10\n', stderr: '', status: 0 });
    expect(await sh.run('tr -dc a-z < /dev/urandom | head -c 8 | wc -c')).toEqual({ stdout: '8\n', stderr: '', status: 0 });
    expect(await sh.run('readlink /dev/stdout /dev/fd')).toEqual({ stdout: '/proc/self/fd/1\n/proc/self/fd\n', stderr: '', status: 0 });
  });
});
