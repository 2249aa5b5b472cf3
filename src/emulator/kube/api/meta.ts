/** Small helpers over object metadata: timestamps, copying, freezing, keys and owners. */
import type { KubeObject, OwnerReference } from './types.ts';

// The two seconds formatted last (a pod's status writes `now` and its start time, often apart).
let lastSecond = NaN;
let lastText = '';
let prevSecond = NaN;
let prevText = '';

/** RFC 3339 with seconds precision, as the API server writes timestamps: `2026-11-29T10:00:00Z`. */
export function rfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec === lastSecond) return lastText;
  if (sec === prevSecond) return prevText;
  prevSecond = lastSecond;
  prevText = lastText;
  lastSecond = sec;
  lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  return lastText;
}

/** Parses an RFC 3339 timestamp to ms since the epoch. */
export function parseTime(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A deep, mutable copy of a (possibly frozen) JSON-shaped object: exactly what
 * `JSON.parse(JSON.stringify(obj))` gives (keys with undefined or function values dropped, such
 * array items and non-finite numbers turned into null, key order kept), built directly. A part
 * that is not plain data (a class instance, `toJSON`, a bigint) takes the JSON round trip, with
 * its errors.
 */
export function clone<T>(obj: T): T {
  if (obj === undefined) return obj;
  if (typeof obj !== 'object' || obj === null) return JSON.parse(JSON.stringify(obj)) as T;
  return copyValue(obj) as T;
}

const OBJECT_PROTO = Object.prototype;

/** The JSON copy of an object or array (never undefined for those). */
function copyValue(v: object): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = copyItem(v[i]);
      out[i] = x === undefined ? null : x;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if ((proto !== OBJECT_PROTO && proto !== null) || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.parse(JSON.stringify(v));
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = copyItem((v as Record<string, unknown>)[k]);
    if (x !== undefined) out[k] = x;
  }
  return out;
}

/** The JSON copy of one value; undefined where JSON would drop it. */
function copyItem(x: unknown): unknown {
  switch (typeof x) {
    case 'string':
    case 'boolean':
      return x;
    case 'number':
      return Number.isFinite(x) ? (x === 0 ? 0 : x) : null;
    case 'object':
      return x === null ? null : copyValue(x);
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      return JSON.parse(JSON.stringify(x)); // bigint: JSON's TypeError
  }
}

/**
 * Freezes `obj` and everything inside it, so stored objects cannot be changed by accident. A part
 * that is already frozen is not walked again: copy-on-write versions share their unchanged (frozen)
 * parts with the previous version, so only what is new gets frozen.
 */
export function deepFreeze<T>(obj: T): T {
  if (obj === null || typeof obj !== 'object' || Object.isFrozen(obj)) return obj;
  freezeTree(obj);
  return obj;
}

/**
 * Freezes a not yet frozen object and its not yet frozen parts (primitives need no call). The
 * parts go first: walking an object before it is frozen is cheaper in V8 than after. Stored
 * objects are JSON data (trees), so the walk cannot loop.
 */
function freezeTree(obj: object): void {
  if (Array.isArray(obj)) {
    for (let i = 0; i < obj.length; i++) {
      const v: unknown = obj[i];
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v);
    }
  } else {
    for (const k in obj) {
      const v = (obj as Record<string, unknown>)[k];
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeTree(v);
    }
  }
  Object.freeze(obj);
}

/**
 * Whether `JSON.stringify(a) === JSON.stringify(b)` (key order counts), without building the
 * strings: plain objects and arrays are compared part by part; anything else takes the round trip.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || !isPlainData(a) || !isPlainData(b)) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(asArrayItem(a[i]), asArrayItem(b[i]))) return false;
    return true;
  }
  const ka = jsonKeys(a as Record<string, unknown>);
  const kb = jsonKeys(b as Record<string, unknown>);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

function isPlainData(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (proto === OBJECT_PROTO || proto === null || proto === Array.prototype) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether JSON drops a property with this value. */
function dropped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** An array item as JSON writes it: undefined, functions and symbols become null. */
function asArrayItem(v: unknown): unknown {
  return dropped(v) ? null : v;
}

/** The keys JSON.stringify writes, in its order. */
function jsonKeys(o: Record<string, unknown>): string[] {
  const keys = Object.keys(o);
  for (let i = 0; i < keys.length; i++) if (dropped(o[keys[i]])) return keys.filter((k) => !dropped(o[k]));
  return keys;
}

/** Whether two versions of an object are equal apart from resourceVersion (key order ignored). */
export function sameContent(a: KubeObject, b: KubeObject): boolean {
  return deepEqual({ ...a, metadata: { ...a.metadata, resourceVersion: '' } }, { ...b, metadata: { ...b.metadata, resourceVersion: '' } });
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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
