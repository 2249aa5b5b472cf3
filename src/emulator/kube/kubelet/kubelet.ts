/**
 * The kubelet of one node, as a deterministic state machine over virtual time. For each pod
 * bound to the node: sandbox and pod IP → for each container: image pull (Pulling/Pulled with
 * realistic durations, faster when cached) → Created → Started → probes (readiness gates Ready;
 * liveness restarts) → exit and restart with CrashLoopBackOff back-off per restartPolicy. A
 * deleted pod is stopped within its grace period (servers stop on SIGTERM; shells wait for
 * SIGKILL) and then removed from the API. A stopped node's kubelet does nothing at all.
 *
 * Timers that change what a learner waits for are foreground; periodic probes after the first
 * verdict, long sleeps and back-offs are background, so `world.settle()` ends.
 */
import type { ApiStore, WatchEvent } from '../api/store.ts';
import { isTerminating, keyOf, rfc3339 } from '../api/meta.ts';
import type { Container, PersistentVolumeClaim, Pod } from '../api/types.ts';
import type { EventRecorder } from '../controllers/recorder.ts';
import type { VolumeData } from '../storage/volume-data.ts';
import type { MemDir } from '../../linux/fs/nodes.ts';
import { volumeMounts } from './volumes.ts';
import { behaviourOf } from './behaviour.ts';
import type { ImageInfo } from './images.ts';
import { startContainer, startsAtOnce } from './image-pull.ts';
import { containerExited } from './restarts.ts';
import { PodIPs } from './pod-ips.ts';
import { runProgram } from './program.ts';
import { scheduleProbe } from './probing.ts';
import type { ContainerRuntime, MountSpec } from './runtime.ts';
import { buildStatus, qosClass } from './status.ts';
import { FOREGROUND_LIMIT_MS, type KubeletHost, type ProgramRunner, type Run, type Worker } from './worker.ts';

export type { ProgramRunner } from './worker.ts';

/** Pod sandbox (pause container + CNI) set-up time. */
const SANDBOX_MS = 800;

export interface KubeletOptions {
  nodeName: string;
  nodeIP: string;
  /** e.g. `10.244.1.0/24` */
  podCIDR: string;
  store: ApiStore;
  recorder: EventRecorder;
  runtime: ContainerRuntime;
  volumes: VolumeData;
  /** Images already on the node (kind preloads its own). */
  images?: Iterable<string>;
}

/**
 * One node's kubelet: follows the pods bound to its node (`onPod`), runs them and writes their
 * status; `stop`/`start` take it down with its node and back. The steps live beside it:
 * image-pull.ts, restarts.ts, probing.ts, program.ts, pod-ips.ts, status.ts.
 */
export class Kubelet implements KubeletHost {
  readonly nodeName: string;
  readonly nodeIP: string;
  /** Whether the kubelet (and its node) is up. */
  running = true;
  /** Set by `Cluster.setProgramRunner`; without it short-lived programs only pretend to run. */
  programRunner: ProgramRunner | undefined;
  /** The API (KubeletHost: also for the kubelet's steps in the files beside this one). */
  readonly store: ApiStore;
  readonly runtime: ContainerRuntime;
  /** Image refs cached on the node. */
  readonly images: Set<string>;
  private readonly recorder: EventRecorder;
  private readonly volumes: VolumeData;
  private readonly workers = new Map<string, Worker>();
  private readonly ips: PodIPs;
  private readonly emptyDirs = new Map<string, MemDir>();
  private readonly source: { component: string; host: string };
  private readonly logListeners = new Map<string, Set<(line: string) => void>>();
  private readonly restartsAfterReboot = new Map<string, Map<string, number>>();

  constructor(o: KubeletOptions) {
    this.nodeName = o.nodeName;
    this.nodeIP = o.nodeIP;
    this.store = o.store;
    this.recorder = o.recorder;
    this.runtime = o.runtime;
    this.volumes = o.volumes;
    this.images = new Set(o.images ?? []);
    this.ips = new PodIPs(o.podCIDR, o.nodeName);
    this.source = { component: 'kubelet', host: o.nodeName };
    this.store.watch('persistentvolumeclaims', {}, (e) => {
      if ((e.object as PersistentVolumeClaim).status?.phase !== 'Bound') return;
      for (const w of this.workers.values()) if (!w.volumesReady) this.sync(w.key);
    });
  }

  /** Images cached on this node. */
  cachedImages(): ReadonlySet<string> {
    return this.images;
  }

  /** The container's log lines (current or previous instance), or undefined if never started. */
  logs(pod: Pod, container: string, previous = false): string[] | undefined {
    const run = this.workers.get(keyOf(pod))?.runs.find((r) => r.name === container);
    if (!run) return undefined;
    return previous ? run.previousLogs : run.logs;
  }

  /** Calls `listener` with each new log line of a container; returns a stop function. */
  followLogs(pod: Pod, container: string, listener: (line: string) => void): () => void {
    const key = `${pod.metadata.uid}/${container}`;
    let set = this.logListeners.get(key);
    if (!set) this.logListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** KubeletHost. */
  log(w: Worker, run: Run, line: string): void {
    run.logs.push(line);
    for (const l of this.logListeners.get(`${w.uid}/${run.name}`) ?? []) l(line);
  }

  /** Stops the kubelet: timers stop, containers die with the node (the API objects stay). */
  stop(): void {
    this.running = false;
    for (const w of this.workers.values()) {
      // After the node comes back each container restarts: its count goes up by one.
      this.restartsAfterReboot.set(w.uid, new Map(w.runs.map((r) => [r.name, r.restartCount + (r.started || r.state.terminated ? 1 : 0)])));
      for (const t of w.timers) t.cancel();
      const pod = podAt(this.store, w.key);
      if (pod) this.runtime.stopPodSandbox(pod);
    }
    this.workers.clear();
  }

  /** Starts the kubelet again: it re-syncs every pod bound to the node. */
  start(): void {
    this.running = true;
    for (const pod of this.store.list('pods', { fieldSelector: `spec.nodeName=${this.nodeName}` }).items) this.sync(keyOf(pod));
  }

  /** A watch event for a pod bound to this node (the cluster routes them by spec.nodeName). */
  onPod(e: WatchEvent): void {
    if (!this.running) return;
    if (e.type === 'DELETED') {
      this.cleanup(keyOf(e.object), e.object as Pod);
      return;
    }
    this.sync(keyOf(e.object));
  }

  /** KubeletHost. */
  timer(w: Worker, ms: number, fn: () => void, background = false): void {
    const h = this.store.world.clock.after(
      ms,
      () => {
        w.timers.delete(h);
        if (this.running && this.workers.get(w.key) === w) fn();
      },
      { background, label: `kubelet ${this.nodeName} ${w.key}` },
    );
    w.timers.add(h);
  }

  private sync(key: string): void {
    if (!this.running) return;
    const pod = podAt(this.store, key);
    let w = this.workers.get(key);
    if (!pod) {
      if (w) this.cleanup(key);
      return;
    }
    if (w && w.uid !== pod.metadata.uid) {
      this.cleanup(key);
      w = undefined;
    }
    if (isTerminating(pod)) return this.terminate(pod, w);
    if (!w) return this.begin(pod);
    this.applySpecChanges(w, pod);
    if (!w.volumesReady && this.volumesBound(pod)) {
      w.volumesReady = true;
      this.createSandbox(w);
    }
  }

  /** A changed container image (the one mutable container field): restart that container with it. */
  private applySpecChanges(w: Worker, pod: Pod): void {
    const containers = pod.spec.containers;
    for (let i = 0; i < containers.length; i++) {
      const c = containers[i];
      const run = w.runs[i];
      if (!run || run.name !== c.name || run.image === c.image) continue;
      run.image = c.image ?? '';
      run.spec = c;
      if (!run.state.running) continue;
      this.event(w, 'Normal', 'Killing', `Container ${run.name} definition changed, will be restarted`, run.name);
      run.startedAt = -1;
      const stopMs = run.behaviour?.handlesSigterm ? 200 : (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      this.timer(w, stopMs, () => run.startedAt === -1 && this.exited(w, run, run.behaviour?.handlesSigterm ? 0 : 137, true));
    }
  }

  private volumesBound(pod: Pod): boolean {
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = this.store.tryGet('persistentvolumeclaims', pod.metadata.namespace, v.persistentVolumeClaim.claimName) as PersistentVolumeClaim | undefined;
      if (pvc?.status?.phase !== 'Bound') return false;
    }
    return true;
  }

  private begin(pod: Pod): void {
    const w: Worker = {
      key: keyOf(pod),
      uid: String(pod.metadata.uid),
      view: { hostIP: this.nodeIP, startTime: this.store.world.now(), sandboxReady: false, initialized: true, containers: [] },
      runs: pod.spec.containers.map((c) => ({
        name: c.name,
        image: c.image ?? '',
        imageID: '',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        restartCount: 0,
        ready: false,
        started: false,
        spec: c,
        backoffMs: 0,
        readyStreak: 0,
        failStreak: 0,
        liveFails: 0,
        decided: false,
        logs: [],
      })),
      timers: new Set(),
      terminating: false,
      volumesReady: this.volumesBound(pod),
    };
    const restarts = this.restartsAfterReboot.get(w.uid);
    if (restarts) {
      for (const r of w.runs) r.restartCount = restarts.get(r.name) ?? 0;
      this.restartsAfterReboot.delete(w.uid);
    }
    w.view.containers = w.runs;
    this.workers.set(w.key, w);
    this.writeStatus(w, true);
    if (w.volumesReady) this.createSandbox(w);
  }

  private createSandbox(w: Worker): void {
    // The sandbox (pause container, CNI) takes about a second.
    this.timer(w, SANDBOX_MS, () => {
      const pod = this.pod(w);
      if (!pod) return;
      const ip = pod.spec.hostNetwork ? this.nodeIP : this.ips.allocate(w.uid);
      w.view.podIP = ip;
      this.runtime.runPodSandbox(pod, this.nodeName, ip);
      w.view.sandboxReady = true;
      // One sync creates the sandbox and starts what it can: when the first container starts at
      // once, its status write is the first to show the sandbox (the real kubelet writes the
      // status of a sync, not of each step in it).
      if (!startsAtOnce(this, w, 0)) this.writeStatus(w);
      startContainer(this, w, 0);
    });
  }

  /** KubeletHost. */
  pod(w: Worker): Pod | undefined {
    const p = podAt(this.store, w.key);
    return p && p.metadata.uid === w.uid ? p : undefined;
  }

  /** KubeletHost. */
  event(w: Worker, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const pod = this.pod(w);
    if (pod) this.recorder.event(this.source, pod, type, reason, message, container ? `spec.containers{${container}}` : undefined);
  }

  private mountsFor(pod: Pod, c: Container): MountSpec[] {
    return volumeMounts(this.store, this.volumes, this.emptyDirs, pod, c);
  }

  /** KubeletHost. */
  create(w: Worker, run: Run, info: ImageInfo): void {
    const pod = this.pod(w);
    if (!pod || w.terminating) return;
    run.info = info;
    run.behaviour = behaviourOf(run.spec, info);
    run.imageID = `${info.ref.split(':')[0].split('@')[0]}@${info.digest}`;
    run.containerID = this.runtime.startContainer(pod, run.spec, info, run.behaviour, this.mountsFor(pod, run.spec));
    this.event(w, 'Normal', 'Created', `Created container: ${run.name}`, run.name);
    this.event(w, 'Normal', 'Started', `Started container ${run.name}`, run.name);
    const now = this.store.world.now();
    run.startedAt = now;
    run.state = { running: { startedAt: rfc3339(now) } };
    run.started = !run.spec.startupProbe;
    run.ready = !run.spec.readinessProbe;
    run.readyStreak = 0;
    run.failStreak = 0;
    run.liveFails = 0;
    run.decided = !run.spec.readinessProbe;
    const stamp = rfc3339(now);
    run.logs = [];
    const b = run.behaviour;
    // A short-lived program runs for real when the shell has installed its runner.
    const viaRunner = b.program !== undefined && this.programRunner !== undefined && this.runtime.processOf(pod, run.name) !== undefined;
    if (!viaRunner) for (const l of b.startupLog) this.log(w, run, `${stamp} ${l}`);
    this.writeStatus(w);
    if (viaRunner && runProgram(this, w, run, pod, b.program!, now)) return;
    for (const step of b.steps ?? []) {
      const startedAt = now;
      this.timer(
        w,
        Math.max(1, step.afterMs),
        () => {
          if (run.startedAt !== startedAt) return;
          const current = this.pod(w);
          if (!current) return;
          if (step.op === 'log') this.log(w, run, `${rfc3339(this.store.world.now())} ${step.text}`);
          else this.runtime.applyFileOp(current, run.name, step.op, String(step.path), step.text);
        },
        step.afterMs > FOREGROUND_LIMIT_MS,
      );
    }
    if (b.exitAfterMs !== undefined) {
      const startedAt = now;
      this.timer(w, b.exitAfterMs, () => run.startedAt === startedAt && this.exited(w, run, b.exitCode), b.exitAfterMs > FOREGROUND_LIMIT_MS);
    }
    if (run.spec.readinessProbe) scheduleProbe(this, w, run, 'readiness', run.spec.readinessProbe, (run.spec.readinessProbe.initialDelaySeconds ?? 0) * 1000, now);
    if (run.spec.livenessProbe) scheduleProbe(this, w, run, 'liveness', run.spec.livenessProbe, (run.spec.livenessProbe.initialDelaySeconds ?? 0) * 1000, now);
  }

  /** KubeletHost: a container's process ended with `code` (restarts.ts). */
  exited(w: Worker, run: Run, code: number, changed = false): void {
    containerExited(this, w, run, code, changed);
  }

  /** Graceful termination: stop each container (SIGTERM, SIGKILL at the deadline), then remove the pod. */
  private terminate(pod: Pod, w: Worker | undefined): void {
    if (w?.terminating) return;
    if (!w) {
      // Never started here (or the kubelet restarted): nothing runs; remove at once.
      this.runtime.stopPodSandbox(pod);
      this.ips.release(String(pod.metadata.uid));
      this.finish(pod);
      return;
    }
    w.terminating = true;
    for (const t of w.timers) t.cancel();
    w.timers.clear();
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let longest = 0;
    for (const run of w.runs) {
      if (!run.state.running) continue;
      this.event(w, 'Normal', 'Killing', `Stopping container ${run.name}`, run.name);
      longest = Math.max(longest, run.behaviour?.handlesSigterm ? Math.min(grace, 100 + this.store.world.rng.int(300)) : grace);
    }
    this.timer(w, longest, () => {
      const now = rfc3339(this.store.world.now());
      const current = this.pod(w);
      for (const run of w.runs) {
        if (!run.state.running) continue;
        const code = run.behaviour?.handlesSigterm ? 0 : 137;
        if (current) this.runtime.stopContainer(current, run.name, code);
        run.state = { terminated: { containerID: run.containerID, exitCode: code, finishedAt: now, reason: code === 0 ? 'Completed' : 'Error', startedAt: run.state.running.startedAt } };
        run.ready = false;
      }
      if (!current) return;
      this.writeStatus(w);
      this.runtime.stopPodSandbox(current);
      this.finish(current);
    });
  }

  private finish(pod: Pod): void {
    try {
      this.store.delete('pods', pod.metadata.namespace, String(pod.metadata.name), { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch {
      /* already gone */
    }
  }

  private cleanup(key: string, pod?: Pod): void {
    const w = this.workers.get(key);
    if (w) {
      for (const t of w.timers) t.cancel();
      this.workers.delete(key);
    }
    if (pod) {
      this.runtime.stopPodSandbox(pod);
      this.ips.release(String(pod.metadata.uid));
      for (const k of [...this.emptyDirs.keys()]) if (k.startsWith(`${pod.metadata.uid}/`)) this.emptyDirs.delete(k);
    }
  }

  /** KubeletHost. */
  writeStatus(w: Worker, first = false): void {
    const pod = this.pod(w);
    if (!pod) return;
    const status = buildStatus(pod, w.view, this.store.world.now());
    if (first) status.qosClass = qosClass(pod);
    const next: Pod = { ...pod, status };
    this.store.updateStatus(next, { adopt: true });
    const ready = (s: Pod['status']) => s?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    if (ready(next.status) && !ready(pod.status)) {
      this.store.world.events.record({ source: 'kube/kubelet', type: 'pod.ready', subject: `pod/${w.key}`, message: `${pod.metadata.name} is Running and Ready on ${this.nodeName}`, data: { node: this.nodeName, pod: pod.metadata.name, namespace: pod.metadata.namespace } });
    }
  }
}

/** The pod stored under `key` (`namespace/name`); a key without a namespace takes the old way round. */
function podAt(store: ApiStore, key: string): Pod | undefined {
  return (key.includes('/') ? store.tryGetKey('pods', key) : store.tryGet('pods', ...splitKey(key))) as Pod | undefined;
}

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

