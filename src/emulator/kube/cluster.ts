/**
 * A Kubernetes 1.34 cluster in the world, shaped like `kind create cluster` with two workers:
 * nodes petlab-control-plane (tainted), petlab-worker, petlab-worker2 as Linux hosts; the
 * namespaces default, kube-system, kube-public, kube-node-lease (and local-path-storage); the
 * default StorageClass `standard` (rancher.io/local-path, WaitForFirstConsumer); the Services
 * `kubernetes` (10.96.0.1) and `kube-dns` (10.96.0.10); and every controller, running on the
 * world's queue and clock. `world.settle()` drives it; nothing here reads real time.
 */
import type { World } from '../world.ts';
import { ApiStore } from './api/store.ts';
import type { Pod } from './api/types.ts';
import { EventRecorder } from './controllers/recorder.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { NamespaceController } from './controllers/namespace-controller.ts';
import { StatefulSetController } from './controllers/statefulset/controller.ts';
import { Kubelet, type ProgramRunner } from './kubelet/kubelet.ts';
import { LinuxRuntime, type EnvSource } from './kubelet/linux-runtime.ts';
import { fromBase64 } from './kubelet/volumes.ts';
import type { ApiStore as Store } from './api/store.ts';
import type { ContainerRuntime } from './kubelet/runtime.ts';
import { bootNodeHosts } from './nodes/host-network.ts';
import { KUBE_VERSION, nodeObject, type NodePlan } from './nodes/node-objects.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { ReplicaSetController } from './controllers/replicaset/controller.ts';
import { DaemonSetController } from './controllers/daemonset/controller.ts';
import { DeploymentController } from './controllers/deployment/controller.ts';
import { EndpointSliceController } from './network/endpointslice-controller.ts';
import { registerClusterDns } from './network/dns.ts';
import { ServiceAllocator } from './network/services.ts';
import { NodeLifecycle } from './nodes/lifecycle.ts';
import { createSystemWorkloads } from './nodes/system-workloads.ts';
import { PersistentVolumeController } from './storage/pv-controller.ts';
import { VolumeData } from './storage/volume-data.ts';
import type { Process } from '../linux/process.ts';

export interface ClusterOptions {
  /** Worker nodes. @default 2 */
  workers?: number;
  /** Pods per node (kubelet maxPods). @default 110 */
  maxPods?: number;
  /** The MaxUnavailableStatefulSet feature gate. @default false (alpha in 1.34) */
  maxUnavailableStatefulSet?: boolean;
  /** The StatefulSet controller's summary-driven sync (control.ts reconcileFast). Off only in tests comparing paths. @default true */
  statefulSetFastPath?: boolean;
  /** How long ago the cluster was created (its nodes' AGE). @default 300_000 */
  ageMs?: number;
  /** Skip kube-system workloads (coredns, kube-proxy…), for small unit tests. @default false */
  bare?: boolean;
}

export const CLUSTER_NAME = 'petlab';
export const DNS_IP = '10.96.0.10';

export class Cluster {
  readonly world: World;
  readonly store: ApiStore;
  readonly recorder: EventRecorder;
  readonly volumes: VolumeData;
  readonly runtime: ContainerRuntime;
  readonly kubelets = new Map<string, Kubelet>();
  readonly nodes: readonly NodePlan[];
  readonly statefulsets: StatefulSetController;
  readonly scheduler: Scheduler;
  readonly gc: GarbageCollector;
  readonly nodeLifecycle: NodeLifecycle;
  private readonly bare: boolean;

  constructor(world: World, options: ClusterOptions = {}) {
    this.world = world;
    this.store = new ApiStore(world);
    this.recorder = new EventRecorder(this.store);
    this.volumes = new VolumeData(() => world.now());
    const runtime = new LinuxRuntime(world, DNS_IP);
    runtime.resolveEnv = (pod, src) => resolveEnvSource(this.store, pod, src);
    this.runtime = runtime;
    const workers = options.workers ?? 2;
    const maxPods = options.maxPods ?? 110;
    const plans: NodePlan[] = [{ name: `${CLUSTER_NAME}-control-plane`, ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true, maxPods }];
    for (let i = 1; i <= workers; i++) {
      plans.push({ name: `${CLUSTER_NAME}-worker${i === 1 ? '' : i}`, ip: `172.18.0.${2 + i}`, podCIDR: `10.244.${i}.0/24`, controlPlane: false, maxPods });
    }
    this.nodes = plans;
    new NamespaceController(this.store);
    this.gc = new GarbageCollector(this.store, this.recorder);
    this.statefulsets = new StatefulSetController(this.store, this.recorder, { maxUnavailableEnabled: options.maxUnavailableStatefulSet ?? false, fastPath: options.statefulSetFastPath ?? true });
    this.scheduler = new Scheduler(this.store, this.recorder);
    new PersistentVolumeController(this.store, this.recorder, this.volumes);
    new ReplicaSetController(this.store, this.recorder);
    new DeploymentController(this.store, this.recorder);
    // kind's kindnet and kube-proxy DaemonSets are static (nodes/system-workloads.ts creates their pods).
    new DaemonSetController(this.store, this.recorder, (ds) => ds.metadata.namespace === 'kube-system' && (ds.metadata.name === 'kindnet' || ds.metadata.name === 'kube-proxy'));
    new EndpointSliceController(this.store);
    const hosts = bootNodeHosts(world, plans);
    new ServiceAllocator(this.store, () => hosts.values());
    this.bare = options.bare ?? false;
    registerClusterDns(world, this.store, DNS_IP, !this.bare);
    for (const plan of plans) {
      this.kubelets.set(plan.name, new Kubelet({ nodeName: plan.name, nodeIP: plan.ip, podCIDR: plan.podCIDR, store: this.store, recorder: this.recorder, runtime: this.runtime, volumes: this.volumes, images: PRELOADED }));
    }
    this.nodeLifecycle = new NodeLifecycle(this.store, this.recorder, this.kubelets);
    // One pod watch for all kubelets, routed by node (each kubelet watches spec.nodeName=<itself>).
    this.store.watch('pods', {}, (e) => {
      const node = (e.object as Pod).spec.nodeName ?? (e.oldObject as Pod | undefined)?.spec.nodeName;
      if (node) this.kubelets.get(node)?.onPod(e);
    });
  }

  /** Takes `node` down (`petlab node stop`). Throws for an unknown node. */
  stopNode(node: string): void {
    this.nodeLifecycle.stopNode(node);
  }

  /**
   * Lets the kubelets run containers' short-lived programs (nslookup, echo, `sh -c …`) for real,
   * through the shell, which installs `runner` on its first kubectl command. Once is enough.
   */
  setProgramRunner(runner: ProgramRunner): void {
    for (const k of this.kubelets.values()) k.programRunner ??= runner;
  }

  /** Whether a program runner is installed. */
  hasProgramRunner(): boolean {
    return [...this.kubelets.values()].some((k) => k.programRunner !== undefined);
  }

  /** Brings `node` back (`petlab node start`). Throws for an unknown node. */
  startNode(node: string): void {
    this.nodeLifecycle.startNode(node);
  }

  /** Creates the objects a fresh kind cluster has, backdated by `ageMs`. */
  bootstrap(ageMs: number): void {
    const created = this.world.now() - ageMs;
    const sys = { createdAt: created };
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']) {
      this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, sys);
    }
    for (const plan of this.nodes) this.store.create(nodeObject(plan, created, (n) => this.world.rng.hex(n)), sys);
    this.store.create(
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
        provisioner: 'rancher.io/local-path',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'WaitForFirstConsumer',
      },
      sys,
    );
    createSystemWorkloads(this.store, this.nodes, created, () => this.world.rng.string(5, 'bcdfghjklmnpqrstvwxz2456789'), !this.bare);
  }

  /** The kubelet of `node`, or undefined. */
  kubelet(node: string): Kubelet | undefined {
    return this.kubelets.get(node);
  }

  /**
   * The process to run `kubectl exec` in: the container's main process (join its namespaces).
   * Errors carry kubectl's texts (`container nginxx is not valid for pod web-0`).
   */
  execTarget(namespace: string, podName: string, container?: string): { process: Process; container: string } | { error: string; reason?: 'NotFound' | 'BadRequest' } {
    const pod = this.store.tryGet('pods', namespace, podName) as Pod | undefined;
    if (!pod) return { error: `pods "${podName}" not found`, reason: 'NotFound' };
    const name = container ?? pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0]?.name;
    if (!pod.spec.containers.some((c) => c.name === name)) return { error: `container ${name} is not valid for pod ${podName}`, reason: 'BadRequest' };
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return { error: `cannot exec into a container in a completed pod; current phase is ${phase}` };
    const proc = this.runtime.processOf(pod, String(name));
    if (!proc || proc.exited) return { error: `unable to upgrade connection: container not found ("${name}")` };
    return { process: proc, container: String(name) };
  }

  /** The API server's version, as `kubectl version` prints it. */
  readonly serverVersion = KUBE_VERSION;

  /** A container's log text (`kubectl logs`; lines end in "\n"), or undefined when it never started. */
  logs(namespace: string, podName: string, container: string, previous = false): string | undefined {
    const pod = this.store.tryGet('pods', namespace, podName) as Pod | undefined;
    if (!pod?.spec.nodeName) return undefined;
    const lines = this.kubelets.get(pod.spec.nodeName)?.logs(pod, container, previous);
    return lines === undefined ? undefined : lines.map((l) => `${l.replace(/^\S+ /, '')}\n`).join('');
  }

  /** Calls `listener` with each new chunk of a container's log (`kubectl logs -f`); returns a stop function. */
  followLogs(namespace: string, podName: string, container: string, listener: (chunk: string) => void): () => void {
    const pod = this.store.tryGet('pods', namespace, podName) as Pod | undefined;
    const k = pod?.spec.nodeName ? this.kubelets.get(pod.spec.nodeName) : undefined;
    if (!pod || !k) return () => {};
    return k.followLogs(pod, container, (line) => listener(`${line.replace(/^\S+ /, '')}\n`));
  }

  /** The main process of a running container (to run `kubectl exec` inside its namespaces), or undefined. */
  containerProcess(namespace: string, podName: string, container: string): Process | undefined {
    const r = this.execTarget(namespace, podName, container);
    return 'process' in r ? r.process : undefined;
  }

  /** `kubectl exec`: a new process `argv` in a running container (the runtime's CRI Exec), or undefined. */
  execProcess(namespace: string, podName: string, container: string, argv: string[], tty: boolean): Process | undefined {
    const pod = this.store.tryGet('pods', namespace, podName) as Pod | undefined;
    return pod && this.containerProcess(namespace, podName, container) ? this.runtime.execProcess?.(pod, container, argv, tty) : undefined;
  }

  /** An exec process ended: it leaves the container. */
  execEnded(process: Process, code: number): void {
    this.runtime.execEnded?.(process, code);
  }
}

/** Images a kind node image ships with. */
const PRELOADED = [
  'registry.k8s.io/pause:3.10',
  'registry.k8s.io/coredns/coredns:v1.12.1',
  'registry.k8s.io/etcd:3.6.4-0',
  'registry.k8s.io/kube-apiserver:v1.34.0',
  'registry.k8s.io/kube-controller-manager:v1.34.0',
  'registry.k8s.io/kube-proxy:v1.34.0',
  'registry.k8s.io/kube-scheduler:v1.34.0',
  'docker.io/kindest/kindnetd:v20250512-df8de77b',
  'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
];

/**
 * Creates the default cluster in `world` and lets it settle, so it is ready (and `ageMs` old)
 * when the learner's first command runs.
 */
export function createCluster(world: World, options: ClusterOptions = {}): Cluster {
  const cluster = new Cluster(world, options);
  const bootStart = world.now();
  const ageMs = options.ageMs ?? 300_000;
  cluster.bootstrap(ageMs);
  world.settle();
  // What the controllers created while booting (CoreDNS and local-path-provisioner pods, their
  // ReplicaSets, events) dates from the cluster's creation too, as in a kind cluster that old.
  cluster.store.backdate(bootStart, ageMs);
  clusters.set(world, cluster);
  // kubectl finds the cluster as `world.kube` (src/shell/commands/kubectl/cluster-bridge.ts).
  Object.defineProperty(world, 'kube', { value: cluster, configurable: true, enumerable: false });
  return cluster;
}

const clusters = new WeakMap<World, Cluster>();

/** The cluster created in `world` by `createCluster`, if any (kubectl's entry point). */
export function clusterOf(world: World): Cluster | undefined {
  return clusters.get(world);
}

/** The value of an env var's `valueFrom` for `pod` (downward API, ConfigMap or Secret key). */
function resolveEnvSource(store: Store, pod: Pod, src: EnvSource): string | undefined {
  if (src.fieldRef) {
    const path = src.fieldRef.fieldPath;
    if (path === 'metadata.name') return String(pod.metadata.name);
    if (path === 'metadata.namespace') return String(pod.metadata.namespace);
    if (path === 'metadata.uid') return String(pod.metadata.uid);
    if (path === 'spec.nodeName') return pod.spec.nodeName;
    if (path === 'spec.serviceAccountName') return pod.spec.serviceAccountName;
    if (path === 'status.podIP') return pod.status?.podIP;
    if (path === 'status.hostIP') return pod.status?.hostIP;
    const label = path.match(/^metadata\.labels\['(.+)'\]$/);
    if (label) return pod.metadata.labels?.[label[1]];
    return undefined;
  }
  if (src.configMapKeyRef) {
    const cm = store.tryGet('configmaps', pod.metadata.namespace, src.configMapKeyRef.name);
    return (cm?.data as Record<string, string> | undefined)?.[src.configMapKeyRef.key];
  }
  if (src.secretKeyRef) {
    const sec = store.tryGet('secrets', pod.metadata.namespace, src.secretKeyRef.name);
    const v = (sec?.data as Record<string, string> | undefined)?.[src.secretKeyRef.key];
    return v === undefined ? undefined : fromBase64(v);
  }
  return undefined;
}
