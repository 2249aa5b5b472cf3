/**
 * Checks about what happened in a cluster, read from the world's event log: the order pods were
 * created in, and pods that were deleted and came back. These are about process, so state alone
 * cannot answer them ("web-1 was created only after web-0 was Ready").
 *
 * What the log holds (src/emulator/kube): the StatefulSet controller's Events mirrored as
 * `k8s.SuccessfulCreate` / `k8s.SuccessfulDelete` on `statefulset/<ns>/<set>` with Kubernetes'
 * own message ("create Pod web-1 in StatefulSet web successful", stateful_pod_control.go), and
 * the kubelet's `pod.ready` on `pod/<ns>/<name>` when a pod turns Ready. Generic
 * `pod.created` / `pod.not-ready` / `pod.deleted` events on `pod/<ns>/<name>` are read too.
 */
import type { WorldEvent } from '../../emulator/events.ts';
import type { CheckResult } from '../lab-schema.ts';
import { isPodReady, ordinalNames } from './kube.ts';
import { findObject, type KubeReader } from './kube-reader.ts';
import type { Pod } from '../../emulator/kube/api/types.ts';
import { fail, listWords, pass } from './result.ts';

/** A pod's lifecycle step, as read from the event log. */
export type PodStep = 'created' | 'ready' | 'not-ready' | 'deleted';

const stepOf: Record<string, PodStep> = {
  'pod.created': 'created',
  'pod.ready': 'ready',
  'pod.not-ready': 'not-ready',
  'pod.unready': 'not-ready',
  'pod.deleted': 'deleted',
};

export interface PodHistoryEntry {
  seq: number;
  at: number;
  pod: string;
  step: PodStep;
}

/** `create Pod web-1 in StatefulSet web successful` → ['create', 'web-1']. */
const controllerMessage = /^(create|delete) Pod (\S+) in StatefulSet \S+ successful$/;

/** The lifecycle steps of pods in `namespace`, in log order. */
export function podHistory(events: readonly WorldEvent[], namespace: string): PodHistoryEntry[] {
  const prefix = `pod/${namespace}/`;
  const setPrefix = `statefulset/${namespace}/`;
  const out: PodHistoryEntry[] = [];
  for (const e of events) {
    const step = stepOf[e.type];
    if (step && e.subject.startsWith(prefix)) {
      out.push({ seq: e.seq, at: e.at, pod: e.subject.slice(prefix.length), step });
    } else if ((e.type === 'k8s.SuccessfulCreate' || e.type === 'k8s.SuccessfulDelete') && e.subject.startsWith(setPrefix)) {
      const m = controllerMessage.exec(e.message);
      if (m) out.push({ seq: e.seq, at: e.at, pod: m[2], step: m[1] === 'create' ? 'created' : 'deleted' });
    }
  }
  return out;
}

/**
 * Whether `pod` was Ready just before log position `seq`: it turned Ready after its latest
 * creation, and was not deleted or reported not Ready since.
 */
export function wasReadyBefore(history: readonly PodHistoryEntry[], pod: string, seq: number): boolean {
  let ready = false;
  for (const h of history) {
    if (h.seq >= seq) break;
    if (h.pod !== pod) continue;
    ready = h.step === 'ready';
  }
  return ready;
}

export interface OrderWanted {
  namespace?: string;
  set: string;
  replicas: number;
}

/**
 * OrderedReady: each pod `<set>-N` (N ≥ 1) was first created only while `<set>-(N-1)` was Ready.
 */
export function orderedCreation(events: readonly WorldEvent[], want: OrderWanted): CheckResult {
  const history = podHistory(events, want.namespace ?? 'default');
  const names = ordinalNames(want.set, want.replicas);
  const firstCreated = (pod: string) => history.find((h) => h.pod === pod && h.step === 'created');
  const missing = names.filter((n) => !firstCreated(n));
  if (missing.length > 0) return fail(`${listWords(missing)} ${missing.length === 1 ? 'was' : 'were'} never created`);
  const steps: string[] = [];
  for (let i = 1; i < names.length; i++) {
    const created = firstCreated(names[i])!;
    if (!wasReadyBefore(history, names[i - 1], created.seq)) {
      return fail(`${names[i]} was created while ${names[i - 1]} was not Ready (use podManagementPolicy: OrderedReady, the default)`);
    }
    steps.push(i === 1 ? `${names[i]} was created only after ${names[i - 1]} was Ready` : `${names[i]} only after ${names[i - 1]}`);
  }
  return pass(steps.length > 0 ? steps.join(', ') : `${names[0]} was created`);
}

/**
 * Some pod `<set>-N` was created a second time under the same name (it was deleted and the
 * StatefulSet made it again) and is Ready now: the set kept its identity.
 */
export function recreatedWithSameName(events: readonly WorldEvent[], reader: KubeReader, want: OrderWanted): CheckResult {
  const ns = want.namespace ?? 'default';
  const history = podHistory(events, ns);
  const names = ordinalNames(want.set, want.replicas);
  let notBack: string | undefined;
  for (const name of names) {
    const steps = history.filter((h) => h.pod === name);
    const creations = steps.filter((h) => h.step === 'created').length;
    const deleted = steps.some((h) => h.step === 'deleted');
    const pod = findObject<Pod>(reader, 'Pod', ns, name);
    const readyNow = pod !== undefined && isPodReady(pod) && !pod.metadata.deletionTimestamp;
    if (creations >= 2 && readyNow) return pass(`${name} was deleted and came back as ${name}, Ready`);
    if (creations >= 2 || deleted || (creations === 1 && !readyNow && steps.some((h) => h.step === 'ready'))) notBack ??= name;
  }
  if (notBack) return fail(`${notBack} was deleted but is not back and Ready yet`);
  return fail(`no pod of StatefulSet ${want.set} was deleted: delete one (e.g. ${names[0]}) and watch it come back`);
}
