/**
 * Scheduler filters as pure questions (kube-scheduler's plugins NodeUnschedulable,
 * TaintToleration, NodeAffinity (nodeSelector), NodeResourcesFit), each answering with the
 * reason text the FailedScheduling message counts.
 */
import type { Node, Pod, Taint, Toleration } from '../api/types.ts';

/** Parses a CPU quantity to millicores (`500m`, `1`, `0.5`). */
export function milliCpu(q: string | undefined): number {
  if (!q) return 0;
  if (q.endsWith('m')) return Number(q.slice(0, -1));
  return Math.round(Number(q) * 1000);
}

const UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Parses a byte quantity (`64Mi`, `1Gi`, `1000000`). */
export function bytes(q: string | undefined): number {
  if (!q) return 0;
  const m = String(q).match(/^([0-9.]+)([A-Za-z]*)$/);
  if (!m) return 0;
  return Number(m[1]) * (UNITS[m[2]] ?? 1);
}

/** Whether a toleration tolerates a taint (v1helper.TolerationsTolerateTaint). */
export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key === undefined || t.key === '') return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/** The first NoSchedule/NoExecute taint the pod does not tolerate. */
export function untoleratedTaint(pod: Pod, node: Node): Taint | undefined {
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule') continue;
    if (!(pod.spec.tolerations ?? []).some((t) => tolerates(t, taint))) return taint;
  }
  return undefined;
}

const requestsBySpec = new WeakMap<object, { cpu: number; memory: number }>();

/** The pod's summed container requests (kept per frozen spec: every node asks for it). */
export function podRequests(pod: Pod): { cpu: number; memory: number } {
  const known = requestsBySpec.get(pod.spec);
  if (known) return { cpu: known.cpu, memory: known.memory };
  const r = sumRequests(pod);
  if (Object.isFrozen(pod.spec)) requestsBySpec.set(pod.spec, r);
  return { cpu: r.cpu, memory: r.memory };
}

function sumRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? []) {
    cpu += milliCpu(c.resources?.requests?.cpu);
    memory += bytes(c.resources?.requests?.memory);
  }
  return { cpu, memory };
}

/** What a node already runs: pod count and summed requests. */
export interface NodeUsage {
  pods: number;
  cpu: number;
  memory: number;
}

/**
 * The node a required node-affinity term `metadata.name In [<node>]` pins the pod to (as the
 * DaemonSet controller writes it); undefined when the pod has no such term. Other affinity terms
 * are not evaluated.
 */
export function affinityNodeName(pod: Pod): string | undefined {
  const aff = (pod.spec as { affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } }).affinity;
  for (const term of aff?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

/** Why `pod` cannot go to `node` (in plugin order), or undefined when it fits. */
export function unfitReason(pod: Pod, node: Node, usage: NodeUsage): string | undefined {
  // NodeUnschedulable lets pods through that tolerate node.kubernetes.io/unschedulable (daemon pods).
  if (node.spec.unschedulable && !(pod.spec.tolerations ?? []).some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) return 'node(s) were unschedulable';
  const taint = untoleratedTaint(pod, node);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  const sel = pod.spec.nodeSelector ?? {};
  const labels = node.metadata.labels ?? {};
  for (const k in sel) if (labels[k] !== sel[k]) return "node(s) didn't match Pod's node affinity/selector";
  const only = affinityNodeName(pod);
  if (only !== undefined && only !== node.metadata.name) return "node(s) didn't match Pod's node affinity/selector";
  const alloc = node.status?.allocatable ?? {};
  const want = podRequests(pod);
  if (want.cpu > 0 && usage.cpu + want.cpu > milliCpu(alloc.cpu)) return 'Insufficient cpu';
  if (want.memory > 0 && usage.memory + want.memory > bytes(alloc.memory)) return 'Insufficient memory';
  if (usage.pods + 1 > Number(alloc.pods ?? 110)) return 'Too many pods';
  return undefined;
}

/**
 * The FailedScheduling message: `0/3 nodes are available: 1 node(s) had untolerated taint
 * {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes
 * are available: 3 Preemption is not helpful for scheduling.` (reasons sorted, as upstream's FitError).
 */
export function fitErrorMessage(total: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
  const insufficient = [...reasons.entries()].filter(([r]) => r.startsWith('Insufficient')).reduce((a, [, n]) => a + n, 0);
  const notHelpful = total - insufficient;
  const pre: string[] = [];
  if (notHelpful > 0) pre.push(`${notHelpful} Preemption is not helpful for scheduling`);
  if (insufficient > 0) pre.push(`${insufficient} No preemption victims found for incoming pod`);
  return `0/${total} nodes are available: ${parts.join(', ')}. preemption: 0/${total} nodes are available: ${pre.join(', ')}.`;
}
