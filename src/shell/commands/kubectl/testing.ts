/**
 * A small harness for kubectl's unit tests: a world with an API store attached as `world.kube`,
 * the default namespaces and nodes of a kind-like cluster, and a command context that captures
 * stdout and stderr. Not used at run time.
 */
import { ApiStore, type KubeObject } from '../../../emulator/kube/api/index.ts';
import { World } from '../../../emulator/world.ts';
import type { CommandContext, Input, Interrupt, Output, SpawnShellOptions } from '../../types.ts';
import type { ClusterModel } from './cluster-bridge.ts';
import { runKubectl } from './index.ts';

export interface Harness {
  world: World;
  store: ApiStore;
  cluster: ClusterModel & Record<string, unknown>;
  /** Files the fake process can read (absolute paths). */
  files: Map<string, string>;
  /** Every `ctx.spawnShell` call kubectl made (exec, run -it), with the status to return. */
  spawned: { options: SpawnShellOptions }[];
  spawnStatus: number;
  /** Runs `kubectl <args>` and returns its output. */
  kubectl(args: string | string[], options?: { stdin?: string; interruptAfterMs?: number }): Promise<{ stdout: string; stderr: string; status: number }>;
}

function split(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:\\.|[^"])*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]);
  return out;
}

/** A fresh harness with namespaces default/kube-system and the three petlab nodes. */
export function harness(seed = 1): Harness {
  const world = new World({ seed });
  const store = new ApiStore(world);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const cluster: ClusterModel & Record<string, unknown> = { store };
  (world as unknown as { kube: ClusterModel }).kube = cluster;
  const files = new Map<string, string>();
  const fs = {
    exists: (p: string) => files.has(p) || [...files.keys()].some((k) => k.startsWith(`${p.replace(/\/$/, '')}/`)),
    stat: (p: string) => ({ type: files.has(p) ? 'file' : 'dir' }),
    readFile: (p: string) => files.get(p) ?? '',
    readdir: (p: string) => {
      const prefix = `${p.replace(/\/$/, '')}/`;
      return [...new Set([...files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length).split('/')[0]))].sort();
    },
  };
  const kubectl: Harness['kubectl'] = async (args, options = {}) => {
    let stdout = '';
    let stderr = '';
    const listeners: (() => void)[] = [];
    let interrupted = false;
    const interrupt: Interrupt = {
      get interrupted() {
        return interrupted;
      },
      onInterrupt(l) {
        if (interrupted) l();
        else listeners.push(l);
        return () => undefined;
      },
    };
    const stdinText = options.stdin ?? '';
    const stdin: Input = {
      read: async () => null,
      readLine: async () => null,
      readAll: async () => stdinText,
      isTTY: false,
    };
    const out: Output = { write: (t) => (stdout += t) };
    const err: Output = { write: (t) => (stderr += t) };
    const ctx: CommandContext = {
      name: 'kubectl',
      args: typeof args === 'string' ? split(args) : args,
      stdin,
      stdout: out,
      stderr: err,
      env: { get: () => undefined, set: () => undefined, unset: () => undefined, export: () => undefined, exported: () => ({}), all: () => ({}) },
      cwd: '/root',
      world,
      process: { fs } as unknown as CommandContext['process'],
      interrupt,
      sleep: (ms) =>
        new Promise((resolve) => {
          world.clock.after(ms, () => resolve(true));
          interrupt.onInterrupt(() => resolve(false));
        }),
      spawnShell: async (options) => {
        h.spawned.push({ options });
        return h.spawnStatus;
      },
    };
    const running = runKubectl(ctx);
    if (options.interruptAfterMs !== undefined) {
      await Promise.resolve();
      world.advance(options.interruptAfterMs);
      interrupted = true;
      for (const l of listeners) l();
    }
    const status = await running;
    return { stdout, stderr, status };
  };
  const h: Harness = { world, store, cluster, files, kubectl, spawned: [], spawnStatus: 0 };
  return h;
}

/** Creates `obj` in the store and returns it (a shortcut for tests). */
export function put(h: Harness, obj: KubeObject): KubeObject {
  return h.store.create(obj);
}
