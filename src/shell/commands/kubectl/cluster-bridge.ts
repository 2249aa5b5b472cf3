/**
 * kubectl's only view of the cluster (`src/emulator/kube`): the API store plus the few node- and
 * container-level hooks that `logs`, `exec`, `run -it` and `petlab node` need. Kept in one file so
 * kubectl's expectations of the cluster are written down in one place; every hook is optional so
 * either side can move, and a missing hook gives the lab's plain "not available" message.
 *
 * The cluster hangs off the world as `world.kube` (as the Linux model hangs off `world.linux`).
 */
import type { ApiStore } from '../../../emulator/kube/api/index.ts';
import type { Process } from '../../../emulator/linux/process.ts';
import type { World } from '../../../emulator/world.ts';

/** One container's log, as the kubelet keeps it. */
export interface ContainerLog {
  /** Lines already written (each ending in "\n"). */
  text: string;
}

/** The part of the cluster model kubectl uses beyond the API store. */
export interface ClusterModel {
  readonly store: ApiStore;
  /** Log of a container (current or previous instance), or undefined if the kubelet has none. */
  logs?(namespace: string, pod: string, container: string, previous: boolean): string | undefined;
  /** Calls `listener` with each new chunk of a container's log; returns a stop function. */
  followLogs?(namespace: string, pod: string, container: string, listener: (chunk: string) => void): () => void;
  /** The process of a running container (to run `kubectl exec` inside), or undefined. */
  containerProcess?(namespace: string, pod: string, container: string): unknown;
  /** A new process `argv` in a running container (`kubectl exec`, a pts when `tty`), or undefined. */
  execProcess?(namespace: string, pod: string, container: string, argv: string[], tty: boolean): unknown;
  /** An exec process ended with `code`: it leaves the container. */
  execEnded?(process: unknown, code: number): void;
  /** Lets the kubelets run containers' short-lived programs through the shell (see program-runner.ts). */
  setProgramRunner?(runner: (process: Process, argv: string[], io: { stdout: (text: string) => void; stderr: (text: string) => void }) => Promise<number>): void;
  hasProgramRunner?(): boolean;
  /** `petlab node stop|start`: takes a node's kubelet down or brings it back. */
  stopNode?(name: string): void;
  startNode?(name: string): void;
  /** The API server's version (`kubectl version`). @default v1.34.1 */
  readonly serverVersion?: string;
  /** The API server's URL in the kubeconfig. @default https://127.0.0.1:6443 */
  readonly serverUrl?: string;
}

/** The cluster of `world`, or undefined when the world has none. */
export function clusterOf(world: World): ClusterModel | undefined {
  return (world as unknown as { kube?: ClusterModel }).kube;
}

/** The kubeconfig's server URL. */
export function serverUrl(cluster: ClusterModel | undefined): string {
  return cluster?.serverUrl ?? 'https://127.0.0.1:6443';
}
