/**
 * Side effects of the StatefulSet controller behind an interface, like upstream
 * `stateful_pod_control.go`, so tests can substitute it. Events use upstream's exact texts:
 * `create Pod web-0 in StatefulSet web successful`, `create Claim www-web-0 Pod web-0 in
 * StatefulSet web success`, `delete Pod web-1 in StatefulSet web successful`.
 */
import type { ApiStore } from '../../api/store.ts';
import { isReason } from '../../api/errors.ts';
import { clone, newControllerRef, sameJson } from '../../api/meta.ts';
import type { KubeObject, OwnerReference, PersistentVolumeClaim, Pod, StatefulSet, StatefulSetStatus } from '../../api/types.ts';
import type { EventRecorder } from '../recorder.ts';
import { getOrdinal, getPersistentVolumeClaims } from './utils.ts';

export interface StatefulPodControl {
  /** Creates the pod's missing claims, then the pod. Throws the API error of a failed create. */
  createStatefulPod(set: StatefulSet, pod: Pod): void;
  /** Creates any missing claims of an existing (pending) pod. */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void;
  /** Deletes the pod (its claims stay unless the retention policy owns them). */
  deleteStatefulPod(set: StatefulSet, pod: Pod): void;
  /** Points the claims' owner references at the set/pod as the retention policy asks. */
  updatePodClaimRetention(set: StatefulSet, pod: Pod, condemned: boolean): void;
  /** Writes the set's status (only when it changed). */
  updateStatus(set: StatefulSet, status: StatefulSetStatus): void;
}

const COMPONENT = { component: 'statefulset-controller' };

export class RealStatefulPodControl implements StatefulPodControl {
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;

  constructor(store: ApiStore, recorder: EventRecorder) {
    this.store = store;
    this.recorder = recorder;
  }

  createStatefulPod(set: StatefulSet, pod: Pod): void {
    this.createMissingPersistentVolumeClaims(set, pod);
    try {
      this.store.create(pod, { adopt: true });
    } catch (e) {
      if (isReason(e, 'AlreadyExists')) throw e;
      this.recordPodEvent('create', set, pod, e);
      throw e;
    }
    this.recordPodEvent('create', set, pod);
  }

  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void {
    const errs: string[] = [];
    for (const claim of getPersistentVolumeClaims(set, getOrdinal(pod))) {
      const existing = this.store.tryGet('persistentvolumeclaims', claim.metadata.namespace, String(claim.metadata.name));
      if (existing) continue;
      this.applyRetention(set, pod, claim, false);
      try {
        this.store.create(claim);
        this.recordClaimEvent('create', set, pod, claim);
      } catch (e) {
        errs.push(`failed to create PVC ${claim.metadata.name}: ${(e as Error).message}`);
        this.recordClaimEvent('create', set, pod, claim, e);
      }
    }
    if (errs.length) throw new Error(errs.join(', '));
  }

  deleteStatefulPod(set: StatefulSet, pod: Pod): void {
    try {
      this.store.delete('pods', pod.metadata.namespace, String(pod.metadata.name));
    } catch (e) {
      if (isReason(e, 'NotFound')) return;
      this.recordPodEvent('delete', set, pod, e);
      throw e;
    }
    this.recordPodEvent('delete', set, pod);
  }

  updatePodClaimRetention(set: StatefulSet, pod: Pod, condemned: boolean): void {
    for (const claim of getPersistentVolumeClaims(set, getOrdinal(pod))) {
      const existing = this.store.tryGet('persistentvolumeclaims', claim.metadata.namespace, String(claim.metadata.name)) as PersistentVolumeClaim | undefined;
      if (!existing || existing.metadata.deletionTimestamp) continue;
      const next = clone(existing);
      this.applyRetention(set, pod, next, condemned);
      const before = JSON.stringify(existing.metadata.ownerReferences ?? []);
      if (JSON.stringify(next.metadata.ownerReferences ?? []) === before) continue;
      if ((next.metadata.ownerReferences ?? []).length === 0) delete next.metadata.ownerReferences;
      this.store.update(next, { system: true });
    }
  }

  /**
   * upstream updateClaimOwnerRefForSetAndPod: whenDeleted=Delete makes the set an owner;
   * whenScaled=Delete makes a condemned pod the owner, so the garbage collector removes the claim
   * with it. Retain removes those references again.
   */
  private applyRetention(set: StatefulSet, pod: Pod, claim: KubeObject, condemned: boolean): void {
    const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    let refs: OwnerReference[] = (claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid && !(r.kind === 'Pod' && r.name === pod.metadata.name));
    if (policy.whenDeleted === 'Delete') refs.push({ ...newControllerRef(set) });
    if (condemned && policy.whenScaled === 'Delete' && pod.metadata.uid) {
      refs = refs.filter((r) => r.uid !== set.metadata.uid);
      refs.push({ apiVersion: 'v1', kind: 'Pod', name: String(pod.metadata.name), uid: String(pod.metadata.uid), controller: false, blockOwnerDeletion: true });
    }
    if (refs.length) claim.metadata.ownerReferences = refs;
    else delete claim.metadata.ownerReferences;
  }

  updateStatus(set: StatefulSet, status: StatefulSetStatus): void {
    const current = this.store.tryGet('statefulsets', set.metadata.namespace, String(set.metadata.name)) as StatefulSet | undefined;
    if (!current || current.metadata.uid !== set.metadata.uid) return;
    if (sameJson(current.status, status)) return;
    this.store.updateStatus({ ...current, status }, { adopt: true });
  }

  private recordPodEvent(verb: string, set: StatefulSet, pod: Pod, err?: unknown): void {
    const title = verb[0].toUpperCase() + verb.slice(1);
    if (err === undefined) {
      this.recorder.event(COMPONENT, set, 'Normal', `Successful${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    } else {
      this.recorder.event(COMPONENT, set, 'Warning', `Failed${title}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
    }
  }

  private recordClaimEvent(verb: string, set: StatefulSet, pod: Pod, claim: KubeObject, err?: unknown): void {
    const title = verb[0].toUpperCase() + verb.slice(1);
    if (err === undefined) {
      this.recorder.event(COMPONENT, set, 'Normal', `Successful${title}`, `${verb} Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    } else {
      this.recorder.event(COMPONENT, set, 'Warning', `Failed${title}`, `${verb} Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${(err as Error).message}`);
    }
  }
}
