/**
 * Deployment helpers (upstream `pkg/controller/deployment/util`): the pod-template-hash, revision
 * annotations, maxSurge/maxUnavailable resolution, and the revision history kubectl's `rollout
 * history`/`undo` read.
 */
import type { ApiStore } from '../../api/store.ts';
import { clone, isControlledByUid } from './owner.ts';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types.ts';
import { fnv32a, safeEncode, stableJson } from '../statefulset/revision.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** controller.ComputeHash: the safe-encoded FNV-32a of the template (and collision count). */
export function templateHash(t: PodTemplateSpec, collisionCount = 0): string {
  return safeEncode(fnv32a(stableJson(t) + (collisionCount ? String(collisionCount) : '')));
}

/** A template without the pod-template-hash label, for comparing a ReplicaSet's to the Deployment's. */
export function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const c = clone(t);
  if (c.metadata?.labels) {
    delete c.metadata.labels[HASH_LABEL];
  }
  return c;
}

/** Whether the ReplicaSet runs the Deployment's current template. */
export function equalTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return comparable(a) === comparable(b);
}

const comparableJson = new WeakMap<object, string>();

/** stableJson of the template without its hash label, kept per (frozen) template object. */
function comparable(t: PodTemplateSpec): string {
  let j = comparableJson.get(t);
  if (j === undefined) {
    j = stableJson(withoutHash(t));
    if (Object.isFrozen(t)) comparableJson.set(t, j);
  }
  return j;
}

/** The revision number of a ReplicaSet (0 when unset). */
export function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

/** Resolves an int-or-percent against `total` (percent rounded up for surge, down for unavailable). */
export function resolveIntOrPercent(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number(v);
}

/** maxSurge and maxUnavailable of a RollingUpdate deployment (both 0 is turned into 1 unavailable). */
export function surgeAndUnavailable(d: Deployment): { surge: number; unavailable: number } {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate ?? {};
  const surge = resolveIntOrPercent(ru.maxSurge ?? '25%', replicas, true);
  let unavailable = resolveIntOrPercent(ru.maxUnavailable ?? '25%', replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, replicas) };
}

/** The Deployment's ReplicaSets, oldest revision first (for `kubectl rollout history`). */
export function replicaSetsOf(store: ApiStore, d: Deployment): ReplicaSet[] {
  return (store.list('replicasets', { namespace: d.metadata.namespace }).items as ReplicaSet[])
    .filter((rs) => isControlledByUid(rs, d.metadata.uid))
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}
