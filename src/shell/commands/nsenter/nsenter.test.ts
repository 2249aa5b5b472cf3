// Texts: util-linux 2.38.1 sys-utils/nsenter.c ("neither filename nor target pid supplied for %s",
// "cannot open %s", "no target PID specified for --all", "stat of %s failed", strtoul_or_err's
// "failed to parse pid: '%s'"). 2.38 has no "no namespace specified" (that came with 2.40's pidfd
// rework): without namespaces nsenter just runs the program.
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

function withContainer() {
  const sh = linuxShell();
  const linux = sh.world.linux;
  const host = linux.hosts.get('petlab')!;
  const box = linux.spawn(host.init, { argv: ['sleep', 'infinity'], unshare: ['mnt', 'uts', 'pid', 'net'], tty: null });
  box.ns.uts.hostname = 'box';
  linux.mount(box, 'proc', 'proc', '/proc');
  return { sh, box };
}

describe('nsenter', () => {
  it('runs a program in the target\'s namespaces', async () => {
    const { sh, box } = withContainer();
    expect(box.pid).toBe(1001);
    expect(await sh.run('nsenter -t 1001 -u hostname')).toEqual({ stdout: 'box\n', stderr: '', status: 0 });
    expect(await sh.run('nsenter --target 1001 --all ps -e -o pid,comm')).toEqual({ stdout: '    PID COMMAND\n      1 sleep\n      2 ps\n', stderr: '', status: 0 });
    expect(await sh.run('nsenter -t 1001 -n ip -br link')).toEqual({ stdout: 'lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n', stderr: '', status: 0 });
    expect((await sh.run("nsenter -t 1001 -m -p bash -c 'pwd; echo $$'")).stdout).toBe('/\n3\n');
  });

  it('reports missing targets and namespaces like util-linux', async () => {
    const { sh } = withContainer();
    expect(await sh.run('nsenter -n true')).toEqual({ stdout: '', stderr: 'nsenter: neither filename nor target pid supplied for ns/net\n', status: 1 });
    expect(await sh.run('nsenter -t 4242 -u -n true')).toEqual({ stdout: '', stderr: 'nsenter: cannot open /proc/4242/ns/uts: No such file or directory\n', status: 1 });
    expect(await sh.run('nsenter -t 1 hostname')).toEqual({ stdout: 'petlab\n', stderr: '', status: 0 });
    expect(await sh.run('nsenter -a true')).toEqual({ stdout: '', stderr: 'nsenter: no target PID specified for --all\n', status: 1 });
    expect(await sh.run('nsenter -t 4242 -a true')).toEqual({ stdout: '', stderr: 'nsenter: stat of /proc/4242/ns/user failed: No such file or directory\n', status: 1 });
    expect(await sh.run('nsenter -t 1001 -S root -u true')).toEqual({ stdout: '', stderr: "nsenter: failed to parse uid: 'root'\n", status: 1 });
    expect(await sh.run('nsenter -t abc -n')).toEqual({ stdout: '', stderr: "nsenter: failed to parse pid: 'abc'\n", status: 1 });
    expect(await sh.run('nsenter --frob')).toEqual({ stdout: '', stderr: "nsenter: unrecognized option '--frob'\nTry 'nsenter --help' for more information.\n", status: 1 });
  });
});
