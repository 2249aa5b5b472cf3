/**
 * Booting a world: the learner's host (`petlab`, root in /root) with its uplink and login shell,
 * then one environment's setup. Imports no environment itself, so the page can load the Docker
 * engine or the Kubernetes cluster only for labs that use them (see `environment-loaders.ts`);
 * Node callers use the eager table of `environment.ts`.
 */
import { World } from './world.ts';
import type { Host } from './linux/host.ts';
import type { Process } from './linux/process.ts';

/** The learner's machine: its host and login shell process. */
export interface Learner {
  host: Host;
  shell: Process;
}

/** Runs after the learner's host has booted; adds what the environment needs (engines, clusters). */
export type EnvironmentSetup = (world: World, learner: Learner) => void;

export interface CreateWorldOptions {
  /** @default 1 */
  seed?: number;
  /** A key of `environments`. @default 'linux' */
  environment?: string;
  /** Virtual start time (ms since the epoch). @default the clock's default */
  startTime?: number;
  /** The learner's hostname. @default 'petlab' */
  hostname?: string;
}

/** Thrown for an environment name that is not among the known ones. */
export class UnknownEnvironmentError extends Error {
  readonly code = 'UNKNOWN_ENVIRONMENT';
  constructor(name: string, known: readonly string[]) {
    super(`unknown environment '${name}' (known: ${[...known].sort().join(', ')})`);
  }
}

/** Looks `name` up in `table`. Throws UnknownEnvironmentError when it is not there. */
export function environmentEntry<T>(table: Readonly<Record<string, T>>, name: string): T {
  const entry = Object.hasOwn(table, name) ? table[name] : undefined;
  if (entry === undefined) throw new UnknownEnvironmentError(name, Object.keys(table));
  return entry;
}

/** A world after the first boot phase: the learner's host and login shell, nothing else yet. */
export interface BootedWorld {
  readonly world: World;
  readonly learner: Learner;
}

/**
 * Boot phase 1: a new world with the learner's host, its uplink and its login shell — enough for
 * a prompt. No environment is set up and the world is not settled yet; `setUpEnvironment` is
 * phase 2. The page shows the prompt between the two phases; every other caller runs them
 * back-to-back (`bootWorld`), so both get the same world. Never throws.
 */
export function bootLearner(options: CreateWorldOptions = {}): BootedWorld {
  const world = new World({ seed: options.seed, startTime: options.startTime });
  const host = world.linux.createHost(options.hostname ?? 'petlab');
  bootUplink(world, host);
  const shell = world.linux.loginShell({ host: host.id });
  return { world, learner: { host, shell } };
}

/**
 * Boot phase 2: applies the environment's `setup` (engines, clusters) to a world from
 * `bootLearner` and settles it. Call it once per booted world; `setup`'s errors propagate.
 */
export function setUpEnvironment(booted: BootedWorld, setup: EnvironmentSetup): World {
  setup(booted.world, booted.learner);
  booted.world.settle();
  return booted.world;
}

/**
 * A new world with the learner's host booted, its login shell started, `setup` applied and the
 * world settled: both boot phases back-to-back. Never throws by itself; `setup`'s errors propagate.
 */
export function bootWorld(options: CreateWorldOptions, setup: EnvironmentSetup): World {
  return setUpEnvironment(bootLearner(options), setup);
}

/**
 * The host's network as Debian's ifupdown configures it statically: eth0 10.0.2.15/24 up with a
 * default route via 10.0.2.2 (QEMU user networking's gateway; its DNS is 10.0.2.3).
 */
export function bootUplink(world: World, host: Host, address = '10.0.2.15', prefix = 24, gateway = '10.0.2.2'): void {
  const net = world.linux.net;
  const eth0 = net.addLink(host.initial.net, 'eth0', 'ether', { mac: net.randomMac() });
  net.setUp(eth0, true);
  const ip = parseIpv4(address);
  host.initial.net.stack.addAddress(eth0, ip, prefix, { broadcast: 'auto' });
  host.initial.net.stack.routes.push({ dst: 0, prefix: 0, via: parseIpv4(gateway), dev: eth0, proto: 'boot', scope: 'global' });
}

function parseIpv4(text: string): number {
  const p = text.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}
