/**
 * The EndpointSlice controller (upstream `pkg/controller/endpointslice`): one slice per Service
 * with a selector, `<service>-<5 chars>`, listing each matching pod with an IP — its address,
 * ready/serving/terminating conditions, hostname (when the pod's subdomain is the Service), node
 * and targetRef — and the Service's ports resolved against the pods' named ports.
 */
import type { ApiStore } from '../api/store.ts';
import { clone, isTerminating, keyOf, newControllerRef } from '../api/meta.ts';
import type { KubeObject, Pod, Service } from '../api/types.ts';
import { WorkQueue } from '../controllers/queue.ts';
import { isPodReady } from '../controllers/statefulset/utils.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice-controller.k8s.io';

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export class EndpointSliceController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;

  constructor(store: ApiStore) {
    this.store = store;
    this.queue = new WorkQueue(store.world, 'endpointslice', (k) => this.sync(k));
    store.watch('services', {}, (e) => this.queue.add(keyOf(e.object)));
    store.watch('pods', {}, (e) => {
      const ns = e.object.metadata.namespace;
      for (const svc of this.store.list('services', { namespace: ns }).items as Service[]) {
        const sel = svc.spec.selector;
        if (!sel) continue;
        const labels = e.object.metadata.labels ?? {};
        const old = e.oldObject?.metadata.labels ?? {};
        const hit = (l: Record<string, string>) => Object.entries(sel).every(([k, v]) => l[k] === v);
        if (hit(labels) || hit(old)) this.queue.add(keyOf(svc));
      }
    });
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/');
    const svc = this.store.tryGet('services', ns, name) as Service | undefined;
    const slices = this.store.list('endpointslices', { namespace: ns, labelSelector: `${SERVICE_NAME_LABEL}=${name},endpointslice.kubernetes.io/managed-by=${MANAGED_BY}` }).items;
    if (!svc || !svc.spec.selector || isTerminating(svc)) return;
    const sel = svc.spec.selector;
    const pods = (this.store.list('pods', { namespace: ns }).items as Pod[]).filter(
      (p) => p.status?.podIP && Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    const endpoints: Endpoint[] = pods.map((p) => {
      const terminating = isTerminating(p);
      const ready = isPodReady(p) && !terminating;
      const ep: Endpoint = {
        addresses: [String(p.status!.podIP)],
        conditions: { ready: ready || (!!svc.spec.publishNotReadyAddresses && !terminating), serving: isPodReady(p), terminating },
        targetRef: { kind: 'Pod', name: String(p.metadata.name), namespace: ns, uid: String(p.metadata.uid) },
      };
      if (p.spec.hostname && p.spec.subdomain === name) ep.hostname = p.spec.hostname;
      if (p.spec.nodeName) ep.nodeName = p.spec.nodeName;
      return ep;
    });
    const ports = (svc.spec.ports ?? []).map((sp) => {
      let port = typeof sp.targetPort === 'number' ? sp.targetPort : undefined;
      if (typeof sp.targetPort === 'string') {
        for (const p of pods) {
          const named = p.spec.containers.flatMap((c) => c.ports ?? []).find((cp) => cp.name === sp.targetPort);
          if (named) {
            port = named.containerPort;
            break;
          }
        }
      }
      return { name: sp.name ?? '', port: port ?? sp.port, protocol: sp.protocol ?? 'TCP' };
    });
    const body = { addressType: 'IPv4', endpoints, ports };
    const existing = slices[0];
    if (!existing) {
      const slice: KubeObject = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: `${name}-`,
          namespace: ns,
          labels: { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
          annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': String(this.lastChange()) },
          ownerReferences: [newControllerRef(svc)],
        },
        ...body,
      };
      if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') slice.metadata.labels!['service.kubernetes.io/headless'] = '';
      this.store.create(slice);
      return;
    }
    if (JSON.stringify({ addressType: existing.addressType, endpoints: existing.endpoints, ports: existing.ports }) === JSON.stringify(body)) return;
    const next = clone(existing);
    Object.assign(next, body);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': this.lastChange() };
    this.store.update(next, { system: true });
  }

  private lastChange(): string {
    return new Date(Math.floor(this.store.world.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }
}
