/**
 * kubectl benchmark: `kubectl get pods` (and `-o wide`, `-o name`, `-o yaml`, `describe sts`) over
 * 1,000 Running pods of a Parallel StatefulSet on a 10-worker cluster. Target: `get pods` < 20 ms
 * wall (median of 20 runs after three warm-ups; the minimum shows the cost without a GC pause —
 * on a busy machine the old-generation collections of the cluster's heap dominate the spread).
 */
import { World } from '../../src/emulator/world.ts';
import { createCluster } from '../../src/emulator/kube/cluster.ts';
import { webService, webStatefulSet } from '../../src/emulator/kube/testing/fixtures.ts';
import { runKubectl } from '../../src/shell/commands/kubectl/index.ts';
import type { CommandContext } from '../../src/shell/types.ts';

const REPLICAS = 1000;

async function kubectl(world: World, args: string[]): Promise<{ ms: number; bytes: number; status: number }> {
  let out = '';
  const ctx = {
    name: 'kubectl',
    args,
    world,
    cwd: '/root',
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => undefined },
    stdin: { read: async () => null, readLine: async () => null, readAll: async () => '', isTTY: false },
    interrupt: { interrupted: false, onInterrupt: () => () => undefined },
    sleep: async () => true,
    spawnShell: async () => 0,
  } as unknown as CommandContext;
  const t0 = performance.now();
  const status = await runKubectl(ctx);
  return { ms: performance.now() - t0, bytes: out.length, status };
}

async function median(world: World, args: string[], runs = 20): Promise<{ ms: number; minMs: number; bytes: number }> {
  for (let i = 0; i < 3; i++) await kubectl(world, args);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const r = await kubectl(world, args);
    if (r.status !== 0) throw new Error(`kubectl ${args.join(' ')} failed`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)] * 100) / 100, minMs: Math.round(times[0] * 100) / 100, bytes };
}

/** Runs the kubectl bench. */
export async function run() {
  const world = new World({ seed: 42 });
  const cluster = createCluster(world, { workers: 10 });
  cluster.store.create(webService());
  cluster.store.create(webStatefulSet({ replicas: REPLICAS, podManagementPolicy: 'Parallel', volumes: false }));
  world.settle({ maxMs: 24 * 3_600_000 });
  const pods = cluster.store.list('pods', { namespace: 'default' }).items.length;
  // Collect the cluster's start-up garbage first so it does not land in the first measurements.
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const get = await median(world, ['get', 'pods']);
  const wide = await median(world, ['get', 'pods', '-o', 'wide']);
  const name = await median(world, ['get', 'pods', '-o', 'name']);
  const selector = await median(world, ['get', 'pods', '-l', 'app=nginx']);
  const yaml = await median(world, ['get', 'pods', '-o', 'yaml'], 5);
  const describe = await median(world, ['describe', 'sts', 'web'], 5);
  return {
    name: `kubectl: get over ${pods} pods`,
    ok: get.ms < 20 && pods >= REPLICAS,
    pods,
    getPodsMs: get.ms,
    getPodsMinMs: get.minMs,
    getPodsBytes: get.bytes,
    getPodsWideMs: wide.ms,
    getPodsNameMs: name.ms,
    getPodsSelectorMs: selector.ms,
    getPodsYamlMs: yaml.ms,
    getPodsYamlBytes: yaml.bytes,
    describeStsMs: describe.ms,
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
    heapGrowthDuringGetsMB: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1048576),
  };
}
