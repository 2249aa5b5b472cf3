/**
 * The three patch types of `kubectl patch --type`: JSON merge patch (RFC 7386), JSON patch
 * (RFC 6902) and strategic merge patch (lists of known kinds merged by key, `$patch` directives),
 * following k8s.io/apimachinery `pkg/util/strategicpatch`. All functions return new values and
 * never change their inputs. Errors are ApiError BadRequest with the server's wording.
 */
import { badRequest } from './errors.ts';

export type PatchType = 'strategic' | 'merge' | 'json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 7386: objects merge recursively, `null` deletes, everything else (lists too) replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v) as Json;
  }
  return out;
}

/** Merge keys of the strategic merge patch, by field name (the Go struct tags `patchMergeKey`). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  addresses: 'type',
  taints: 'key',
};

/** Lists of primitives that merge as sets (`patchStrategy:"merge"`). */
const MERGE_PRIMITIVE_LISTS = new Set(['finalizers']);

/** Port lists merge on `containerPort` in containers and on `port` in Services. */
function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports') {
    const sample = items.find(isObject);
    if (sample && 'containerPort' in sample) return 'containerPort';
    return 'port';
  }
  return MERGE_KEYS[field];
}

/** Strategic merge: like merge patch, but known lists merge element-wise by their merge key. */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const rest = { ...patch };
    delete rest.$patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const cur = out[field];
      if (Array.isArray(cur) && Array.isArray(v)) out[field] = cur.filter((x) => !v.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (Array.isArray(v)) {
      out[k] = mergeList(k, Array.isArray(cur) ? cur : [], v);
      continue;
    }
    const merged = strategicMergePatch(cur, v);
    if (merged === undefined) delete out[k];
    else out[k] = merged as Json;
  }
  return out;
}

function mergeList(field: string, cur: Json[], patch: Json[]): Json[] {
  if (MERGE_PRIMITIVE_LISTS.has(field)) {
    const out = [...cur];
    for (const p of patch) if (!out.includes(p)) out.push(p);
    return out;
  }
  const key = mergeKeyFor(field, [...patch, ...cur]);
  if (!key || !patch.every(isObject)) return patch;
  if (patch.some((p) => isObject(p) && p.$patch === 'replace')) {
    return patch.filter((p) => !(isObject(p) && p.$patch === 'replace'));
  }
  const out = [...cur];
  for (const p of patch as JsonObject[]) {
    const idx = out.findIndex((c) => isObject(c) && c[key] === p[key]);
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = strategicMergePatch(out[idx], p) as Json;
    else out.push(strategicMergePatch({}, p) as Json);
  }
  return out;
}

interface JsonPatchOp {
  op: string;
  path: string;
  from?: string;
  value?: Json;
}

function parsePointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request`);
  return path
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: Json, tokens: string[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[Number(t)];
    else if (isObject(cur)) cur = Object.hasOwn(cur, t) ? cur[t] : undefined;
    else return undefined;
  }
  return cur;
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/**
 * RFC 6902 (add, remove, replace, move, copy, test). A failed operation throws the server's
 * wording, e.g. `jsonpatch remove operation does not apply: doc is missing path: "/spec/foo"`.
 */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal object into Go value of type jsonpatch.Patch`);
  let doc = clone(target) as Json;
  for (const raw of ops as JsonPatchOp[]) {
    const tokens = parsePointer(raw.path ?? '');
    const missing = () => badRequest(`jsonpatch ${raw.op} operation does not apply: doc is missing path: "${raw.path}"`);
    switch (raw.op) {
      case 'add':
      case 'replace': {
        if (raw.op === 'replace' && getAt(doc, tokens) === undefined) {
          throw badRequest(`jsonpatch replace operation does not apply: doc is missing key: ${raw.path}`);
        }
        doc = setAt(doc, tokens, clone(raw.value ?? null), raw.op === 'add', missing);
        break;
      }
      case 'remove':
        if (getAt(doc, tokens) === undefined) throw missing();
        doc = removeAt(doc, tokens);
        break;
      case 'move':
      case 'copy': {
        const from = parsePointer(raw.from ?? '');
        const v = getAt(doc, from);
        if (v === undefined) throw badRequest(`jsonpatch ${raw.op} operation does not apply: doc is missing from path: "${raw.from}"`);
        if (raw.op === 'move') doc = removeAt(doc, from);
        doc = setAt(doc, tokens, clone(v), true, missing);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, tokens)) !== JSON.stringify(raw.value)) {
          throw badRequest(`testing value ${raw.path} failed: test failed`);
        }
        break;
      default:
        throw badRequest(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}

function setAt(doc: Json, tokens: string[], value: Json, insert: boolean, missing: () => Error): Json {
  if (tokens.length === 0) return value;
  const parent = getAt(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    const idx = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) throw missing();
    if (insert) parent.splice(idx, 0, value);
    else parent[idx] = value;
  } else if (isObject(parent)) parent[last] = value;
  else throw missing();
  return doc;
}

function removeAt(doc: Json, tokens: string[]): Json {
  const parent = getAt(doc, tokens.slice(0, -1));
  const last = tokens[tokens.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (isObject(parent)) delete parent[last];
  return doc;
}

/** Applies a patch of `type` to `target` and returns the new document. */
export function applyPatch(type: PatchType, target: unknown, patch: unknown): unknown {
  if (type === 'json') return jsonPatch(target, patch);
  if (type === 'merge') return mergePatch(target, patch);
  return strategicMergePatch(target, patch);
}
