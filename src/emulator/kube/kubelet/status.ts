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
}

function cond(prev: PodCondition[] | undefined, type: string, status: 'True' | 'False', now: string, reason?: string, message?: string): PodCondition {
  const old = prev?.find((c) => c.type === type);
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
  };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The status the kubelet writes for `pod` given its view. */
export function buildStatus(pod: Pod, view: PodView, now: number): PodStatus {
  const t = rfc3339(now);
  const prev = pod.status?.conditions;
  const notReady = view.containers.filter((c) => !c.ready).map((c) => c.name);
  const allReady = notReady.length === 0 && view.containers.length > 0;
  const running = view.containers.some((c) => c.state.running);
  const allStartedOnce = view.containers.every((c) => c.started || c.state.terminated || c.restartCount > 0);
  let phase: PodStatus['phase'] = 'Pending';
  if (view.finalPhase) phase = view.finalPhase;
  else if (allStartedOnce && (running || view.containers.some((c) => c.restartCount > 0 || c.state.terminated))) phase = 'Running';
  const scheduled = prev?.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: t };
  const conditions: PodCondition[] = [
    cond(prev, 'PodReadyToStartContainers', view.sandboxReady && !view.finalPhase ? 'True' : 'False', t),
    cond(prev, 'Initialized', 'True', t),
    view.finalPhase
      ? cond(prev, 'Ready', 'False', t, 'PodCompleted')
      : allReady
        ? cond(prev, 'Ready', 'True', t)
        : cond(prev, 'Ready', 'False', t, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
    view.finalPhase
      ? cond(prev, 'ContainersReady', 'False', t, 'PodCompleted')
      : allReady
        ? cond(prev, 'ContainersReady', 'True', t)
        : cond(prev, 'ContainersReady', 'False', t, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
    scheduled,
  ];
  const statuses: ContainerStatus[] = view.containers.map((c) => {
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
    // RecursiveReadOnlyMounts (beta since 1.31): the kubelet reports each mount of a started container.
    const spec = pod.spec.containers.find((x) => x.name === c.name);
    if (c.containerID && spec?.volumeMounts?.length) {
      s.volumeMounts = spec.volumeMounts.map((m) => ({ mountPath: m.mountPath, name: m.name, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}) }));
    }
    return s;
  });
  const status: PodStatus = {
    conditions,
    containerStatuses: statuses,
    hostIP: view.hostIP,
    hostIPs: [{ ip: view.hostIP }],
    phase,
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    startTime: rfc3339(view.startTime),
  };
  if (view.podIP) {
    status.podIP = view.podIP;
    status.podIPs = [{ ip: view.podIP }];
  }
  if (pod.metadata.generation !== undefined) status.observedGeneration = pod.metadata.generation;
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
