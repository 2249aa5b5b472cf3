/**
 * The kubelet's records of the pods it runs (a Worker per pod, a Run per container) and the part
 * of the Kubelet that its split-out steps (image pull, program runs, probes) call back into.
 */
import type { TimerHandle } from '../../clock.ts';
import type { ApiStore } from '../api/store.ts';
import type { Container, Pod } from '../api/types.ts';
import type { Process } from '../../linux/process.ts';
import type { Behaviour } from './behaviour.ts';
import type { ImageInfo } from './images.ts';
import type { ContainerRuntime } from './runtime.ts';
import type { ContainerRun, PodView } from './status.ts';

/** Longest exit/back-off delay that still keeps `settle()` waiting. */
export const FOREGROUND_LIMIT_MS = 60_000;
export const MAX_BACKOFF_MS = 300_000;

/** The kubelet's record of one container instance. */
export interface Run extends ContainerRun {
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

/** The kubelet's record of one pod. */
export interface Worker {
  key: string;
  uid: string;
  view: PodView;
  runs: Run[];
  timers: Set<TimerHandle>;
  terminating: boolean;
  volumesReady: boolean;
}

/**
 * Runs a container's short-lived program (argv) in its process's namespaces and resolves with the
 * exit status; output goes to `io`. Installed by the shell (the emulator cannot import it).
 */
export type ProgramRunner = (process: Process, argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }) => Promise<number>;

/** What the kubelet's steps use of the Kubelet (implemented by it). */
export interface KubeletHost {
  readonly nodeName: string;
  readonly store: ApiStore;
  readonly runtime: ContainerRuntime;
  /** Images cached on the node (refs). */
  readonly images: Set<string>;
  programRunner: ProgramRunner | undefined;
  /** A timer owned by the pod's worker (cancelled with it; skipped once the kubelet stops). */
  timer(w: Worker, ms: number, fn: () => void, background?: boolean): void;
  /** Records an Event about the pod (for a container: its fieldPath). */
  event(w: Worker, type: 'Normal' | 'Warning', reason: string, message: string, container?: string): void;
  /** Writes the pod's status from the worker's view. */
  writeStatus(w: Worker, first?: boolean): void;
  /** The worker's pod as stored now, if it is still that pod. */
  pod(w: Worker): Pod | undefined;
  /** Creates and starts the container (image present). */
  create(w: Worker, run: Run, info: ImageInfo): void;
  /** The container's process ended with `code`. */
  exited(w: Worker, run: Run, code: number, changed?: boolean): void;
  /** Appends a line to the container's log. */
  log(w: Worker, run: Run, line: string): void;
}
