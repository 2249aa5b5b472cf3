/**
 * Service IPs: the API server's ClusterIP allocator (10.96.0.0/12, random free address, or the
 * one asked for) and NodePort allocator (30000-32767), plus a kube-proxy that keeps every node's
 * `kube-ipvs0` in step with the Services, so their IPs answer inside the Linux model.
 */
import type { ApiStore } from '../api/store.ts';
import { invalid } from '../api/errors.ts';
import { resourceForKind } from '../api/resources.ts';
import type { Service } from '../api/types.ts';
import type { Host } from '../../linux/host.ts';
import { addServiceIP, removeServiceIP } from '../nodes/host-network.ts';

export class ServiceAllocator {
  private readonly ips = new Set<string>();
  private readonly ports = new Set<number>();
  private readonly store: ApiStore;

  constructor(store: ApiStore, hosts: () => Iterable<Host>) {
    this.store = store;
    store.onAdmit((obj) => {
      if (obj.kind === 'Service') this.allocate(obj as Service);
    });
    store.onCommit((info, e) => {
      if (info.plural !== 'services') return;
      const svc = e.object as Service;
      const ip = svc.spec.clusterIP;
      if (e.type === 'DELETED') {
        if (ip && ip !== 'None') {
          this.ips.delete(ip);
          removeServiceIP(hosts(), ip);
        }
        for (const p of svc.spec.ports ?? []) if (p.nodePort) this.ports.delete(p.nodePort);
      } else if (ip && ip !== 'None') addServiceIP(hosts(), ip);
    });
  }

  private allocate(svc: Service): void {
    const s = svc.spec;
    const info = resourceForKind('Service')!;
    if (s.type === 'ExternalName') return;
    if (s.clusterIP === 'None') {
      s.clusterIPs = ['None'];
    } else if (s.clusterIP) {
      if (!/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/.test(s.clusterIP)) {
        throw invalid(info, String(svc.metadata.name), [{ type: 'Invalid value', field: 'spec.clusterIPs', value: [s.clusterIP], detail: 'failed to allocate IP ' + s.clusterIP + ': the provided IP (' + s.clusterIP + ') is not in the valid range. The range of valid IPs is 10.96.0.0/12' }]);
      }
      if (this.ips.has(s.clusterIP)) {
        throw invalid(info, String(svc.metadata.name), [{ type: 'Invalid value', field: 'spec.clusterIPs', value: [s.clusterIP], detail: `failed to allocate IP ${s.clusterIP}: provided IP is already allocated` }]);
      }
      this.ips.add(s.clusterIP);
      s.clusterIPs = [s.clusterIP];
    } else {
      const rng = this.store.world.rng;
      let ip: string;
      do ip = `10.${96 + rng.int(16)}.${rng.int(256)}.${1 + rng.int(254)}`;
      while (this.ips.has(ip) || ip === '10.96.0.1' || ip === '10.96.0.10');
      this.ips.add(ip);
      s.clusterIP = ip;
      s.clusterIPs = [ip];
    }
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') {
      for (const p of s.ports ?? []) {
        if (p.nodePort) {
          this.ports.add(p.nodePort);
          continue;
        }
        let n: number;
        do n = 30000 + this.store.world.rng.int(2768);
        while (this.ports.has(n));
        this.ports.add(n);
        p.nodePort = n;
      }
      s.externalTrafficPolicy ??= 'Cluster';
      if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
    }
  }
}
