/**
 * The scheduler: binds each unscheduled pod to a node that passes the filters (see
 * predicates.ts), preferring the node with the fewest pods (ties by name), like a
 * least-allocated spread. A pod whose claims are unbound waits until the volume binder has
 * provisioned them for the chosen node (WaitForFirstConsumer). Unschedulable pods get the
 * PodScheduled=False condition and a FailedScheduling event, and are retried when nodes or pods change.
 */
import type { ApiStore } from '../api/store.ts';
import { clone, isTerminating, keyOf, rfc3339 } from '../api/meta.ts';
import type { Node, PersistentVolumeClaim, Pod } from '../api/types.ts';
import { WorkQueue } from '../controllers/queue.ts';
import type { EventRecorder } from '../controllers/recorder.ts';
import { fitErrorMessage, podRequests, unfitReason, type NodeUsage } from './predicates.ts';

const SOURCE = { component: 'default-scheduler' };
export const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

export class Scheduler {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly unschedulable = new Set<string>();
  /** Pods waiting for the binder, by the claim (`ns/name`) they wait on. */
  private readonly waitingOnClaim = new Map<string, Set<string>>();
  /** Pods per node, kept from watch events (avoids a full pod scan per decision). */
  private readonly podsByNode = new Map<string, Map<string, Pod>>();
  private readonly usageByNode = new Map<string, NodeUsage>();

  constructor(store: ApiStore, recorder: EventRecorder) {
    this.store = store;
    this.recorder = recorder;
    this.queue = new WorkQueue(store.world, 'scheduler', (key) => this.schedule(key));
    store.onCommit((info, e) => {
      if (info.plural !== 'pods') return;
      const old = e.oldObject as Pod | undefined;
      const pod = e.object as Pod;
      if (old?.spec.nodeName && old.spec === pod.spec && e.type !== 'DELETED') return;
      if (old?.spec.nodeName && this.podsByNode.get(old.spec.nodeName)?.delete(keyOf(old))) this.account(old.spec.nodeName, old, -1);
      if (e.type !== 'DELETED' && pod.spec.nodeName) {
        let m = this.podsByNode.get(pod.spec.nodeName);
        if (!m) this.podsByNode.set(pod.spec.nodeName, (m = new Map()));
        if (!m.has(keyOf(pod))) this.account(pod.spec.nodeName, pod, 1);
        m.set(keyOf(pod), pod);
      }
    });
    store.watch('pods', {}, (e) => {
      const pod = e.object as Pod;
      if (e.type === 'DELETED') {
        this.unschedulable.delete(keyOf(pod));
        this.retryUnschedulable();
      } else if (!pod.spec.nodeName && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler') this.queue.add(keyOf(pod));
    });
    store.watch('nodes', {}, () => this.retryUnschedulable());
    store.watch('persistentvolumeclaims', {}, (e) => {
      const k = keyOf(e.object);
      const pods = this.waitingOnClaim.get(k);
      if (pods) for (const p of pods) this.queue.add(p);
      // A claim that appears may unblock a pod that failed with "not found".
      if (e.type === 'ADDED') this.retryUnschedulable();
    });
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.queue.add(k);
  }

  /** Pods bound to `node` (from the scheduler's cache). */
  podsOn(node: string): Pod[] {
    return [...(this.podsByNode.get(node)?.values() ?? [])];
  }

  /** What `node` runs (count and requests of the pods bound to it). */
  usage(node: string): NodeUsage {
    return this.usageByNode.get(node) ?? { pods: 0, cpu: 0, memory: 0 };
  }

  private account(node: string, pod: Pod, sign: 1 | -1): void {
    const u = this.usageByNode.get(node) ?? { pods: 0, cpu: 0, memory: 0 };
    const r = podRequests(pod);
    u.pods += sign;
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    this.usageByNode.set(node, u);
  }

  private schedule(key: string): void {
    const [ns, name] = key.split('/');
    const pod = this.store.tryGet('pods', ns, name) as Pod | undefined;
    if (!pod || pod.spec.nodeName || isTerminating(pod)) {
      this.unschedulable.delete(key);
      return;
    }
    const nodes = this.store.list('nodes').items as Node[];
    // Missing claims fail before any node filter (VolumeBinding PreFilter).
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = this.store.tryGet('persistentvolumeclaims', ns, v.persistentVolumeClaim.claimName);
      if (!pvc) return this.fail(pod, key, `0/${nodes.length} nodes are available: persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" not found. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`);
      if (isTerminating(pvc)) return this.fail(pod, key, `0/${nodes.length} nodes are available: persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" is being deleted. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`);
    }
    const reasons = new Map<string, number>();
    let best: Node | undefined;
    let bestCount = Infinity;
    for (const node of nodes) {
      const on = this.usage(String(node.metadata.name));
      const why = unfitReason(pod, node, on);
      if (why) {
        reasons.set(why, (reasons.get(why) ?? 0) + 1);
        continue;
      }
      if (on.pods < bestCount) {
        best = node;
        bestCount = on.pods;
      }
    }
    if (!best) return this.fail(pod, key, fitErrorMessage(nodes.length, reasons));
    const nodeName = String(best.metadata.name);
    // WaitForFirstConsumer: pick the node for unbound claims, then wait for them to bind.
    let waiting = false;
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = this.store.get('persistentvolumeclaims', ns, v.persistentVolumeClaim.claimName) as PersistentVolumeClaim;
      if (pvc.status?.phase === 'Bound') continue;
      waiting = true;
      const ck = keyOf(pvc);
      let set = this.waitingOnClaim.get(ck);
      if (!set) this.waitingOnClaim.set(ck, (set = new Set()));
      set.add(key);
      if (pvc.metadata.annotations?.[SELECTED_NODE] !== nodeName) {
        const next = clone(pvc);
        next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [SELECTED_NODE]: nodeName };
        this.store.update(next, { system: true });
      }
    }
    if (waiting) return;
    this.unschedulable.delete(key);
    for (const v of pod.spec.volumes ?? []) if (v.persistentVolumeClaim) this.waitingOnClaim.delete(`${ns}/${v.persistentVolumeClaim.claimName}`);
    this.bind(pod, nodeName);
  }

  private bind(pod: Pod, nodeName: string): void {
    // The binding subresource: spec.nodeName and the PodScheduled condition in one write
    // (pkg/registry/core/pod/storage/storage.go setPodNodeAndMetadata).
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.store.world.now()) });
    const next: Pod = { ...pod, metadata: { ...pod.metadata }, spec: { ...pod.spec, nodeName }, status: { ...(pod.status ?? {}), conditions } };
    const bound = this.store.update(next, { system: true, adopt: true, withStatus: true }) as Pod;
    this.recorder.event(SOURCE, bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`);
  }

  private fail(pod: Pod, key: string, message: string): void {
    const first = !this.unschedulable.has(key);
    this.unschedulable.add(key);
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
    if (cond?.message === message && !first) return;
    const next = clone(pod);
    const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(this.store.world.now()), reason: 'Unschedulable', message });
    next.status = { ...(next.status ?? {}), phase: 'Pending', conditions };
    this.store.updateStatus(next);
    this.recorder.event(SOURCE, pod, 'Warning', 'FailedScheduling', message);
  }
}
