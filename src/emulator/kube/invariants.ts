/**
 * StatefulSet and garbage-collection invariants as functions that return precise messages (an
 * empty list when all hold), in the manner of Kubernetes' own StatefulSet tests. Property tests
 * and lab checks reuse them.
 *
 * - `checkOrdinalsUnique`: never two pods of one set with one ordinal.
 * - `checkOwnersExist`: no object points at an owner that is gone (no orphans the GC forgot).
 * - `InvariantMonitor`: watches every write as it happens and records when an OrderedReady set
 *   creates a pod before its predecessors are Running and Ready, deletes a pod while a higher
 *   ordinal still exists, or when a claim a Retain policy keeps is deleted.
 */
import type { ApiStore } from './api/store.ts';
import { controllerRef, isTerminating } from './api/meta.ts';
import type { KubeObject, Pod, StatefulSet } from './api/types.ts';
import { getOrdinal, getParentName, getStartOrdinal, isRunningAndReady } from './controllers/statefulset/utils.ts';

/** Pods controlled by `set`. */
function podsOf(store: ApiStore, set: StatefulSet): Pod[] {
  return (store.list('pods', { namespace: set.metadata.namespace }).items as Pod[]).filter((p) => controllerRef(p)?.uid === set.metadata.uid);
}

/** "web has two pods with ordinal 1: web-1, web-01" for every set where it happens. */
export function checkOrdinalsUnique(store: ApiStore): string[] {
  const out: string[] = [];
  for (const set of store.list('statefulsets').items as StatefulSet[]) {
    const seen = new Map<number, string[]>();
    for (const p of podsOf(store, set)) {
      const o = getOrdinal(p);
      seen.set(o, [...(seen.get(o) ?? []), String(p.metadata.name)]);
    }
    for (const [o, names] of seen) if (names.length > 1) out.push(`${set.metadata.name} has ${names.length} pods with ordinal ${o}: ${names.join(', ')}`);
  }
  return out;
}

/** "pod default/web-0 is owned by StatefulSet web (uid …), which no longer exists". */
export function checkOwnersExist(store: ApiStore, kinds: readonly string[] = ['pods', 'persistentvolumeclaims', 'controllerrevisions', 'replicasets', 'endpointslices']): string[] {
  const uids = new Map<string, string>();
  for (const plural of ['statefulsets', 'replicasets', 'deployments', 'services', 'pods', 'nodes']) {
    for (const o of store.list(plural).items) uids.set(String(o.metadata.uid), o.kind);
  }
  const out: string[] = [];
  for (const plural of kinds) {
    for (const o of store.list(plural).items) {
      for (const r of o.metadata.ownerReferences ?? []) {
        if (r.kind === 'DaemonSet') continue;
        if (!uids.has(r.uid)) out.push(`${o.kind.toLowerCase()} ${o.metadata.namespace}/${o.metadata.name} is owned by ${r.kind} ${r.name} (uid ${r.uid}), which no longer exists`);
      }
    }
  }
  return out;
}

/** Records invariant violations as writes happen (see the file comment). */
export class InvariantMonitor {
  readonly violations: string[] = [];
  private readonly store: ApiStore;
  /** Claims the test or learner deleted on purpose (not violations). */
  readonly allowedClaimDeletions = new Set<string>();
  /** Pods (by uid) the test or learner deleted on purpose. */
  readonly allowedPodDeletions = new Set<string>();
  /** Retention of every set seen, kept after the set is gone: `ns/name` → claim name prefixes, or undefined when it deletes claims. */
  private readonly retained = new Map<string, string[] | undefined>();

  constructor(store: ApiStore) {
    this.store = store;
    store.onCommit((info, e) => {
      if (info.plural === 'statefulsets' && e.type !== 'DELETED') {
        const set = e.object as StatefulSet;
        const p = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
        const deletes = p.whenDeleted === 'Delete' || p.whenScaled === 'Delete';
        this.retained.set(`${set.metadata.namespace}/${set.metadata.name}`, deletes ? undefined : (set.spec.volumeClaimTemplates ?? []).map((t) => `${t.metadata.name}-${set.metadata.name}-`));
      }
      if (info.plural === 'pods') this.onPod(e.type, e.object as Pod, e.oldObject as Pod | undefined);
      if (info.plural === 'persistentvolumeclaims' && (e.type === 'DELETED' || (isTerminating(e.object) && !(e.oldObject && isTerminating(e.oldObject))))) this.onClaimDeleted(e.object);
    });
  }

  private setOf(pod: Pod): StatefulSet | undefined {
    const ref = controllerRef(pod);
    if (ref?.kind !== 'StatefulSet') return undefined;
    const set = this.store.tryGet('statefulsets', pod.metadata.namespace, ref.name) as StatefulSet | undefined;
    return set && set.metadata.uid === ref.uid ? set : undefined;
  }

  private onPod(type: string, pod: Pod, old: Pod | undefined): void {
    const set = this.setOf(pod);
    if (!set || set.spec.podManagementPolicy === 'Parallel') return;
    const o = getOrdinal(pod);
    const others = podsOf(this.store, set).filter((p) => p.metadata.uid !== pod.metadata.uid);
    if (type === 'ADDED') {
      for (let k = getStartOrdinal(set); k < o; k++) {
        const pred = others.find((p) => getOrdinal(p) === k);
        if (!pred || !isRunningAndReady(pred) || isTerminating(pred)) {
          this.violations.push(`${pod.metadata.name} was created while ${getParentName(pod)}-${k} is not Running and Ready`);
          break;
        }
      }
    }
    const scaledDown = type === 'MODIFIED' && isTerminating(pod) && old && !isTerminating(old) && o >= getStartOrdinal(set) + (set.spec.replicas ?? 1);
    if (scaledDown && !this.allowedPodDeletions.has(String(pod.metadata.uid))) {
      const higher = others.filter((p) => getOrdinal(p) > o);
      if (higher.length) this.violations.push(`${pod.metadata.name} was deleted while ${higher.map((p) => p.metadata.name).join(', ')} still exist`);
    }
  }

  private onClaimDeleted(claim: KubeObject): void {
    const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
    if (this.allowedClaimDeletions.has(key)) return;
    for (const [setKey, prefixes] of this.retained) {
      if (!prefixes || !setKey.startsWith(`${claim.metadata.namespace}/`)) continue;
      if (prefixes.some((p) => String(claim.metadata.name).startsWith(p))) {
        this.violations.push(`claim ${key} was deleted although StatefulSet ${setKey.split('/')[1]} retains its claims`);
        return;
      }
    }
  }
}
