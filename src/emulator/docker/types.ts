/**
 * The Docker engine's state, shaped like moby's own structures (container.Container,
 * libnetwork's Network and Endpoint) so `docker inspect` can render the real JSON from it.
 */
import type { AddressPool } from './ipam.ts';
import type { ImageSpec } from './image-catalogue.ts';

/** A pulled image. */
export interface Image {
  readonly spec: ImageSpec;
  readonly id: string;
  readonly digest: string;
  /** Virtual ms of the image's build. */
  readonly created: number;
  /** When it was pulled. */
  readonly pulledAt: number;
}

/** Network drivers Docker ships (`null` is the driver of the `none` network). */
export type NetworkDriver = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan' | 'overlay';

/** One container's attachment to one network. */
export interface Endpoint {
  readonly networkId: string;
  readonly containerId: string;
  readonly endpointId: string;
  /** Address on the network, as a number; undefined on host/none. */
  ip?: number;
  mac: string;
  /** `--alias` values (plus, on user-defined networks, the short id, as Docker adds it to DNSNames). */
  readonly aliases: string[];
  /** `--ip` given at connect/run time. */
  readonly requestedIp?: string;
  /** Interface name inside the container (eth0, eth1…). */
  ifName?: string;
  /** Host side of the veth pair (bridge networks), e.g. `veth1a2b3c4`. */
  hostVeth?: string;
}

/** A Docker network. */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly scope: 'local' | 'swarm';
  readonly created: number;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly ingress: boolean;
  /** True for bridge/host/none (and the swarm's ingress and docker_gwbridge). */
  readonly predefined: boolean;
  /** Bridge device on the host: docker0, br-<12 hex>, docker_gwbridge; undefined otherwise. */
  readonly bridgeName?: string;
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** IPAM pool; undefined for host/none. */
  readonly pool?: AddressPool;
  /** IPAM config as given by the user (subnet/gateway/ip-range texts), for inspect. */
  readonly ipamConfig: readonly { Subnet: string; IPRange?: string; Gateway?: string }[];
  /** Endpoints by container id, in connection order. */
  readonly endpoints: Map<string, Endpoint>;
}

/** One `-p` mapping (a host port of 0 is picked from the ephemeral range at start). */
export interface PortBinding {
  /** Container port and protocol, e.g. 80, 'tcp'. */
  readonly containerPort: number;
  readonly proto: 'tcp' | 'udp';
  /** Host address ('' = all). */
  readonly hostIp: string;
  /** Host port; 0 in the request means "pick an ephemeral one". */
  hostPort: number;
}

/** The API's State.Status values. */
export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** The API's State object, with virtual-ms timestamps. */
export interface ContainerState {
  status: ContainerStatus;
  /** Host pid of the main process while running, else 0. */
  pid: number;
  exitCode: number;
  error: string;
  startedAt: number | undefined;
  finishedAt: number | undefined;
  oomKilled: boolean;
}

/** What `docker run`/`docker create` asked for. */
export interface ContainerConfig {
  hostname: string;
  domainname: string;
  user: string;
  env: string[];
  cmd: string[] | null;
  entrypoint: string[] | null;
  image: string;
  workingDir: string;
  tty: boolean;
  openStdin: boolean;
  labels: Record<string, string>;
  exposedPorts: string[];
  stopSignal?: string;
}

/** The parts of the API's HostConfig the lab uses. */
export interface HostConfig {
  networkMode: string;
  portBindings: PortBinding[];
  publishAll: boolean;
  autoRemove: boolean;
  binds: string[];
  pidMode: string;
  utsMode: string;
  restartPolicy: { Name: string; MaximumRetryCount: number };
}

/** One log line a container wrote. */
export interface LogLine {
  readonly at: number;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** A container as the daemon keeps it. */
export interface Container {
  readonly id: string;
  name: string;
  readonly created: number;
  readonly image: Image;
  readonly config: ContainerConfig;
  readonly hostConfig: HostConfig;
  readonly state: ContainerState;
  /** The command line `path args…` Docker computed from entrypoint + cmd. */
  readonly path: string;
  readonly args: string[];
  /** Networks by name, in connection order. Empty for `--network none` except the none entry. */
  readonly endpoints: Map<string, Endpoint>;
  readonly logs: LogLine[];
  restartCount: number;
  /** Set when the container was started at least once. */
  everStarted: boolean;
  /**
   * A container on a swarm overlay also gets a hidden endpoint on docker_gwbridge (its eth1 and
   * default route out); it is not one of its networks in `docker inspect`.
   */
  gatewayEndpoint?: Endpoint;
}
