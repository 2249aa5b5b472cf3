/**
 * The EndpointSlice controller (upstream `pkg/controller/endpointslice`): one slice per Service
 * with a selector, `<service>-<5 chars>`, listing each matching pod with an IP — its address,
 * ready/serving/terminating conditions, hostname (when the pod's subdomain is the Service), node
 * and targetRef — and the Service's ports resolved against the pods' named ports.
 */
import type { ApiStore } from '../api/store.ts';
import { isTerminating, keyOf, newControllerRef, rfc3339 } from '../api/meta.ts';
import { parseLabelSelector, type Selector } from '../api/selectors.ts';
import type { KubeObject, Pod, Service } from '../api/types.ts';
import { WorkQueue } from '../controllers/queue.ts';
import { isPodReady } from '../controllers/statefulset/utils.ts';
import { applyDelta, ServiceTrack, type DeltaHost } from './endpointslice-delta.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** maxEndpointsPerSlice, the controller's default. */
const MAX_ENDPOINTS_PER_SLICE = 100;

const jsonOf = new WeakMap<object, string>();

/** An endpoint's JSON, kept per (frozen or pod-derived) object. */
function endpointJson(e: Endpoint): string {
  let j = jsonOf.get(e);
  if (j === undefined) {
    j = JSON.stringify(e);
    jsonOf.set(e, j);
  }
  return j;
}

function sameEndpoints(a: readonly Endpoint[] | undefined, b: readonly Endpoint[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && endpointJson(a[i]) !== endpointJson(b[i])) return false;
  return true;
}

/** Endpoints built per pod object, so an unchanged pod yields the very same endpoint. */
const endpointOfPod = new WeakMap<object, { svc: string; ep: Endpoint }>();

export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

interface Selecting {
  key: string;
  namespace: string | undefined;
  svc: Service;
  track: ServiceTrack;
}

export interface EndpointSliceOptions {
  /**
   * Update slices from the pods changed since the last sync when that gives the full sync's
   * result (see endpointslice-delta.ts). Off only in tests comparing the two. @default true
   */
  incremental?: boolean;
  /** kube-controller-manager's --max-endpoints-per-slice. @default 100 */
  maxEndpointsPerSlice?: number;
}

export class EndpointSliceController implements DeltaHost<Endpoint> {
  readonly queue: WorkQueue;
  readonly store: ApiStore;
  readonly maxPerSlice: number;
  /** How many syncs took the incremental path and how many the full one (for tests). */
  readonly stats = { delta: 0, full: 0 };
  private readonly incremental: boolean;

  /** The order this controller created slices in (they fill in that order). */
  private readonly sliceOrder = new Map<string, number>();
  private sliceSeq = 0;
  readonly byCreation = (a: KubeObject, b: KubeObject): number => {
    const x = this.sliceOrder.get(String(a.metadata.uid)) ?? Infinity;
    const y = this.sliceOrder.get(String(b.metadata.uid)) ?? Infinity;
    if (x !== y) return x < y ? -1 : 1;
    return String(a.metadata.name) < String(b.metadata.name) ? -1 : 1;
  };

  /** Pods each Service selects, kept up to date on every write (so a sync never scans all pods). */
  private readonly tracks = new Map<string, ServiceTrack>();
  /**
   * The same tracks in the same order, each with its Service's namespace and the Service as last
   * written (the commit hook keeps it current; its selector is all the pod hook reads).
   */
  private readonly selecting = new Map<string, Selecting>();
  /** `selecting`'s values, for the pod hook (replaced when a Service changes). */
  private selectingList: Selecting[] = [];
  private memberSeq = 0;

  /** Runs the controller on `store`: a slice set per Service with a selector. */
  constructor(store: ApiStore, options: EndpointSliceOptions = {}) {
    this.store = store;
    this.incremental = options.incremental ?? true;
    this.maxPerSlice = options.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
    this.queue = new WorkQueue(store.world, 'endpointslice', (k) => this.sync(k));
    store.onCommit((info, e) => {
      if (info.plural === 'services') {
        const key = keyOf(e.object);
        if (e.type === 'DELETED') {
          this.tracks.delete(key);
          this.selecting.delete(key);
          this.selectingList = [...this.selecting.values()];
        } else this.rebuild(e.object as Service);
        return;
      }
      if (info.plural !== 'pods') return;
      const pod = e.object as Pod;
      const ns = pod.metadata.namespace;
      const uid = String(pod.metadata.uid);
      const selecting = this.selectingList;
      for (let i = 0; i < selecting.length; i++) {
        const { key, namespace, svc, track } = selecting[i];
        // A Service without a selector never has members.
        if (namespace !== ns || !svc.spec.selector) continue;
        const hit = e.type !== 'DELETED' && selects(svc, pod);
        const pods = track.members;
        const was = pods.has(uid);
        if (hit) {
          if (!was) track.seq.set(uid, this.memberSeq++);
          pods.set(uid, pod);
        } else if (was) {
          pods.delete(uid);
          track.seq.delete(uid);
        }
        const joined = hit && !was && !!pod.status?.podIP;
        const changed = hit && was && (!e.oldObject || endpointChange(e.oldObject as Pod, pod));
        if (joined || (was && !hit) || changed) {
          track.dirty.add(uid);
          this.queue.add(key);
        }
      }
    });
    store.watch('services', {}, (e) => this.queue.add(keyOf(e.object)));
  }

  private rebuild(svc: Service): void {
    const track = new ServiceTrack();
    if (svc.spec.selector) {
      for (const p of this.store.list('pods', { namespace: svc.metadata.namespace, sorted: false }).items as Pod[]) {
        if (!selects(svc, p)) continue;
        track.members.set(String(p.metadata.uid), p);
        track.seq.set(String(p.metadata.uid), this.memberSeq++);
      }
    }
    const key = keyOf(svc);
    this.tracks.set(key, track);
    this.selecting.set(key, { key, namespace: svc.metadata.namespace, svc, track });
    this.selectingList = [...this.selecting.values()];
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/');
    const svc = this.store.tryGet('services', ns, name) as Service | undefined;
    const slices = this.store.list('endpointslices', { sorted: false, namespace: ns, labelSelector: this.slicesOf(name) }).items;
    if (!svc || !svc.spec.selector || isTerminating(svc)) return;
    const track = this.tracks.get(key);
    if (track && this.incremental && applyDelta(this, track, svc, slices)) {
      this.stats.delta++;
      return;
    }
    this.stats.full++;
    if (track) track.full = true;
    const memoKey = `${name}|${svc.spec.publishNotReadyAddresses ? 1 : 0}`;
    const pods: Pod[] = [];
    const endpoints: Endpoint[] = [];
    const members = track?.members;
    const publishNotReady = !!svc.spec.publishNotReadyAddresses;
    if (members) {
      for (const p of members.values()) {
        const st = p.status;
        if (!st || !st.podIP || st.phase === 'Succeeded' || st.phase === 'Failed') continue;
        pods.push(p);
        // Inline memo hit (endpointFor): an unchanged pod keeps its endpoint object.
        const memo = endpointOfPod.get(p);
        endpoints.push(memo !== undefined && memo.svc === memoKey ? memo.ep : this.endpointFor(p, memoKey, name, ns, publishNotReady));
      }
    }
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
    this.reconcile(svc, slices, endpoints, ports);
    if (track) {
      const after = this.store.list('endpointslices', { sorted: false, namespace: ns, labelSelector: this.slicesOf(name) }).items;
      track.record(svc, after, endpoints.map((e) => e.targetRef.uid), this.byCreation);
    }
  }

  /** DeltaHost: the endpoint of a member pod with an IP. */
  endpointOf(p: Pod, svc: Service): Endpoint {
    const name = String(svc.metadata.name);
    const publishNotReady = !!svc.spec.publishNotReadyAddresses;
    return this.endpointFor(p, `${name}|${publishNotReady ? 1 : 0}`, name, String(svc.metadata.namespace), publishNotReady);
  }

  /** DeltaHost: an endpoint's JSON. */
  json(e: Endpoint): string {
    return endpointJson(e);
  }

  private readonly sliceSelectors = new Map<string, Selector>();

  /** The selector of a Service's managed slices, parsed once per Service name. */
  private slicesOf(name: string): Selector {
    let sel = this.sliceSelectors.get(name);
    if (!sel) this.sliceSelectors.set(name, (sel = parseLabelSelector(`${SERVICE_NAME_LABEL}=${name},endpointslice.kubernetes.io/managed-by=${MANAGED_BY}`)));
    return sel;
  }

  /** The endpoint of `pod` (the same object while the pod is unchanged). */
  private endpointFor(p: Pod, memoKey: string, svcName: string, ns: string, publishNotReady: boolean): Endpoint {
    const memo = endpointOfPod.get(p);
    if (memo && memo.svc === memoKey) return memo.ep;
    const terminating = isTerminating(p);
    const ready = isPodReady(p) && !terminating;
    const ep: Endpoint = {
      addresses: [String(p.status!.podIP)],
      conditions: { ready: ready || (publishNotReady && !terminating), serving: isPodReady(p), terminating },
      targetRef: { kind: 'Pod', name: String(p.metadata.name), namespace: ns, uid: String(p.metadata.uid) },
    };
    if (p.spec.hostname && p.spec.subdomain === svcName) ep.hostname = p.spec.hostname;
    if (p.spec.nodeName) ep.nodeName = p.spec.nodeName;
    if (Object.isFrozen(p)) endpointOfPod.set(p, { svc: memoKey, ep });
    return ep;
  }

  /**
   * Upstream's reconciler in small: existing slices keep their still-wanted endpoints (updated in
   * place), new endpoints fill slices with room (at most 100 each), only changed slices are written.
   */
  private reconcile(svc: Service, slices: KubeObject[], endpoints: Endpoint[], ports: { name: string; port: number; protocol: string }[]): void {
    const ns = String(svc.metadata.namespace);
    const name = String(svc.metadata.name);
    if (this.updateInPlace(slices, endpoints, ports)) return;
    const wanted = new Map(endpoints.map((e) => [e.targetRef.uid, e]));
    const placed = new Set<string>();
    const plan: { slice?: KubeObject; endpoints: Endpoint[] }[] = [];
    for (const slice of [...slices].sort(this.byCreation)) {
      const kept: Endpoint[] = [];
      for (const e of (slice.endpoints as Endpoint[] | undefined) ?? []) {
        const w = wanted.get(e.targetRef.uid);
        if (w && !placed.has(e.targetRef.uid)) {
          kept.push(w);
          placed.add(e.targetRef.uid);
        }
      }
      plan.push({ slice, endpoints: kept });
    }
    for (const e of endpoints) {
      if (placed.has(e.targetRef.uid)) continue;
      let target = plan.find((p) => p.endpoints.length < this.maxPerSlice);
      if (!target) plan.push((target = { endpoints: [] }));
      target.endpoints.push(e);
    }
    if (plan.length === 0) plan.push({ endpoints: [] });
    let emptyKept = false;
    for (const p of plan) {
      if (p.endpoints.length === 0 && (emptyKept || plan.some((q) => q.endpoints.length > 0))) {
        if (p.slice) this.store.delete('endpointslices', ns, String(p.slice.metadata.name));
        continue;
      }
      if (p.endpoints.length === 0) emptyKept = true;
      const body = { addressType: 'IPv4', endpoints: p.endpoints, ports };
      if (!p.slice) {
        const slice: KubeObject = {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${name}-`,
            namespace: ns,
            labels: { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY },
            annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': this.lastChange() },
            ownerReferences: [newControllerRef(svc)],
          },
          ...body,
        };
        if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') slice.metadata.labels!['service.kubernetes.io/headless'] = '';
        const created = this.store.create(slice, { adopt: true });
        this.sliceOrder.set(String(created.metadata.uid), this.sliceSeq++);
        continue;
      }
      const existing = p.slice;
      if (sameEndpoints(existing.endpoints as Endpoint[] | undefined, p.endpoints) && JSON.stringify(existing.ports) === JSON.stringify(ports)) continue;
      const next: KubeObject = { ...existing, ...body, metadata: { ...existing.metadata, annotations: { ...(existing.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': this.lastChange() } } };
      this.store.update(next, { system: true, adopt: true });
    }
  }

  /**
   * The common case — the same pods in the same places, some changed — without re-planning:
   * each slice whose endpoints differ is rewritten with the new ones. False when pods came or went.
   */
  private updateInPlace(slices: KubeObject[], endpoints: Endpoint[], ports: { name: string; port: number; protocol: string }[]): boolean {
    const sorted = slices.length > 1 ? [...slices].sort(this.byCreation) : slices;
    let total = 0;
    for (const sl of sorted) total += ((sl.endpoints as Endpoint[] | null | undefined) ?? []).length;
    // Only changes and additions at the end (pods joining in order) take this path.
    if (total > endpoints.length || endpoints.length === 0 || sorted.length === 0) return false;
    let i = 0;
    const updates = new Map<KubeObject, Endpoint[]>();
    for (const sl of sorted) {
      const eps = (sl.endpoints as Endpoint[] | null | undefined) ?? [];
      let differs = false;
      for (let j = 0; j < eps.length; j++, i++) {
        const want = endpoints[i];
        if (eps[j] === want) continue;
        if (eps[j].targetRef.uid !== want.targetRef.uid) return false;
        if (endpointJson(eps[j]) !== endpointJson(want)) differs = true;
      }
      if (differs || JSON.stringify(sl.ports) !== JSON.stringify(ports)) updates.set(sl, endpoints.slice(i - eps.length, i));
    }
    // New endpoints fill the last slice, then new slices are made by the full reconcile.
    const last = sorted[sorted.length - 1];
    const lastEps = updates.get(last) ?? ((last.endpoints as Endpoint[] | null | undefined) ?? []);
    const room = this.maxPerSlice - lastEps.length;
    if (endpoints.length - i > room) return false;
    if (i < endpoints.length) updates.set(last, [...lastEps, ...endpoints.slice(i)]);
    for (const [sl, eps] of updates) {
      const next: KubeObject = { ...sl, endpoints: eps, ports, metadata: { ...sl.metadata, annotations: { ...(sl.metadata.annotations ?? {}), 'endpoints.kubernetes.io/last-change-trigger-time': this.lastChange() } } };
      this.store.update(next, { system: true, adopt: true });
    }
    return true;
  }

  /** DeltaHost: the last-change-trigger-time for a write now. */
  lastChange(): string {
    return rfc3339(this.store.world.now());
  }
}

/** Whether a pod update can change its endpoint (IP, readiness, terminating, labels, phase). */
function endpointChange(a: Pod, b: Pod): boolean {
  if (a.status?.podIP !== b.status?.podIP || a.status?.phase !== b.status?.phase) return true;
  if (a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp || a.metadata.labels !== b.metadata.labels) return true;
  if (a.spec.nodeName !== b.spec.nodeName) return true;
  return isPodReady(a) !== isPodReady(b);
}

/** Whether the Service's selector selects the pod. */
function selects(svc: Service, pod: Pod): boolean {
  const sel = svc.spec.selector;
  if (!sel) return false;
  const labels = pod.metadata.labels ?? {};
  for (const k in sel) if (labels[k] !== sel[k]) return false;
  return true;
}
