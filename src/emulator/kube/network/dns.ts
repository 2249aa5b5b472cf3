/**
 * Cluster DNS as CoreDNS's kubernetes plugin answers it, registered with the Linux model's DNS
 * hook at 10.96.0.10: `<svc>.<ns>.svc.cluster.local` → the ClusterIP (headless: the ready pod
 * IPs), `<hostname>.<svc>.<ns>.svc.cluster.local` → that pod's IP, `a-b-c-d.<ns>.pod.cluster.local`
 * → a.b.c.d. Answers come from the live EndpointSlices, so a recreated pod's new IP shows at once.
 * When kube-dns has no ready endpoint (CoreDNS down), queries time out.
 */
import type { World } from '../../world.ts';
import type { ApiStore } from '../api/store.ts';
import type { KubeObject, Service } from '../api/types.ts';
import { ipToInt } from '../kubelet/linux-runtime.ts';
import { SERVICE_NAME_LABEL, type Endpoint } from './endpointslice-controller.ts';

export const CLUSTER_DOMAIN = 'cluster.local';

function endpointsOf(store: ApiStore, ns: string, svc: string): Endpoint[] {
  const slices = store.list('endpointslices', { namespace: ns, labelSelector: `${SERVICE_NAME_LABEL}=${svc}` }).items as (KubeObject & { endpoints?: Endpoint[] })[];
  return slices.flatMap((s) => s.endpoints ?? []);
}

/** The A records for `name`, or undefined (NXDOMAIN). */
export function lookup(store: ApiStore, name: string): string[] | undefined {
  const n = name.toLowerCase().replace(/\.$/, '');
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!n.endsWith(suffix)) return undefined;
  const parts = n.slice(0, -suffix.length).split('.');
  if (parts.length === 3 && parts[2] === 'pod') {
    const ip = parts[0].replace(/-/g, '.');
    return /^\d+\.\d+\.\d+\.\d+$/.test(ip) ? [ip] : undefined;
  }
  if (parts[parts.length - 1] !== 'svc') return undefined;
  if (parts.length === 3) {
    const [svcName, ns] = parts;
    const svc = store.tryGet('services', ns, svcName) as Service | undefined;
    if (!svc) return undefined;
    if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') return [svc.spec.clusterIP];
    const ips = endpointsOf(store, ns, svcName).filter((e) => e.conditions.ready).map((e) => e.addresses[0]);
    return ips.length ? ips : undefined;
  }
  if (parts.length === 4) {
    const [host, svcName, ns] = parts;
    if (!store.tryGet('services', ns, svcName)) return undefined;
    const ep = endpointsOf(store, ns, svcName).find((e) => e.hostname === host);
    return ep ? [ep.addresses[0]] : undefined;
  }
  return undefined;
}

/**
 * Registers the cluster's DNS server at `dnsIP` with the world's resolver hook. With
 * `requireCoreDNS`, answers only while kube-dns has a ready endpoint.
 */
export function registerClusterDns(world: World, store: ApiStore, dnsIP: string, requireCoreDNS: boolean): () => void {
  const up = () => !requireCoreDNS || endpointsOf(store, 'kube-system', 'kube-dns').some((e) => e.conditions.ready);
  return world.linux.net.dns.register(
    ipToInt(dnsIP),
    (name) => (up() ? lookup(store, name) : undefined),
    undefined,
    (ip) => (up() ? reverseLookup(store, ip) : undefined),
  );
}

/**
 * The PTR answer for `ip`: a Service's ClusterIP names the Service
 * (`10.96.0.10` → `kube-dns.kube-system.svc.cluster.local`), as CoreDNS answers and BusyBox 1.28's
 * nslookup prints ("Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local"). Pod IPs get
 * no name, as in the StatefulSet tutorial's `Address 1: 10.244.1.6`.
 */
export function reverseLookup(store: ApiStore, ip: string): string | undefined {
  const svc = (store.list('services').items as Service[]).find((s) => s.spec.clusterIP === ip);
  return svc ? `${svc.metadata.name}.${svc.metadata.namespace}.svc.${CLUSTER_DOMAIN}` : undefined;
}
