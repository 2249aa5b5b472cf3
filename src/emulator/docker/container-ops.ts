/**
 * Container lifecycle with dockerd's rules and error texts: create, start, stop, kill, restart,
 * remove, rename, network connect/disconnect, and the main process's behaviour (programs.ts).
 */
import { DockerError } from './errors.ts';
import { parseRestart, shouldRestart } from './restart-policy.ts';
import type { DockerEngine } from './engine.ts';
import { randomName } from './names.ts';
import { activateEndpoint, deactivateEndpoint, hasInterface } from './network-ops.ts';
import { programFor, type Program } from './programs.ts';
import type { Container, ContainerConfig, Endpoint, HostConfig, Image, Network, PortBinding } from './types.ts';

/** What `docker create`/`docker run` pass to the daemon. */
export interface CreateOptions {
  image: Image;
  /** The reference as the user typed it (shown in `docker ps`). */
  imageRef: string;
  name?: string;
  /** Arguments after the image; replace the image's Cmd when non-empty. */
  cmd?: string[];
  entrypoint?: string[];
  env?: string[];
  hostname?: string;
  tty?: boolean;
  openStdin?: boolean;
  network?: string;
  ip?: string;
  aliases?: string[];
  publish?: PortBinding[];
  publishAll?: boolean;
  autoRemove?: boolean;
  binds?: string[];
  pidMode?: string;
  utsMode?: string;
  labels?: Record<string, string>;
  workdir?: string;
  user?: string;
  restart?: string;
  /** `--expose 8080[/tcp]`: extra exposed ports. */
  expose?: string[];
}

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

function reserveName(engine: DockerEngine, wanted: string | undefined, id: string): string {
  if (wanted === undefined || wanted === '') {
    for (let retry = 0; retry < 6; retry++) {
      const n = randomName(engine.rng, retry);
      if (![...engine.containers.values()].some((c) => c.name === n)) return n;
    }
    return id.slice(0, 12);
  }
  const bare = wanted.startsWith('/') ? wanted.slice(1) : wanted;
  if (!NAME_RE.test(bare)) {
    throw new DockerError('invalid-parameter', `Invalid container name (${wanted}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  }
  const holder = [...engine.containers.values()].find((c) => c.name === bare);
  if (holder) {
    throw new DockerError('conflict', `Conflict. The container name "/${bare}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
  }
  return bare;
}

function resolveNetwork(engine: DockerEngine, mode: string): Network {
  if (mode === 'default' || mode === '') return engine.network('bridge');
  return engine.network(mode);
}

/** Creates a container (state `created`). Errors: name conflict/invalid, network not found, bad --ip. */
export function createContainer(engine: DockerEngine, o: CreateOptions): Container {
  const id = engine.newId();
  let mode = o.network ?? 'bridge';
  let joined: Container | undefined;
  if (mode.startsWith('container:')) {
    // --network container:<name>: share that container's network namespace (no endpoints).
    joined = engine.container(mode.slice('container:'.length));
    if (o.hostname !== undefined) throw new DockerError('invalid-parameter', 'conflicting options: hostname and the network mode');
    if ((o.publish?.length ?? 0) > 0 || o.publishAll) throw new DockerError('invalid-parameter', 'conflicting options: port publishing and the container type network mode');
    mode = `container:${joined.id}`;
  }
  const net = joined ? engine.network('none') : resolveNetwork(engine, mode);
  if (o.ip !== undefined) {
    if (net.predefined) throw new DockerError('invalid-parameter', 'user specified IP address is supported on user defined networks only');
  }
  if (net.driver === 'overlay' && !net.attachable) {
    throw new DockerError('forbidden', `Could not attach to network ${net.name}: rpc error: code = PermissionDenied desc = network ${net.name} not manually attachable`);
  }
  if ((o.aliases?.length ?? 0) > 0 && net.predefined) {
    throw new DockerError('invalid-parameter', 'network-scoped alias is supported only for containers in user defined networks');
  }
  const name = reserveName(engine, o.name, id);
  const spec = o.image.spec;
  const cmd = o.cmd && o.cmd.length > 0 ? o.cmd : o.entrypoint ? null : spec.cmd ? [...spec.cmd] : null;
  const entrypoint = o.entrypoint ?? (spec.entrypoint ? [...spec.entrypoint] : null);
  const full = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (full.length === 0) throw new DockerError('invalid-parameter', 'no command specified');
  const hostnameShared = o.utsMode === 'host' || net.driver === 'host';
  const config: ContainerConfig = {
    hostname: o.hostname ?? (joined ? joined.config.hostname : hostnameShared ? engine.hostName : id.slice(0, 12)),
    domainname: '', user: o.user ?? '',
    env: mergeEnv(spec.env, o.env ?? []),
    cmd, entrypoint, image: o.imageRef, workingDir: o.workdir ?? spec.workingDir,
    tty: o.tty ?? false, openStdin: o.openStdin ?? false, labels: o.labels ?? {},
    exposedPorts: [...new Set([...spec.exposedPorts, ...(o.expose ?? []), ...(o.publish ?? []).map((p) => `${p.containerPort}/${p.proto}`)])],
    stopSignal: spec.stopSignal,
  };
  const bindings = [...(o.publish ?? [])];
  if (o.publishAll) {
    // -P: every exposed port gets an ephemeral host port.
    for (const p of config.exposedPorts) {
      const [port, proto] = p.split('/');
      if (!bindings.some((b) => `${b.containerPort}/${b.proto}` === p)) bindings.push({ containerPort: Number(port), proto: proto === 'udp' ? 'udp' : 'tcp', hostIp: '', hostPort: 0 });
    }
  }
  const hostConfig: HostConfig = {
    networkMode: mode, portBindings: bindings, publishAll: o.publishAll ?? false,
    autoRemove: o.autoRemove ?? false, binds: o.binds ?? [], pidMode: o.pidMode ?? '', utsMode: o.utsMode ?? '',
    restartPolicy: parseRestart(o.restart),
  };
  const c: Container = {
    id, name, created: engine.now(), image: o.image, config, hostConfig,
    state: { status: 'created', pid: 0, exitCode: 0, error: '', startedAt: undefined, finishedAt: undefined, oomKilled: false },
    path: full[0], args: full.slice(1), endpoints: new Map(), logs: [], restartCount: 0, everStarted: false,
  };
  if (!joined) {
    c.endpoints.set(net.name, {
      networkId: net.id, containerId: id, endpointId: '', mac: '',
      aliases: [...(o.aliases ?? [])], requestedIp: o.ip,
    });
  }
  // Named volumes in -v are created with the container, as the daemon does.
  for (const b of c.hostConfig.binds) {
    const src = b.split(':')[0];
    if (src && !src.startsWith('/') && !engine.volumes.has(src)) engine.volumes.set(src, { created: engine.now() });
  }
  engine.containers.set(id, c);
  engine.event('container.create', `container/${name}`, `container ${name} created from ${o.imageRef}`, { id, name, image: o.imageRef });
  engine.changed();
  return c;
}

function mergeEnv(image: readonly string[], given: string[]): string[] {
  const out = [...image];
  for (const e of given) {
    const key = e.split('=')[0];
    const i = out.findIndex((x) => x.split('=')[0] === key);
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** Ports a binding conflicts with on the host: same proto and port, overlapping address. */
function portTaken(engine: DockerEngine, self: Container, b: PortBinding): boolean {
  for (const other of engine.runningContainers()) {
    if (other === self) continue;
    for (const ob of other.hostConfig.portBindings) {
      if (ob.proto !== b.proto || ob.hostPort !== b.hostPort) continue;
      if (ob.hostIp === '' || b.hostIp === '' || ob.hostIp === '0.0.0.0' || b.hostIp === '0.0.0.0' || ob.hostIp === b.hostIp) return true;
    }
  }
  return false;
}

/**
 * Starts a created or exited container: endpoints, ports, namespaces, main process. Errors:
 * `failed to set up container networking: driver failed programming external connectivity on
 * endpoint <name> (<id>): Bind for 0.0.0.0:8080 failed: port is already allocated`; runc's
 * `exec: "x": executable file not found in $PATH`. Returns the program it runs.
 */
export function startContainer(engine: DockerEngine, c: Container, attached = false): Program {
  if (c.state.status === 'running' || c.state.status === 'paused') return programFor(c);
  const program = programFor(c);
  const mode = c.hostConfig.networkMode;
  if (mode.startsWith('container:')) {
    const target = engine.containers.get(mode.slice('container:'.length));
    if (!target || target.state.status !== 'running') {
      throw new DockerError('conflict', `cannot join network of a non running container: ${mode.slice('container:'.length)}`);
    }
  }
  if (program.kind === 'missing') {
    c.state.exitCode = 127;
    c.state.error = missingError(program.name);
    engine.changed();
    throw new DockerError('system', c.state.error);
  }
  // Activate endpoints (fresh addresses each start, as Docker does).
  const activated: [Network, Endpoint][] = [];
  try {
    for (const ep of c.endpoints.values()) {
      const net = engine.networks.get(ep.networkId);
      if (!net) throw new DockerError('not-found', `network ${ep.networkId} not found`);
      (ep as { endpointId: string }).endpointId = engine.newId();
      activateEndpoint(engine, c, net, ep);
      activated.push([net, ep]);
    }
    const gwbridge = [...engine.networks.values()].find((n) => n.name === 'docker_gwbridge');
    if (gwbridge && activated.some(([n]) => n.driver === 'overlay')) {
      const gw: Endpoint = { networkId: gwbridge.id, containerId: c.id, endpointId: engine.newId(), mac: '', aliases: [] };
      activateEndpoint(engine, c, gwbridge, gw);
      c.gatewayEndpoint = gw;
      activated.push([gwbridge, gw]);
    }
    const primary = activated[0];
    for (const b of c.hostConfig.portBindings) {
      if (primary && !hasInterface(primary[0])) break;
      if (b.hostPort === 0) b.hostPort = engine.nextEphemeralPort++;
      if (portTaken(engine, c, b)) {
        const addr = b.hostIp === '' ? '0.0.0.0' : b.hostIp;
        throw new DockerError('system', `failed to set up container networking: driver failed programming external connectivity on endpoint ${c.name} (${primary?.[1].endpointId ?? ''}): Bind for ${addr}:${b.hostPort} failed: port is already allocated`);
      }
    }
  } catch (e) {
    for (const [net, ep] of activated) deactivateEndpoint(net, c, ep);
    c.state.exitCode = 128;
    c.state.error = e instanceof Error ? e.message : String(e);
    engine.changed();
    throw e;
  }
  c.state.status = 'running';
  c.state.exitCode = 0;
  c.state.error = '';
  c.state.startedAt = engine.now();
  c.state.finishedAt = undefined;
  c.everStarted = true;
  c.state.pid = engine.runtime.startContainer(engine, c);
  for (const [net, ep] of activated) engine.runtime.endpointJoined(engine, c, ep, net);
  engine.event('container.start', `container/${c.name}`, `container ${c.name} started (pid ${c.state.pid})`, { id: c.id, name: c.name, pid: c.state.pid });
  runProgram(engine, c, program, attached);
  engine.changed();
  return program;
}

/** runc's error text for a missing executable. */
export function missingError(name: string): string {
  return `failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${name}": executable file not found in $PATH: unknown`;
}

function runProgram(engine: DockerEngine, c: Container, p: Program, attached: boolean): void {
  const at = engine.now();
  const startedAt = c.state.startedAt;
  if (p.kind === 'service') {
    for (const l of p.startLogs(at)) c.logs.push({ at, ...l });
  } else if (p.kind === 'exit') {
    for (const l of p.logs) c.logs.push({ at, ...l });
    if (attached) return;
    // The process exits as soon as it runs: the state flips on the next tick.
    engine.world.enqueue(() => {
      if (c.state.startedAt === startedAt && c.state.status === 'running') exitContainer(engine, c, p.code);
    });
  } else if (p.kind === 'sleep' && p.ms !== undefined) {
    engine.world.clock.after(p.ms, () => {
      if (c.state.startedAt === startedAt && c.state.status === 'running') exitContainer(engine, c, 0);
    });
  } else if (p.kind === 'external' && engine.programRunner && !attached) {
    // Run through the shell; output goes to the container's log.
    void engine.programRunner(c, p.argv, {
      stdout: (t) => appendLog(engine, c, 'stdout', t),
      stderr: (t) => appendLog(engine, c, 'stderr', t),
    }).then((code) => {
      if (c.state.startedAt === startedAt && c.state.status === 'running') exitContainer(engine, c, code);
    });
  }
}

/** Appends process output to the container's log, line by line. */
export function appendLog(engine: DockerEngine, c: Container, stream: 'stdout' | 'stderr', text: string): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) c.logs.push({ at: engine.now(), stream, text: line });
  engine.changed();
}

/**
 * The main process ended with `code`: tear down, release addresses, then auto-remove (`--rm`) or
 * apply the restart policy. `manual` marks exits the user caused (`docker stop/kill/rm -f`),
 * which no policy undoes, as in dockerd's restartmanager.
 */
export function exitContainer(engine: DockerEngine, c: Container, code: number, manual = false): void {
  if (c.state.status !== 'running' && c.state.status !== 'paused') return;
  c.state.status = 'exited';
  c.state.exitCode = code;
  c.state.finishedAt = engine.now();
  for (const ep of [...c.endpoints.values(), ...(c.gatewayEndpoint ? [c.gatewayEndpoint] : [])]) {
    const net = engine.networks.get(ep.networkId);
    if (net) {
      if (net.endpoints.has(c.id)) engine.runtime.endpointLeft(engine, c, ep, net);
      deactivateEndpoint(net, c, ep);
    }
  }
  c.gatewayEndpoint = undefined;
  engine.runtime.stopContainer(engine, c);
  c.state.pid = 0;
  engine.event('container.die', `container/${c.name}`, `container ${c.name} exited with code ${code}`, { id: c.id, name: c.name, exitCode: code });
  if (c.hostConfig.autoRemove) {
    engine.containers.delete(c.id);
    engine.event('container.destroy', `container/${c.name}`, `container ${c.name} removed`, { id: c.id, name: c.name });
  } else if (!manual && shouldRestart(c, code)) {
    scheduleRestart(engine, c);
  }
  engine.changed();
}

/** Restarting state, then a start after the restart manager's backoff (100 ms, doubling). */
function scheduleRestart(engine: DockerEngine, c: Container): void {
  c.state.status = 'restarting';
  const delay = Math.min(100 * 2 ** c.restartCount, 60_000);
  engine.world.clock.after(delay, () => {
    if (c.state.status !== 'restarting' || !engine.containers.has(c.id)) return;
    c.state.status = 'exited';
    c.restartCount++;
    try {
      startContainer(engine, c);
    } catch {
      // A start that fails leaves the container exited, as the restart manager gives up on errors.
    }
  });
}

/** Whether PID 1 of this program dies on the stop signal (shells and sleep ignore SIGTERM). */
function diesOnSignal(p: Program): boolean {
  return p.kind === 'service' || p.kind === 'external';
}

/**
 * Plans `docker stop`: how long it takes (virtual ms) and the exit code. A process that ignores
 * SIGTERM as PID 1 (sh, sleep) is killed after the timeout (exit 137). Call `exitContainer` after.
 */
export function stopPlan(c: Container, timeoutSec = 10): { delayMs: number; exitCode: number } {
  const p = programFor(c);
  if (diesOnSignal(p)) {
    const code = p.kind === 'service' ? p.exitOnStop : 143;
    return { delayMs: 300, exitCode: code };
  }
  return { delayMs: Math.max(0, timeoutSec) * 1000, exitCode: 137 };
}

/** `docker kill`: SIGKILL (137) or the given signal. Error when not running. */
export function killContainer(engine: DockerEngine, c: Container, signal = 'KILL'): void {
  if (c.state.status !== 'running') {
    throw new DockerError('conflict', `cannot kill container: ${c.name}: container ${c.id} is not running`);
  }
  const sig = signal.toUpperCase().replace(/^SIG/, '');
  const numbers: Record<string, number> = { KILL: 9, '9': 9, TERM: 15, '15': 15, INT: 2, '2': 2, HUP: 1, '1': 1, QUIT: 3, '3': 3 };
  const n = numbers[sig];
  if (n === undefined) throw new DockerError('invalid-parameter', `Invalid signal: ${signal}`);
  if (n !== 9 && !diesOnSignal(programFor(c))) return;
  exitContainer(engine, c, 128 + n, true);
}

/**
 * `docker rm [-f]`. Errors: `cannot remove container "/x": container is running: stop the
 * container before removing or force remove`.
 */
export function removeContainer(engine: DockerEngine, c: Container, force: boolean): void {
  if (c.state.status === 'restarting') {
    if (!force) throw new DockerError('conflict', `cannot remove container "/${c.name}": container is restarting: stop the container before removing or force remove`);
    c.state.status = 'exited';
  }
  if (c.state.status === 'running' || c.state.status === 'paused') {
    if (!force) {
      throw new DockerError('conflict', `cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
    }
    const autoRemove = c.hostConfig.autoRemove;
    c.hostConfig.autoRemove = false;
    exitContainer(engine, c, 137, true);
    c.hostConfig.autoRemove = autoRemove;
  }
  engine.containers.delete(c.id);
  engine.event('container.destroy', `container/${c.name}`, `container ${c.name} removed`, { id: c.id, name: c.name });
  engine.changed();
}

/** `docker rename`. Errors: name in use; `Renaming a container with the same name as its current name`. */
export function renameContainer(engine: DockerEngine, c: Container, newName: string): void {
  const bare = newName.startsWith('/') ? newName.slice(1) : newName;
  if (bare === c.name) {
    throw new DockerError('invalid-parameter', 'Renaming a container with the same name as its current name');
  }
  try {
    c.name = reserveName(engine, bare, c.id);
  } catch (e) {
    // moby daemon/rename.go wraps the registrar's error.
    if (e instanceof DockerError) throw new DockerError(e.code, `Error when allocating new name: ${e.message}`);
    throw e;
  }
  engine.changed();
}
