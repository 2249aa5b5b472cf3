/**
 * Cluster benchmarks: a 1,000-replica StatefulSet (Parallel, then OrderedReady) from apply to all
 * Ready via `world.settle()`, on a cluster with enough nodes for 1,000 pods (kubelet maxPods is
 * 110 per node). Target: settle < 1 s wall each. Also reports virtual time, heap growth and the
 * cost of listing 1,000 pods with a label selector.
 */
import { World } from '../../src/emulator/world.ts';
import { createCluster } from '../../src/emulator/kube/cluster.ts';
import type { Pod, StatefulSet } from '../../src/emulator/kube/api/types.ts';
import { webService, webStatefulSet } from '../../src/emulator/kube/testing/fixtures.ts';

const REPLICAS = 1000;

function mb(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

function one(policy: 'Parallel' | 'OrderedReady') {
  const world = new World({ seed: 42 });
  const cluster = createCluster(world, { workers: 10 });
  cluster.store.create(webService());
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  cluster.store.create(webStatefulSet({ replicas: REPLICAS, podManagementPolicy: policy, volumes: false }));
  const v0 = world.now();
  const result = world.settle({ maxMs: 24 * 3_600_000 });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const heap1 = process.memoryUsage().heapUsed;
  const sts = cluster.store.get('statefulsets', 'default', 'web') as StatefulSet;
  const pods = cluster.store.list('pods', { namespace: 'default' }).items as Pod[];
  const ready = pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
  const l0 = performance.now();
  for (let i = 0; i < 10; i++) cluster.store.list('pods', { namespace: 'default', labelSelector: 'app=nginx' });
  const listMs = (performance.now() - l0) / 10;
  return {
    name: `kube: ${REPLICAS}-replica StatefulSet, ${policy}`,
    ok: wall < 1000 && ready === REPLICAS && sts.status?.readyReplicas === REPLICAS && result.settled,
    settleWallMs: Math.round(wall),
    // CPU time of this process: on a loaded shared machine, closer to what an idle one would take.
    settleCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    virtualSeconds: Math.round((world.now() - v0) / 1000),
    readyPods: ready,
    heapGrowthMB: mb(heap1 - heap0),
    listPodsMs: Math.round(listMs * 100) / 100,
  };
}

/**
 * Runs both policies (Parallel first, so it runs cold). With `KUBE_BENCH_REPEAT=n` each policy
 * then runs n more times in the same (warm) process and a row per policy gives the minimum and
 * median of those runs: on a loaded machine the minimum is the steadier figure. No target.
 */
export async function run() {
  const results: Record<string, unknown>[] = [one('Parallel'), one('OrderedReady')];
  const repeat = Number(process.env.KUBE_BENCH_REPEAT ?? 0);
  for (const policy of repeat > 0 ? (['Parallel', 'OrderedReady'] as const) : []) {
    const runs = Array.from({ length: repeat }, () => one(policy));
    const sorted = (k: 'settleWallMs' | 'settleCpuMs') => runs.map((r) => r[k]).sort((a, b) => a - b);
    const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
    results.push({
      name: `kube: ${REPLICAS}-replica StatefulSet, ${policy}, ${repeat} warm repeats`,
      minWallMs: sorted('settleWallMs')[0],
      medianWallMs: median(sorted('settleWallMs')),
      minCpuMs: sorted('settleCpuMs')[0],
      medianCpuMs: median(sorted('settleCpuMs')),
    });
  }
  return results;
}
