/** Small helpers over object metadata: timestamps, copying, freezing, keys and owners. */
import type { KubeObject, OwnerReference } from './types.ts';

/** RFC 3339 with seconds precision, as the API server writes timestamps: `2026-11-29T10:00:00Z`. */
let lastSecond = NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastSecond) {
    lastSecond = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

/** Parses an RFC 3339 timestamp to ms since the epoch. */
export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** A deep, mutable copy of a (possibly frozen) JSON-shaped object. */
export function clone<T>(obj: T): T {
  return obj === undefined ? obj : (JSON.parse(JSON.stringify(obj)) as T);
}

/** Freezes `obj` and everything inside it, so stored objects cannot be changed by accident. */
export function deepFreeze<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || Object.isFrozen(obj)) return obj;
  Object.freeze(obj);
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) deepFreeze(obj[i]);
  } else {
    for (const k in obj) deepFreeze((obj as Record<string, unknown>)[k]);
  }
  return obj;
}

/** `namespace/name`, or `name` for cluster-scoped objects: the key of informer caches. */
export function keyOf(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : String(obj.metadata.name);
}

/** The owner reference with `controller: true`, if any. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (!refs) return undefined;
  for (let i = 0; i < refs.length; i++) if (refs[i].controller === true) return refs[i];
  return undefined;
}

/** An owner reference to `owner` marked as its controller (as controllers set on what they create). */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: String(owner.metadata.name),
    uid: String(owner.metadata.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether the object is being deleted (has a deletionTimestamp). */
export function isTerminating(obj: KubeObject): boolean {
  return obj.metadata.deletionTimestamp !== undefined && obj.metadata.deletionTimestamp !== null;
}
