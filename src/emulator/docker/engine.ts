/**
 * The emulated Docker Engine (dockerd 28) of one host: images, containers, networks and swarm
 * state. It decides what happens; its `runtime` makes it real in the Linux model. Container and
 * network operations live in container-ops.ts and network-ops.ts; this file holds the state,
 * lookups (by id, id prefix or name, as the daemon resolves them) and images.
 *
 * Get the engine of a world with `dockerEngine(world)`.
 */
import type { World } from '../world.ts';
import type { Rng } from '../rng.ts';
import { DockerError, networkNotFound, noSuchContainer } from './errors.ts';
import { IMAGE_CATALOGUE, imageDigest, imageId, layerIds } from './image-catalogue.ts';
import { stableHex } from './stable-hex.ts';
import { canonicalName, familiarName, familiarRepo, parseReference, type ImageReference } from './reference.ts';
import { NullRuntime, type EngineRuntime } from './runtime.ts';
import type { Container, Image, Network } from './types.ts';
import { createPredefinedNetworks } from './network-ops.ts';
import { LinuxRuntime } from './linux-runtime.ts';
import type { Host } from '../linux/host.ts';

/**
 * Runs a command line as a container's main process or an exec, through the shell. The docker
 * CLI installs one (the emulator cannot import the shell). Resolves to the exit code.
 */
export type ProgramRunner = (
  c: Container,
  argv: string[],
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
) => Promise<number>;

/** Swarm membership of this engine (a single-node manager after `docker swarm init`). */
export interface SwarmState {
  readonly nodeId: string;
  readonly createdAt: number;
  readonly advertiseAddr: string;
  readonly workerToken: string;
}

const DAY = 86_400_000;

/** One host's Docker daemon: state, lookups and images (see the file comment). */
export class DockerEngine {
  readonly world: World;
  readonly rng: Rng;
  runtime: EngineRuntime;
  /** Pulled images by `repo:tag` (familiar). */
  readonly images = new Map<string, Image>();
  /** Containers by id, in creation order. */
  readonly containers = new Map<string, Container>();
  /** Networks by id, in creation order. */
  readonly networks = new Map<string, Network>();
  swarm: SwarmState | undefined;
  /** Named volumes (`-v data:/var/lib/data`, `docker volume create`) by name; data lives on the host. */
  readonly volumes = new Map<string, { created: number }>();
  programRunner: ProgramRunner | undefined;
  /** The host's primary address (advertise address for swarm, `docker info`). */
  hostAddress = '10.0.0.10';
  /** The host's hostname (containers with `--network host`/`--uts host` see it). */
  hostName = 'docker-host';
  /** Next host port for `-p 80` / `-P` (Docker's ephemeral range starts at 32768). */
  nextEphemeralPort = 32768;
  /** Hooks the Linux runtime or tests use to see changes. */
  readonly listeners = new Set<() => void>();

  constructor(world: World, runtime: EngineRuntime = new NullRuntime(), host: { hostName?: string; hostAddress?: string } = {}) {
    this.world = world;
    this.rng = world.rng.fork();
    this.runtime = runtime;
    if (host.hostName) this.hostName = host.hostName;
    if (host.hostAddress) this.hostAddress = host.hostAddress;
    createPredefinedNetworks(this);
  }

  /** Virtual now. */
  now(): number {
    return this.world.now();
  }

  /** A fresh 64-hex id (containers, networks, endpoints). */
  newId(): string {
    return this.rng.hex(64);
  }

  /**
   * Records a daemon event in the world's event log (source `docker`), named as `docker events`
   * names them: `container.create`, `container.start`, `container.die`, `container.destroy`,
   * `network.create`, `network.connect`, `network.disconnect`, `network.destroy`, `image.pull`.
   */
  event(type: string, subject: string, message: string, data: Record<string, unknown> = {}): void {
    this.world.events.record({ source: 'docker', type, subject, message, data });
  }

  /** Tells views something changed. */
  changed(): void {
    for (const l of this.listeners) l();
    this.world.markChanged();
  }

  // ---- images -------------------------------------------------------------------------------

  /** The local image a reference names, or undefined. Accepts ids and id prefixes too. */
  findImage(ref: string): Image | undefined {
    const bare = ref.startsWith('sha256:') ? ref.slice(7) : ref;
    if (/^[a-f0-9]{4,64}$/.test(bare)) {
      for (const img of this.images.values()) if (img.id.slice(7).startsWith(bare)) return img;
    }
    let parsed: ImageReference;
    try {
      parsed = parseReference(ref);
    } catch {
      return undefined;
    }
    return this.images.get(familiarName(parsed));
  }

  /**
   * Pulls an image from the (built-in) registry. Returns the image and whether it was already
   * up to date. Errors: `invalid reference format…`; `pull access denied for <repo>, repository
   * does not exist or may require 'docker login': denied: requested access to the resource is denied`
   * for anything outside the catalogue.
   */
  pull(ref: string): { image: Image; upToDate: boolean; reference: ImageReference } {
    const parsed = parseReference(ref);
    const repo = familiarRepo(parsed);
    const spec = parsed.domain === 'docker.io' ? IMAGE_CATALOGUE[repo] : undefined;
    if (!spec) {
      throw new DockerError(
        'not-found',
        `pull access denied for ${repo}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
      );
    }
    const key = familiarName(parsed);
    const existing = this.images.get(key);
    if (existing) return { image: existing, upToDate: true, reference: parsed };
    const tagged = parsed.tag === spec.tag ? spec : { ...spec, tag: parsed.tag };
    const image: Image = {
      spec: tagged,
      id: imageId(tagged),
      digest: imageDigest(tagged),
      created: this.world.clock.now() - tagged.ageDays * DAY - 3_600_000 * 7,
      pulledAt: this.now(),
    };
    this.images.set(key, image);
    this.event('image.pull', `image/${key}`, `pulled ${key}`, { image: key, id: image.id });
    this.changed();
    return { image, upToDate: false, reference: parsed };
  }

  /** Pulls without output, for lab setup (`preload: ['nginx', 'alpine']`). */
  preload(...refs: string[]): void {
    for (const r of refs) this.pull(r);
  }

  /**
   * `docker rmi`: untags `ref`, and deletes the image when no tag is left. Errors (daemon
   * wording): `No such image: x:latest`; a container using it without --force: `conflict: unable
   * to remove repository reference "x" (must force) - container <12 hex> is using its referenced
   * image <12 hex>`. Returns the untagged names and deleted ids.
   */
  removeImage(ref: string, force: boolean): { untagged: string[]; deleted: string[] } {
    const image = this.findImage(ref);
    let key: string;
    try {
      key = familiarName(parseReference(ref));
    } catch {
      key = ref;
    }
    if (!image) throw new DockerError('not-found', `No such image: ${key}`);
    const user = [...this.containers.values()].find((c) => c.image === image);
    if (user && !force) {
      const running = user.state.status === 'running';
      throw new DockerError('conflict', running
        ? `conflict: unable to delete ${image.id.slice(7, 19)} (cannot be forced) - image is being used by running container ${user.id.slice(0, 12)}`
        : `conflict: unable to remove repository reference "${ref}" (must force) - container ${user.id.slice(0, 12)} is using its referenced image ${image.id.slice(7, 19)}`);
    }
    const tags = this.images.has(key) ? [key] : this.imageTags(image);
    for (const t of tags) this.images.delete(t);
    const untagged = tags.flatMap((t) => [t, `${t.split(':')[0]}@${image.digest}`]);
    const stillTagged = this.imageTags(image).length > 0;
    const deleted = stillTagged || user ? [] : [image.id, ...layerIds(image.spec).map((l) => `sha256:${stableHex(`diff:${l}`, 64)}`)];
    this.changed();
    return { untagged, deleted };
  }

  /** Repo:tag names an image is known under. */
  imageTags(image: Image): string[] {
    return [...this.images.entries()].filter(([, i]) => i === image).map(([k]) => k);
  }

  /** `docker.io/library/nginx:latest`. */
  canonical(ref: ImageReference): string {
    return canonicalName(ref);
  }

  // ---- lookups ------------------------------------------------------------------------------

  /** Finds a container by full id, name (with or without `/`), or unique id prefix. */
  findContainer(ref: string): Container | undefined {
    if (ref === '') return undefined;
    const direct = this.containers.get(ref);
    if (direct) return direct;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    for (const c of this.containers.values()) if (c.name === name) return c;
    const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
    if (matches.length > 1) {
      throw new DockerError('invalid-parameter', `multiple IDs found with provided prefix: ${ref}`);
    }
    return matches[0];
  }

  /** Like findContainer; throws `No such container: <ref>`. */
  container(ref: string): Container {
    const c = this.findContainer(ref);
    if (!c) throw noSuchContainer(ref);
    return c;
  }

  /** Finds a network by full id, name, or id prefix (the daemon's order). */
  findNetwork(ref: string): Network | undefined {
    if (ref === '') return undefined;
    const byId = this.networks.get(ref);
    if (byId) return byId;
    for (const n of this.networks.values()) if (n.name === ref) return n;
    const matches = [...this.networks.values()].filter((n) => n.id.startsWith(ref));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Like findNetwork; throws `network <ref> not found`. */
  network(ref: string): Network {
    const n = this.findNetwork(ref);
    if (!n) throw networkNotFound(ref);
    return n;
  }

  /** Containers that are running (or paused/restarting: they hold their endpoints). */
  runningContainers(): Container[] {
    return [...this.containers.values()].filter((c) => c.state.status === 'running' || c.state.status === 'paused');
  }
}

const engines = new WeakMap<World, DockerEngine>();

/**
 * Installs a Docker engine on `host` (the `docker` environment does this for the learner's
 * host): docker0 and the predefined networks appear in the host's network namespace.
 */
export function installDocker(world: World, host: Host): DockerEngine {
  const existing = engines.get(world);
  if (existing) return existing;
  const e = new DockerEngine(world, new LinuxRuntime(world, host), { hostName: host.name, hostAddress: primaryAddress(host) });
  engines.set(world, e);
  Object.defineProperty(world, 'docker', { value: e, configurable: true, enumerable: false }); // read by grading's views.ts without importing this module
  return e;
}

function primaryAddress(host: Host): string {
  for (const l of host.initial.net.stack.all()) {
    if (l.kind === 'loopback') continue;
    const a = l.addresses[0];
    if (a) return [a.ip >>> 24, (a.ip >>> 16) & 255, (a.ip >>> 8) & 255, a.ip & 255].join('.');
  }
  return '10.0.2.15';
}

/**
 * The Docker engine of a world, created on first use on the world's first host (or, in a world
 * without hosts, with a runtime that only numbers pids).
 */
export function dockerEngine(world: World): DockerEngine {
  let e = engines.get(world);
  if (!e) {
    const host = world.linux.hosts.values().next().value;
    if (host) return installDocker(world, host);
    e = new DockerEngine(world, new NullRuntime());
    engines.set(world, e);
    Object.defineProperty(world, 'docker', { value: e, configurable: true, enumerable: false }); // as in installDocker
  }
  return e;
}

/** Whether the world already has a Docker engine (without creating one). */
export function hasDockerEngine(world: World): boolean {
  return engines.has(world);
}
