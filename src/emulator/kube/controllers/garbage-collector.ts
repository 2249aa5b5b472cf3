/**
 * The garbage collector (upstream `pkg/controller/garbagecollector`): keeps an index from owner
 * uid to dependents; when an owner disappears, dependents without another live owner are deleted
 * (background propagation); an owner with the `orphan` finalizer has its references removed from
 * its dependents; one with `foregroundDeletion` waits until its dependents are gone.
 */
import type { ApiStore, WatchEvent } from '../api/store.ts';
import { clone, isTerminating } from '../api/meta.ts';
import { resourceForKind, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { WorkQueue } from './queue.ts';
import type { EventRecorder } from './recorder.ts';

/** No finalizers (shared, so an object without any allocates nothing). */
const NONE: readonly string[] = [];

interface Ref {
  plural: string;
  namespace?: string;
  name: string;
}

export class GarbageCollector {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly byUid = new Map<string, Ref>();
  private readonly dependents = new Map<string, Map<string, Ref>>();

  constructor(store: ApiStore, recorder: EventRecorder) {
    this.store = store;
    this.recorder = recorder;
    this.queue = new WorkQueue(store.world, 'garbage-collector', (uid) => this.process(uid));
    store.onCommit((info, e) => this.observe(info, e));
  }

  private observe(info: ResourceInfo, e: WatchEvent): void {
    const obj = e.object;
    const f = obj.metadata.finalizers ?? NONE;
    const sameOwners = e.type === 'MODIFIED' && e.oldObject?.metadata.ownerReferences === obj.metadata.ownerReferences;
    if (sameOwners && !(isTerminating(obj) && (f.includes('orphan') || f.includes('foregroundDeletion')))) return;
    const uid = String(obj.metadata.uid);
    const ref: Ref = { plural: info.plural, namespace: obj.metadata.namespace, name: String(obj.metadata.name) };
    const oldRefs = e.oldObject?.metadata.ownerReferences;
    const refs = obj.metadata.ownerReferences;
    // Most objects (Events) have no owners: no dependents key to build.
    const depKey = oldRefs?.length || refs?.length ? `${info.plural}/${obj.metadata.namespace ?? ''}/${obj.metadata.name}` : '';
    if (oldRefs) for (const r of oldRefs) this.dependents.get(r.uid)?.delete(depKey);
    if (e.type === 'DELETED') {
      this.byUid.delete(uid);
      this.queue.add(uid);
      // Owners waiting in foreground deletion re-check when a dependent goes.
      if (refs) for (const r of refs) this.queue.add(r.uid);
      return;
    }
    this.byUid.set(uid, ref);
    if (refs) for (const r of refs) {
      // Owners of kinds this cluster does not serve (DaemonSet…) are left alone.
      if (!resourceForKind(r.kind)) continue;
      let deps = this.dependents.get(r.uid);
      if (!deps) this.dependents.set(r.uid, (deps = new Map()));
      deps.set(depKey, ref);
      // A dependent whose owner is already gone (or never existed) is garbage.
      if (!this.byUid.has(r.uid)) this.queue.add(r.uid);
    }
    if (isTerminating(obj) && (f.includes('orphan') || f.includes('foregroundDeletion'))) this.queue.add(uid);
  }

  private live(ref: Ref): KubeObject | undefined {
    return this.store.tryGet(ref.plural, ref.namespace, ref.name);
  }

  private process(uid: string): void {
    const deps = [...(this.dependents.get(uid)?.values() ?? [])];
    const ownerRef = this.byUid.get(uid);
    const owner = ownerRef ? this.live(ownerRef) : undefined;
    if (owner && owner.metadata.uid === uid) {
      const fins = owner.metadata.finalizers ?? [];
      if (!isTerminating(owner)) return;
      if (fins.includes('orphan')) {
        for (const d of deps) this.dropOwner(d, uid);
        this.removeFinalizer(ownerRef!, 'orphan');
      } else if (fins.includes('foregroundDeletion')) {
        let waiting = 0;
        for (const d of deps) {
          const dep = this.live(d);
          if (!dep || !dep.metadata.ownerReferences?.some((r) => r.uid === uid)) continue;
          waiting++;
          if (!isTerminating(dep)) this.tryDelete(d, 'Foreground');
        }
        if (waiting === 0) this.removeFinalizer(ownerRef!, 'foregroundDeletion');
      }
      return;
    }
    for (const d of deps) {
      const dep = this.live(d);
      if (!dep) continue;
      const refs = dep.metadata.ownerReferences ?? [];
      if (!refs.some((r) => r.uid === uid)) continue;
      const others = refs.filter((r) => r.uid !== uid && (this.ownerExists(r.uid) || !resourceForKind(r.kind)));
      if (others.length === 0) {
        if (!isTerminating(dep)) {
          this.recorder.decision('garbage-collector', `${d.plural}/${d.namespace ?? ''}/${d.name}`, `deleting ${d.plural} ${d.name}: its owner is gone`);
          this.tryDelete(d, 'Background');
        }
      } else this.dropOwner(d, uid);
    }
  }

  private ownerExists(uid: string): boolean {
    const ref = this.byUid.get(uid);
    const o = ref && this.live(ref);
    return o !== undefined && o.metadata.uid === uid;
  }

  private tryDelete(d: Ref, policy: 'Background' | 'Foreground'): void {
    try {
      this.store.delete(d.plural, d.namespace, d.name, { propagationPolicy: policy });
    } catch {
      /* gone meanwhile */
    }
  }

  private dropOwner(d: Ref, uid: string): void {
    const dep = this.live(d);
    if (!dep) return;
    const next = clone(dep);
    next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (next.metadata.ownerReferences.length === 0) delete next.metadata.ownerReferences;
    delete next.metadata.resourceVersion;
    this.store.update(next, { system: true });
  }

  private removeFinalizer(ref: Ref, finalizer: string): void {
    const o = this.live(ref);
    if (!o) return;
    const next = clone(o);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    delete next.metadata.resourceVersion;
    this.store.update(next, { system: true });
  }
}
