/**
 * The ReplicaSet controller (upstream `pkg/controller/replicaset/replica_set.go`): keeps
 * `spec.replicas` active pods matching the selector, creating from the template with
 * `generateName: <rs>-` and deleting the least valuable pods first (unscheduled, pending,
 * not ready, most restarts, youngest). Events: `Created pod: web-7d4c8b5b5f-x2v8t`, `Deleted pod: …`.
 */
import type { ApiStore, WatchEvent } from '../../api/store.ts';
import { clone, controllerRef, isTerminating, keyOf, newControllerRef, parseTime } from '../../api/meta.ts';
import { fromLabelSelector, matches } from '../../api/selectors.ts';
import type { Pod, ReplicaSet } from '../../api/types.ts';
import { WorkQueue } from '../queue.ts';
import type { EventRecorder } from '../recorder.ts';
import { isPodReady, isRunningAndAvailable } from '../statefulset/utils.ts';
import { podChangeMatters } from '../statefulset/controller.ts';

const SOURCE = { component: 'replicaset-controller' };

/** Whether a pod counts toward replicas (not terminating, not finished). */
export function isActive(pod: Pod): boolean {
  return !isTerminating(pod) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** Deletion preference (upstream ActivePods ordering): lower sorts first, deleted first. */
export function deletionRank(a: Pod, b: Pod): number {
  const rank = (p: Pod) => [
    p.spec.nodeName ? 1 : 0,
    p.status?.phase === 'Pending' ? 0 : p.status?.phase === 'Unknown' ? 1 : 2,
    isPodReady(p) ? 1 : 0,
  ];
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return tb - ta;
  return String(a.metadata.name) < String(b.metadata.name) ? 1 : -1;
}

export class ReplicaSetController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;

  constructor(store: ApiStore, recorder: EventRecorder) {
    this.store = store;
    this.recorder = recorder;
    this.queue = new WorkQueue(store.world, 'replicaset', (k) => this.sync(k));
    store.watch('replicasets', {}, (e) => this.queue.add(keyOf(e.object)));
    store.watch('pods', {}, (e) => this.onPod(e));
  }

  private onPod(e: WatchEvent): void {
    if (!podChangeMatters(e)) return;
    const ref = controllerRef(e.object);
    if (ref) {
      if (ref.kind === 'ReplicaSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      return;
    }
    for (const rs of this.store.list('replicasets', { namespace: e.object.metadata.namespace }).items as ReplicaSet[]) {
      if (matches(fromLabelSelector(rs.spec.selector), e.object.metadata.labels)) this.queue.add(keyOf(rs));
    }
  }

  /** Reconciles one ReplicaSet. */
  sync(key: string): void {
    const [ns, name] = key.split('/');
    const rs = this.store.tryGet('replicasets', ns, name) as ReplicaSet | undefined;
    if (!rs) return;
    const sel = fromLabelSelector(rs.spec.selector);
    const pods: Pod[] = [];
    for (const p of this.store.list('pods', { namespace: ns, sorted: false }).items as Pod[]) {
      const ref = controllerRef(p);
      if (ref) {
        if (ref.uid === rs.metadata.uid) pods.push(p);
      } else if (!isTerminating(rs) && !isTerminating(p) && matches(sel, p.metadata.labels)) {
        const adopted = clone(p);
        adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), newControllerRef(rs)];
        pods.push(this.store.update(adopted, { system: true }) as Pod);
      }
    }
    const active = pods.filter(isActive);
    if (!isTerminating(rs)) {
      const diff = active.length - (rs.spec.replicas ?? 1);
      if (diff < 0) {
        for (let i = 0; i < -diff; i++) active.push(this.createPod(rs));
      } else if (diff > 0) {
        const victims = [...active].sort(deletionRank).slice(0, diff);
        for (const v of victims) {
          try {
            this.store.delete('pods', ns, String(v.metadata.name));
            this.recorder.event(SOURCE, rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${v.metadata.name}`);
          } catch {
            /* already gone */
          }
        }
      }
    }
    this.updateStatus(rs, pods.filter(isActive));
  }

  private createPod(rs: ReplicaSet): Pod {
    const t = clone(rs.spec.template);
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        ownerReferences: [newControllerRef(rs)],
      },
      spec: t.spec,
    };
    if (t.metadata?.annotations) pod.metadata.annotations = { ...t.metadata.annotations };
    const created = this.store.create(pod) as Pod;
    this.recorder.event(SOURCE, rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    return created;
  }

  private updateStatus(rs: ReplicaSet, active: Pod[]): void {
    const now = this.store.world.now();
    const minReady = rs.spec.minReadySeconds ?? 0;
    const labels = rs.spec.template.metadata?.labels ?? {};
    const status: NonNullable<ReplicaSet['status']> = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isRunningAndAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation,
    };
    for (const k of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'] as const) if (!status[k]) delete status[k];
    if (minReady > 0 && active.some((p) => isPodReady(p) && !isRunningAndAvailable(p, minReady, now))) this.queue.addAfter(keyOf(rs), minReady * 1000);
    const current = this.store.tryGet('replicasets', rs.metadata.namespace, String(rs.metadata.name)) as ReplicaSet | undefined;
    if (!current || JSON.stringify(current.status) === JSON.stringify(status)) return;
    const next = clone(current);
    next.status = status;
    this.store.updateStatus(next);
  }
}
