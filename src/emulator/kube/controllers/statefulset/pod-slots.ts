/**
 * An informer-side index for the StatefulSet controller: per controlling set (by uid) the pods by
 * ordinal, the sorted ordinals present, and the counters the set's status is made of, all kept in
 * step with the store through its synchronous commit hook. With it a sync of a large set looks
 * only at the replicas that are not settled, instead of every pod (see control.ts `reconcileFast`).
 *
 * "Settled" is exactly processReplica's first test: Running, Ready, not terminating, carrying the
 * identity (name, ordinal labels) and the claims of its ordinal. Anything unusual about a set's
 * pods (no ordinal, a name that does not match the set, two pods for one ordinal, another
 * namespace) is counted as an anomaly, and the controller then takes the full path.
 */
import type { ApiStore, WatchEvent } from '../../api/store.ts';
import { controllerRef } from '../../api/meta.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { podFacts, storageMatches } from './utils.ts';

/** The pods one set controls, summarised. */
export interface SetSlots {
  /** Pods counted (all of them, like status.replicas). */
  size: number;
  /** Pods that are Running and Ready (status.readyReplicas; availableReplicas without minReadySeconds). */
  ready: number;
  /** Pods with a phase and not terminating, by revision label (currentReplicas/updatedReplicas). */
  revisions: Map<string, number>;
  /** All pods by revision label. */
  revisionsAll: Map<string, number>;
  /** Pods by ordinal. */
  byOrdinal: Map<number, Pod>;
  /** The ordinals present, ascending. */
  ordinals: number[];
  /** Ordinals of pods that are not settled. */
  unsettled: Set<number>;
  /** Pods that keep the set off the fast path (see the file comment). */
  anomalies: number;
  /** The namespace and controller name the pods name (the first pod's; others are anomalies). */
  namespace: string;
  setName: string;
}

interface Entry {
  ordinal: number;
  settled: boolean;
  ready: boolean;
  revision: string;
  counted: boolean;
  anomaly: boolean;
}

export class PodSlots {
  private readonly store: ApiStore;
  private readonly sets = new Map<string, SetSlots>();
  /** What each pod (by uid) contributed, to take it back out on change. */
  private readonly entries = new Map<string, { owner: string; entry: Entry }>();
  private epoch: number;

  /** Indexes the pods already stored, then follows every committed change. */
  constructor(store: ApiStore) {
    this.store = store;
    this.epoch = store.epoch;
    this.rebuild();
    store.onCommit((info, e) => {
      if (info.plural === 'pods') this.observe(e);
    });
  }

  /** The summary of the pods controlled by `uid` (live: do not hold across writes). */
  of(uid: string | undefined): SetSlots | undefined {
    if (this.epoch !== this.store.epoch) this.rebuild();
    return uid === undefined ? undefined : this.sets.get(uid);
  }

  private rebuild(): void {
    this.epoch = this.store.epoch;
    this.sets.clear();
    this.entries.clear();
    for (const p of this.store.list('pods', { sorted: false }).items) this.add(p as Pod);
  }

  private observe(e: WatchEvent): void {
    if (e.type === 'MODIFIED' && e.oldObject && this.replaceInPlace(e.oldObject as Pod, e.object as Pod)) return;
    if (e.oldObject) this.remove(e.oldObject as Pod);
    if (e.type !== 'DELETED') this.add(e.object as Pod);
  }

  /** A new version of a pod that changes nothing counted (most status writes): swap the object. */
  private replaceInPlace(before: Pod, after: Pod): boolean {
    const known = this.entries.get(String(before.metadata.uid));
    if (!known || known.entry.anomaly || after.metadata.uid !== before.metadata.uid) return false;
    const ref = controllerRef(after);
    if (ref?.uid !== known.owner || ref.kind !== 'StatefulSet' || after.metadata.name !== before.metadata.name) return false;
    const f = podFacts(after);
    const e = known.entry;
    if (f.runningReady !== e.ready || f.revision !== e.revision || (f.phase !== undefined && !f.terminating) !== e.counted) return false;
    // Settled needs the full test; an unsettled pod that stays unsettled is the common case.
    if (e.settled || (f.phase === 'Running' && f.runningReady && !f.terminating)) return false;
    this.sets.get(known.owner)!.byOrdinal.set(e.ordinal, after);
    return true;
  }

  private add(pod: Pod): void {
    const ref = controllerRef(pod);
    if (!ref || ref.kind !== 'StatefulSet') return;
    let s = this.sets.get(ref.uid);
    if (!s) {
      s = { size: 0, ready: 0, revisions: new Map(), revisionsAll: new Map(), byOrdinal: new Map(), ordinals: [], unsettled: new Set(), anomalies: 0, namespace: String(pod.metadata.namespace), setName: ref.name };
      this.sets.set(ref.uid, s);
    }
    const f = podFacts(pod);
    const anomaly = f.ordinal < 0 || f.parent !== ref.name || pod.metadata.namespace !== s.namespace || ref.name !== s.setName || s.byOrdinal.has(f.ordinal);
    const settled = !anomaly && f.phase === 'Running' && f.runningReady && !f.terminating && f.identityLabels && this.storageOk(pod, ref.name);
    const entry: Entry = { ordinal: f.ordinal, settled, ready: f.runningReady, revision: f.revision, counted: f.phase !== undefined && !f.terminating, anomaly };
    this.entries.set(String(pod.metadata.uid), { owner: ref.uid, entry });
    s.size++;
    if (entry.ready) s.ready++;
    bump(s.revisionsAll, entry.revision, 1);
    if (entry.counted) bump(s.revisions, entry.revision, 1);
    if (anomaly) {
      s.anomalies++;
      return;
    }
    s.byOrdinal.set(f.ordinal, pod);
    insertSorted(s.ordinals, f.ordinal);
    if (!settled) s.unsettled.add(f.ordinal);
  }

  private remove(pod: Pod): void {
    const uid = String(pod.metadata.uid);
    const known = this.entries.get(uid);
    if (!known) return;
    this.entries.delete(uid);
    const s = this.sets.get(known.owner)!;
    const entry = known.entry;
    s.size--;
    if (entry.ready) s.ready--;
    bump(s.revisionsAll, entry.revision, -1);
    if (entry.counted) bump(s.revisions, entry.revision, -1);
    if (entry.anomaly) s.anomalies--;
    else {
      s.byOrdinal.delete(entry.ordinal);
      removeSorted(s.ordinals, entry.ordinal);
      s.unsettled.delete(entry.ordinal);
    }
    if (s.size === 0) this.sets.delete(known.owner);
  }

  /** storageMatches against the set the pod names (its claims never change: templates are immutable). */
  private storageOk(pod: Pod, setName: string): boolean {
    const set = this.store.tryGet('statefulsets', pod.metadata.namespace, setName) as StatefulSet | undefined;
    if (!set || set.metadata.uid !== controllerRef(pod)?.uid) return false;
    return storageMatches(set, pod);
  }
}

function bump(m: Map<string, number>, k: string, d: number): void {
  const n = (m.get(k) ?? 0) + d;
  if (n === 0) m.delete(k);
  else m.set(k, n);
}

/** The index of the first element >= x in ascending `a`. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(a: number[], x: number): void {
  if (a.length === 0 || a[a.length - 1] < x) a.push(x);
  else a.splice(lowerBound(a, x), 0, x);
}

function removeSorted(a: number[], x: number): void {
  const i = lowerBound(a, x);
  if (a[i] === x) a.splice(i, 1);
}

/**
 * The smallest ordinal >= `from` that is not in ascending, distinct `present`, in O(log n): along
 * a run of consecutive ordinals, `present[j] - j` stays constant.
 */
export function nextMissing(present: readonly number[], from: number): number {
  let k = lowerBound(present, from);
  if (k >= present.length || present[k] !== from) return from;
  const base = present[k] - k;
  // The last index of the run: the largest j with present[j] - j === base.
  let lo = k;
  let hi = present.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (present[mid] - mid === base) lo = mid;
    else hi = mid - 1;
  }
  k = lo;
  return present[k] + 1;
}
