/**
 * Pure helpers of the StatefulSet controller, named as questions like upstream
 * `pkg/controller/statefulset/stateful_set_utils.go`: identity (names, ordinals, labels),
 * storage (claim names), health (isRunningAndReady) and building pods from a revision.
 */
import { clone, controllerRef, isTerminating, newControllerRef, parseTime } from '../../api/meta.ts';
import { defaultPodSpec } from '../../api/defaults.ts';
import type { KubeObject, PersistentVolumeClaim, Pod, PodSpec, StatefulSet } from '../../api/types.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

const ORDINAL = /^(.*)-([0-9]+)$/;

/** Names already split (a pure function of the name; cleared when it grows large). */
const split = new Map<string, { ordinal: number; parent: string }>();

function splitName(name: string): { ordinal: number; parent: string } {
  let known = split.get(name);
  if (known === undefined) {
    const m = name.match(ORDINAL);
    known = m ? { ordinal: Number(m[2]), parent: m[1] } : { ordinal: -1, parent: '' };
    if (split.size >= 50_000) split.clear();
    split.set(name, known);
  }
  return known;
}

/** The ordinal of a StatefulSet pod from its name (`web-3` → 3), or -1. */
export function getOrdinal(pod: KubeObject): number {
  return splitName(String(pod.metadata.name)).ordinal;
}

/** The set name a pod name implies (`web-3` → `web`). */
export function getParentName(pod: KubeObject): string {
  return splitName(String(pod.metadata.name)).parent;
}

/** `web-3` */
export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** First ordinal (`.spec.ordinals.start`, default 0). */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

/** One past the last ordinal in range. */
export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec.replicas ?? 1);
}

/** Whether the pod's ordinal lies in [start, start+replicas). */
export function podInOrdinalRange(pod: KubeObject, set: StatefulSet): boolean {
  const o = getOrdinal(pod);
  return o >= getStartOrdinal(set) && o < getEndOrdinal(set);
}

/** What the controller asks of one pod object on every sync, answered once per (frozen) object. */
export interface PodFacts {
  ordinal: number;
  parent: string;
  phase: string | undefined;
  /** isRunningAndReady */
  runningReady: boolean;
  terminating: boolean;
  /** getPodRevision */
  revision: string;
  /** The identity labels name the pod and its ordinal (identityMatches without the set). */
  identityLabels: boolean;
}

const facts = new WeakMap<object, PodFacts>();

/** The PodFacts of `pod`; kept per object when the object is frozen (stored objects are). */
export function podFacts(pod: Pod): PodFacts {
  const known = facts.get(pod);
  if (known !== undefined) return known;
  const ordinal = getOrdinal(pod);
  const l = pod.metadata.labels ?? {};
  const f: PodFacts = {
    ordinal,
    parent: getParentName(pod),
    phase: pod.status?.phase,
    runningReady: isRunningAndReady(pod),
    terminating: isTerminating(pod),
    revision: getPodRevision(pod),
    identityLabels: l[POD_NAME_LABEL] === pod.metadata.name && l[POD_INDEX_LABEL] === String(ordinal),
  };
  if (Object.isFrozen(pod) && Object.isFrozen(pod.metadata) && (!pod.status || Object.isFrozen(pod.status))) facts.set(pod, f);
  return f;
}

/** Whether the pod's name says it belongs to `set`. */
export function isMemberOf(set: StatefulSet, pod: KubeObject): boolean {
  return getParentName(pod) === set.metadata.name;
}

/** `www-web-0`: the claim for template `claim` of `set`'s pod with `ordinal`. */
export function getPersistentVolumeClaimName(set: StatefulSet, claim: PersistentVolumeClaim, ordinal: number): string {
  return `${claim.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/** Whether the pod was created (has a phase). */
export function isCreated(pod: Pod): boolean {
  return pod.status?.phase !== undefined;
}

export function isPending(pod: Pod): boolean {
  return pod.status?.phase === 'Pending';
}

export function isFailed(pod: Pod): boolean {
  return pod.status?.phase === 'Failed';
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

const readiness = new WeakMap<object, boolean>();

/** Whether the pod's Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  const status = pod.status;
  if (!status) return false;
  const known = readiness.get(status);
  if (known !== undefined) return known;
  const ready = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
  if (Object.isFrozen(status)) readiness.set(status, ready);
  return ready;
}

/** Running and Ready (the gate of OrderedReady). */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** Running, Ready, and Ready for at least minReadySeconds at `now`. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const since = parseTime(ready?.lastTransitionTime) ?? now;
  return since + minReadySeconds * 1000 <= now;
}

/** Healthy for the controller: Running and Ready and not terminating. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/** Whether Parallel pod management lets the controller act on several pods at once. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

/** The revision label of a pod. */
export function getPodRevision(pod: KubeObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** Whether the pod carries the identity `set` gives its ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const f = podFacts(pod);
  return f.ordinal >= 0 && set.metadata.name === f.parent && pod.metadata.namespace === set.metadata.namespace && f.identityLabels;
}

/** Whether the pod mounts its claims under the right names. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const templates = set.spec.volumeClaimTemplates;
  if (!templates || templates.length === 0) return true;
  const o = getOrdinal(pod);
  for (const t of templates) {
    const v = (pod.spec.volumes ?? []).find((x) => x.name === t.metadata.name);
    if (!v || v.persistentVolumeClaim?.claimName !== getPersistentVolumeClaimName(set, t, o)) return false;
  }
  return true;
}

/** The claims the pod of `ordinal` needs, built from the volumeClaimTemplates. */
export function getPersistentVolumeClaims(set: StatefulSet, ordinal: number): PersistentVolumeClaim[] {
  const selectorLabels = set.spec.selector.matchLabels ?? {};
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const c = clone(t);
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...c.metadata,
        name: getPersistentVolumeClaimName(set, t, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(c.metadata.labels ?? {}), ...selectorLabels },
      },
      spec: c.spec,
    };
  });
}

/** Builds the pod of `ordinal` from the (revision's) template: name, labels, owner, hostname, claims. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revisionName: string): Pod {
  const template = set.spec.template;
  const t = sharesParts(template) ? { metadata: template.metadata, spec: shareSpec(template.spec) } : clone(template);
  const name = getPodName(set, ordinal);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revisionName },
      ownerReferences: [newControllerRef(set)],
    },
    spec: t.spec,
  };
  if (t.metadata?.annotations) pod.metadata.annotations = { ...t.metadata.annotations };
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  const volumes = (pod.spec.volumes ?? []).filter((v) => !(set.spec.volumeClaimTemplates ?? []).some((c) => c.metadata.name === v.name));
  for (const c of set.spec.volumeClaimTemplates ?? []) {
    volumes.push({ name: String(c.metadata.name), persistentVolumeClaim: { claimName: getPersistentVolumeClaimName(set, c, ordinal) } });
  }
  if (volumes.length) pod.spec.volumes = volumes;
  return pod;
}

/** Frozen template specs and whether defaulting leaves them as they are. */
const settledSpecs = new WeakMap<object, boolean>();

/**
 * Whether a pod may share the parts of `template` instead of copying it: the template is frozen
 * (stored, or a revision's) and the API server's defaulting would not add anything to it, so
 * defaulting the new pod never writes into a shared part. (Templates are defaulted when the set
 * is created; one changed by an update may not be.)
 */
function sharesParts(template: StatefulSet['spec']['template']): boolean {
  const spec = template.spec;
  if (!spec || !Object.isFrozen(spec) || !Object.isFrozen(template)) return false;
  let settled = settledSpecs.get(spec);
  if (settled === undefined) {
    const copy = clone(spec);
    defaultPodSpec(copy);
    settled = JSON.stringify(copy) === JSON.stringify(spec);
    settledSpecs.set(spec, settled);
  }
  return settled;
}

/**
 * A pod spec that shares the template's frozen parts: new spec, container and tolerations objects
 * (what defaulting and admission write to), everything inside them shared.
 */
function shareSpec(spec: PodSpec): PodSpec {
  const out: PodSpec = { ...spec, containers: spec.containers.map((c) => ({ ...c })) };
  if (spec.initContainers) out.initContainers = spec.initContainers.map((c) => ({ ...c }));
  if (spec.tolerations) out.tolerations = [...spec.tolerations];
  return out;
}

/** Whether `obj` is controlled by the object with `uid`. */
export function isControlledBy(obj: KubeObject, uid: string | undefined): boolean {
  return controllerRef(obj)?.uid === uid;
}

/** Pods sorted by ordinal ascending (upstream ascendingOrdinal). */
export function byOrdinal(a: KubeObject, b: KubeObject): number {
  return getOrdinal(a) - getOrdinal(b);
}
