/**
 * The container runtime seam (a tiny CRI): the kubelet decides what happens to a pod; the runtime
 * makes it real. `LinuxRuntime` (linux-runtime.ts) builds pods in the world's Linux model —
 * a pause process holding the pod's net/uts/ipc namespaces, one process per container with its
 * own mount and PID namespaces and root file system — so `kubectl exec` runs inside them.
 */
import type { Container, Pod } from '../api/types.ts';
import type { MemDir } from '../../linux/fs/nodes.ts';
import type { Process } from '../../linux/process.ts';
import type { Behaviour } from './behaviour.ts';
import type { ImageInfo } from './images.ts';

/** A volume to mount into a container. */
export interface MountSpec {
  mountPath: string;
  root: MemDir;
  readOnly: boolean;
  /** `ext4` for persistent volumes, `tmpfs` for emptyDir/projected. */
  fstype: string;
  source: string;
}

/** The outcome of an HTTP probe: a status code, or a connection failure text. */
export type HttpResult = { status: number } | { error: string };

export interface ContainerRuntime {
  /** Creates the pod's sandbox (namespaces, network with `podIP`, /etc/hosts, resolv.conf). */
  runPodSandbox(pod: Pod, node: string, podIP: string): void;
  /** Starts a container's main process; returns its `containerd://<id>`. */
  startContainer(pod: Pod, container: Container, image: ImageInfo, behaviour: Behaviour, mounts: MountSpec[]): string;
  /** Ends a container's process tree (exit code for the record). */
  stopContainer(pod: Pod, name: string, exitCode: number): void;
  /** Removes the sandbox and every container of the pod. */
  stopPodSandbox(pod: Pod): void;
  /** Runs `argv` in the container (exec probes): exit code and output. */
  exec(pod: Pod, name: string, argv: string[]): { code: number; output: string };
  /** An HTTP GET from the node to the pod, as the kubelet's prober does. */
  httpGet(pod: Pod, port: number, path: string, host?: string): HttpResult;
  /** A TCP connect from the node to the pod. */
  tcp(pod: Pod, port: number): boolean;
  /** Applies a file change a container's script makes (touch, rm, write, append). */
  applyFileOp(pod: Pod, name: string, op: 'touch' | 'rm' | 'write' | 'append', path: string, text?: string): void;
  /** The container's main process, for `nsenter` and the container's own programs. */
  processOf(pod: Pod, name: string): Process | undefined;
  /**
   * A new process `argv` in the running container's namespaces, as the CRI Exec call makes it
   * (runc exec: its own cwd `/` and the container's environment, a pts when `tty`), for
   * `kubectl exec`; undefined when the container is not running. End it with `execEnded`.
   */
  execProcess?(pod: Pod, name: string, argv: string[], tty: boolean): Process | undefined;
  /** An exec process ended with `code`: it leaves the container's process table. */
  execEnded?(proc: Process, code: number): void;
}
