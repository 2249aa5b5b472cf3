// Behaviour and texts: util-linux 2.38.1 sys-utils/unshare.c (errtryhelp, errexec's "failed to execute"
// with 127, "cannot change directory to %s" + strerror, parse_propagation's "unsupported propagation mode").
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('unshare', () => {
  it('makes the program PID 1 with --pid --fork --mount-proc', async () => {
    const sh = linuxShell();
    expect((await sh.run('unshare --pid --fork --mount-proc ps aux')).stdout).toBe(
      [
        'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
        'root           1  0.0  0.1  11400  4608 pts/0    R+   10:00   0:00 ps aux',
        '',
      ].join('\n'),
    );
  });

  it('still shows the host\'s processes without --mount-proc', async () => {
    const sh = linuxShell();
    const out = (await sh.run('unshare --pid --fork ps -o pid,comm')).stdout;
    expect(out).toBe('    PID COMMAND\n   1000 bash\n   1001 unshare\n   1002 ps\n');
  });

  it('runs a shell in new namespaces and changes only its hostname', async () => {
    const sh = linuxShell();
    const r = await sh.run("unshare --uts --pid --fork --mount-proc bash -c 'hostname container; hostname; echo $$; readlink /proc/self/ns/uts'");
    expect(r).toEqual({ stdout: 'container\n1\nuts:[4026532162]\n', stderr: '', status: 0 });
    expect((await sh.run('hostname')).stdout).toBe('petlab\n');
  });

  it('maps users with -r, leaves them unmapped with --user, and honours -w', async () => {
    const sh = linuxShell();
    expect((await sh.run('unshare -r id')).stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect((await sh.run('unshare --user id')).stdout).toBe('uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n');
    expect((await sh.run('unshare -r cat /proc/self/uid_map')).stdout).toBe('         0          0          1\n');
    expect((await sh.run('unshare -w /tmp pwd')).stdout).toBe('/tmp\n');
    expect((await sh.run('unshare -n ip -br link')).stdout).toBe('lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n');
  });

  it('reports unknown options and missing programs like util-linux', async () => {
    const sh = linuxShell();
    expect(await sh.run('unshare --bogus')).toEqual({ stdout: '', stderr: "unshare: unrecognized option '--bogus'\nTry 'unshare --help' for more information.\n", status: 1 });
    expect(await sh.run('unshare -Z')).toEqual({ stdout: '', stderr: "unshare: invalid option -- 'Z'\nTry 'unshare --help' for more information.\n", status: 1 });
    expect(await sh.run('unshare --uts nosuch')).toEqual({ stdout: '', stderr: 'unshare: failed to execute nosuch: No such file or directory\n', status: 127 });
    expect(await sh.run('unshare -w /nosuch true')).toEqual({ stdout: '', stderr: 'unshare: cannot change directory to /nosuch: No such file or directory\n', status: 1 });
    expect(await sh.run('unshare -w /etc/hostname true')).toEqual({ stdout: '', stderr: 'unshare: cannot change directory to /etc/hostname: Not a directory\n', status: 1 });
    expect(await sh.run('unshare --propagation bogus true')).toEqual({ stdout: '', stderr: 'unshare: unsupported propagation mode: bogus\n', status: 1 });
    expect(await sh.run('unshare -V')).toEqual({ stdout: 'unshare from util-linux 2.38.1\n', stderr: '', status: 0 });
  });
});
