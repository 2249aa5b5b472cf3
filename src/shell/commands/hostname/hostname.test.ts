// Texts: Debian hostname 3.23 (hostname.c: "you must be root to change the host name",
// "the specified hostname is invalid").
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('hostname', () => {
  it('shows, sets and formats the UTS hostname', async () => {
    const sh = linuxShell();
    expect(await sh.run('hostname')).toEqual({ stdout: 'petlab\n', stderr: '', status: 0 });
    expect(await sh.run('hostname -I')).toEqual({ stdout: '10.0.2.15 \n', stderr: '', status: 0 });
    expect(await sh.run('hostname -i')).toEqual({ stdout: '127.0.1.1\n', stderr: '', status: 0 });
    expect(await sh.run('hostname web-1.example.org')).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(await sh.run('hostname -s; hostname -d; hostname')).toEqual({ stdout: 'web-1\nexample.org\nweb-1.example.org\n', stderr: '', status: 0 });
  });

  it('rejects invalid names', async () => {
    const sh = linuxShell();
    expect(await sh.run('hostname bad_name')).toEqual({ stdout: '', stderr: 'hostname: the specified hostname is invalid\n', status: 1 });
    expect((await sh.run('hostname -Z')).stderr.split('\n')[0]).toBe("hostname: invalid option -- 'Z'");
  });
});
