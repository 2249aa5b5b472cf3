/**
 * StatefulSet history (upstream `stateful_set_control.go` getStatefulSetRevisions and
 * truncateHistory): ControllerRevisions of a set's templates, the current and update revision,
 * and pruning beyond revisionHistoryLimit.
 */
import type { ApiStore } from '../../api/store.ts';
import { clone, controllerRef, isTerminating, newControllerRef } from '../../api/meta.ts';
import { fromLabelSelector, matches } from '../../api/selectors.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { equalRevision, newRevision, type ControllerRevision } from './revision.ts';
import { getPodRevision, isControlledBy } from './utils.ts';

/** The set's revisions: the current and update ones, the collision count, all of them. */
export interface Revisions {
current: ControllerRevision;
update: ControllerRevision;
collisionCount: number;
revisions: ControllerRevision[];
}

interface Known {
  writes: number;
  uid: string | undefined;
  name: string | undefined;
  namespace: string | undefined;
  terminating: boolean;
  collisionCount: number | undefined;
  currentRevision: string | undefined;
  result: Revisions;
}

/** The last answer per set spec (shared by the set's versions until the spec changes). */
const known = new WeakMap<object, Known>();

/**
 * upstream getStatefulSetRevisions: find or create the update revision, find the current one;
 * orphaned revisions the set selects are adopted. Store errors (Conflict…) propagate. The answer
 * is kept per set spec while no ControllerRevision is written and the set's identity, deletion and
 * status revisions stay the same: everything it is computed from (do not modify the result).
 */
export function getRevisions(store: ApiStore, set: StatefulSet): Revisions {
  const writes = store.writesOf('controllerrevisions');
  const k = known.get(set.spec);
  const m = set.metadata;
  if (
    k !== undefined &&
    k.writes === writes &&
    k.uid === m.uid &&
    k.name === m.name &&
    k.namespace === m.namespace &&
    k.terminating === isTerminating(set) &&
    k.collisionCount === set.status?.collisionCount &&
    k.currentRevision === set.status?.currentRevision
  ) {
    return k.result;
  }
  const result = computeRevisions(store, set);
  if (store.writesOf('controllerrevisions') === writes && Object.isFrozen(set.spec)) {
    known.set(set.spec, { writes, uid: m.uid, name: m.name, namespace: m.namespace, terminating: isTerminating(set), collisionCount: set.status?.collisionCount, currentRevision: set.status?.currentRevision, result });
  }
  return result;
}

function computeRevisions(store: ApiStore, set: StatefulSet): Revisions {
  const revisions: ControllerRevision[] = [];
  const selector = fromLabelSelector(set.spec.selector);
  for (const r of store.list('controllerrevisions', { namespace: set.metadata.namespace }).items as ControllerRevision[]) {
    if (isControlledBy(r, set.metadata.uid)) revisions.push(r);
    else if (!controllerRef(r) && !isTerminating(set) && matches(selector, r.metadata.labels)) {
      // Adopt orphaned history (after `kubectl delete sts --cascade=orphan`), like ClaimControllerRevisions.
      const adopted = clone(r);
      adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), newControllerRef(set)];
      revisions.push(store.update(adopted, { system: true }) as ControllerRevision);
    }
  }
  revisions.sort((a, b) => a.revision - b.revision || (String(a.metadata.name) < String(b.metadata.name) ? -1 : 1));
  let collisionCount = set.status?.collisionCount ?? 0;
  const next = revisions.length ? revisions[revisions.length - 1].revision + 1 : 1;
  let update = newRevision(set, next, collisionCount);
  const equal = revisions.filter((r) => equalRevision(r, update));
  if (equal.length && equal[equal.length - 1] === revisions[revisions.length - 1]) {
    update = equal[equal.length - 1];
  } else if (equal.length) {
    // A rollback to an older template: bump that revision's number.
    const r = clone(equal[equal.length - 1]);
    r.revision = next;
    update = store.update(r, { system: true }) as ControllerRevision;
  } else {
    for (;;) {
      const existing = store.tryGet('controllerrevisions', set.metadata.namespace, String(update.metadata.name)) as ControllerRevision | undefined;
      if (!existing) {
        update = store.create(update) as ControllerRevision;
        break;
      }
      if (equalRevision(existing, update) && isControlledBy(existing, set.metadata.uid)) {
        update = existing;
        break;
      }
      collisionCount++;
      update = newRevision(set, next, collisionCount);
    }
  }
  const all = [...revisions.filter((r) => r.metadata.name !== update.metadata.name), update];
  const current = all.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount, revisions: all };
}

/**
 * Deletes revisions beyond revisionHistoryLimit that no pod and neither status revision uses
 * (`pods` is only asked for when the history is over the limit). Never throws for a revision
 * already gone.
 */
export function truncateHistory(store: ApiStore, set: StatefulSet, pods: () => Pod[], revisions: ControllerRevision[], current: ControllerRevision, update: ControllerRevision): void {
  // Nothing to do while the history is within the limit (plus the two live revisions).
  if (revisions.length <= (set.spec.revisionHistoryLimit ?? 10) + 2) return;
  const live = new Set([current.metadata.name, update.metadata.name, ...pods().map(getPodRevision)]);
  const history = revisions.filter((r) => !live.has(String(r.metadata.name))).sort((a, b) => a.revision - b.revision);
  const limit = set.spec.revisionHistoryLimit ?? 10;
  for (const r of history.slice(0, Math.max(0, history.length - limit))) {
    try {
      store.delete('controllerrevisions', r.metadata.namespace, String(r.metadata.name));
    } catch {
      /* already gone */
    }
  }
}
