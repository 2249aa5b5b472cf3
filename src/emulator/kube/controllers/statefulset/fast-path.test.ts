import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster, type Cluster } from '../../cluster.ts';
import type { KubeObject, StatefulSet } from '../../api/types.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';
import { nextMissing, PodSlots, type SetSlots } from './pod-slots.ts';

type Op =
  | { op: 'apply'; replicas: number; image: number; parallel: boolean; volumes: boolean; onDelete: boolean }
  | { op: 'scale'; replicas: number }
  | { op: 'image'; image: number }
  | { op: 'deletePod'; ordinal: number }
  | { op: 'relabelPod'; ordinal: number }
  | { op: 'orphanPod'; ordinal: number }
  | { op: 'strayPod'; ordinal: number }
  | { op: 'partition'; partition: number }
  | { op: 'start'; start: number }
  | { op: 'stopNode'; node: number }
  | { op: 'startNode'; node: number }
  | { op: 'deleteSet' }
  | { op: 'wait'; seconds: number };

const IMAGES = ['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24', 'nginx:no-such-tag'];
const WORKERS = ['petlab-worker', 'petlab-worker2'];
const ordinal = fc.integer({ min: 0, max: 6 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('apply' as const), replicas: fc.integer({ min: 0, max: 6 }), image: fc.integer({ min: 0, max: 1 }), parallel: fc.boolean(), volumes: fc.boolean(), onDelete: fc.boolean() }),
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('image' as const), image: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('deletePod' as const), ordinal }),
  fc.record({ op: fc.constant('relabelPod' as const), ordinal }),
  fc.record({ op: fc.constant('orphanPod' as const), ordinal }),
  fc.record({ op: fc.constant('strayPod' as const), ordinal }),
  fc.record({ op: fc.constant('partition' as const), partition: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ op: fc.constant('start' as const), start: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ op: fc.constant('stopNode' as const), node: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant('startNode' as const), node: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant('deleteSet' as const) }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
);

function apply(cluster: Cluster, world: World, o: Op): void {
  const store = cluster.store;
  const set = store.tryGet('statefulsets', 'default', 'web') as StatefulSet | undefined;
  const pod = 'ordinal' in o ? store.tryGet('pods', 'default', `web-${o.ordinal}`) : undefined;
  try {
    switch (o.op) {
      case 'apply':
        if (set) break;
        {
          const s = webStatefulSet({ replicas: o.replicas, podManagementPolicy: o.parallel ? 'Parallel' : 'OrderedReady', image: IMAGES[o.image], volumes: o.volumes });
          if (o.onDelete) (s.spec as StatefulSet['spec']).updateStrategy = { type: 'OnDelete' };
          store.create(s);
        }
        break;
      case 'scale':
        if (set) store.patch('statefulsets', 'default', 'web', 'merge', { spec: { replicas: o.replicas } });
        break;
      case 'image':
        if (set) store.patch('statefulsets', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: IMAGES[o.image] }] } } } });
        break;
      case 'partition':
        if (set && set.spec.updateStrategy?.type !== 'OnDelete') store.patch('statefulsets', 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: o.partition } } } });
        break;
      case 'start':
        if (set) store.patch('statefulsets', 'default', 'web', 'merge', { spec: { ordinals: { start: o.start } } });
        break;
      case 'deletePod':
        if (pod) store.delete('pods', 'default', `web-${o.ordinal}`);
        break;
      case 'relabelPod':
        // Drops the identity labels: the controller repairs them.
        if (pod) store.patch('pods', 'default', `web-${o.ordinal}`, 'json', [{ op: 'remove', path: '/metadata/labels/apps.kubernetes.io~1pod-index' }]);
        break;
      case 'orphanPod':
        // Releases the pod: the set adopts it again.
        if (pod) store.patch('pods', 'default', `web-${o.ordinal}`, 'json', [{ op: 'remove', path: '/metadata/ownerReferences' }]);
        break;
      case 'strayPod':
        // A pod named like a member, without its claims or identity labels: adopted, then repaired.
        if (!pod) store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${o.ordinal}`, labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: IMAGES[0] }] } });
        break;
      case 'stopNode':
        cluster.stopNode(WORKERS[o.node]);
        break;
      case 'startNode':
        cluster.startNode(WORKERS[o.node]);
        break;
      case 'deleteSet':
        if (set) store.delete('statefulsets', 'default', 'web');
        break;
      case 'wait':
        world.advance(o.seconds * 1000);
        break;
    }
  } catch (e) {
    if (!(e instanceof Error) || !('reason' in e)) throw e;
  }
}

/** Everything a learner could see: every object of these kinds and the world's event log. */
function snapshot(cluster: Cluster, world: World): unknown {
  const kinds = ['pods', 'statefulsets', 'controllerrevisions', 'persistentvolumeclaims', 'events', 'endpointslices'];
  const objects: Record<string, KubeObject[]> = {};
  for (const k of kinds) objects[k] = cluster.store.list(k).items;
  return { objects, rv: cluster.store.resourceVersion(), log: world.events.list(() => true).map((e) => `${e.at} ${e.source} ${e.type} ${e.subject} ${e.message}`) };
}

function comparable(s: SetSlots): unknown {
  return { ...s, revisions: [...s.revisions].sort(), revisionsAll: [...s.revisionsAll].sort(), byOrdinal: [...s.byOrdinal].sort((a, b) => a[0] - b[0]), unsettled: [...s.unsettled].sort((a, b) => a - b) };
}

function run(ops: Op[], fastPath: boolean, slots?: (index: PodSlots, cluster: Cluster) => void): unknown {
  const world = new World({ seed: 11 });
  const cluster = createCluster(world, { bare: true, statefulSetFastPath: fastPath });
  const index = new PodSlots(cluster.store);
  cluster.store.create(webService());
  for (const o of ops) {
    apply(cluster, world, o);
    world.settle({ maxMs: 600_000 });
    slots?.(index, cluster);
  }
  return snapshot(cluster, world);
}

describe('StatefulSet controller fast path', () => {
  it('makes exactly the writes and decisions of the full reconcile, for random operations', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 9 }), (ops) => {
        expect(run(ops, true)).toEqual(run(ops, false));
      }),
      { numRuns: 60, seed: 20261129 },
    );
  }, 120_000);

  it('keeps PodSlots equal to one built afresh from the store', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 9 }), (ops) => {
        run(ops, true, (index, cluster) => {
          const fresh = new PodSlots(cluster.store);
          const set = cluster.store.tryGet('statefulsets', 'default', 'web');
          const uids = new Set([String(set?.metadata.uid), ...cluster.store.list('pods').items.flatMap((p) => (p.metadata.ownerReferences ?? []).map((r) => r.uid))]);
          for (const uid of uids) {
            const a = index.of(uid);
            const b = fresh.of(uid);
            expect(a && comparable(a)).toEqual(b && comparable(b));
          }
        });
      }),
      { numRuns: 40, seed: 7 },
    );
  }, 120_000);

  it('finds the next missing ordinal', () => {
    expect(nextMissing([], 0)).toBe(0);
    expect(nextMissing([0, 1, 2, 5, 6], 0)).toBe(3);
    expect(nextMissing([0, 1, 2, 5, 6], 4)).toBe(4);
    expect(nextMissing([0, 1, 2, 5, 6], 5)).toBe(7);
    expect(nextMissing([1, 2], 0)).toBe(0);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 })), fc.integer({ min: 0, max: 32 }), (xs, from) => {
        const sorted = [...xs].sort((a, b) => a - b);
        let want = from;
        while (sorted.includes(want)) want++;
        expect(nextMissing(sorted, from)).toBe(want);
      }),
    );
  });
});
