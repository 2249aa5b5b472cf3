/**
 * Node lifecycle: `stopNode`/`startNode` (for `petlab node stop|start`) and the node lifecycle
 * controller's reaction. A stopped node's kubelet stops posting status; after the grace period
 * (node-monitor-grace-period, 50s) the node's conditions turn Unknown ("Kubelet stopped posting
 * node status."), it gets the `unreachable` taints, and its pods' Ready condition turns False.
 * After their `unreachable:NoExecute` toleration (300s by default) the taint manager deletes the
 * pods — which stay Terminating, since no kubelet can confirm — and a StatefulSet does not replace
 * them until the pod objects are gone (the node comes back, or someone force-deletes them).
 * These timers are background: time has to pass (sleep, the real-time driver) for them to fire.
 */
import type { TimerHandle } from '../../clock.ts';
import type { ApiStore } from '../api/store.ts';
import { clone, isTerminating, rfc3339 } from '../api/meta.ts';
import type { Node, Pod } from '../api/types.ts';
import type { EventRecorder } from '../controllers/recorder.ts';
import type { Kubelet } from '../kubelet/kubelet.ts';
import { readyConditions } from './node-objects.ts';

export const NODE_MONITOR_GRACE_MS = 50_000;
const UNREACHABLE = 'node.kubernetes.io/unreachable';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const NODE_CONTROLLER = { component: 'node-controller' };

export class NodeLifecycle {
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly kubelets: ReadonlyMap<string, Kubelet>;
  private readonly timers = new Map<string, TimerHandle[]>();

  constructor(store: ApiStore, recorder: EventRecorder, kubelets: ReadonlyMap<string, Kubelet>) {
    this.store = store;
    this.recorder = recorder;
    this.kubelets = kubelets;
    // `kubectl cordon` sets spec.unschedulable; the controller mirrors it as a taint.
    store.watch('nodes', {}, (e) => {
      if (e.type !== 'DELETED') this.syncUnschedulableTaint(e.object as Node);
    });
  }

  private syncUnschedulableTaint(node: Node): void {
    const has = (node.spec.taints ?? []).some((t) => t.key === UNSCHEDULABLE);
    const want = node.spec.unschedulable === true;
    if (has === want) return;
    const cur = this.store.tryGet('nodes', undefined, String(node.metadata.name)) as Node | undefined;
    if (!cur) return;
    const next = clone(cur);
    const others = (next.spec.taints ?? []).filter((t) => t.key !== UNSCHEDULABLE);
    next.spec.taints = want ? [...others, { key: UNSCHEDULABLE, effect: 'NoSchedule', timeAdded: rfc3339(this.store.world.now()) }] : others;
    if (next.spec.taints.length === 0) delete next.spec.taints;
    this.store.update(next, { system: true });
  }

  /** Whether `node` is up. Throws for an unknown node. */
  isRunning(node: string): boolean {
    return this.kubelet(node).running;
  }

  private kubelet(node: string): Kubelet {
    const k = this.kubelets.get(node);
    if (!k) throw new Error(`node "${node}" not found`);
    return k;
  }

  /** Takes a node down: its kubelet and containers stop at once; the control plane notices after the grace period. */
  stopNode(node: string): void {
    const k = this.kubelet(node);
    if (!k.running) return;
    k.stop();
    this.store.world.events.record({ source: 'kube/node', type: 'node.stopped', subject: `node/${node}`, message: `${node} stopped: its kubelet no longer posts status`, data: { node } });
    const clock = this.store.world.clock;
    const handles = [clock.after(NODE_MONITOR_GRACE_MS, () => this.markUnreachable(node), { background: true, label: `node-lifecycle ${node}` })];
    this.timers.set(node, handles);
  }

  /** Brings a node back: the kubelet re-syncs its pods and posts Ready again. */
  startNode(node: string): void {
    const k = this.kubelet(node);
    if (k.running) return;
    for (const t of this.timers.get(node) ?? []) t.cancel();
    this.timers.delete(node);
    const now = this.store.world.now();
    const n = this.store.tryGet('nodes', undefined, node) as Node | undefined;
    if (n) {
      const next = clone(n);
      next.spec.taints = (next.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
      if (next.spec.taints.length === 0) delete next.spec.taints;
      const updated = this.store.update(next, { system: true });
      const withStatus = clone(updated) as Node;
      withStatus.status = { ...(withStatus.status ?? {}), conditions: readyConditions(now, now) };
      this.store.updateStatus(withStatus);
      this.recorder.event({ component: 'kubelet', host: node }, withStatus, 'Normal', 'NodeReady', `Node ${node} status is now: NodeReady`);
    }
    this.store.world.events.record({ source: 'kube/node', type: 'node.started', subject: `node/${node}`, message: `${node} started: its kubelet posts Ready again`, data: { node } });
    k.start();
  }

  private markUnreachable(node: string): void {
    const n = this.store.tryGet('nodes', undefined, node) as Node | undefined;
    if (!n) return;
    const now = this.store.world.now();
    const t = rfc3339(now);
    const next = clone(n);
    next.spec.taints = [
      ...(next.spec.taints ?? []).filter((x) => x.key !== UNREACHABLE),
      { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: t },
      { key: UNREACHABLE, effect: 'NoExecute', timeAdded: t },
    ];
    const updated = clone(this.store.update(next, { system: true })) as Node;
    updated.status = {
      ...(updated.status ?? {}),
      conditions: (updated.status?.conditions ?? []).map((c) => ({ ...c, status: 'Unknown', lastTransitionTime: t, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' })),
    };
    this.store.updateStatus(updated);
    this.recorder.event(NODE_CONTROLLER, updated, 'Normal', 'NodeNotReady', `Node ${node} status is now: NodeNotReady`);
    this.store.world.events.record({ source: 'kube/node-controller', type: 'decision', subject: `node/${node}`, message: `${node} is NotReady: no status for ${NODE_MONITOR_GRACE_MS / 1000}s; its pods are marked not Ready and will be evicted after their toleration`, data: { node } });
    const handles = this.timers.get(node) ?? [];
    for (const pod of this.store.list('pods', { fieldSelector: `spec.nodeName=${node}` }).items as Pod[]) {
      const p = clone(pod);
      // MarkPodsNotReady (pkg/controller/util/node/controller_utils.go) only sets the Ready
      // condition False; container statuses stay as the kubelet last posted them, so kubectl
      // still prints READY 1/1 and STATUS Running until the eviction.
      p.status = {
        ...(p.status ?? {}),
        conditions: (p.status?.conditions ?? []).map((c) => (c.type === 'Ready' && c.status !== 'False' ? { ...c, status: 'False' as const, lastTransitionTime: t } : c)),
      };
      this.store.updateStatus(p);
      this.recorder.event(NODE_CONTROLLER, pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      const tol = (pod.spec.tolerations ?? []).find((x) => (x.key === UNREACHABLE || x.key === undefined) && (x.effect === 'NoExecute' || !x.effect) && x.operator === 'Exists');
      if (tol && tol.tolerationSeconds === undefined) continue;
      const after = (tol?.tolerationSeconds ?? 0) * 1000;
      handles.push(this.store.world.clock.after(after, () => this.evict(pod), { background: true, label: `taint-eviction ${pod.metadata.name}` }));
    }
    this.timers.set(node, handles);
  }

  private evict(pod: Pod): void {
    const cur = this.store.tryGet('pods', pod.metadata.namespace, String(pod.metadata.name)) as Pod | undefined;
    if (!cur || cur.metadata.uid !== pod.metadata.uid || isTerminating(cur)) return;
    this.recorder.event({ component: 'taint-eviction-controller' }, cur, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${cur.metadata.namespace}/${cur.metadata.name}`);
    this.store.delete('pods', cur.metadata.namespace, String(cur.metadata.name));
  }
}
