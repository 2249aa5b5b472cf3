/**
 * The Pod row: READY, the aggregate STATUS and RESTARTS as kubernetes `printPod`
 * (pkg/printers/internalversion/printers.go, 1.34) computes them.
 */
import { since } from '../util/duration.ts';
import type { Json } from '../util/json.ts';
import { cols, type KindPrinter, type RowContext } from './columns.ts';

/** The node lifecycle controller's reason for pods on an unreachable node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

function isRestartableInit(c: Json): boolean {
  return c?.restartPolicy === 'Always';
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export interface PodStatusCells {
  ready: string;
  status: string;
  restarts: number;
  lastRestart?: string;
}

/** Store objects are immutable snapshots, so a pod's cells can be computed once per snapshot. */
const cache = new WeakMap<object, PodStatusCells>();

/** The STATUS column of a pod (Running, ContainerCreating, Init:0/1, CrashLoopBackOff, Terminating…). */
export function podStatus(pod: Json): PodStatusCells {
  const frozen = Object.isFrozen(pod);
  if (frozen) {
    const hit = cache.get(pod);
    if (hit) return hit;
  }
  const result = computePodStatus(pod);
  if (frozen) cache.set(pod, result);
  return result;
}

function computePodStatus(pod: Json): PodStatusCells {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const initSpecs = (spec.initContainers ?? []) as Json[];
  let total = ((spec.containers ?? []) as Json[]).length;
  let readyCount = 0;
  let restarts = 0;
  let restartableInitRestarts = 0;
  let lastRestart: string | undefined;
  let lastRestartableInitRestart: string | undefined;
  const phase: string = status.phase ?? '';
  let reason: string = status.reason || phase;
  for (const c of (status.conditions ?? []) as Json[]) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initByName = new Map<string, Json>();
  for (const c of initSpecs) {
    initByName.set(c.name, c);
    if (isRestartableInit(c)) total++;
  }
  let initializing = false;
  const initStatuses = (status.initContainerStatuses ?? []) as Json[];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    const restartable = isRestartableInit(initByName.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (lastTerm) lastRestartableInitRestart = later(lastRestartableInitRestart, lastTerm.finishedAt);
    }
    const term = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }
  const initializedTrue = ((status.conditions ?? []) as Json[]).some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInitRestart;
    let hasRunning = false;
    const statuses = (status.containerStatuses ?? []) as Json[];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const lastTerm = c.lastState?.terminated;
      if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
      const waiting = c.state?.waiting;
      const term = c.state?.terminated;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term && !term.reason) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCond = ((status.conditions ?? []) as Json[]).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = readyCond ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  return { ready: `${readyCount}/${total}`, status: reason, restarts, lastRestart };
}

function readinessGates(pod: Json): string {
  const gates = (pod.spec?.readinessGates ?? []) as Json[];
  if (gates.length === 0) return '<none>';
  const conditions = (pod.status?.conditions ?? []) as Json[];
  let trueCount = 0;
  for (const g of gates) {
    const c = conditions.find((x) => x.type === g.conditionType);
    if (c && c.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}

/** Cells of one pod row: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES. */
export function podRow(pod: Json, ctx: RowContext): string[] {
  const s = podStatus(pod);
  const restarts = s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${since(s.lastRestart, ctx.now)} ago)` : String(s.restarts);
  // The internal API keeps podIP as podIPs[0].
  const ips = (pod.status?.podIPs ?? []) as Json[];
  const ip = (ips.length > 0 ? ips[0].ip : pod.status?.podIP) || '<none>';
  return [
    pod.metadata?.name ?? '',
    s.ready,
    s.status,
    restarts,
    since(pod.metadata?.creationTimestamp, ctx.now),
    ip,
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    readinessGates(pod),
  ];
}

export const podPrinter: KindPrinter = {
  columns: cols('NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', '*IP', '*NODE', '*NOMINATED NODE', '*READINESS GATES'),
  row: podRow,
};
