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

  private bucketOf(obj: KubeObject): [Map<string, Map<string, KubeObject>>, string] {
    const ref = controllerRef(obj);
    return ref ? [this.owned, ref.uid] : [this.orphaned, obj.metadata.namespace ?? ''];
  }

  private observe(e: WatchEvent): void {
    const key = `${e.object.metadata.namespace ?? ''}/${e.object.metadata.name}`;
    if (e.oldObject) {
      const [oldIndex, oldId] = this.bucketOf(e.oldObject);
      if (e.type !== 'DELETED') {
        const [index, id] = this.bucketOf(e.object);
        // Same bucket: replace in place, keeping the object's position like the store's table.
        if (index === oldIndex && id === oldId) {
          index.get(id)?.set(key, e.object);
          return;
        }
      }
      const bucket = oldIndex.get(oldId);
      if (bucket) {
        bucket.delete(key);
        if (bucket.size === 0) oldIndex.delete(oldId);
      }
    }
    if (e.type !== 'DELETED') this.put(e.object);
  }

  private put(obj: KubeObject): void {
    const [index, id] = this.bucketOf(obj);
    let bucket = index.get(id);
    if (!bucket) index.set(id, (bucket = new Map()));
    bucket.set(`${obj.metadata.namespace ?? ''}/${obj.metadata.name}`, obj);
  }

  /** For tests: the kind this index follows. */
  get kind(): string {
    return this.plural;
  }
}
