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
import { ApiError, alreadyExists, badRequest, conflict, forbidden, invalid, noKindMatch, notFound } from './errors.ts';
import { applyDefaults } from './defaults.ts';
import { uuidId } from './ids.ts';
import { clone, deepFreeze, isTerminating, rfc3339 } from './meta.ts';
import { applyPatch, type PatchType } from './patch.ts';
import { resolveResource, resourceFor, resourceForKind, type ResourceInfo } from './resources.ts';
import { unknownFields } from './schema.ts';
import { EVERYTHING, fromLabelSelector, matches, matchesFields, parseFieldSelector, parseLabelSelector, type FieldRequirement, type Selector } from './selectors.ts';
import type { KubeObject, LabelSelector } from './types.ts';
import { validateCreate, validateName, validateUpdate } from './validation.ts';

export type ResourceArg = ResourceInfo | string;

export interface ListOptions {
  /** Omit (or '') for all namespaces; ignored for cluster-scoped kinds. */
  namespace?: string;
  /** `a=b,c!=d,e in (x,y),!f`, a parsed Selector, or a workload's LabelSelector object. */
  labelSelector?: string | Selector | LabelSelector;
  /** `metadata.name=web-0,status.phase=Running` */
  fieldSelector?: string;
  /** Sort by namespace/name like the API server. Controllers that do not care pass false. @default true */
  sorted?: boolean;
}

export interface WriteOptions {
  /** Validate and default, but store nothing (`--dry-run=server`). */
  dryRun?: boolean;
  /** Reject unknown fields (`kubectl apply` default, fieldValidation=Strict). @default false */
  strict?: boolean;
  /** Controllers' writes: skip immutability checks that the real server lifts for them (binding, volumeName). */
  system?: boolean;
  /** Cluster bootstrap only: backdate creationTimestamp (ms since the epoch). */
  createdAt?: number;
  /** Cluster bootstrap only: a fixed uid (objects added later must not shift the seeded UIDs). */
  uid?: string;
  /**
   * The caller hands the object over (it built it and will not touch it again), so the store
   * keeps it instead of copying. For controllers' hot paths. @default false
   */
  adopt?: boolean;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  /** Seconds before the object is removed; pods default to spec.terminationGracePeriodSeconds. */
  gracePeriodSeconds?: number;
  /** @default 'Background' */
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
  /** Only delete if the object still has this uid / resourceVersion (Conflict otherwise). */
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** The previous state, for MODIFIED and DELETED. */
  oldObject?: KubeObject;
}

export interface ListResult {
  items: KubeObject[];
  /** The store's resourceVersion at the time of the list. */
  resourceVersion: string;
}

/** Internal listener called synchronously on every committed change (used by the garbage collector). */
export type ChangeHook = (info: ResourceInfo, event: WatchEvent) => void;

interface Watcher {
  plural: string;
  namespace?: string;
  selector: Selector;
  fields: FieldRequirement[];
  handler: (e: WatchEvent) => void;
  stopped: boolean;
}

interface WatcherList {
  all: Watcher[];
  /** No watcher filters by namespace, labels or fields. */
  unfiltered: boolean;
}

const GENERATION_KINDS = new Set(['Pod', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'EndpointSlice']);

export class ApiStore {
  readonly world: World;
  private readonly data = new Map<string, Map<string, KubeObject>>();
  /** Watchers per plural, in registration order; each list is replaced (never changed) on watch/stop. */
  private readonly watchers = new Map<string, WatcherList>();
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
    const info = this.infoFor(input);
    const obj = options.adopt ? input : clone(input);
    if (options.strict) this.checkStrict(info, obj);
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
    const info = this.infoFor(input);
    const name = input.metadata?.name ?? '';
    const key = this.key(info, input.metadata?.namespace, name);
    const prev = this.table(info).get(key);
    if (!prev) throw notFound(info, name);
    if (options.strict) this.checkStrict(info, input);
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
      if (info.hasStatus) next.status = clone(prev.status);
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
    if (isTerminating(next) && (next.metadata.finalizers ?? []).length === 0 && !this.waitsForGrace(next)) {
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
    const grace = this.gracePeriod(info, prev, options.gracePeriodSeconds);
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
    const info = this.resource(resource);
    const w: Watcher = {
      plural: info.plural,
      namespace: info.namespaced && options.namespace ? options.namespace : undefined,
      selector: toSelector(options.labelSelector),
      fields: options.fieldSelector ? parseFieldSelector(options.fieldSelector, info.kind, info.plural, info.apiVersion) : [],
      handler,
      stopped: false,
    };
    const plural = info.plural;
    this.setWatchers(plural, [...(this.watchers.get(plural)?.all ?? []), w]);
    return () => {
      if (w.stopped) return;
      w.stopped = true;
      this.setWatchers(plural, (this.watchers.get(plural)?.all ?? []).filter((x) => x !== w));
    };
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

  private infoFor(obj: KubeObject): ResourceInfo {
    if (!obj || typeof obj !== 'object') throw badRequest('Object \'Kind\' is missing in \'null\'');
    if (!obj.kind) throw badRequest(`Object 'Kind' is missing in '${JSON.stringify(obj)}'`);
    const info = resourceFor(obj.apiVersion, obj.kind) ?? (obj.apiVersion ? undefined : resourceForKind(obj.kind));
    if (!info) throw noKindMatch(obj.apiVersion, obj.kind);
    return info;
  }

  private checkStrict(info: ResourceInfo, obj: KubeObject): void {
    const unknown = unknownFields(info.kind, obj);
    if (unknown.length) {
      throw badRequest(
        `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      );
    }
  }

  private gracePeriod(info: ResourceInfo, obj: KubeObject, requested: number | undefined): number {
    if (info.kind !== 'Pod') return 0;
    const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    // Unscheduled or finished pods go at once (pkg/registry/core/pod/strategy.go CheckGracefulDelete).
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const g = requested ?? spec.terminationGracePeriodSeconds ?? 30;
    // The API server turns a requested 0 without --force into 1 second; kubectl sends 1 for --now.
    return Math.max(0, g);
  }

  private waitsForGrace(obj: KubeObject): boolean {
    return obj.kind === 'Pod' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
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
    // Copy-on-write: a part without a timestamp to move is kept as it is (same frozen object).
    const shift = (v: unknown): unknown => {
      if (typeof v === 'string') {
        if (!TIMESTAMP.test(v)) return v;
        const ms = Date.parse(v);
        return ms >= since ? rfc3339(ms - shiftMs) : v;
      }
      if (Array.isArray(v)) {
        let out: unknown[] | undefined;
        for (let i = 0; i < v.length; i++) {
          const x = shift(v[i]);
          if (x !== v[i]) (out ??= v.slice())[i] = x;
        }
        return out ?? v;
      }
      if (v && typeof v === 'object') {
        let out: Record<string, unknown> | undefined;
        for (const k in v) {
          const old = (v as Record<string, unknown>)[k];
          const x = shift(old);
          if (x !== old) (out ??= { ...(v as Record<string, unknown>) })[k] = x;
        }
        return out ?? v;
      }
      return v;
    };
    for (const table of this.data.values()) {
      for (const [key, obj] of table) {
        const next = shift(obj) as KubeObject;
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

  private setWatchers(plural: string, all: Watcher[]): void {
    this.watchers.set(plural, { all, unfiltered: all.every((w) => w.namespace === undefined && w.selector === EVERYTHING && w.fields.length === 0) });
  }

  private notify(info: ResourceInfo, event: WatchEvent): void {
    const hooks = this.hooks;
    for (let i = 0; i < hooks.length; i++) hooks[i](info, event);
    const list = this.watchers.get(info.plural);
    if (!list || list.all.length === 0) return;
    // One queued job delivers to every interested watcher in registration order: the world's
    // queue is FIFO, so this runs the handlers exactly when one job per watcher would.
    if (list.unfiltered) {
      // Every watcher sees every object: each gets the event itself (the list is never changed).
      const all = list.all;
      this.world.enqueue(() => {
        for (let i = 0; i < all.length; i++) if (!all[i].stopped) all[i].handler(event);
      });
      return;
    }
    const targets: Watcher[] = [];
    const events: WatchEvent[] = [];
    for (let i = 0; i < list.all.length; i++) {
      const w = list.all[i];
      const now = event.type !== 'DELETED' && this.watcherMatches(w, event.object);
      const before = event.oldObject !== undefined && event.type !== 'ADDED' && this.watcherMatches(w, event.oldObject);
      let e: WatchEvent | undefined;
      if (event.type === 'DELETED') e = before || this.watcherMatches(w, event.object) ? event : undefined;
      else if (now && before) e = event;
      else if (now) e = { type: 'ADDED', object: event.object };
      else if (before) e = { type: 'DELETED', object: event.object, oldObject: event.oldObject };
      if (!e) continue;
      targets.push(w);
      events.push(e);
    }
    if (targets.length === 0) return;
    this.world.enqueue(() => {
      for (let i = 0; i < targets.length; i++) if (!targets[i].stopped) targets[i].handler(events[i]);
    });
  }

  private watcherMatches(w: Watcher, obj: KubeObject): boolean {
    if (w.namespace !== undefined && obj.metadata.namespace !== w.namespace) return false;
    if (w.selector !== EVERYTHING && !matches(w.selector, obj.metadata.labels)) return false;
    return w.fields.length === 0 || matchesFields(w.fields, obj);
  }
}

function toSelector(s: ListOptions['labelSelector']): Selector {
  if (s === undefined) return EVERYTHING;
  if (typeof s === 'string') return parseLabelSelector(s);
  if ('requirements' in s) return s as Selector;
  return fromLabelSelector(s as LabelSelector);
}

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Whether two versions of an object are equal apart from resourceVersion (key order ignored). */
function sameContent(a: KubeObject, b: KubeObject): boolean {
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

function byKey(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
