/**
 * The seam between the Docker engine and the Linux model: the engine decides *what* happens
 * (a container starts, joins a network, publishes a port); a runtime makes it real in the world
 * (processes, namespaces, veth pairs, bridges, listeners, DNS). `NullRuntime` keeps only pid
 * numbers, for unit tests of the engine alone; `linux-runtime.ts` wires the real model.
 */
import type { Container, Endpoint, Network } from './types.ts';
import type { DockerEngine } from './engine.ts';
import type { Process } from '../linux/process.ts';

/** What the engine asks of the machine it runs on. */
export interface EngineRuntime {
  /** A network was created (make its bridge). */
  networkCreated(engine: DockerEngine, net: Network): void;
  /** A network was removed (delete its bridge). */
  networkRemoved(engine: DockerEngine, net: Network): void;
  /** Starts the container's main process in fresh namespaces; returns its host pid. */
  startContainer(engine: DockerEngine, c: Container): number;
  /** The main process exited or was killed: tear the process tree and namespaces down. */
  stopContainer(engine: DockerEngine, c: Container): void;
  /** A running container joined a network (veth pair, address, routes, DNS). */
  endpointJoined(engine: DockerEngine, c: Container, ep: Endpoint, net: Network): void;
  /** A running container left a network. */
  endpointLeft(engine: DockerEngine, c: Container, ep: Endpoint, net: Network): void;
  /** Deletes a named volume's data (`docker volume rm`). */
  removeVolume?(name: string): void;
  /** The container's main process in the Linux model (for `docker exec`, `nsenter`), if any. */
  processOf?(engine: DockerEngine, c: Container): Process | undefined;
  /**
   * A new process `argv` in the running container's namespaces, as runc exec makes it (its own
   * cwd and environment: `cd` in one `docker exec` does not move the main process), or undefined.
   */
  execProcess?(engine: DockerEngine, c: Container, argv: string[]): Process | undefined;
  /** An exec process ended with `code`. */
  execEnded?(proc: Process, code: number): void;
  /** Host processes to show in `docker top` / `ps` inside: argv lists of the container's tree. */
  processes(engine: DockerEngine, c: Container): { pid: number; ppid: number; argv: string[]; user: string; startTime: number }[];
}

/** A runtime with no Linux model behind it: pids only. */
export class NullRuntime implements EngineRuntime {
  private nextPid = 2000;
  networkCreated(): void {}
  networkRemoved(): void {}
  startContainer(): number {
    this.nextPid += 17;
    return this.nextPid;
  }
  stopContainer(): void {}
  endpointJoined(): void {}
  endpointLeft(): void {}
  processes(_e: DockerEngine, c: Container) {
    return c.state.pid ? [{ pid: c.state.pid, ppid: 1, argv: [c.path, ...c.args], user: 'root', startTime: c.state.startedAt ?? 0 }] : [];
  }
}
