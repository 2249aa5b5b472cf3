/**
 * An informer-style index of one kind's objects by their controller (owner reference with
 * `controller: true`), kept in step with the store through its synchronous commit hook. Workload
 * controllers read "the pods this set owns" and "the orphans in this namespace" from it instead
 * of scanning every object of the kind on each sync (upstream uses an informer cache with
 * indexers for the same purpose).
 *
 * Within a bucket, objects keep the store's own order (insertion order of their keys; an update
 * keeps the object's place), so a controller sees them in the order a filtered scan would give.
 */
import type { ApiStore, WatchEvent } from '../api/store.ts';
import { controllerRef } from '../api/meta.ts';
import type { KubeObject } from '../api/types.ts';

const NONE: ReadonlyMap<string, KubeObject> = new Map();

/** The indexes `OwnerIndex.shared` handed out, per store and kind. */
const sharedIndexes = new WeakMap<ApiStore, Map<string, OwnerIndex>>();

export class OwnerIndex {
  private readonly plural: string;
  private readonly store: ApiStore;
  /** The store epoch the buckets were built at (backdate replaces objects without hooks). */
  private epoch: number;
  /** controller uid → object key → object */
  private readonly owned = new Map<string, Map<string, KubeObject>>();
  /** namespace → object key → object without a controller */
  private readonly orphaned = new Map<string, Map<string, KubeObject>>();

  /** Indexes `plural` (e.g. 'pods'): the objects already stored, then every committed change. */
  constructor(store: ApiStore, plural: string) {
    this.plural = plural;
    this.store = store;
    this.epoch = store.epoch;
    this.rebuild();
    store.onCommit((info, e) => {
      if (info.plural === plural) this.observe(e);
    });
  }

  /**
   * The one index of `plural` for `store`, made on first use: controllers that read the same kind
   * (the Deployment and StatefulSet controllers, pods) share it instead of each following every
   * write. Its contents are the same as a private index's.
   */
  static shared(store: ApiStore, plural: string): OwnerIndex {
    let byKind = sharedIndexes.get(store);
    if (!byKind) sharedIndexes.set(store, (byKind = new Map()));
    let index = byKind.get(plural);
    if (!index) byKind.set(plural, (index = new OwnerIndex(store, plural)));
    return index;
  }

  /** The objects whose controller has `uid` (live view: do not hold across writes). */
  ownedBy(uid: string | undefined): ReadonlyMap<string, KubeObject> {
    if (this.epoch !== this.store.epoch) this.rebuild();
    return (uid !== undefined && this.owned.get(uid)) || NONE;
  }

  /** The objects in `namespace` without a controller (live view). */
  orphansIn(namespace: string | undefined): ReadonlyMap<string, KubeObject> {
    if (this.epoch !== this.store.epoch) this.rebuild();
    return this.orphaned.get(namespace ?? '') ?? NONE;
  }

  private rebuild(): void {
    this.epoch = this.store.epoch;
    this.owned.clear();
    this.orphaned.clear();
    for (const obj of this.store.list(this.plural, { sorted: false }).items) this.put(obj);
  }

  /** The index holding `obj`: by controller uid, or (orphans) by namespace. */
  private indexOf(obj: KubeObject): Map<string, Map<string, KubeObject>> {
    return controllerRef(obj) ? this.owned : this.orphaned;
  }

  /** Its bucket's id in that index. */
  private idOf(obj: KubeObject): string {
    return controllerRef(obj)?.uid ?? obj.metadata.namespace ?? '';
  }

  private observe(e: WatchEvent): void {
    const obj = e.object;
    const old = e.oldObject;
    const key = `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
    if (old) {
      const oldIndex = this.indexOf(old);
      const oldId = this.idOf(old);
      if (e.type !== 'DELETED') {
        // Same bucket (always when the owners are the same list, as after a status write): replace
        // in place, keeping the object's position like the store's table.
        const same = old.metadata.ownerReferences === obj.metadata.ownerReferences && old.metadata.namespace === obj.metadata.namespace;
        if (same || (this.indexOf(obj) === oldIndex && this.idOf(obj) === oldId)) {
          oldIndex.get(oldId)?.set(key, obj);
          return;
        }
      }
      const bucket = oldIndex.get(oldId);
      if (bucket) {
        bucket.delete(key);
        if (bucket.size === 0) oldIndex.delete(oldId);
      }
    }
    if (e.type !== 'DELETED') this.put(obj);
  }

  private put(obj: KubeObject): void {
    const index = this.indexOf(obj);
    const id = this.idOf(obj);
    let bucket = index.get(id);
    if (!bucket) index.set(id, (bucket = new Map()));
    bucket.set(`${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, obj);
  }

  /** For tests: the kind this index follows. */
  get kind(): string {
    return this.plural;
  }
}
