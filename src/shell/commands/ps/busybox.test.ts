// BusyBox 1.36 ps in an alpine-like root (/bin/ps → /bin/busybox): "PID   USER     TIME  COMMAND".
import { describe, expect, it } from 'vitest';
import { MemDir, MemLink } from '../../../emulator/linux/fs/nodes.ts';
import { put, putDir } from '../../../emulator/linux/fs/seed.ts';
import { linuxShell } from '../linux-common/test-world.ts';

describe('BusyBox ps and ping', () => {
  it('print BusyBox formats inside an alpine-like root', async () => {
    const sh = linuxShell();
    const linux = sh.world.linux;
    const now = sh.world.now();
    const root = new MemDir(now);
    put(root, '/bin/busybox', '\x7fELF', now, 0o755);
    const bin = putDir(root, '/bin', now);
    for (const tool of ['sh', 'ps', 'ping']) bin.set(tool, new MemLink(now, '/bin/busybox'));
    putDir(root, '/proc', now);
    put(root, '/etc/hosts', '127.0.0.1\tlocalhost\n', now);
    const box = linux.spawn(linux.hosts.get('petlab')!.init, { argv: ['/bin/sh'], unshare: ['mnt', 'pid', 'uts'], tty: null });
    box.ns.mnt.mounts.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: 'rw,relatime', readOnly: false });
    linux.mount(box, 'proc', 'proc', '/proc');
    expect(await sh.run(`nsenter -t ${box.pid} -m -p ps`)).toEqual({ stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    2 root      0:00 ps\n', stderr: '', status: 0 });
    expect(await sh.run(`nsenter -t ${box.pid} -m ping -c 1 127.0.0.1`)).toEqual({
      stdout: 'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.044 ms\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.044/0.044/0.044 ms\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run(`nsenter -t ${box.pid} -m ping -c 1 nosuch`)).toEqual({ stdout: '', stderr: "ping: bad address 'nosuch'\n", status: 1 });
  });
});
