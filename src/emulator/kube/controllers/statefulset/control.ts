/**
 * The StatefulSet reconcile algorithm, after upstream `stateful_set_control.go` (1.34):
 * revisions → status from observed pods → create/repair replicas in ordinal order (waiting for
 * Running+Ready under OrderedReady) → delete condemned pods in reverse order → rolling update in
 * reverse order down to the partition. Every call re-reads desired and observed state.
 */
import type { ApiStore } from '../../api/store.ts';
import { clone, isTerminating } from '../../api/meta.ts';
import type { Pod, StatefulSet, StatefulSetStatus } from '../../api/types.ts';
import type { EventRecorder } from '../recorder.ts';
import type { StatefulPodControl } from './pod-control.ts';
import { getRevisions, truncateHistory } from './history.ts';
import { nextMissing, type SetSlots } from './pod-slots.ts';
import { applyRevision, type ControllerRevision } from './revision.ts';
import {
  allowsBurst,
  getOrdinal,
  getPodName,
  getPodRevision,
  getStartOrdinal,
  identityMatches,
  isCreated,
  isFailed,
  isHealthy,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  newStatefulSetPod,
  podFacts,
  POD_INDEX_LABEL,
  POD_NAME_LABEL,
  REVISION_LABEL,
  storageMatches,
} from './utils.ts';

export interface ControlOptions {
  /** The MaxUnavailableStatefulSet feature gate (alpha in 1.34, off by default). */
  maxUnavailableEnabled: boolean;
  /** Sync large sets from the PodSlots summary where it gives the same result. Off only in tests comparing the two. @default true */
  fastPath?: boolean;
}

/** What a sync asks of the controller loop: re-run after `requeueAfterMs` (minReadySeconds). */
export interface SyncResult {
  requeueAfterMs?: number;
}

export class StatefulSetControl {
  private readonly store: ApiStore;
  private readonly podControl: StatefulPodControl;
  private readonly recorder: EventRecorder;
  private readonly options: ControlOptions;
  /** Sets that ever had a Delete retention policy (their claims may carry references to undo). */
  private readonly retentionSeen = new Set<string>();
  private readonly planned = new WeakMap<Pod, { set: StatefulSet; ordinal: number; revision: string }>();

  constructor(store: ApiStore, podControl: StatefulPodControl, recorder: EventRecorder, options: ControlOptions) {
    this.store = store;
    this.podControl = podControl;
    this.recorder = recorder;
    this.options = options;
  }

  /**
   * Reconciles `set` against the pods it owns: `pods` lists them (asked for only when needed);
   * `slots`, their summary from the PodSlots index, lets a sync look only at unsettled replicas.
   * Store errors propagate (the work queue retries).
   */
  updateStatefulSet(set: StatefulSet, pods: Pod[] | (() => Pod[]), slots?: SetSlots): SyncResult {
    let listed = typeof pods === 'function' ? undefined : pods;
    const list = () => (listed ??= (pods as () => Pod[])());
    const { current, update, collisionCount, revisions } = getRevisions(this.store, set);
    const result: SyncResult = {};
    const fast = slots && this.options.fastPath !== false ? this.reconcileFast(set, slots, current, update, collisionCount) : undefined;
    const status = fast ?? this.reconcile(set, list(), current, update, collisionCount, result);
    this.completeRollingUpdate(set, status);
    this.podControl.updateStatus(set, prune(status));
    truncateHistory(this.store, set, list, revisions, current, update);
    return result;
  }

  /**
   * `reconcile` for the common case, from the PodSlots summary: the same status, the same
   * processReplica calls in the same order and the same rolling-update step, visiting only the
   * replicas that are missing or not settled (a settled one is a no-op for processReplica).
   * Undefined, before any write, where the summary cannot tell: minReadySeconds, the
   * maxUnavailable gate, anomalous pods, pods to condemn, claim retention to maintain.
   */
  private reconcileFast(set: StatefulSet, s: SetSlots, currentRev: ControllerRevision, updateRev: ControllerRevision, collisionCount: number): StatefulSetStatus | undefined {
    if ((set.spec.minReadySeconds ?? 0) > 0 || this.options.maxUnavailableEnabled || s.anomalies > 0) return undefined;
    if (s.namespace !== set.metadata.namespace || s.setName !== set.metadata.name) return undefined;
    const start = getStartOrdinal(set);
    const replicaCount = set.spec.replicas ?? 1;
    const end = start + replicaCount;
    const ords = s.ordinals;
    if (ords.length && (ords[0] < start || ords[ords.length - 1] >= end)) return undefined;
    const retention = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    if ((set.spec.volumeClaimTemplates ?? []).length && (retention.whenDeleted === 'Delete' || retention.whenScaled === 'Delete' || this.retentionSeen.has(String(set.metadata.uid)))) return undefined;
    const currentName = String(currentRev.metadata.name);
    const updateName = String(updateRev.metadata.name);
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      replicas: s.size,
      readyReplicas: s.ready,
      currentReplicas: s.revisions.get(currentName) ?? 0,
      updatedReplicas: s.revisions.get(updateName) ?? 0,
      availableReplicas: s.ready,
      currentRevision: currentName,
      updateRevision: updateName,
      collisionCount,
    };
    if (isTerminating(set)) return status;
    const now = this.store.world.now();
    const currentSet = applyRevision(set, currentRev);
    const updateSet = applyRevision(set, updateRev);
    const monotonic = !allowsBurst(set);
    const sizeAtStart = s.size;
    const updatedAtStart = s.revisionsAll.get(updateName) ?? 0;
    const unsettled = [...s.unsettled].sort((a, b) => a - b);
    // Sparse: only the replicas visited are filled in (an n-slot array per sync would be O(n)).
    const all: Replicas = { length: replicaCount };
    /** Indices processReplica saw, ascending; `existed`: how many of them had a pod at the start. */
    const seen: number[] = [];
    let existed = 0;
    let existedUpdated = 0;
    let u = 0;
    let missing = nextMissing(ords, start);
    for (;;) {
      const ordinal = Math.min(u < unsettled.length ? unsettled[u] : Infinity, missing);
      if (ordinal >= end) break;
      const i = ordinal - start;
      if (ordinal === missing) {
        all[i] = this.newVersionedPod(currentSet, updateSet, currentName, updateName, ordinal, all, status);
        missing = nextMissing(s.ordinals, ordinal + 1);
      } else {
        all[i] = s.byOrdinal.get(ordinal)!;
        u++;
        existed++;
        if (getPodRevision(all[i]) === updateName) existedUpdated++;
      }
      seen.push(i);
      if (this.processReplica(set, updateSet, status, all, i, monotonic, 0, now, {})) return status;
    }
    if (set.spec.updateStrategy?.type === 'OnDelete') return status;
    // Every replica not seen was settled (healthy) and unchanged; when all of them are also at the
    // update revision, the rolling update's walk from the top can only stop at one that was seen.
    if (updatedAtStart - existedUpdated !== sizeAtStart - existed) {
      const full = Array.from({ length: replicaCount }, (_, i) => all[i] ?? s.byOrdinal.get(start + i)!);
      return this.rollingUpdate(set, status, full, updateRev, 0, now);
    }
    const updateMin = Math.max(0, set.spec.updateStrategy?.rollingUpdate?.partition ?? 0);
    for (let k = seen.length - 1; k >= 0 && seen[k] >= updateMin; k--) {
      if (this.rollingUpdateStep(set, all[seen[k]], updateName, status)) return status;
    }
    return status;
  }

  /**
   * One step of the one-at-a-time rolling update (no maxUnavailable), at `pod` walking down from
   * the highest ordinal: deletes it when it is at an old revision, or waits while it is not Running
   * and Ready. True when the step ends this sync (the caller returns `status`).
   */
  private rollingUpdateStep(set: StatefulSet, pod: Pod, updateName: string, status: StatefulSetStatus): boolean {
    if (getPodRevision(pod) !== updateName && !isTerminating(pod)) {
      this.say(set, `rolling update: deleting ${pod.metadata.name} to recreate it at revision ${updateName}`);
      this.podControl.deleteStatefulPod(set, pod);
      status.currentReplicas!--;
      return true;
    }
    if (!isHealthy(pod)) {
      this.say(set, `rolling update waits: ${pod.metadata.name} is not Running and Ready`);
      return true;
    }
    return false;
  }

  private say(set: StatefulSet, message: string): void {
    this.recorder.decision('statefulset-controller', `statefulset/${set.metadata.namespace}/${set.metadata.name}`, message);
  }

  private reconcile(set: StatefulSet, pods: Pod[], currentRev: ControllerRevision, updateRev: ControllerRevision, collisionCount: number, result: SyncResult): StatefulSetStatus {
    const now = this.store.world.now();
    const minReady = set.spec.minReadySeconds ?? 0;
    const currentSet = applyRevision(set, currentRev);
    const updateSet = applyRevision(set, updateRev);
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation,
      replicas: 0,
      readyReplicas: 0,
      currentReplicas: 0,
      updatedReplicas: 0,
      availableReplicas: 0,
      currentRevision: String(currentRev.metadata.name),
      updateRevision: String(updateRev.metadata.name),
      collisionCount,
    };
    const start = getStartOrdinal(set);
    const replicaCount = set.spec.replicas ?? 1;
    const replicas: (Pod | undefined)[] = new Array(replicaCount);
    const condemned: Pod[] = [];
    const end = start + replicaCount;
    for (const pod of pods) {
      // One memoised look at each pod (the same answers as the predicates in utils.ts).
      const f = podFacts(pod);
      status.replicas++;
      const ready = f.runningReady;
      if (ready) status.readyReplicas!++;
      if (ready && (minReady <= 0 || isRunningAndAvailable(pod, minReady, now))) status.availableReplicas++;
      else if (ready) this.requeue(result, pod, minReady, now);
      if (f.phase !== undefined && !f.terminating) {
        if (f.revision === currentRev.metadata.name) status.currentReplicas!++;
        if (f.revision === updateRev.metadata.name) status.updatedReplicas!++;
      }
      if (f.ordinal >= start && f.ordinal < end) replicas[f.ordinal - start] = pod;
      else if (f.ordinal >= 0) condemned.push(pod);
    }
    condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
    const all = replicas as Pod[];
    // A missing replica is unhealthy too; it is built only when it is about to be created.
    let firstUnhealthy: Pod | undefined;
    for (let i = 0; i < replicaCount && !firstUnhealthy; i++) if (!all[i] || !podFacts(all[i]).runningReady || podFacts(all[i]).terminating) firstUnhealthy = all[i] ?? MISSING;
    firstUnhealthy ??= condemned.find((p) => !isHealthy(p));
    if (isTerminating(set)) return status;
    const monotonic = !allowsBurst(set);

    // Create or repair replicas in ordinal order.
    for (let i = 0; i < replicaCount; i++) {
      if (!all[i]) all[i] = this.newVersionedPod(currentSet, updateSet, String(currentRev.metadata.name), String(updateRev.metadata.name), i + start, replicas, status);
      if (this.processReplica(set, updateSet, status, all, i, monotonic, minReady, now, result)) return status;
    }
    const retention = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    if ((set.spec.volumeClaimTemplates ?? []).length && (retention.whenDeleted === 'Delete' || retention.whenScaled === 'Delete' || this.retentionSeen.has(String(set.metadata.uid)))) {
      this.retentionSeen.add(String(set.metadata.uid));
      for (const pod of all) if (pod.metadata.uid) this.podControl.updatePodClaimRetention(set, pod, false);
    }

    // Scale down: condemned pods, highest ordinal first, one at a time under OrderedReady.
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) {
          this.say(set, `scale down waits: ${pod.metadata.name} is terminating`);
          return status;
        }
        continue;
      }
      if (monotonic && pod !== firstUnhealthy && !isRunningAndAvailable(pod, minReady, now)) {
        this.say(set, `scale down waits: ${firstUnhealthy?.metadata.name ?? pod.metadata.name} is not Running and Ready`);
        return status;
      }
      this.say(set, `scale down: deleting ${pod.metadata.name} (highest ordinal out of range)`);
      if (set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled === 'Delete') this.podControl.updatePodClaimRetention(set, pod, true);
      this.podControl.deleteStatefulPod(set, pod);
      if (monotonic) return status;
    }

    if (set.spec.updateStrategy?.type === 'OnDelete') return status;
    return this.rollingUpdate(set, status, all, updateRev, minReady, now);
  }

  private requeue(result: SyncResult, pod: Pod, minReady: number, now: number): void {
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
    const since = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : now;
    const wait = Math.max(1, since + minReady * 1000 - now);
    result.requeueAfterMs = Math.min(result.requeueAfterMs ?? Infinity, wait);
  }

  private newVersionedPod(currentSet: StatefulSet, updateSet: StatefulSet, currentName: string, updateName: string, ordinal: number, _replicas: unknown, _status: StatefulSetStatus): Pod {
    // upstream newVersionedStatefulSetPod: ordinals below the partition stay on the current revision.
    const partition = currentSet.spec.updateStrategy?.type === 'RollingUpdate' ? (currentSet.spec.updateStrategy.rollingUpdate?.partition ?? 0) : 0;
    const useCurrent = currentSet.spec.updateStrategy?.type === 'RollingUpdate' && partition !== 0 && ordinal < getStartOrdinal(currentSet) + partition && currentName !== updateName;
    const set = useCurrent ? currentSet : updateSet;
    const revision = useCurrent ? currentName : updateName;
    // A placeholder: the full pod (a copy of the template) is only built when it is created.
    const placeholder: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: getPodName(set, ordinal), namespace: set.metadata.namespace, labels: { [REVISION_LABEL]: revision } },
      spec: set.spec.template.spec,
    };
    this.planned.set(placeholder, { set, ordinal, revision });
    return placeholder;
  }

  /** upstream processReplica; returns true when the sync must stop here. */
  private processReplica(set: StatefulSet, updateSet: StatefulSet, status: StatefulSetStatus, replicas: Replicas, i: number, monotonic: boolean, minReady: number, now: number, result: SyncResult): boolean {
    const pod = replicas[i];
    // The common case, a settled replica: Running, Ready, available, its identity and storage right.
    if (minReady <= 0) {
      const f = podFacts(pod);
      if (f.phase === 'Running' && f.runningReady && !f.terminating && identityMatches(set, pod) && storageMatches(set, pod)) return false;
    }
    if (isCreated(pod) && (isFailed(pod) || isSucceeded(pod))) {
      if (!isTerminating(pod)) {
        this.say(set, `${pod.metadata.name} is ${pod.status?.phase}: deleting it to recreate it`);
        this.podControl.deleteStatefulPod(set, pod);
      }
      if (monotonic) return true;
      return false;
    }
    if (!isCreated(pod)) {
      this.say(set, `creating ${pod.metadata.name}`);
      const plan = this.planned.get(pod);
      const real = plan ? newStatefulSetPod(plan.set, plan.ordinal, plan.revision) : pod;
      this.podControl.createStatefulPod(set, real);
      const stored = this.store.tryGet('pods', real.metadata.namespace, String(real.metadata.name)) as Pod | undefined;
      if (stored) replicas[i] = stored;
      status.replicas++;
      if (getPodRevision(pod) === status.currentRevision) status.currentReplicas!++;
      if (getPodRevision(pod) === status.updateRevision) status.updatedReplicas!++;
      if (monotonic) return true;
      return false;
    }
    if (isPending(pod)) this.podControl.createMissingPersistentVolumeClaims(set, pod);
    if (isTerminating(pod) && monotonic) {
      this.say(set, `${nextName(set, replicas, i)} waits: ${pod.metadata.name} is terminating`);
      return true;
    }
    if (!isRunningAndReady(pod) && monotonic) {
      this.say(set, `${nextName(set, replicas, i)} waits: ${pod.metadata.name} is not Running and Ready yet`);
      return true;
    }
    if (!isRunningAndAvailable(pod, minReady, now) && monotonic) {
      this.say(set, `${nextName(set, replicas, i)} waits: ${pod.metadata.name} is not available yet (minReadySeconds ${minReady})`);
      this.requeue(result, pod, minReady, now);
      return true;
    }
    if (identityMatches(set, pod) && storageMatches(set, pod)) return false;
    // Repair identity labels (storage repair would need new claims, created above).
    const next = clone(pod);
    const name = String(pod.metadata.name);
    next.metadata.labels = { ...(next.metadata.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(getOrdinal(pod)) };
    this.podControl.createMissingPersistentVolumeClaims(updateSet, pod);
    this.store.update(next, { system: true });
    return false;
  }

  private rollingUpdate(set: StatefulSet, status: StatefulSetStatus, replicas: Pod[], updateRev: ControllerRevision, minReady: number, now: number): StatefulSetStatus {
    const start = getStartOrdinal(set);
    const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    const updateMin = Math.max(0, partition);
    const updateName = String(updateRev.metadata.name);
    if (!this.options.maxUnavailableEnabled) {
      for (let t = replicas.length - 1; t >= updateMin; t--) {
        if (this.rollingUpdateStep(set, replicas[t], updateName, status)) return status;
      }
      return status;
    }
    const maxUnavailable = resolveMaxUnavailable(set);
    let unavailable = 0;
    for (const pod of replicas) if (!isHealthy(pod) || !isRunningAndAvailable(pod, minReady, now)) unavailable++;
    if (unavailable >= maxUnavailable) {
      this.say(set, `rolling update waits: ${unavailable} pods unavailable (maxUnavailable ${maxUnavailable})`);
      return status;
    }
    let deleted = 0;
    for (let t = replicas.length - 1; t >= updateMin; t--) {
      const pod = replicas[t];
      if (getPodRevision(pod) !== updateName && !isTerminating(pod)) {
        this.say(set, `rolling update: deleting ${pod.metadata.name} (ordinal ${t + start})`);
        this.podControl.deleteStatefulPod(set, pod);
        status.currentReplicas!--;
        deleted++;
        if (deleted + unavailable >= maxUnavailable) break;
      }
    }
    return status;
  }

  /** When every replica runs the update revision, it becomes the current one. */
  private completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): void {
    if (set.spec.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
  }
}

/** Marks "the first unhealthy replica is one not created yet". */
const MISSING = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [] } } as Pod;

/** The replicas by index (ordinal - start): an array, or a sparse object with the set's length. */
interface Replicas {
  [i: number]: Pod;
  readonly length: number;
}

function nextName(set: StatefulSet, replicas: Replicas, i: number): string {
  return getPodName(set, getStartOrdinal(set) + Math.min(i + 1, replicas.length));
}

function resolveMaxUnavailable(set: StatefulSet): number {
  const v = set.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  const replicas = set.spec.replicas ?? 1;
  const n = typeof v === 'string' && v.endsWith('%') ? Math.ceil((Number(v.slice(0, -1)) * replicas) / 100) : Number(v);
  return Math.max(1, Number.isFinite(n) ? n : 1);
}

/** Drops zero-valued optional status fields, as their `omitempty` JSON tags do. */
function prune(s: StatefulSetStatus): StatefulSetStatus {
  const out: StatefulSetStatus = { ...s };
  for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'collisionCount'] as const) if (!out[k]) delete out[k];
  return out;
}
