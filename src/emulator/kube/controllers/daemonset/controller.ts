/**
 * A minimal DaemonSet controller (upstream `pkg/controller/daemon/daemon_controller.go`): one pod
 * per node the template fits (nodeSelector, taints against the template's tolerations plus the
 * daemon defaults), created with `generateName: <ds>-` and node affinity `metadata.name In
 * [<node>]` so the default scheduler binds it there; extra and misscheduled pods are deleted.
 * Status counts as upstream's updateDaemonSetStatus. Events: `Created pod: <name>`,
 * `Deleted pod: <name>` (daemonset-controller). Not done: rolling updates of existing pods
 * (a changed template only affects new pods), ControllerRevisions, surge.
 */
import type { ApiStore, WatchEvent } from '../../api/store.ts';
import { clone, controllerRef, isTerminating, keyOf, newControllerRef } from '../../api/meta.ts';
import type { KubeObject, Node, Pod, PodTemplateSpec, Toleration } from '../../api/types.ts';
import { affinityNodeName, tolerates } from '../../scheduler/predicates.ts';
import { templateHash } from '../deployment/util.ts';
import { WorkQueue } from '../queue.ts';
import type { EventRecorder } from '../recorder.ts';
import { isActive } from '../replicaset/controller.ts';
import { podChangeMatters } from '../statefulset/controller.ts';
import { isPodReady, isRunningAndAvailable } from '../statefulset/utils.ts';

const SOURCE = { component: 'daemonset-controller' };

/** The DaemonSet fields this controller reads. */
export interface DaemonSet extends KubeObject {
  spec: { selector?: unknown; template: PodTemplateSpec; minReadySeconds?: number; updateStrategy?: unknown };
  status?: Record<string, number>;
}

/** Tolerations every daemon pod gets (upstream util.AddOrUpdateDaemonPodTolerations). */
export const DAEMON_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

/** The tolerations of a daemon pod from `template`: its own, then the missing defaults. */
export function daemonTolerations(template: PodTemplateSpec): Toleration[] {
  const own = [...(template.spec.tolerations ?? [])];
  for (const d of DAEMON_TOLERATIONS) if (!own.some((t) => t.key === d.key && t.effect === d.effect)) own.push({ ...d });
  return own;
}

/** Whether a daemon pod of `template` should run on `node` (nodeSelector and NoSchedule/NoExecute taints). */
export function shouldRun(template: PodTemplateSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (Object.entries(template.spec.nodeSelector ?? {}).some(([k, v]) => labels[k] !== v)) return false;
  const tol = daemonTolerations(template);
  return (node.spec.taints ?? []).every((taint) => taint.effect === 'PreferNoSchedule' || tol.some((t) => tolerates(t, taint)));
}

/** The node a daemon pod is for: its nodeName, else its `metadata.name In [node]` affinity term. */
export function targetNode(pod: Pod): string | undefined {
  return pod.spec.nodeName ?? affinityNodeName(pod);
}

export class DaemonSetController {
  readonly queue: WorkQueue;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly skip: (ds: DaemonSet) => boolean;

  /** `skip` names DaemonSets whose pods are made elsewhere (kind's static system DaemonSets). */
  constructor(store: ApiStore, recorder: EventRecorder, skip: (ds: DaemonSet) => boolean = () => false) {
    this.store = store;
    this.recorder = recorder;
    this.skip = skip;
    this.queue = new WorkQueue(store.world, 'daemonset', (k) => this.sync(k));
    store.watch('daemonsets', {}, (e) => this.queue.add(keyOf(e.object)));
    store.watch('pods', {}, (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'DaemonSet' && podChangeMatters(e)) this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
    });
    store.watch('nodes', {}, (e) => this.onNode(e));
  }

  private onNode(e: WatchEvent): void {
    const a = e.oldObject as Node | undefined;
    const b = e.object as Node;
    if (e.type === 'MODIFIED' && a && JSON.stringify([a.metadata.labels, a.spec]) === JSON.stringify([b.metadata.labels, b.spec])) return;
    for (const ds of this.store.list('daemonsets').items) this.queue.add(keyOf(ds));
  }

  /** Reconciles one DaemonSet. */
  sync(key: string): void {
    const [ns, name] = key.split('/');
    const ds = this.store.tryGet('daemonsets', ns, name) as DaemonSet | undefined;
    if (!ds || this.skip(ds)) return;
    const nodes = this.store.list('nodes').items as Node[];
    const byNode = new Map<string, Pod[]>();
    for (const p of this.store.list('pods', { namespace: ns, sorted: false }).items as Pod[]) {
      if (controllerRef(p)?.uid !== ds.metadata.uid || !isActive(p)) continue;
      const n = targetNode(p) ?? '';
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    const hash = templateHash(ds.spec.template);
    const eligible = nodes.filter((n) => shouldRun(ds.spec.template, n));
    if (!isTerminating(ds)) {
      for (const node of nodes) {
        const pods = byNode.get(String(node.metadata.name)) ?? [];
        const want = eligible.includes(node) ? 1 : 0;
        if (pods.length < want) byNode.set(String(node.metadata.name), [this.createPod(ds, String(node.metadata.name), hash)]);
        for (const extra of pods.slice(want)) this.deletePod(ds, extra);
      }
    }
    this.updateStatus(ds, eligible, byNode, hash);
  }

  private createPod(ds: DaemonSet, node: string, hash: string): Pod {
    const t = clone(ds.spec.template);
    const spec = { ...t.spec, tolerations: daemonTolerations(t) } as Pod['spec'];
    (spec as Record<string, unknown>).affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } },
    };
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}), 'controller-revision-hash': hash, 'pod-template-generation': String(ds.metadata.generation ?? 1) },
        ownerReferences: [newControllerRef(ds)],
      },
      spec,
    };
    if (t.metadata?.annotations) pod.metadata.annotations = { ...t.metadata.annotations };
    const created = this.store.create(pod) as Pod;
    this.recorder.event(SOURCE, ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
    return created;
  }

  private deletePod(ds: DaemonSet, pod: Pod): void {
    try {
      this.store.delete('pods', String(pod.metadata.namespace), String(pod.metadata.name));
      this.recorder.event(SOURCE, ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } catch {
      /* already gone */
    }
  }

  private updateStatus(ds: DaemonSet, eligible: Node[], byNode: Map<string, Pod[]>, hash: string): void {
    const now = this.store.world.now();
    const names = new Set(eligible.map((n) => String(n.metadata.name)));
    const onDesired = [...byNode].filter(([n]) => names.has(n)).flatMap(([, pods]) => pods.slice(0, 1));
    const available = onDesired.filter((p) => isRunningAndAvailable(p, ds.spec.minReadySeconds ?? 0, now)).length;
    const status: Record<string, number> = {
      currentNumberScheduled: onDesired.length,
      desiredNumberScheduled: names.size,
      numberAvailable: available,
      numberMisscheduled: [...byNode].filter(([n, pods]) => !names.has(n) && pods.length > 0).length,
      numberReady: onDesired.filter(isPodReady).length,
      numberUnavailable: names.size - available,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: onDesired.filter((p) => p.metadata.labels?.['controller-revision-hash'] === hash).length,
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']) if (!status[k]) delete status[k];
    const current = this.store.tryGet('daemonsets', ds.metadata.namespace, String(ds.metadata.name)) as DaemonSet | undefined;
    if (!current || JSON.stringify(current.status) === JSON.stringify(status)) return;
    const next = clone(current);
    next.status = status;
    this.store.updateStatus(next);
  }
}
