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
import type { TimerHandle } from '../../clock.ts';
import type { ApiStore, WatchEvent } from '../api/store.ts';
import { isTerminating, keyOf, rfc3339 } from '../api/meta.ts';
import type { Container, PersistentVolumeClaim, Pod, Probe } from '../api/types.ts';
import type { EventRecorder } from '../controllers/recorder.ts';
import type { VolumeData } from '../storage/volume-data.ts';
import type { MemDir } from '../../linux/fs/nodes.ts';
import type { Process } from '../../linux/process.ts';
import { volumeMounts } from './volumes.ts';
import { behaviourOf, type Behaviour } from './behaviour.ts';
import { goDuration, lookupImage, pullError, pullMs, type ImageInfo } from './images.ts';
import { runProbe } from './probes.ts';
import type { ContainerRuntime, MountSpec } from './runtime.ts';
import { buildStatus, qosClass, type ContainerRun, type PodView } from './status.ts';

/** Longest exit/back-off delay that still keeps `settle()` waiting. */
const FOREGROUND_LIMIT_MS = 60_000;
const MAX_BACKOFF_MS = 300_000;
/** Pod sandbox (pause container + CNI) set-up time. */
const SANDBOX_MS = 800;

interface Run extends ContainerRun {
  spec: Container;
  behaviour?: Behaviour;
  info?: ImageInfo;
  backoffMs: number;
  readyStreak: number;
  failStreak: number;
  liveFails: number;
  decided: boolean;
  startedAt?: number;
  logs: string[];
  previousLogs?: string[];
}

interface Worker {
  key: string;
  uid: string;
  view: PodView;
  runs: Run[];
  timers: Set<TimerHandle>;
  terminating: boolean;
  volumesReady: boolean;
}

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
 * Runs a container's short-lived program (argv) in its process's namespaces and resolves with the
 * exit status; output goes to `io`. Installed by the shell (the emulator cannot import it).
 */
export type ProgramRunner = (process: Process, argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }) => Promise<number>;

export class Kubelet {
  readonly nodeName: string;
  readonly nodeIP: string;
  /** Whether the kubelet (and its node) is up. */
  running = true;
  /** Set by `Cluster.setProgramRunner`; without it short-lived programs only pretend to run. */
  programRunner: ProgramRunner | undefined;
  private readonly store: ApiStore;
  private readonly recorder: EventRecorder;
  private readonly runtime: ContainerRuntime;
  private readonly volumes: VolumeData;
  private readonly workers = new Map<string, Worker>();
  private readonly images: Set<string>;
  private readonly ips = new Map<string, string>();
  private readonly usedIPs = new Set<string>();
  private nextIP = 2;
  private readonly cidrBase: string;
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
    this.cidrBase = o.podCIDR.split('/')[0].replace(/\.0$/, '');
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

  private log(w: Worker, run: Run, line: string): void {
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
      const pod = this.store.tryGet('pods', ...splitKey(w.key)) as Pod | undefined;
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

  private timer(w: Worker, ms: number, fn: () => void, background = false): void {
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
    const pod = this.store.tryGet('pods', ...splitKey(key)) as Pod | undefined;
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
    pod.spec.containers.forEach((c, i) => {
      const run = w.runs[i];
      if (!run || run.name !== c.name || run.image === c.image) return;
      run.image = c.image ?? '';
      run.spec = c;
      if (!run.state.running) return;
      this.event(w, 'Normal', 'Killing', `Container ${run.name} definition changed, will be restarted`, run.name);
      run.startedAt = -1;
      const stopMs = run.behaviour?.handlesSigterm ? 200 : (pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
      this.timer(w, stopMs, () => run.startedAt === -1 && this.exited(w, run, run.behaviour?.handlesSigterm ? 0 : 137, true));
    });
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
      const ip = pod.spec.hostNetwork ? this.nodeIP : this.allocateIP(w.uid);
      w.view.podIP = ip;
      this.runtime.runPodSandbox(pod, this.nodeName, ip);
      w.view.sandboxReady = true;
      this.writeStatus(w);
      this.startContainer(w, 0);
    });
  }

  private allocateIP(uid: string): string {
    const existing = this.ips.get(uid);
    if (existing) return existing;
    // host-local IPAM: the next free address after the last one handed out.
    for (let n = 0; n < 253; n++) {
      const i = 2 + ((this.nextIP - 2 + n) % 253);
      const ip = `${this.cidrBase}.${i}`;
      if (!this.usedIPs.has(ip)) {
        this.ips.set(uid, ip);
        this.usedIPs.add(ip);
        this.nextIP = i + 1;
        return ip;
      }
    }
    throw new Error(`no free pod IP on ${this.nodeName}`);
  }

  private releaseIP(uid: string): void {
    const ip = this.ips.get(uid);
    if (ip) this.usedIPs.delete(ip);
    this.ips.delete(uid);
  }

  private pod(w: Worker): Pod | undefined {
    const p = this.store.tryGet('pods', ...splitKey(w.key)) as Pod | undefined;
    return p && p.metadata.uid === w.uid ? p : undefined;
  }

  private event(w: Worker, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void {
    const pod = this.pod(w);
    if (pod) this.recorder.event(this.source, pod, type, reason, message, container ? `spec.containers{${container}}` : undefined);
  }

  /** Pull (if needed), create and start container `i`, then the next one. */
  private startContainer(w: Worker, i: number, chain = true): void {
    const run = w.runs[i];
    if (!run || w.terminating) return;
    const policy = run.spec.imagePullPolicy ?? 'IfNotPresent';
    const info = lookupImage(run.image);
    const cached = info !== undefined && this.images.has(info.ref);
    const next = () => {
      if (chain) this.startContainer(w, i + 1);
    };
    if (policy === 'Never' && !cached) {
      run.state = { waiting: { reason: 'ErrImageNeverPull', message: `Container image "${run.image}" is not present with pull policy of Never` } };
      this.event(w, 'Warning', 'ErrImageNeverPull', `Container image "${run.image}" is not present with pull policy of Never`, run.name);
      this.writeStatus(w);
      return next();
    }
    if (policy === 'IfNotPresent' && cached) {
      this.event(w, 'Normal', 'Pulled', `Container image "${run.image}" already present on machine`, run.name);
      this.create(w, run, info!);
      return next();
    }
    this.event(w, 'Normal', 'Pulling', `Pulling image "${run.image}"`, run.name);
    const ms = info ? pullMs(info, cached) : 1200;
    this.timer(w, ms, () => {
      if (!info) {
        const msg = pullError(run.image);
        this.event(w, 'Warning', 'Failed', `Failed to pull image "${run.image}": ${msg}`, run.name);
        this.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', run.name);
        run.state = { waiting: { reason: 'ErrImagePull', message: `${msg}` } };
        this.writeStatus(w);
        this.pullBackOff(w, i);
        return next();
      }
      this.images.add(info.ref);
      this.event(w, 'Normal', 'Pulled', `Successfully pulled image "${run.image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${info.size} bytes.`, run.name);
      this.create(w, run, info);
      next();
    });
  }

  private pullBackOff(w: Worker, i: number): void {
    const run = w.runs[i];
    run.backoffMs = Math.min(run.backoffMs ? run.backoffMs * 2 : 10_000, MAX_BACKOFF_MS);
    this.timer(w, 500, () => {
      this.event(w, 'Normal', 'BackOff', `Back-off pulling image "${run.image}"`, run.name);
      this.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', run.name);
      run.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${run.image}": ErrImagePull: ${pullError(run.image)}` } };
      this.writeStatus(w);
      this.timer(w, run.backoffMs, () => this.retryPull(w, i), true);
    }, run.backoffMs > 10_000);
  }

  private retryPull(w: Worker, i: number): void {
    const run = w.runs[i];
    this.event(w, 'Normal', 'Pulling', `Pulling image "${run.image}"`, run.name);
    this.timer(w, 1200, () => {
      this.event(w, 'Warning', 'Failed', `Failed to pull image "${run.image}": ${pullError(run.image)}`, run.name);
      this.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', run.name);
      run.state = { waiting: { reason: 'ErrImagePull', message: pullError(run.image) } };
      this.writeStatus(w);
      this.pullBackOff(w, i);
    }, true);
  }

  private mountsFor(pod: Pod, c: Container): MountSpec[] {
    return volumeMounts(this.store, this.volumes, this.emptyDirs, pod, c);
  }

  private create(w: Worker, run: Run, info: ImageInfo): void {
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
    if (viaRunner && this.runProgram(w, run, pod, b.program!, now)) return;
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
    if (run.spec.readinessProbe) this.scheduleProbe(w, run, 'readiness', run.spec.readinessProbe, (run.spec.readinessProbe.initialDelaySeconds ?? 0) * 1000, now);
    if (run.spec.livenessProbe) this.scheduleProbe(w, run, 'liveness', run.spec.livenessProbe, (run.spec.livenessProbe.initialDelaySeconds ?? 0) * 1000, now);
  }

  /**
   * Runs the container's program through the shell: each output line is logged as it comes, and
   * the container exits with the program's status. False when the container has no process.
   */
  private runProgram(w: Worker, run: Run, pod: Pod, argv: string[], startedAt: number): boolean {
    const proc = this.runtime.processOf(pod, run.name);
    if (!proc || !this.programRunner) return false;
    const pending = { stdout: '', stderr: '' };
    const write = (stream: 'stdout' | 'stderr', text: string, flush = false) => {
      if (run.startedAt !== startedAt) return;
      const lines = (pending[stream] + text).split('\n');
      pending[stream] = flush ? '' : (lines.pop() ?? '');
      if (flush && lines[lines.length - 1] === '') lines.pop();
      for (const line of lines) this.log(w, run, `${rfc3339(this.store.world.now())} ${line}`);
    };
    // The program runs in host turns, not in virtual time: while it does, a 1 ms background tick
    // keeps a session's clock driver from jumping to the next timer (a probe seconds away) before
    // it ends. settle() ignores background timers.
    let running = true;
    const tick = () => {
      if (running) this.store.world.clock.after(1, tick, { background: true, label: `kubelet ${this.nodeName} program in flight` });
    };
    tick();
    const finish = (code: number) => {
      running = false;
      write('stdout', '', true);
      write('stderr', '', true);
      if (run.startedAt === startedAt) this.exited(w, run, code);
      this.store.world.markChanged();
    };
    this.programRunner(proc, argv, { stdout: (t) => write('stdout', t), stderr: (t) => write('stderr', t) }).then(finish, () => finish(1));
    return true;
  }

  private scheduleProbe(w: Worker, run: Run, kind: 'readiness' | 'liveness', probe: Probe, delayMs: number, instance: number): void {
    const background = kind === 'liveness' || run.decided;
    this.timer(
      w,
      Math.max(1, delayMs),
      () => {
        if (run.startedAt !== instance || !run.state.running) return;
        this.probe(w, run, kind, probe);
        if (run.startedAt === instance && run.state.running) this.scheduleProbe(w, run, kind, probe, (probe.periodSeconds ?? 10) * 1000, instance);
      },
      background,
    );
  }

  private probe(w: Worker, run: Run, kind: 'readiness' | 'liveness', probe: Probe): void {
    const pod = this.pod(w);
    if (!pod) return;
    const r = runProbe(this.runtime, pod, run.spec, probe);
    const title = kind === 'readiness' ? 'Readiness' : 'Liveness';
    if (kind === 'readiness') {
      if (r.ok) {
        run.failStreak = 0;
        run.readyStreak++;
        if (!run.ready && run.readyStreak >= (probe.successThreshold ?? 1)) {
          run.ready = true;
          run.decided = true;
          this.writeStatus(w);
        }
      } else {
        run.readyStreak = 0;
        run.failStreak++;
        this.event(w, 'Warning', 'Unhealthy', `${title} probe failed: ${r.message}`, run.name);
        if (run.failStreak >= (probe.failureThreshold ?? 3)) {
          run.decided = true;
          if (run.ready) {
            run.ready = false;
            this.writeStatus(w);
          }
        }
      }
      return;
    }
    if (r.ok) {
      run.liveFails = 0;
      return;
    }
    run.liveFails++;
    this.event(w, 'Warning', 'Unhealthy', `${title} probe failed: ${r.message}`, run.name);
    if (run.liveFails >= (probe.failureThreshold ?? 3)) {
      // Probing stops once the kill is decided (a new instance probes afresh).
      run.startedAt = -1;
      this.event(w, 'Normal', 'Killing', `Container ${run.name} failed liveness probe, will be restarted`, run.name);
      const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
      const stopMs = run.behaviour?.handlesSigterm ? 200 : grace * 1000;
      this.timer(w, stopMs, () => run.startedAt === -1 && this.exited(w, run, run.behaviour?.handlesSigterm ? 0 : 137), true);
    }
  }

  /** A container's process ended with `code`: record it and restart per restartPolicy. */
  private exited(w: Worker, run: Run, code: number, changed = false): void {
    const pod = this.pod(w);
    if (!pod || !run.state.running) return;
    const now = this.store.world.now();
    this.runtime.stopContainer(pod, run.name, code);
    const terminated = {
      containerID: run.containerID,
      exitCode: code,
      finishedAt: rfc3339(now),
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: run.state.running.startedAt,
    };
    run.state = { terminated };
    run.ready = false;
    run.startedAt = undefined;
    const policy = pod.spec.restartPolicy ?? 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (!restart) {
      if (w.runs.every((r) => r.state.terminated)) w.view.finalPhase = w.runs.every((r) => r.state.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
      this.writeStatus(w);
      return;
    }
    // A definition change restarts at once and does not count toward the crash back-off.
    const delay = changed ? 0 : run.backoffMs;
    if (!changed) run.backoffMs = Math.min(run.backoffMs ? run.backoffMs * 2 : 10_000, MAX_BACKOFF_MS);
    if (delay > 0) {
      run.lastState = { terminated };
      run.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay).replace(/\.0+s$/, 's')} restarting failed container=${run.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
      this.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, run.name);
    }
    this.writeStatus(w);
    this.timer(w, delay, () => this.restart(w, run, terminated), delay > 0);
  }

  private restart(w: Worker, run: Run, last: NonNullable<ContainerRun['state']['terminated']>): void {
    if (w.terminating || !run.info) return;
    run.lastState = { terminated: last };
    run.restartCount++;
    run.previousLogs = run.logs;
    if (lookupImage(run.image)?.ref !== run.info.ref) {
      // A new image: pull it (as at first start) before creating the container again.
      this.startContainer(w, w.runs.indexOf(run), false);
      return;
    }
    this.event(w, 'Normal', 'Pulled', `Container image "${run.image}" already present on machine`, run.name);
    this.create(w, run, run.info);
  }

  /** Graceful termination: stop each container (SIGTERM, SIGKILL at the deadline), then remove the pod. */
  private terminate(pod: Pod, w: Worker | undefined): void {
    if (w?.terminating) return;
    if (!w) {
      // Never started here (or the kubelet restarted): nothing runs; remove at once.
      this.runtime.stopPodSandbox(pod);
      this.releaseIP(String(pod.metadata.uid));
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
      this.releaseIP(String(pod.metadata.uid));
      for (const k of [...this.emptyDirs.keys()]) if (k.startsWith(`${pod.metadata.uid}/`)) this.emptyDirs.delete(k);
    }
  }

  private writeStatus(w: Worker, first = false): void {
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

function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

