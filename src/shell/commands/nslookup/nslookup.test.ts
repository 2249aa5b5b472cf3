// BusyBox 1.28's nslookup, as the Kubernetes StatefulSet tutorial shows it (kubernetes/website
// basic-stateful-set.md: "Server:    10.0.0.10\nAddress 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local").
import { describe, expect, it } from 'vitest';
import { MemDir, MemLink } from '../../../emulator/linux/fs/nodes.ts';
import { put, putDir } from '../../../emulator/linux/fs/seed.ts';
import { parseIp } from '../../../emulator/linux/net/ipv4.ts';
import { linuxShell } from '../linux-common/test-world.ts';

describe('nslookup in a busybox:1.28 pod', () => {
  it('prints the old BusyBox format with PTR names', async () => {
    const sh = linuxShell();
    const linux = sh.world.linux;
    const now = sh.world.now();
    const root = new MemDir(now);
    put(root, '/bin/busybox', '\x7fELF BusyBox v1.28.4', now, 0o755);
    putDir(root, '/bin', now).set('nslookup', new MemLink(now, '/bin/busybox'));
    put(root, '/etc/resolv.conf', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', now);
    const pod = linux.spawn(linux.hosts.get('petlab')!.init, { argv: ['sh'], unshare: ['mnt'], tty: null });
    pod.ns.mnt.mounts.mount({ target: '/', root, fstype: 'overlay', source: 'overlay', options: 'rw', readOnly: false });
    const records: Record<string, string> = { 'web-0.nginx.default.svc.cluster.local': '10.244.1.6' };
    linux.net.dns.register(parseIp('10.96.0.10')!, (name) => (records[name] ? [records[name]] : undefined), undefined, (ip) => (ip === '10.96.0.10' ? 'kube-dns.kube-system.svc.cluster.local' : undefined));
    expect(await sh.run(`nsenter -t ${pod.pid} -m nslookup web-0.nginx`)).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: 10.244.1.6\n\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run(`nsenter -t ${pod.pid} -m nslookup web-9.nginx`)).toEqual({
      stdout: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n',
      stderr: "nslookup: can't resolve 'web-9.nginx'\n",
      status: 1,
    });
  });
});
