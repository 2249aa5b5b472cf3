/**
 * Builds a pod's status from the kubelet's view of its containers, as the kubelet's
 * `generateAPIPodStatus` does: phase, the five conditions, container statuses with
 * waiting/running/terminated states.
 */
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types.ts';
import { rfc3339 } from '../api/meta.ts';

/** The kubelet's record of one container. */
export interface ContainerRun {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  state: ContainerState;
  lastState: ContainerState;
  restartCount: number;
  ready: boolean;
  started: boolean;
}

export interface PodView {
  podIP?: string;
  hostIP: string;
  startTime: number;
  sandboxReady: boolean;
  initialized: boolean;
  containers: ContainerRun[];
  /** Set once every container has terminated for good (restartPolicy Never/OnFailure). */
  finalPhase?: 'Succeeded' | 'Failed';
  /** The parts of the last status built from this view (see `Built`). */
  built?: Built;
}

/**
 * Parts of the last status built for a pod. A new status reuses such a part from the pod's stored
 * status when it is that very object and would be equal, so an unchanged part is neither rebuilt
 * nor frozen again (the store freezes what it keeps). Only parts built here are reused: their key
 * order is the one a fresh build gives.
 */
interface Built {
  /** PodReadyToStartContainers, Initialized, Ready, ContainersReady (then PodScheduled, not ours). */
  conditions: PodCondition[];
  statuses: ContainerStatus[];
  hostIPs: { ip: string }[];
  podIPs?: { ip: string }[];
}

function cond(prev: PodCondition[] | undefined, last: PodCondition | undefined, type: string, status: 'True' | 'False', now: string, reason?: string, message?: string): PodCondition {
  let old: PodCondition | undefined;
  if (prev) {
    for (let i = 0; i < prev.length; i++) {
      if (prev[i].type === type) {
        old = prev[i];
        break;
      }
    }
  }
  const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : now;
  if (old !== undefined && old === last && old.status === status && old.lastTransitionTime === lastTransitionTime && old.reason === reason && old.message === message) return old;
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime,
  };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** `[{ ip }]`, reusing `prev` when it lists just that address. */
function ipList(prev: { ip: string }[] | undefined, last: { ip: string }[] | undefined, ip: string): { ip: string }[] {
  if (prev !== undefined && prev === last && prev[0].ip === ip) return prev;
  return [{ ip }];
}

/** The status of container `c`, reusing `prev` (the same container's previous status) when equal. */
function containerStatus(pod: Pod, c: ContainerRun, prev: ContainerStatus | undefined, last: ContainerStatus | undefined): ContainerStatus {
  // RecursiveReadOnlyMounts (beta since 1.31): the kubelet reports each mount of a started container.
  let mounts: StatusMount[] | undefined;
  if (c.containerID) {
    const spec = pod.spec.containers.find((x) => x.name === c.name);
    if (spec?.volumeMounts?.length) mounts = statusMounts(spec.volumeMounts);
  }
  if (
    prev !== undefined &&
    prev === last &&
    prev.containerID === c.containerID &&
    prev.image === c.image &&
    prev.imageID === c.imageID &&
    prev.lastState === c.lastState &&
    prev.name === c.name &&
    prev.ready === c.ready &&
    prev.restartCount === c.restartCount &&
    prev.started === c.started &&
    prev.state === c.state &&
    prev.volumeMounts === mounts
  ) {
    return prev;
  }
  const s: ContainerStatus = {
    containerID: c.containerID,
    image: c.image,
    imageID: c.imageID,
    lastState: c.lastState,
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started: c.started,
    state: c.state,
  };
  if (!c.containerID) delete s.containerID;
  if (mounts) s.volumeMounts = mounts;
  return s;
}

type Mount = NonNullable<Pod['spec']['containers'][number]['volumeMounts']>[number];
/** A container status's volumeMounts entry. */
interface StatusMount {
  mountPath: string;
  name: string;
  readOnly?: boolean;
  recursiveReadOnly?: string;
}

const mountStatuses = new WeakMap<object, StatusMount[]>();

/** The volumeMounts of a container status, built once per (frozen) spec list. */
function statusMounts(specMounts: Mount[]): StatusMount[] {
  let out = mountStatuses.get(specMounts);
  if (!out) {
    out = specMounts.map((m) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
    if (Object.isFrozen(specMounts)) mountStatuses.set(specMounts, out);
  }
  return out;
}

/** The status the kubelet writes for `pod` given its view. */
export function buildStatus(pod: Pod, view: PodView, now: number): PodStatus {
  const t = rfc3339(now);
  const prev = pod.status?.conditions;
  const last = view.built;
  const lc = last?.conditions;
  const notReady = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = notReady.length === 0 && view.containers.length > 0;
  const running = view.containers.some((c) => c.state.running);
  const allStartedOnce = view.containers.every((c) => c.started || c.state.terminated || c.restartCount > 0);
  let phase: PodStatus['phase'] = 'Pending';
  if (view.finalPhase) phase = view.finalPhase;
  else if (allStartedOnce && (running || view.containers.some((c) => c.restartCount > 0 || c.state.terminated))) phase = 'Running';
  const scheduled = prev?.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: t };
  const conditions: PodCondition[] = [
    cond(prev, lc?.[0], 'PodReadyToStartContainers', view.sandboxReady && !view.finalPhase ? 'True' : 'False', t),
    cond(prev, lc?.[1], 'Initialized', 'True', t),
    view.finalPhase
      ? cond(prev, lc?.[2], 'Ready', 'False', t, 'PodCompleted')
      : allReady
        ? cond(prev, lc?.[2], 'Ready', 'True', t)
        : cond(prev, lc?.[2], 'Ready', 'False', t, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
    view.finalPhase
      ? cond(prev, lc?.[3], 'ContainersReady', 'False', t, 'PodCompleted')
      : allReady
        ? cond(prev, lc?.[3], 'ContainersReady', 'True', t)
        : cond(prev, lc?.[3], 'ContainersReady', 'False', t, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
    scheduled,
  ];
  const prevStatuses = pod.status?.containerStatuses;
  const statuses: ContainerStatus[] = view.containers.map((c, i) => containerStatus(pod, c, prevStatuses?.[i], last?.statuses[i]));
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP: view.hostIP,
    hostIPs: ipList(pod.status?.hostIPs, last?.hostIPs, view.hostIP),
    phase,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    startTime: rfc3339(view.startTime),
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = ipList(pod.status?.podIPs, last?.podIPs, view.podIP);
  }
  if (pod.metadata.generation !== undefined) status.observedGeneration = pod.metadata.generation;
  view.built = { conditions, statuses, hostIPs: status.hostIPs!, podIPs: status.podIPs };
  return status;
}

/** QoS class from requests and limits (Guaranteed, Burstable, BestEffort). */
export function qosClass(pod: Pod): string {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const r = c.resources?.requests ?? {};
    const l = c.resources?.limits ?? {};
    if (Object.keys(r).length || Object.keys(l).length) any = true;
    for (const k of ['cpu', 'memory']) {
      if (!l[k] || (r[k] && r[k] !== l[k])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
