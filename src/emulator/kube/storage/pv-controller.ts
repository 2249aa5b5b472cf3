/**
 * The PersistentVolume binder and kind's dynamic provisioner (`rancher.io/local-path`), plus the
 * pvc-protection and pv-protection controllers. A Pending claim binds to a matching Available
 * volume, or — for a StorageClass with a provisioner — gets a new volume `pvc-<claim uid>` once a
 * node is selected (WaitForFirstConsumer) or at once (Immediate). Released volumes are deleted
 * or kept by their reclaim policy; their data (see volume-data.ts) goes with them.
 */
import type { ApiStore } from '../api/store.ts';
import { clone, isTerminating, keyOf, rfc3339 } from '../api/meta.ts';
import type { KubeObject, PersistentVolume, PersistentVolumeClaim, Pod } from '../api/types.ts';
import { WorkQueue } from '../controllers/queue.ts';
import type { EventRecorder } from '../controllers/recorder.ts';
import { bytes } from '../scheduler/predicates.ts';
import { SELECTED_NODE } from '../scheduler/scheduler.ts';
import type { VolumeData } from './volume-data.ts';

const PV_CONTROLLER = { component: 'persistentvolume-controller' };
const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const PV_PROTECTION = 'kubernetes.io/pv-protection';

export interface PvControllerOptions {
  /** How long the provisioner takes to create a volume. @default 1500 */
  provisionMs?: number;
}

export class PersistentVolumeController {
  readonly claims: WorkQueue;
  readonly volumes: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly data: VolumeData;
  private readonly provisionMs: number;
  private readonly provisioning = new Set<string>();
  private readonly announced = new Set<string>();

  constructor(store: ApiStore, recorder: EventRecorder, data: VolumeData, options: PvControllerOptions = {}) {
    this.store = store;
    this.recorder = recorder;
    this.data = data;
    this.provisionMs = options.provisionMs ?? 1500;
    this.claims = new WorkQueue(store.world, 'pvc', (k) => this.syncClaim(k));
    this.volumes = new WorkQueue(store.world, 'pv', (k) => this.syncVolume(k));
    store.watch('persistentvolumeclaims', {}, (e) => {
      this.claims.add(keyOf(e.object));
      const vol = (e.object as PersistentVolumeClaim).spec.volumeName;
      if (e.type === 'DELETED' && vol) this.volumes.add(vol);
    });
    store.watch('persistentvolumes', {}, (e) => {
      this.volumes.add(String(e.object.metadata.name));
      const ref = (e.object as PersistentVolume).spec.claimRef;
      if (ref) this.claims.add(`${ref.namespace}/${ref.name}`);
    });
    store.watch('pods', {}, (e) => {
      if (e.type !== 'DELETED' && !isTerminating(e.object)) return;
      for (const v of (e.object as Pod).spec.volumes ?? []) {
        if (v.persistentVolumeClaim) this.claims.add(`${e.object.metadata.namespace}/${v.persistentVolumeClaim.claimName}`);
      }
    });
  }

  private syncClaim(key: string): void {
    const [ns, name] = key.split('/');
    const pvc = this.store.tryGet('persistentvolumeclaims', ns, name) as PersistentVolumeClaim | undefined;
    if (!pvc) return;
    if (isTerminating(pvc)) return this.protectClaim(pvc);
    if (pvc.status?.phase === 'Bound') return;
    if (pvc.spec.volumeName) {
      const pv = this.store.tryGet('persistentvolumes', undefined, pvc.spec.volumeName) as PersistentVolume | undefined;
      if (pv && (!pv.spec.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid)) this.bind(pvc, pv, false);
      return;
    }
    const match = this.findVolume(pvc);
    if (match) return this.bind(pvc, match, true);
    const scName = pvc.spec.storageClassName;
    const sc = scName ? this.store.tryGet('storageclasses', undefined, scName) : undefined;
    if (!sc) {
      if (scName && !this.announced.has(key)) {
        this.announced.add(key);
        this.recorder.event(PV_CONTROLLER, pvc, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${scName}" not found`);
      } else if (!scName && !this.announced.has(key)) {
        this.announced.add(key);
        this.recorder.event(PV_CONTROLLER, pvc, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      }
      return;
    }
    const node = pvc.metadata.annotations?.[SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) {
      if (!this.announced.has(key)) {
        this.announced.add(key);
        this.recorder.event(PV_CONTROLLER, pvc, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
      }
      return;
    }
    this.provision(pvc, sc, node);
  }

  private provision(pvc: PersistentVolumeClaim, sc: KubeObject, node: string | undefined): void {
    const key = keyOf(pvc);
    if (this.provisioning.has(key)) return;
    this.provisioning.add(key);
    const provisioner = String(sc.provisioner);
    const annotated = clone(pvc);
    annotated.metadata.annotations = {
      ...(annotated.metadata.annotations ?? {}),
      'volume.beta.kubernetes.io/storage-provisioner': provisioner,
      'volume.kubernetes.io/storage-provisioner': provisioner,
    };
    const current = this.store.update(annotated, { system: true });
    this.recorder.event(PV_CONTROLLER, current, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that your external provisioner is running and correctly registered.`);
    const source = { component: `${provisioner}_local-path-provisioner-7dc846544d-x2v8t_${'f0c4a7e2-5d1b-4c3e-9a8f-6b2d1e0c9a7f'}` };
    this.recorder.event(source, current, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${key}"`);
    this.store.world.clock.after(this.provisionMs, () => {
      this.provisioning.delete(key);
      const claim = this.store.tryGet('persistentvolumeclaims', pvc.metadata.namespace, String(pvc.metadata.name)) as PersistentVolumeClaim | undefined;
      if (!claim || claim.metadata.uid !== pvc.metadata.uid || isTerminating(claim)) return;
      const name = `pvc-${pvc.metadata.uid}`;
      const dir = `/var/local-path-provisioner/${name}_${pvc.metadata.namespace}_${pvc.metadata.name}`;
      const pv: PersistentVolume = {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name,
          annotations: { 'local.path.provisioner/selected-node': node ?? '', 'pv.kubernetes.io/provisioned-by': provisioner },
        },
        spec: {
          accessModes: [...(claim.spec.accessModes ?? [])],
          capacity: { storage: claim.spec.resources?.requests?.storage ?? '1Gi' },
          claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: String(claim.metadata.name), namespace: String(claim.metadata.namespace), resourceVersion: claim.metadata.resourceVersion, uid: claim.metadata.uid },
          hostPath: { path: dir, type: 'DirectoryOrCreate' },
          persistentVolumeReclaimPolicy: (sc.reclaimPolicy as 'Delete' | 'Retain') ?? 'Delete',
          storageClassName: String(sc.metadata.name),
          volumeMode: 'Filesystem',
          ...(node
            ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } } }
            : {}),
        },
      };
      if (!node) delete pv.metadata.annotations!['local.path.provisioner/selected-node'];
      const created = this.store.create(pv) as PersistentVolume;
      this.data.create(name, node, dir);
      this.recorder.event(source, claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${name}`);
      this.bind(claim, created, true);
    }, { label: `provision ${key}` });
  }

  private findVolume(pvc: PersistentVolumeClaim): PersistentVolume | undefined {
    const want = bytes(pvc.spec.resources?.requests?.storage);
    let best: PersistentVolume | undefined;
    for (const pv of this.store.list('persistentvolumes').items as PersistentVolume[]) {
      if (pv.status?.phase !== 'Available' || pv.spec.claimRef || isTerminating(pv)) continue;
      if ((pv.spec.storageClassName ?? '') !== (pvc.spec.storageClassName ?? '')) continue;
      if (!(pvc.spec.accessModes ?? []).every((m) => (pv.spec.accessModes ?? []).includes(m))) continue;
      const size = bytes(pv.spec.capacity?.storage);
      if (size < want) continue;
      if (!best || size < bytes(best.spec.capacity?.storage)) best = pv;
    }
    return best;
  }

  private bind(pvc: PersistentVolumeClaim, pv: PersistentVolume, byController: boolean): void {
    const now = rfc3339(this.store.world.now());
    const v = clone(pv);
    v.spec.claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: String(pvc.metadata.name), namespace: String(pvc.metadata.namespace), resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid };
    if (byController && !pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by']) {
      v.metadata.annotations = { ...(v.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' };
    }
    const boundPv = this.store.update(v, { system: true });
    const vs = clone(boundPv);
    vs.status = { phase: 'Bound', lastPhaseTransitionTime: now };
    this.store.updateStatus(vs);
    const c = clone(this.store.get('persistentvolumeclaims', pvc.metadata.namespace, String(pvc.metadata.name)) as PersistentVolumeClaim);
    c.spec.volumeName = String(pv.metadata.name);
    c.metadata.annotations = { ...(c.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', ...(byController ? { 'pv.kubernetes.io/bound-by-controller': 'yes' } : {}) };
    const boundClaim = this.store.update(c, { system: true });
    const cs = clone(boundClaim);
    cs.status = { phase: 'Bound', accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) } };
    this.store.updateStatus(cs);
  }

  /** pvc-protection: a terminating claim keeps its finalizer while a live pod uses it. */
  private protectClaim(pvc: PersistentVolumeClaim): void {
    if (!(pvc.metadata.finalizers ?? []).includes(PVC_PROTECTION)) return;
    const inUse = (this.store.list('pods', { namespace: pvc.metadata.namespace }).items as Pod[]).some(
      (p) => (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
    if (inUse) return;
    const next = clone(pvc);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION);
    this.store.update(next, { system: true });
  }

  private syncVolume(name: string): void {
    const pv = this.store.tryGet('persistentvolumes', undefined, name) as PersistentVolume | undefined;
    if (!pv) {
      this.data.release(name);
      return;
    }
    if (isTerminating(pv)) {
      if (pv.status?.phase !== 'Bound' && (pv.metadata.finalizers ?? []).includes(PV_PROTECTION)) {
        const next = clone(pv);
        next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== PV_PROTECTION);
        this.store.update(next, { system: true });
      }
      return;
    }
    if (!pv.spec.claimRef) {
      if (pv.status?.phase === 'Pending' || !pv.status?.phase) this.setPhase(pv, 'Available');
      return;
    }
    const ref = pv.spec.claimRef;
    const claim = this.store.tryGet('persistentvolumeclaims', ref.namespace, ref.name);
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) return;
    if (pv.status?.phase === 'Bound' || pv.status?.phase === 'Available' || pv.status?.phase === 'Pending') {
      if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
        this.setPhase(pv, 'Released');
        this.store.delete('persistentvolumes', undefined, name);
      } else this.setPhase(pv, 'Released');
    }
  }

  private setPhase(pv: PersistentVolume, phase: 'Available' | 'Released'): void {
    const next = clone(pv);
    next.status = { phase, lastPhaseTransitionTime: rfc3339(this.store.world.now()) };
    this.store.updateStatus(next);
  }
}
