/**
 * The Kubernetes part of the live view, as data: nodes with their pods, pods grouped by owner
 * (StatefulSet pods in ordinal order), claims and volumes with the pods that mount them, Services
 * with their endpoints. A pure function of API objects, so it is tested without a cluster.
 */
import type { KubeObject } from '../../emulator/kube/api/types.ts';

export type PodState = 'ready' | 'running' | 'pending' | 'terminating' | 'failed' | 'succeeded';

export interface PodView {
  readonly name: string;
  readonly state: PodState;
  /** kubectl's STATUS-like word: Running, Pending, ContainerCreating, Terminating… */
  readonly status: string;
  readonly node?: string;
  readonly ip?: string;
  /** StatefulSet ordinal (web-2 → 2). */
  readonly ordinal?: number;
  readonly claims: readonly string[];
}

export interface OwnerGroup {
  /** 'StatefulSet', 'Deployment', 'ReplicaSet', … or 'Pod' for bare pods. */
  readonly kind: string;
  readonly name: string;
  readonly pods: readonly PodView[];
  /** Desired replicas, when the owner says. */
  readonly replicas?: number;
}

export interface NodeView {
  readonly name: string;
  readonly ready: boolean;
  readonly unschedulable: boolean;
  readonly pods: readonly string[];
}

export interface ClaimView {
  readonly name: string;
  readonly phase: string;
  /** The PersistentVolume it is bound to (`spec.volumeName`). */
  readonly volume?: string;
  /** Requested size, e.g. "1Gi". */
  readonly request?: string;
  /** Access modes as kubectl abbreviates them (RWO, ROX, RWX, RWOP). */
  readonly modes: readonly string[];
  readonly mountedBy: readonly string[];
}

export interface VolumeView {
  readonly name: string;
  /** Available, Bound, Released or Failed. */
  readonly phase: string;
  readonly capacity?: string;
  readonly modes: readonly string[];
  readonly storageClass?: string;
  readonly reclaimPolicy?: string;
  /** The node a local volume lives on (its node affinity). */
  readonly node?: string;
  /** `claimRef.name`: the claim it is (or, when Released, was) bound to. */
  readonly claim?: string;
}

export interface ServiceView {
  readonly name: string;
  readonly type: string;
  readonly clusterIP: string;
  readonly endpoints: readonly { name: string; ip: string; ready: boolean }[];
}

export interface KubeView {
  readonly nodes: readonly NodeView[];
  readonly groups: readonly OwnerGroup[];
  readonly claims: readonly ClaimView[];
  readonly volumes: readonly VolumeView[];
  readonly services: readonly ServiceView[];
}

/** Objects of the namespaces the learner works in (system namespaces are left out by the reader). */
export interface KubeObjects {
  nodes: readonly KubeObject[];
  pods: readonly KubeObject[];
  replicasets: readonly KubeObject[];
  statefulsets: readonly KubeObject[];
  deployments: readonly KubeObject[];
  pvcs: readonly KubeObject[];
  pvs: readonly KubeObject[];
  services: readonly KubeObject[];
  endpointslices: readonly KubeObject[];
}

// Loose readers: API objects are typed as unknown beyond metadata.
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** kubectl's access-mode abbreviations (printers.go `modesToString` via helper.GetAccessModesAsString). */
const MODE_ABBREV: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
const modes = (o: unknown): string[] => arr(get(o, 'spec', 'accessModes')).map((m) => MODE_ABBREV[String(m)] ?? String(m));

/** The single node a volume's required node affinity names (local-path volumes), if any. */
function volumeNode(pv: KubeObject): string | undefined {
  const terms = arr(get(pv, 'spec', 'nodeAffinity', 'required', 'nodeSelectorTerms'));
  const values = terms.flatMap((t) => arr(get(t, 'matchExpressions')).filter((e) => get(e, 'key') === 'kubernetes.io/hostname').flatMap((e) => arr(get(e, 'values'))));
  return values.length === 1 ? str(values[0]) : undefined;
}

function condition(o: KubeObject, type: string): boolean {
  return arr(get(o, 'status', 'conditions')).some((c) => get(c, 'type') === type && get(c, 'status') === 'True');
}

function controller(o: KubeObject): { kind: string; name: string } | undefined {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller) ?? o.metadata.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

/** The pod's state for colouring and the word kubectl would show. */
export function podState(pod: KubeObject): { state: PodState; status: string } {
  if (pod.metadata.deletionTimestamp) return { state: 'terminating', status: 'Terminating' };
  const phase = str(get(pod, 'status', 'phase')) ?? 'Pending';
  if (phase === 'Failed') return { state: 'failed', status: str(get(pod, 'status', 'reason')) ?? 'Error' };
  if (phase === 'Succeeded') return { state: 'succeeded', status: 'Completed' };
  const waiting = arr(get(pod, 'status', 'containerStatuses'))
    .map((c) => str(get(c, 'state', 'waiting', 'reason')))
    .find((r) => r !== undefined);
  if (waiting === 'CrashLoopBackOff' || waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff') return { state: 'failed', status: waiting };
  if (phase === 'Running') return condition(pod, 'Ready') ? { state: 'ready', status: 'Running' } : { state: 'running', status: 'Running' };
  return { state: 'pending', status: waiting ?? 'Pending' };
}

/** Builds the Kubernetes view model. */
export function kubeView(objects: KubeObjects): KubeView {
  const rsOwner = new Map(objects.replicasets.map((rs) => [rs.metadata.name ?? '', controller(rs)]));
  const replicas = new Map<string, number | undefined>();
  for (const o of [...objects.statefulsets, ...objects.deployments]) {
    const r = get(o, 'spec', 'replicas');
    replicas.set(`${o.kind}/${o.metadata.name}`, typeof r === 'number' ? r : 1);
  }
  const groups = new Map<string, { kind: string; name: string; pods: PodView[] }>();
  const ensure = (kind: string, name: string) => {
    const key = `${kind}/${name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind, name, pods: [] }));
    return g;
  };
  // Owners without pods still show (a StatefulSet scaled to 0, a Deployment whose pods wait).
  for (const o of [...objects.statefulsets, ...objects.deployments]) ensure(o.kind, o.metadata.name ?? '');

  for (const pod of objects.pods) {
    const name = pod.metadata.name ?? '';
    let owner = controller(pod) ?? { kind: 'Pod', name };
    if (owner.kind === 'ReplicaSet') owner = rsOwner.get(owner.name) ?? owner;
    const { state, status } = podState(pod);
    const ordinalMatch = owner.kind === 'StatefulSet' ? /-(\d+)$/.exec(name) : null;
    ensure(owner.kind, owner.name).pods.push({
      name,
      state,
      status,
      node: str(get(pod, 'spec', 'nodeName')),
      ip: str(get(pod, 'status', 'podIP')),
      ordinal: ordinalMatch ? Number(ordinalMatch[1]) : undefined,
      claims: arr(get(pod, 'spec', 'volumes'))
        .map((v) => str(get(v, 'persistentVolumeClaim', 'claimName')))
        .filter((c): c is string => c !== undefined),
    });
  }
  for (const g of groups.values()) g.pods.sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0) || byName(a, b));
  const kindOrder = ['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Job', 'Pod'];
  const orderedGroups = [...groups.values()]
    .map((g) => ({ ...g, replicas: replicas.get(`${g.kind}/${g.name}`) }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || byName(a, b));

  const allPods = orderedGroups.flatMap((g) => g.pods);
  const nodes = objects.nodes
    .map((n) => ({
      name: n.metadata.name ?? '',
      ready: condition(n, 'Ready'),
      unschedulable: get(n, 'spec', 'unschedulable') === true,
      pods: allPods.filter((p) => p.node === n.metadata.name).map((p) => p.name),
    }))
    .sort(byName);

  const claims = objects.pvcs
    .map((c) => ({
      name: c.metadata.name ?? '',
      phase: str(get(c, 'status', 'phase')) ?? 'Pending',
      volume: str(get(c, 'spec', 'volumeName')),
      request: str(get(c, 'spec', 'resources', 'requests', 'storage')),
      modes: modes(c),
      mountedBy: allPods.filter((p) => p.claims.includes(c.metadata.name ?? '')).map((p) => p.name),
    }))
    .sort(byName);
  const volumes = objects.pvs
    .map((v) => ({
      name: v.metadata.name ?? '',
      phase: str(get(v, 'status', 'phase')) ?? 'Pending',
      capacity: str(get(v, 'spec', 'capacity', 'storage')),
      modes: modes(v),
      storageClass: str(get(v, 'spec', 'storageClassName')),
      reclaimPolicy: str(get(v, 'spec', 'persistentVolumeReclaimPolicy')),
      node: volumeNode(v),
      claim: str(get(v, 'spec', 'claimRef', 'name')),
    }))
    .sort(byName);

  const services = objects.services
    .map((s) => {
      const name = s.metadata.name ?? '';
      const slices = objects.endpointslices.filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === name);
      const endpoints = slices.flatMap((e) =>
        arr(get(e, 'endpoints')).map((ep) => ({
          name: str(get(ep, 'targetRef', 'name')) ?? str(get(ep, 'hostname')) ?? '',
          ip: str(arr(get(ep, 'addresses'))[0]) ?? '',
          ready: get(ep, 'conditions', 'ready') !== false,
        })),
      );
      return { name, type: str(get(s, 'spec', 'type')) ?? 'ClusterIP', clusterIP: str(get(s, 'spec', 'clusterIP')) ?? '', endpoints: endpoints.sort(byName) };
    })
    .sort(byName);

  return { nodes, groups: orderedGroups, claims, volumes, services };
}
