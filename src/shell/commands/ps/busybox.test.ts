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
    for (const tool of ['sh', 'ps', 'ping', 'ip']) bin.set(tool, new MemLink(now, '/bin/busybox'));
    putDir(root, '/proc', now);
    put(root, '/etc/hosts', '127.0.0.1\tlocalhost\n', now);
    const host = linux.hosts.get('petlab')!;
    const box = linux.spawn(host.init, { argv: ['/bin/sh'], unshare: ['mnt', 'pid', 'uts', 'net'], tty: null });
    box.ns.net.stack.ipv6Disabled = true;
    linux.net.setUp(box.ns.net.stack.link('lo')!, true);
    const [outside, eth0] = linux.net.addVeth(host.initial.net, 'veth1a2b3c4', 'eth0', box.ns.net);
    eth0.qlen = 0;
    eth0.mac = '02:42:ac:11:00:02';
    linux.net.setUp(outside, true);
    linux.net.setUp(eth0, true);
    box.ns.net.stack.addAddress(eth0, 0xac110002, 16, { broadcast: 'auto' });
    box.ns.mnt.mounts.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: 'rw,relatime', readOnly: false });
    linux.mount(box, 'proc', 'proc', '/proc');
    expect(await sh.run(`nsenter -t ${box.pid} -m -p ps`)).toEqual({ stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    2 root      0:00 ps\n', stderr: '', status: 0 });
    expect(await sh.run(`nsenter -t ${box.pid} -m ping -c 1 127.0.0.1`)).toEqual({
      stdout: 'PING 127.0.0.1 (127.0.0.1): 56 data bytes\n64 bytes from 127.0.0.1: seq=0 ttl=64 time=0.045 ms\n\n--- 127.0.0.1 ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.045/0.045/0.045 ms\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run(`nsenter -t ${box.pid} -m ping -c 1 nosuch`)).toEqual({ stdout: '', stderr: "ping: bad address 'nosuch'\n", status: 1 });
    // The alpine `ip addr` of Docker's networking tutorials (BusyBox: M-DOWN for the peer it cannot see).
    expect((await sh.run(`nsenter -t ${box.pid} -m -n ip addr`)).stdout).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '2: eth0@if3: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP',
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff',
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
    expect((await sh.run(`nsenter -t ${box.pid} -m -n ip route`)).stdout).toBe('172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n');
  });
});
