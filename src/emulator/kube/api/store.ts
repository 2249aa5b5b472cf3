/**
 * The API store: the emulated kube-apiserver + etcd. Every read and write of cluster state goes
 * through it — kubectl, controllers, the kubelet and lab checks alike. It assigns metadata (uid,
 * resourceVersion, generation, timestamps), validates with the server's texts, applies defaults
 * and admission, keeps finalizers and graceful deletion, and notifies watchers through
 * `world.enqueue`, so watch events arrive "after" the write, like a real informer.
 *
 * Objects returned are deeply frozen snapshots; to change one, `clone()` it and `update()`.
 * Every error thrown is an `ApiError` (see errors.ts) carrying the real status reason and message.
 */
import type { World } from '../../world.ts';
import { ApiError, alreadyExists, badRequest, conflict, forbidden, invalid, notFound } from './errors.ts';
import { applyDefaults } from './defaults.ts';
import { uuidId } from './ids.ts';
import { shiftTimestamps } from './backdate.ts';
import { clone, deepFreeze, isTerminating, rfc3339, sameContent } from './meta.ts';
import { applyPatch, type PatchType } from './patch.ts';
import { checkStrict, gracePeriod, kindOf, waitsForGrace } from './request-checks.ts';
import { resolveResource, type ResourceInfo } from './resources.ts';
import { EVERYTHING, matches, matchesFields, parseFieldSelector } from './selectors.ts';
import type { ChangeHook, DeleteOptions, ListOptions, ListResult, ResourceArg, WatchEvent, WriteOptions } from './store-types.ts';
import { toSelector, Watchers } from './store-watch.ts';
import type { KubeObject } from './types.ts';
import { validateCreate, validateName, validateUpdate } from './validation.ts';

export type { ChangeHook, DeleteOptions, ListOptions, ListResult, PropagationPolicy, ResourceArg, WatchEvent, WatchEventType, WriteOptions } from './store-types.ts';

const GENERATION_KINDS = new Set(['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'EndpointSlice']);

export class ApiStore {
  readonly world: World;
  private readonly data = new Map<string, Map<string, KubeObject>>();
  private readonly watchers: Watchers;
  private readonly hooks: ChangeHook[] = [];
  private readonly admitters: ((obj: KubeObject, info: ResourceInfo) => void)[] = [];
  private rv = 0;
  /** Bumped when objects are replaced without commit hooks (backdate): indexes rebuild then. */
  epoch = 0;
  /** Writes per plural (commits and removals), for caches of what a kind's objects imply. */
  private readonly writes = new Map<string, number>();
  private readonly resolved = new Map<string, ResourceInfo>();

  constructor(world: World) {
    this.world = world;
    this.watchers = new Watchers(world);
  }

  /** The resource for a name (`po`, `pods`, `Pod`, `statefulsets.apps`) or NotFound-ish error. */
  resource(arg: ResourceArg): ResourceInfo {
    if (typeof arg !== 'string') return arg;
    const cached = this.resolved.get(arg);
    if (cached) return cached;
    const info = resolveResource(arg);
    if (info) this.resolved.set(arg, info);
    if (!info) throw new ApiError(404, 'NotFound', `the server doesn't have a resource type "${arg}"`);
    return info;
  }

  /** The cluster-wide resourceVersion, as a string (increments on every write). */
  resourceVersion(): string {
    return String(this.rv);
  }

  private table(info: ResourceInfo): Map<string, KubeObject> {
    let t = this.data.get(info.plural);
    if (!t) this.data.set(info.plural, (t = new Map()));
    return t;
  }

  private key(info: ResourceInfo, namespace: string | undefined, name: string): string {
    return info.namespaced ? `${namespace ?? 'default'}/${name}` : name;
  }

  /** The object, or undefined. */
  tryGet(resource: ResourceArg, namespace: string | undefined, name: string): KubeObject | undefined {
    const info = this.resource(resource);
    return this.table(info).get(this.key(info, namespace, name));
  }

  /**
   * The object stored under `key` — `namespace/name` as keyOf gives it for a namespaced kind, the
   * name for a cluster-scoped one — or undefined: tryGet without taking the key apart and building
   * it again.
   */
  tryGetKey(resource: ResourceArg, key: string): KubeObject | undefined {
    return this.table(this.resource(resource)).get(key);
  }

  /** The object; throws NotFound (`pods "web-0" not found`). */
  get(resource: ResourceArg, namespace: string | undefined, name: string): KubeObject {
    const info = this.resource(resource);
    const obj = this.tryGet(info, namespace, name);
    if (!obj) throw notFound(info, name);
    return obj;
  }

  /**
   * Objects of a kind, sorted by namespace then name (the API server's etcd key order).
   * Throws BadRequest for a malformed selector or an unsupported field selector.
   */
  list(resource: ResourceArg, options: ListOptions = {}): ListResult {
    const info = this.resource(resource);
    const sel = toSelector(options.labelSelector);
    const labelText = typeof options.labelSelector === 'string' ? options.labelSelector : '';
    const fields = options.fieldSelector ? parseFieldSelector(options.fieldSelector, info.kind, info.plural, info.apiVersion, labelText) : [];
    const items: KubeObject[] = [];
    const ns = info.namespaced && options.namespace ? options.namespace : undefined;
    for (const obj of this.table(info).values()) {
      if (ns !== undefined && obj.metadata.namespace !== ns) continue;
      if (sel !== EVERYTHING && !matches(sel, obj.metadata.labels)) continue;
      if (fields.length && !matchesFields(fields, obj)) continue;
      items.push(obj);
    }
    if (options.sorted !== false) items.sort(byKey);
    return { items, resourceVersion: this.resourceVersion() };
  }

  /**
   * Creates an object. Errors: NoKindMatch for unknown apiVersion/kind; BadRequest for unknown
   * fields (strict); NotFound for a missing namespace; Forbidden for a terminating namespace;
   * Invalid for validation failures; AlreadyExists.
   */
  create(input: KubeObject, options: WriteOptions & { namespace?: string } = {}): KubeObject {
    const info = kindOf(input);
    const obj = options.adopt ? input : clone(input);
    if (options.strict) checkStrict(info, obj);
    obj.apiVersion = info.apiVersion;
    obj.kind = info.kind;
    obj.metadata ??= {};
    const m = obj.metadata;
    if (info.namespaced) m.namespace = m.namespace ?? options.namespace ?? 'default';
    else delete m.namespace;
    if (!m.name && m.generateName) m.name = m.generateName + this.world.rng.string(5, 'bcdfghjklmnpqrstvwxz2456789');
    const nameErrs = validateName(info.kind, m.name);
    if (nameErrs.length) throw invalid(info, m.name ?? '', nameErrs);
    if (info.namespaced) {
      const ns = this.tryGet('namespaces', undefined, m.namespace!);
      if (!ns) throw notFound(this.resource('namespaces'), m.namespace!);
      if (isTerminating(ns)) {
        throw forbidden(info, m.name!, `unable to create new content in namespace ${m.namespace} because it is being terminated`);
      }
    }
    applyDefaults(obj, this.world.rng, info.kind === 'PersistentVolumeClaim' ? this.defaultStorageClass() : undefined);
    const errs = validateCreate(obj);
    if (errs.length) throw invalid(info, m.name!, errs);
    const key = this.key(info, m.namespace, m.name!);
    if (this.table(info).has(key)) throw alreadyExists(info, m.name!);
    if (!options.dryRun) for (let i = 0; i < this.admitters.length; i++) this.admitters[i](obj, info);
    m.uid = options.uid ?? uuidId(this.world.rng);
    m.creationTimestamp = rfc3339(options.createdAt ?? this.world.now());
    delete m.deletionTimestamp;
    delete m.deletionGracePeriodSeconds;
    delete m.resourceVersion;
    if (GENERATION_KINDS.has(info.kind)) m.generation = 1;
    else delete m.generation;
    if (options.dryRun) return deepFreeze(obj);
    return this.commit(info, key, obj, undefined);
  }

  /**
   * Replaces an object (PUT). If `metadata.resourceVersion` is set it must match (Conflict
   * otherwise). For kinds with a status subresource the stored status is kept. Removing the last
   * finalizer of a terminating object deletes it.
   */
  update(input: KubeObject, options: WriteOptions = {}): KubeObject {
    return this.replace(input, options, false, false);
  }

  /** Replaces only `.status` (PUT …/status); metadata and spec changes are ignored. */
  updateStatus(input: KubeObject, options: WriteOptions = {}): KubeObject {
    return this.replace(input, options, true, false);
  }

  /**
   * `noop`: an unchanged result is not written (no new resourceVersion, no watch event) — the API
   * server's GuaranteedUpdate skips writes whose bytes equal the stored object. Only patches ask
   * for it here (controllers' hot paths skip the comparison).
   */
  private replace(input: KubeObject, options: WriteOptions, statusOnly: boolean, noop: boolean): KubeObject {
    const info = kindOf(input);
    const name = input.metadata?.name ?? '';
    const key = this.key(info, input.metadata?.namespace, name);
    const prev = this.table(info).get(key);
    if (!prev) throw notFound(info, name);
    if (options.strict) checkStrict(info, input);
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== prev.metadata.resourceVersion) throw conflict(info, name);
    let next: KubeObject;
    if (statusOnly) {
      // Share the (frozen) spec and the rest; only metadata and status are new.
      next = { ...prev, metadata: { ...prev.metadata }, status: input.status === prev.status || options.adopt ? input.status : clone(input.status) };
    } else {
      next = options.adopt ? input : clone(input);
      next.apiVersion = info.apiVersion;
      next.kind = info.kind;
      // Identity and server-owned metadata never change through an update.
      for (const f of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'namespace', 'name', 'generation'] as const) {
        if (prev.metadata[f] === undefined) delete next.metadata[f];
        else (next.metadata as Record<string, unknown>)[f] = prev.metadata[f];
      }
      if (info.hasStatus && !options.withStatus) next.status = clone(prev.status);
      if (isTerminating(prev)) {
        const added = (next.metadata.finalizers ?? []).filter((f) => !(prev.metadata.finalizers ?? []).includes(f));
        if (added.length) throw forbidden(info, name, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`);
      }
      const errs = options.system ? [] : validateUpdate(next, prev);
      if (errs.length) throw invalid(info, name, errs);
      // Binding a pod (the scheduler's write of spec.nodeName) is a subresource: no new generation.
      const binding = info.kind === 'Pod' && options.system;
      if (GENERATION_KINDS.has(info.kind) && !binding && next.spec !== prev.spec && JSON.stringify(next.spec) !== JSON.stringify(prev.spec)) {
        next.metadata.generation = (prev.metadata.generation ?? 1) + 1;
      }
    }
    if (noop && sameContent(next, prev)) return prev;
    if (options.dryRun) return deepFreeze(next);
    if (isTerminating(next) && (next.metadata.finalizers ?? []).length === 0 && !waitsForGrace(next)) {
      return this.remove(info, key, next);
    }
    return this.commit(info, key, next, prev);
  }

  /**
   * Patches an object (`strategic`, `merge` or `json`); with `subresource: 'status'` only the
   * status changes. Errors as for update, plus BadRequest for a patch that does not apply.
   */
  patch(resource: ResourceArg, namespace: string | undefined, name: string, type: PatchType, patch: unknown, options: WriteOptions & { subresource?: 'status' } = {}): KubeObject {
    const info = this.resource(resource);
    const prev = this.get(info, namespace, name);
    const patched = applyPatch(type, clone(prev), patch) as KubeObject;
    if (!patched || typeof patched !== 'object') throw badRequest('the server rejected our request due to an error in our request');
    patched.metadata ??= {};
    if (patched.metadata.resourceVersion === undefined) patched.metadata.resourceVersion = prev.metadata.resourceVersion;
    if (options.subresource === 'status') return this.replace(patched, options, true, true);
    const next = this.replace(patched, options, false, true);
    // A patch to a status-subresource kind may not touch status; already ensured by replace.
    return next;
  }

  /**
   * Deletes an object. Pods bound to a node are deleted gracefully (deletionTimestamp set, the
   * kubelet removes them); objects with finalizers wait for them; Foreground/Orphan add the
   * `foregroundDeletion`/`orphan` finalizer for the garbage collector. Returns the object as it is
   * after the call (terminating) or as it was (removed). Errors: NotFound, Conflict (preconditions).
   */
  delete(resource: ResourceArg, namespace: string | undefined, name: string, options: DeleteOptions = {}): KubeObject {
    const info = this.resource(resource);
    const key = this.key(info, namespace, name);
    const prev = this.table(info).get(key);
    if (!prev) throw notFound(info, name);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== prev.metadata.uid) {
      throw conflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${prev.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== prev.metadata.resourceVersion) {
      throw conflict(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${prev.metadata.resourceVersion}`);
    }
    if (options.dryRun) return prev;
    const next = clone(prev);
    const m = next.metadata;
    const finalizers = [...(m.finalizers ?? [])];
    const policy = options.propagationPolicy ?? (finalizers.includes('orphan') ? 'Orphan' : 'Background');
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (policy === 'Background') {
      const i = finalizers.indexOf('orphan');
      if (i >= 0 && !isTerminating(prev)) finalizers.splice(i, 1);
    }
    const grace = gracePeriod(info, prev, options.gracePeriodSeconds);
    const now = this.world.now();
    if (info.kind === 'Namespace') {
      // NamespaceLifecycle admission keeps the system namespaces.
      if (['default', 'kube-system', 'kube-public'].includes(name)) throw forbidden(info, name, 'this namespace may not be deleted');
      if (!isTerminating(prev)) {
        m.deletionTimestamp = rfc3339(now);
        m.deletionGracePeriodSeconds = 0;
        next.status = { ...(next.status as object), phase: 'Terminating' };
        return this.commit(info, key, next, prev);
      }
      return prev;
    }
    if (grace === 0 && finalizers.length === 0) return this.remove(info, key, next);
    if (isTerminating(prev)) {
      // A second delete may shorten the grace period (e.g. --force --grace-period=0).
      const shorter = grace < (prev.metadata.deletionGracePeriodSeconds ?? Infinity);
      if (!shorter && JSON.stringify(finalizers) === JSON.stringify(prev.metadata.finalizers ?? [])) return prev;
      if (shorter) {
        m.deletionGracePeriodSeconds = grace;
        m.deletionTimestamp = rfc3339(now + grace * 1000);
      }
      m.finalizers = finalizers;
      if (grace === 0 && finalizers.length === 0) return this.remove(info, key, next);
      return this.commit(info, key, next, prev);
    }
    m.deletionTimestamp = rfc3339(now + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
    if (finalizers.length) m.finalizers = finalizers;
    if (GENERATION_KINDS.has(info.kind)) m.generation = (m.generation ?? 1) + 1;
    return this.commit(info, key, next, prev);
  }

  /**
   * Watches a kind: `handler` gets ADDED/MODIFIED/DELETED events for matching objects, each in
   * its own queued job. An object that stops matching a selector arrives as DELETED, one that
   * starts matching as ADDED (like the API server's filtered watch). Returns a stop function.
   */
  watch(resource: ResourceArg, options: ListOptions, handler: (e: WatchEvent) => void): () => void {
    return this.watchers.watch(this.resource(resource), options, handler);
  }

  /**
   * Registers an admission step run on every new object after validation (IP allocation). It
   * may change the object or throw an ApiError to reject it.
   */
  onAdmit(admit: (obj: KubeObject, info: ResourceInfo) => void): void {
    this.admitters.push(admit);
  }

  /** Registers a synchronous hook on every committed change (garbage collector, indexers). */
  onCommit(hook: ChangeHook): void {
    this.hooks.push(hook);
  }

  /** The name of the StorageClass annotated as default, if any. */
  defaultStorageClass(): string | undefined {
    for (const sc of this.table(this.resource('storageclasses')).values()) {
      if (sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true') return sc.metadata.name;
    }
    return undefined;
  }

  /**
   * A number that changes whenever an object of the kind is created, changed or removed (or the
   * store is backdated): a cache of something computed from the kind's objects stays valid while
   * it does not change.
   */
  writesOf(resource: ResourceArg): number {
    return (this.writes.get(this.resource(resource).plural) ?? 0) + this.epoch * 2 ** 32;
  }

  private commit(info: ResourceInfo, key: string, obj: KubeObject, prev: KubeObject | undefined): KubeObject {
    this.writes.set(info.plural, (this.writes.get(info.plural) ?? 0) + 1);
    obj.metadata.resourceVersion = String(++this.rv);
    deepFreeze(obj);
    this.table(info).set(key, obj);
    this.notify(info, prev ? { type: 'MODIFIED', object: obj, oldObject: prev } : { type: 'ADDED', object: obj });
    return obj;
  }

  private remove(info: ResourceInfo, key: string, last: KubeObject): KubeObject {
    const prev = this.table(info).get(key)!;
    this.table(info).delete(key);
    this.writes.set(info.plural, (this.writes.get(info.plural) ?? 0) + 1);
    const obj = clone(last);
    obj.metadata.resourceVersion = String(++this.rv);
    deepFreeze(obj);
    this.notify(info, { type: 'DELETED', object: obj, oldObject: prev });
    return obj;
  }

  /**
   * Cluster bootstrap only: moves every timestamp at or after `since` (ms) back by `shiftMs`, in
   * place and without watch events, so workloads the controllers created while the cluster booted
   * look as old as the cluster (CoreDNS, local-path-provisioner, their events).
   */
  backdate(since: number, shiftMs: number): void {
    for (const table of this.data.values()) {
      for (const [key, obj] of table) {
        const next = shiftTimestamps(obj, since, shiftMs) as KubeObject;
        if (next !== obj) table.set(key, deepFreeze(next));
      }
    }
    this.epoch++;
  }

  /** Removes a terminating object whose finalizers are done (used by the kubelet and GC). */
  finalize(resource: ResourceArg, namespace: string | undefined, name: string): void {
    const info = this.resource(resource);
    const key = this.key(info, namespace, name);
    const obj = this.table(info).get(key);
    if (obj && (obj.metadata.finalizers ?? []).length === 0) this.remove(info, key, obj);
  }

  private notify(info: ResourceInfo, event: WatchEvent): void {
    const hooks = this.hooks;
    for (let i = 0; i < hooks.length; i++) hooks[i](info, event);
    this.watchers.deliver(info, event);
  }
}

function byKey(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
