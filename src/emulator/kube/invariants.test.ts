import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../world.ts';
import { createCluster } from './cluster.ts';
import { newControllerRef } from './api/meta.ts';
import type { Pod, StatefulSet } from './api/types.ts';
import { checkOrdinalsUnique, checkOwnersExist, InvariantMonitor } from './invariants.ts';
import { webService, webStatefulSet } from './testing/fixtures.ts';

type Op =
  | { op: 'apply'; replicas: number; image: number; parallel: boolean; retain: boolean }
  | { op: 'scale'; replicas: number }
  | { op: 'deletePod'; ordinal: number }
  | { op: 'partition'; partition: number }
  | { op: 'stopNode'; node: number }
  | { op: 'startNode'; node: number }
  | { op: 'deleteSet'; policy: 'Background' | 'Foreground' | 'Orphan' }
  | { op: 'wait'; seconds: number };

const IMAGES = ['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24'];
const WORKERS = ['petlab-worker', 'petlab-worker2'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('apply' as const), replicas: fc.integer({ min: 0, max: 4 }), image: fc.integer({ min: 0, max: 1 }), parallel: fc.boolean(), retain: fc.boolean() }),
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('deletePod' as const), ordinal: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('partition' as const), partition: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('stopNode' as const), node: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant('startNode' as const), node: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constantFrom('deleteSet' as const), policy: fc.constantFrom('Background' as const, 'Foreground' as const, 'Orphan' as const) }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 120 }) }),
);

function run(ops: Op[]): string[] {
  const world = new World({ seed: 5 });
  const cluster = createCluster(world, { bare: true });
  const store = cluster.store;
  const monitor = new InvariantMonitor(store);
  store.create(webService());
  let orphaned = false;
  const set = () => store.tryGet('statefulsets', 'default', 'web') as StatefulSet | undefined;
  for (const o of ops) {
    try {
      switch (o.op) {
        case 'apply': {
          const existing = set();
          if (!existing || existing.metadata.deletionTimestamp) {
            if (existing) break;
            const s = webStatefulSet({ replicas: o.replicas, podManagementPolicy: o.parallel ? 'Parallel' : 'OrderedReady', image: IMAGES[o.image] });
            if (!o.retain) (s.spec as StatefulSet['spec']).persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Delete' };
            store.create(s);
          } else {
            store.patch('statefulsets', 'default', 'web', 'strategic', { spec: { replicas: o.replicas, template: { spec: { containers: [{ name: 'nginx', image: IMAGES[o.image] }] } } } });
          }
          break;
        }
        case 'scale':
          if (set()) store.patch('statefulsets', 'default', 'web', 'merge', { spec: { replicas: o.replicas } });
          break;
        case 'deletePod': {
          const pod = store.tryGet('pods', 'default', `web-${o.ordinal}`);
          if (pod) {
            monitor.allowedPodDeletions.add(String(pod.metadata.uid));
            store.delete('pods', 'default', `web-${o.ordinal}`);
          }
          break;
        }
        case 'partition':
          if (set()) store.patch('statefulsets', 'default', 'web', 'merge', { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: o.partition } } } });
          break;
        case 'stopNode':
          cluster.stopNode(WORKERS[o.node]);
          break;
        case 'startNode':
          cluster.startNode(WORKERS[o.node]);
          break;
        case 'deleteSet':
          if (set()) {
            if (o.policy === 'Orphan') orphaned = true;
            store.delete('statefulsets', 'default', 'web', { propagationPolicy: o.policy });
          }
          break;
        case 'wait':
          world.advance(o.seconds * 1000);
          break;
      }
    } catch (e) {
      if (!(e instanceof Error) || !('reason' in e)) throw e;
    }
    world.settle({ maxMs: 600_000 });
  }
  for (const n of WORKERS) cluster.startNode(n);
  world.settle({ maxMs: 600_000 });
  const problems = [...monitor.violations, ...checkOrdinalsUnique(store), ...checkOwnersExist(store)];
  if (!orphaned && !set()) {
    for (const p of store.list('pods', { namespace: 'default' }).items) problems.push(`${p.metadata.name} outlived its StatefulSet without --cascade=orphan`);
  }
  return problems;
}

describe('StatefulSet invariants under random operations', () => {
  it('hold for random sequences of apply/scale/delete/patch/node failures', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 7 }), (ops) => {
        expect(run(ops)).toEqual([]);
      }),
      { numRuns: 40, seed: 20261129 },
    );
    // ~0.4 s on a quiet machine; 40 clusters' worth of work can pass the 5 s default on a busy one.
  }, 60_000);

  it('hold for a scripted scale-up, node failure and scale-down', () => {
    expect(
      run([
        { op: 'apply', replicas: 3, image: 0, parallel: false, retain: true },
        { op: 'stopNode', node: 0 },
        { op: 'wait', seconds: 60 },
        { op: 'scale', replicas: 1 },
        { op: 'startNode', node: 0 },
        { op: 'scale', replicas: 4 },
        { op: 'deleteSet', policy: 'Foreground' },
      ]),
    ).toEqual([]);
  });
});

describe('InvariantMonitor', () => {
  it('reports a pod created before its predecessor is Ready', () => {
    const world = new World({ seed: 1 });
    const cluster = createCluster(world, { bare: true });
    const monitor = new InvariantMonitor(cluster.store);
    const set = cluster.store.create(webStatefulSet({ replicas: 0, volumes: false })) as StatefulSet;
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', ownerReferences: [newControllerRef(set)] }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };
    cluster.store.create(pod);
    expect(monitor.violations).toEqual(['web-1 was created while web-0 is not Running and Ready']);
  });

  it('reports references to owners that are gone', () => {
    const world = new World({ seed: 1 });
    const cluster = createCluster(world, { bare: true });
    cluster.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'lost', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'gone', uid: 'u-1', controller: true }] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(checkOwnersExist(cluster.store)).toEqual(['pod default/lost is owned by StatefulSet gone (uid u-1), which no longer exists']);
  });
});
