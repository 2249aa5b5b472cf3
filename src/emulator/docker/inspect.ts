/**
 * The daemon's inspect documents, in the Engine API's JSON shape (API 1.48, Docker 28):
 * `ContainerJSON` for `docker inspect`/`container inspect` and `network.Inspect` for
 * `docker network inspect`. Key order follows moby's Go structs, so `docker inspect` output
 * reads like the real thing. As in Docker 28, the deprecated top-level NetworkSettings fields
 * (IPAddress, Gateway, MacAddress…) are filled only for the default `bridge` network.
 */
import type { DockerEngine } from './engine.ts';
import { formatIPv4 } from './ipv4.ts';
import { stableHex } from './stable-hex.ts';
import type { Container, Image, Network, PortBinding } from './types.ts';
import { layerIds } from './image-catalogue.ts';

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** RFC 3339 with nanoseconds, as Go prints time.Time in JSON. `salt` varies the sub-ms digits. */
export function goTime(ms: number | undefined, salt = ''): string {
  if (ms === undefined) return ZERO_TIME;
  const iso = new Date(ms).toISOString(); // 2026-11-29T10:00:05.123Z
  let h = 7;
  for (const ch of salt) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
  const nanos = `${iso.slice(20, 23)}${String(h).padStart(6, '0')}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${nanos ? `.${nanos}` : ''}Z`;
}

/** Ports map of NetworkSettings/HostConfig: `{"80/tcp": [{HostIp, HostPort}]}`. */
function portMap(c: Container, running: boolean): Record<string, { HostIp: string; HostPort: string }[] | null> {
  const out: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  for (const p of c.config.exposedPorts) out[p] = null;
  for (const b of c.hostConfig.portBindings) {
    const key = `${b.containerPort}/${b.proto}`;
    const list = out[key] ?? [];
    if (b.hostIp === '') {
      list.push({ HostIp: '0.0.0.0', HostPort: String(b.hostPort) }, { HostIp: '::', HostPort: String(b.hostPort) });
    } else list.push({ HostIp: b.hostIp, HostPort: String(b.hostPort) });
    out[key] = list;
  }
  if (!running) return {};
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function hostPortBindings(bindings: readonly PortBinding[]): Record<string, { HostIp: string; HostPort: string }[]> {
  const out: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const b of bindings) {
    const key = `${b.containerPort}/${b.proto}`;
    (out[key] ??= []).push({ HostIp: b.hostIp, HostPort: b.hostPort ? String(b.hostPort) : '' });
  }
  return out;
}

/** The `docker inspect <container>` document. */
export function inspectContainer(engine: DockerEngine, c: Container): Record<string, unknown> {
  const running = c.state.status === 'running' || c.state.status === 'paused';
  const dir = `/var/lib/docker/containers/${c.id}`;
  const networks: Record<string, unknown> = {};
  let top = { EndpointID: '', Gateway: '', IPAddress: '', IPPrefixLen: 0, MacAddress: '' };
  for (const name of [...c.endpoints.keys()].sort()) {
    const ep = c.endpoints.get(name)!;
    const net = engine.networks.get(ep.networkId);
    const active = running && ep.ip !== undefined;
    const userDefined = net !== undefined && !net.predefined;
    const entry = {
      IPAMConfig: ep.requestedIp ? { IPv4Address: ep.requestedIp } : null,
      Links: null,
      Aliases: ep.aliases.length ? [...ep.aliases] : null,
      MacAddress: active ? ep.mac : '',
      DriverOpts: null,
      GwPriority: 0,
      NetworkID: ep.networkId,
      EndpointID: running ? ep.endpointId : '',
      Gateway: active ? (net?.pool?.gatewayText() ?? '') : '',
      IPAddress: active ? formatIPv4(ep.ip!) : '',
      IPPrefixLen: active ? (net?.pool?.subnet.bits ?? 0) : 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: userDefined && running ? [c.name, c.id.slice(0, 12), ...ep.aliases] : null,
    };
    networks[name] = entry;
    if (name === 'bridge' && net?.name === 'bridge') {
      top = { EndpointID: entry.EndpointID, Gateway: entry.Gateway, IPAddress: entry.IPAddress, IPPrefixLen: entry.IPPrefixLen, MacAddress: entry.MacAddress };
    }
  }
  const sandbox = running ? stableHex(`sandbox:${c.id}:${c.state.startedAt}`, 64) : '';
  return {
    Id: c.id,
    Created: goTime(c.created, c.id),
    Path: c.path,
    Args: c.args,
    State: {
      Status: c.state.status,
      Running: running,
      Paused: c.state.status === 'paused',
      Restarting: c.state.status === 'restarting',
      OOMKilled: c.state.oomKilled,
      Dead: c.state.status === 'dead',
      Pid: c.state.pid,
      ExitCode: c.state.exitCode,
      Error: c.state.error,
      StartedAt: goTime(c.state.startedAt, `${c.id}s`),
      FinishedAt: goTime(c.state.finishedAt, `${c.id}f`),
    },
    Image: c.image.id,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: `/${c.name}`,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: null,
    HostConfig: {
      Binds: c.hostConfig.binds.length ? c.hostConfig.binds : null,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: c.hostConfig.networkMode,
      PortBindings: hostPortBindings(c.hostConfig.portBindings),
      RestartPolicy: c.hostConfig.restartPolicy,
      AutoRemove: c.hostConfig.autoRemove,
      VolumeDriver: '',
      VolumesFrom: null,
      ConsoleSize: [0, 0],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: c.hostConfig.pidMode,
      Privileged: false,
      PublishAllPorts: c.hostConfig.publishAll,
      ReadonlyRootfs: false,
      SecurityOpt: null,
      UTSMode: c.hostConfig.utsMode,
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      CpusetCpus: '',
      CpusetMems: '',
      MemoryReservation: 0,
      MemorySwap: 0,
      PidsLimit: null,
      Ulimits: null,
      MaskedPaths: ['/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'],
      ReadonlyPaths: ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'],
    },
    GraphDriver: {
      Data: {
        ID: c.id,
        LowerDir: `/var/lib/docker/overlay2/${c.id}-init/diff:/var/lib/docker/overlay2/${c.image.id.slice(7)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${c.id}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${c.id}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${c.id}/work`,
      },
      Name: 'overlay2',
    },
    Mounts: c.hostConfig.binds.map((b) => {
      const [src, dst, mode] = b.split(':');
      const named = !src.startsWith('/');
      return named
        ? { Type: 'volume', Name: src, Source: `/var/lib/docker/volumes/${src}/_data`, Destination: dst, Driver: 'local', Mode: mode ?? 'z', RW: mode !== 'ro', Propagation: '' }
        : { Type: 'bind', Source: src, Destination: dst, Mode: mode ?? '', RW: mode !== 'ro', Propagation: 'rprivate' };
    }),
    Config: {
      Hostname: c.config.hostname,
      Domainname: c.config.domainname,
      User: c.config.user,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ...(c.config.exposedPorts.length ? { ExposedPorts: Object.fromEntries(c.config.exposedPorts.map((p) => [p, {}])) } : {}),
      Tty: c.config.tty,
      OpenStdin: c.config.openStdin,
      StdinOnce: false,
      Env: c.config.env,
      Cmd: c.config.cmd,
      Image: c.config.image,
      Volumes: null,
      WorkingDir: c.config.workingDir === '/' ? '' : c.config.workingDir,
      Entrypoint: c.config.entrypoint,
      OnBuild: null,
      Labels: c.config.labels,
      ...(c.config.stopSignal ? { StopSignal: c.config.stopSignal } : {}),
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: running ? sandbox : '',
      SandboxKey: running ? `/var/run/docker/netns/${sandbox.slice(0, 12)}` : '',
      Ports: portMap(c, running),
      HairpinMode: false,
      LinkLocalIPv6Address: '',
      LinkLocalIPv6PrefixLen: 0,
      SecondaryIPAddresses: null,
      SecondaryIPv6Addresses: null,
      EndpointID: top.EndpointID,
      Gateway: top.Gateway,
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      IPAddress: top.IPAddress,
      IPPrefixLen: top.IPPrefixLen,
      IPv6Gateway: '',
      MacAddress: top.MacAddress,
      Networks: networks,
    },
  };
}

/** The `docker network inspect <net>` document. */
export function inspectNetwork(engine: DockerEngine, n: Network): Record<string, unknown> {
  const containers: Record<string, unknown> = {};
  for (const [id, ep] of n.endpoints) {
    const c = engine.containers.get(id);
    containers[id] = {
      Name: c && c.gatewayEndpoint === ep ? `gateway_${ep.endpointId.slice(0, 12)}` : (c?.name ?? ''),
      EndpointID: ep.endpointId,
      MacAddress: ep.mac,
      IPv4Address: ep.ip !== undefined ? `${formatIPv4(ep.ip)}/${n.pool?.subnet.bits ?? 32}` : '',
      IPv6Address: '',
    };
  }
  const sorted = Object.fromEntries(Object.keys(containers).sort().map((k) => [k, containers[k]]));
  const hostOrNone = n.driver === 'host' || n.driver === 'null';
  return {
    Name: n.name,
    Id: n.id,
    Created: goTime(n.created, n.id),
    Scope: n.scope,
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: n.predefined ? null : {},
      Config: hostOrNone ? null : n.ipamConfig.map((cfg) => ({ ...cfg })),
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: n.ingress,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: sorted,
    Options: { ...n.options },
    Labels: { ...n.labels },
  };
}

/** The `docker image inspect <image>` document (API 1.48+: the OCI image config, no ContainerConfig). */
export function inspectImage(engine: DockerEngine, img: Image): Record<string, unknown> {
  const spec = img.spec;
  const tags = engine.imageTags(img);
  const config: Record<string, unknown> = {};
  if (spec.exposedPorts.length) config.ExposedPorts = Object.fromEntries(spec.exposedPorts.map((p) => [p, {}]));
  config.Env = [...spec.env];
  if (spec.entrypoint) config.Entrypoint = [...spec.entrypoint];
  if (spec.cmd) config.Cmd = [...spec.cmd];
  if (spec.workingDir !== '/') config.WorkingDir = spec.workingDir;
  if (spec.stopSignal) config.StopSignal = spec.stopSignal;
  return {
    Id: img.id,
    RepoTags: tags,
    RepoDigests: [...new Set(tags.map((t) => `${t.split(':')[0]}@${img.digest}`))],
    Parent: '',
    Comment: 'buildkit.dockerfile.v0',
    Created: goTime(img.created, img.id),
    DockerVersion: '',
    Author: '',
    Config: config,
    Architecture: 'amd64',
    Os: 'linux',
    Size: Math.round(spec.size),
    GraphDriver: {
      Data: { MergedDir: `/var/lib/docker/overlay2/${img.id.slice(7)}/merged`, UpperDir: `/var/lib/docker/overlay2/${img.id.slice(7)}/diff`, WorkDir: `/var/lib/docker/overlay2/${img.id.slice(7)}/work` },
      Name: 'overlay2',
    },
    RootFS: { Type: 'layers', Layers: layerIds(spec).map((l) => `sha256:${stableHex(`diff:${l}`, 64)}`) },
    Metadata: { LastTagTime: goTime(img.pulledAt, `${img.id}tag`) },
  };
}

/** Go's `json.MarshalIndent(v, "", "    ")` as `docker inspect` prints it (HTML-escaped). */
export function goJsonIndent(v: unknown): string {
  return JSON.stringify(v, null, 4).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
