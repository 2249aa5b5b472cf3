/**
 * The node hosts' network in the Linux model, like kind's: each node's eth0 on the `kind`
 * segment (172.18.0.0/16), IP forwarding on, a route to every other node's pod CIDR via that
 * node, and the `kube-ipvs0` dummy link carrying the Service IPs (kube-proxy in IPVS mode), so
 * pods reach Services and each other across nodes through the one packet path.
 */
import type { World } from '../../world.ts';
import type { Host } from '../../linux/host.ts';
import { ipToInt } from '../kubelet/linux-runtime.ts';
import type { NodePlan } from './node-objects.ts';

/** Boots the node hosts and wires their network. Returns the hosts by node name. */
export function bootNodeHosts(world: World, plans: readonly NodePlan[]): Map<string, Host> {
  const hosts = new Map<string, Host>();
  const net = world.linux.net;
  for (const plan of plans) {
    const host = world.linux.hosts.get(plan.name) ?? world.linux.createHost(plan.name);
    hosts.set(plan.name, host);
    const stack = host.initial.net.stack;
    stack.ipForward = true;
    if (!stack.links.has('eth0')) {
      const eth0 = net.addLink(host.initial.net, 'eth0', 'ether', { segment: 'kind' });
      net.setUp(eth0, true);
      stack.addAddress(eth0, ipToInt(plan.ip), 16, { broadcast: 'auto' });
      stack.routes.push({ dst: 0, prefix: 0, via: ipToInt('172.18.0.1'), dev: eth0, proto: 'static', scope: 'global' });
    }
    if (!stack.links.has('kube-ipvs0')) net.setUp(net.addLink(host.initial.net, 'kube-ipvs0', 'dummy'), true);
  }
  for (const plan of plans) {
    const stack = hosts.get(plan.name)!.initial.net.stack;
    const eth0 = stack.links.get('eth0')!;
    for (const other of plans) {
      if (other === plan) continue;
      stack.routes.push({ dst: ipToInt(other.podCIDR.split('/')[0]), prefix: 24, via: ipToInt(other.ip), dev: eth0, proto: 'static', scope: 'global' });
    }
  }
  return hosts;
}

/** Puts `ip` on every node's kube-ipvs0 (a Service got a ClusterIP). */
export function addServiceIP(hosts: Iterable<Host>, ip: string): void {
  for (const host of hosts) {
    const link = host.initial.net.stack.links.get('kube-ipvs0');
    if (!link || link.addresses.some((a) => a.ip === ipToInt(ip))) continue;
    host.initial.net.stack.addAddress(link, ipToInt(ip), 32);
  }
}

/** Removes `ip` from every node's kube-ipvs0. */
export function removeServiceIP(hosts: Iterable<Host>, ip: string): void {
  for (const host of hosts) {
    const link = host.initial.net.stack.links.get('kube-ipvs0');
    if (!link) continue;
    link.addresses = link.addresses.filter((a) => a.ip !== ipToInt(ip));
  }
}
