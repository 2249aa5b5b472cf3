// Routing between two subnets through a router namespace: forwarding must be on and both ends
// need a route back — the classic "ping works one way only" lesson.
import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { parseIp } from './ipv4.ts';
import type { NetNamespace } from '../namespaces.ts';

function topology() {
  const world = new World({ seed: 2 });
  const linux = world.linux;
  const shell = linux.loginShell();
  const net = linux.net;
  const [left, router, right] = ['left', 'router', 'right'].map((n) => net.addNamed(shell, n));
  const wire = (a: NetNamespace, b: NetNamespace, an: string, bn: string, aip: string, bip: string) => {
    const [x, y] = net.addVeth(a, an, bn, b);
    a.stack.addAddress(x, parseIp(aip)!, 24);
    b.stack.addAddress(y, parseIp(bip)!, 24);
    net.setUp(x, true);
    net.setUp(y, true);
  };
  wire(left, router, 'eth0', 'r-left', '10.1.0.2', '10.1.0.1');
  wire(right, router, 'eth0', 'r-right', '10.2.0.2', '10.2.0.1');
  const route = (ns: NetNamespace, via: string) => ns.stack.routes.push({ dst: 0, prefix: 0, via: parseIp(via)!, dev: ns.stack.link('eth0')!, proto: 'boot', scope: 'global' });
  return { net, left, router, right, route };
}

describe('packet path', () => {
  it('needs a route, forwarding and a way back', () => {
    const { net, left, router, right, route } = topology();
    const dst = parseIp('10.2.0.2')!;
    expect(net.reach(left, dst, { proto: 'icmp' })).toMatchObject({ ok: false, reason: 'network-unreachable' });
    route(left, '10.1.0.1');
    expect(net.reach(left, dst, { proto: 'icmp' })).toMatchObject({ ok: false, reason: 'timeout' });
    router.stack.ipForward = true;
    // The reply has no route back to 10.1.0.0/24 from `right` yet.
    expect(net.reach(left, dst, { proto: 'icmp' })).toMatchObject({ ok: false, reason: 'timeout' });
    route(right, '10.2.0.1');
    expect(net.reach(left, dst, { proto: 'icmp' })).toMatchObject({ ok: true, hops: 1, src: parseIp('10.1.0.2') });
    expect(net.reach(left, dst, { proto: 'tcp', port: 80 })).toMatchObject({ ok: false, reason: 'refused' });
    net.listen(right, { proto: 'tcp', port: 80, ip: 0, program: 'web', handle: () => 'HTTP/1.1 200 OK\r\n\r\nhi' });
    expect(net.reach(left, dst, { proto: 'tcp', port: 80 })).toMatchObject({ ok: true });
    net.setUp(right.stack.link('eth0')!, false);
    expect(net.reach(left, dst, { proto: 'icmp' })).toMatchObject({ ok: false, reason: 'host-unreachable', from: parseIp('10.1.0.1') });
  });

  it('answers on loopback only when lo is up', () => {
    const { net, left } = topology();
    const lo = parseIp('127.0.0.1')!;
    expect(net.reach(left, lo, { proto: 'icmp' })).toMatchObject({ ok: false, reason: 'network-unreachable' });
    net.setUp(left.stack.link('lo')!, true);
    expect(net.reach(left, lo, { proto: 'icmp' })).toMatchObject({ ok: true, netns: left });
  });
});
