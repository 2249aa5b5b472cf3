/** The ApiStore's option and event types (re-exported by store.ts). */
import type { Selector } from './selectors.ts';
import type { ResourceInfo } from './resources.ts';
import type { KubeObject, LabelSelector } from './types.ts';

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
  /**
   * A system write that sets status with the object, like the pods/binding subresource (spec.nodeName
   * and the PodScheduled condition in one GuaranteedUpdate). Update only. @default false
   */
  withStatus?: boolean;
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
