/**
 * The StatefulSet controller's informer side (upstream `stateful_set.go`): event handlers only
 * turn watch events into `namespace/name` keys; `sync` re-reads the set and its pods (adopting
 * orphans that match its selector and name) and hands them to StatefulSetControl.
 */
import type { ApiStore, WatchEvent } from '../../api/store.ts';
import { clone, controllerRef, isTerminating, keyOf, newControllerRef } from '../../api/meta.ts';
import { fromLabelSelector, matches } from '../../api/selectors.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { OwnerIndex } from '../owner-index.ts';
import { WorkQueue } from '../queue.ts';
import type { EventRecorder } from '../recorder.ts';
import { StatefulSetControl, type ControlOptions } from './control.ts';
import { RealStatefulPodControl, type StatefulPodControl } from './pod-control.ts';
import { PodSlots } from './pod-slots.ts';
import { isMemberOf } from './utils.ts';

export class StatefulSetController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly control: StatefulSetControl;
  /** The pods by controller (informer index), so a sync does not scan the namespace. */
  private readonly pods: OwnerIndex;
  /** Per set, its pods by ordinal with the status counters (so a sync visits only unsettled replicas). */
  private readonly slots: PodSlots;

  constructor(store: ApiStore, recorder: EventRecorder, options: ControlOptions, podControl?: StatefulPodControl) {
    this.store = store;
    this.pods = OwnerIndex.shared(store, 'pods');
    this.slots = new PodSlots(store);
    this.control = new StatefulSetControl(store, podControl ?? new RealStatefulPodControl(store, recorder), recorder, options);
    this.queue = new WorkQueue(store.world, 'statefulset', (key) => this.sync(key));
    store.watch('statefulsets', {}, (e) => {
      // Our own status writes need no new sync; spec, metadata and deletion changes do.
      if (e.type === 'MODIFIED' && e.oldObject && e.oldObject.spec === e.object.spec && e.oldObject.metadata.deletionTimestamp === e.object.metadata.deletionTimestamp && e.oldObject.metadata.finalizers === e.object.metadata.finalizers) return;
      this.queue.add(keyOf(e.object));
    });
    store.watch('pods', {}, (e) => this.onPod(e));
    store.watch('persistentvolumeclaims', {}, (e) => {
      if (e.type === 'DELETED') this.enqueueSetsInNamespace(e.object.metadata.namespace);
    });
  }

  private onPod(e: WatchEvent): void {
    if (!podChangeMatters(e)) return;
    const ref = controllerRef(e.object);
    if (ref) {
      if (ref.kind === 'StatefulSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      return;
    }
    // An orphan: any set whose selector matches may adopt it.
    for (const s of this.store.list('statefulsets', { namespace: e.object.metadata.namespace }).items as StatefulSet[]) {
      if (matches(fromLabelSelector(s.spec.selector), e.object.metadata.labels)) this.queue.add(keyOf(s));
    }
  }

  private enqueueSetsInNamespace(ns: string | undefined): void {
    for (const s of this.store.list('statefulsets', { namespace: ns }).items) this.queue.add(keyOf(s));
  }

  /** Reconciles one set. */
  sync(key: string): void {
    const [ns, name] = key.split('/');
    const set = this.store.tryGet('statefulsets', ns, name) as StatefulSet | undefined;
    if (!set) return;
    this.adoptOrphans(set);
    const result = this.control.updateStatefulSet(set, () => this.ownedPods(set), this.slots.of(set.metadata.uid));
    if (result.requeueAfterMs !== undefined) this.queue.addAfter(key, result.requeueAfterMs);
  }

  /** Pods the set controls, in the index's order (adopted ones last, in the order adopted). */
  private ownedPods(set: StatefulSet): Pod[] {
    const ns = set.metadata.namespace;
    const out: Pod[] = [];
    for (const pod of this.pods.ownedBy(set.metadata.uid).values()) if (pod.metadata.namespace === ns) out.push(pod as Pod);
    return out;
  }

  /** Adopts orphans that match the set's selector and are named like its members. */
  private adoptOrphans(set: StatefulSet): void {
    const orphans = this.pods.orphansIn(set.metadata.namespace);
    if (orphans.size === 0 || isTerminating(set)) return;
    const sel = fromLabelSelector(set.spec.selector);
    // Copied first: each adoption moves the pod from the orphans to the owned bucket.
    for (const pod of [...orphans.values()] as Pod[]) {
      if (isTerminating(pod) || !matches(sel, pod.metadata.labels) || !isMemberOf(set, pod)) continue;
      const adopted = clone(pod);
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), newControllerRef(set)];
      this.store.update(adopted, { system: true });
    }
  }
}

/**
 * Whether a pod event can change a workload controller's decisions: creation and deletion,
 * phase, readiness, terminating, labels or owners. Status details (IPs, container states) cannot.
 */
export function podChangeMatters(e: WatchEvent): boolean {
  // A controller learns of the pods it creates from its own write.
  if (e.type === 'ADDED') return !controllerRef(e.object);
  if (e.type !== 'MODIFIED' || !e.oldObject) return true;
  const a = e.oldObject as Pod;
  const b = e.object as Pod;
  if (a.metadata.deletionTimestamp !== b.metadata.deletionTimestamp) return true;
  if (a.metadata.labels !== b.metadata.labels || a.metadata.ownerReferences !== b.metadata.ownerReferences) return true;
  if (a.status?.phase !== b.status?.phase) return true;
  const ready = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready');
  const ra = ready(a);
  const rb = ready(b);
  const isTrue = (c: typeof ra) => c?.status === 'True';
  return isTrue(ra) !== isTrue(rb) || (isTrue(rb) && ra?.lastTransitionTime !== rb?.lastTransitionTime);
}
