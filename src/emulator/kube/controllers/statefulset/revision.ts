/**
 * ControllerRevisions of a StatefulSet (upstream `history` + `stateful_set_utils.go`): the
 * template is snapshotted as a patch, hashed with FNV-32a (like controller.ComputeHash) and named
 * `<set>-<hash>`; pods carry the name in `controller-revision-hash`.
 */
import type { KubeObject, StatefulSet } from '../../api/types.ts';
import { clone, deepFreeze, newControllerRef } from '../../api/meta.ts';

export interface ControllerRevision extends KubeObject {
  data: { spec: { template: unknown } };
  revision: number;
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString of the decimal hash, as Kubernetes names revisions and pod-template-hashes. */
export function safeEncode(n: number): string {
  return [...String(n >>> 0)].map((ch) => SAFE[ch.charCodeAt(0) % SAFE.length]).join('');
}

/** FNV-32a over a string. */
export function fnv32a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Stable JSON (sorted keys) so equal templates hash equally. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(',')}}`;
}

/** The patch a revision stores: the set's template with `$patch: replace`. */
export function getPatch(set: StatefulSet): { spec: { template: unknown } } {
  return { spec: { template: { ...clone(set.spec.template), $patch: 'replace' } } };
}

const dataJson = new WeakMap<object, string>();
const patches = new WeakMap<object, { json: string; data: { spec: { template: unknown } } }>();

/** A new revision object (not yet stored) for the set's current template. */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  // The patch and its JSON are kept per (frozen) template: a sync per pod event must not re-copy it.
  let p = patches.get(set.spec.template);
  if (!p) {
    const data = getPatch(set);
    p = { json: stableJson(data), data };
    if (Object.isFrozen(set.spec.template)) patches.set(set.spec.template, p);
    dataJson.set(data, p.json);
  }
  const data = p.data;
  const hash = safeEncode(fnv32a(p.json + (collisionCount ? String(collisionCount) : '')));
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${set.metadata.name}-${hash}`,
      namespace: set.metadata.namespace,
      labels: { ...(set.spec.template.metadata?.labels ?? {}), 'controller.kubernetes.io/hash': hash },
      ownerReferences: [newControllerRef(set)],
    },
    data,
    revision,
  };
}

/** Whether two revisions hold the same template. */
function jsonOfData(r: ControllerRevision): string {
  let j = dataJson.get(r.data);
  if (j === undefined) {
    j = stableJson(r.data);
    if (Object.isFrozen(r.data)) dataJson.set(r.data, j);
  }
  return j;
}

export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return jsonOfData(a) === jsonOfData(b);
}

const applied = new WeakMap<object, WeakMap<object, StatefulSet>>();
const revisionTemplates = new WeakMap<object, unknown>();

/** The set as of a revision: its template replaced by the revision's (do not modify the result). */
export function applyRevision(set: StatefulSet, rev: ControllerRevision): StatefulSet {
  let bySet = applied.get(set);
  const hit = bySet?.get(rev);
  if (hit) return hit;
  // The template copy is kept per (frozen) revision: the set object changes with every status write.
  let t = revisionTemplates.get(rev) as Record<string, unknown> | undefined;
  if (!t) {
    t = clone(rev.data.spec.template) as Record<string, unknown>;
    delete t.$patch;
    // Frozen like a stored template: pods built from it may share its parts.
    deepFreeze(t);
    if (Object.isFrozen(rev)) revisionTemplates.set(rev, t);
  }
  const out: StatefulSet = { ...set, spec: { ...set.spec, template: t as unknown as StatefulSet['spec']['template'] } };
  if (Object.isFrozen(set) && Object.isFrozen(rev)) {
    if (!bySet) applied.set(set, (bySet = new WeakMap()));
    bySet.set(rev, out);
  }
  return out;
}
