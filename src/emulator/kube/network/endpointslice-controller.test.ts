import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { clone } from '../api/meta.ts';
import { ApiStore } from '../api/store.ts';
import type { KubeObject, Pod } from '../api/types.ts';
import { EndpointSliceController } from './endpointslice-controller.ts';

const PODS = 8;

function world(incremental: boolean, perSlice = 2) {
  const w = new World({ seed: 7 });
  const store = new ApiStore(w);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  // Few endpoints per slice, so a handful of pods span several slices.
  const controller = new EndpointSliceController(store, { incremental, maxEndpointsPerSlice: perSlice });
  store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] } });
  w.settle();
  return { w, store, controller };
}

const pod = fc.integer({ min: 0, max: PODS - 1 });
// Mostly the lifecycle of pods coming up (the incremental path's case), sometimes a disruption.
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constantFrom('create', 'ip', 'ready', 'unready'), pod }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('settle'), pod: fc.constant(0) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constantFrom('fail', 'relabel', 'delete', 'terminate'), pod }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom('publish', 'drop-slice'), pod: fc.constant(0) }), weight: 1 },
);
type Op = { kind: string; pod: number };

function apply(store: ApiStore, w: World, o: Op, ipSeq: { n: number }): void {
  const name = `web-${o.pod}`;
  const cur = store.tryGet('pods', 'default', name) as Pod | undefined;
  if (o.kind === 'settle') return void w.settle();
  if (o.kind === 'publish') {
    const svc = clone(store.get('services', 'default', 'web'));
    (svc.spec as { publishNotReadyAddresses?: boolean }).publishNotReadyAddresses = !(svc.spec as { publishNotReadyAddresses?: boolean }).publishNotReadyAddresses;
    store.update(svc);
    return;
  }
  if (o.kind === 'drop-slice') {
    const slices = store.list('endpointslices', { namespace: 'default' }).items;
    if (slices.length) store.delete('endpointslices', 'default', String(slices[0].metadata.name));
    return;
  }
  if (o.kind === 'create') {
    if (!cur) store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { nodeName: 'n1', hostname: name, subdomain: 'web', containers: [{ name: 'c', image: 'nginx' }] } });
    return;
  }
  if (!cur) return;
  if (o.kind === 'delete') return void store.delete('pods', 'default', name, { gracePeriodSeconds: 0 });
  if (o.kind === 'terminate') return void store.delete('pods', 'default', name);
  if (o.kind === 'relabel') {
    const next = clone(cur);
    next.metadata.labels = { app: cur.metadata.labels?.app === 'web' ? 'other' : 'web' };
    store.update(next);
    return;
  }
  const next = clone(cur);
  const st = (next.status ??= {});
  if (o.kind === 'ip') {
    st.podIP = `10.244.1.${++ipSeq.n}`;
    st.phase = 'Running';
  }
  if (o.kind === 'fail') st.phase = 'Failed';
  if (o.kind === 'ready' || o.kind === 'unready') st.conditions = [{ type: 'Ready', status: o.kind === 'ready' ? 'True' : 'False' }];
  store.updateStatus(next);
}

function slices(store: ApiStore): KubeObject[] {
  return store.list('endpointslices', { namespace: 'default' }).items;
}

describe('EndpointSliceController', () => {
  it('writes the same slices incrementally as with a full sync each time, after any sequence of pod and Service changes', () => {
    let delta = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 30, maxLength: 120 }), (ops) => {
        const a = world(true);
        const b = world(false);
        const ipsA = { n: 0 };
        const ipsB = { n: 0 };
        for (const o of ops) {
          apply(a.store, a.w, o, ipsA);
          apply(b.store, b.w, o, ipsB);
          if (o.kind === 'settle') expect(slices(a.store)).toEqual(slices(b.store));
        }
        a.w.settle();
        b.w.settle();
        // Same objects, same resourceVersions: the same writes in the same order.
        expect(slices(a.store)).toEqual(slices(b.store));
        expect(a.store.resourceVersion()).toBe(b.store.resourceVersion());
        expect(b.controller.stats.delta).toBe(0);
        delta += a.controller.stats.delta;
      }),
      { numRuns: 300 },
    );
    // The property is about the incremental path: it must have been taken.
    expect(delta).toBeGreaterThan(150);
  }, 60_000);

  it('fills slices in order as pods become ready one by one, updating only the changed slice', () => {
    const { w, store, controller } = world(true, 3);
    for (let i = 0; i < 7; i++) {
      for (const kind of ['create', 'ip', 'ready']) {
        apply(store, w, { kind, pod: i }, { n: i * 10 });
        w.settle();
      }
    }
    const got = slices(store).map((s) => (s.endpoints as { targetRef: { name: string }; conditions: { ready: boolean } }[]).map((e) => `${e.targetRef.name}:${e.conditions.ready}`).join(' '));
    expect(got.sort()).toEqual(['web-0:true web-1:true web-2:true', 'web-3:true web-4:true web-5:true', 'web-6:true']);
    // Only a new slice needs the full sync (and the first sync of the Service): 15 syncs, 3 full.
    expect(controller.stats).toEqual({ delta: 12, full: 3 });
  });

  // The cases where the full sync would not simply append to the last slice: an endpoint placed
  // out of the members' order leaves a hole in an earlier slice, which the next newcomer fills.
  function layout(store: ApiStore): string[] {
    return slices(store)
      .map((s) => ((s.endpoints ?? []) as { targetRef: { name: string } }[]).map((e) => e.targetRef.name).join(' '))
      .sort();
  }

  function steps(store: ApiStore, w: World, plan: [string, number[]][]): void {
    const ips = { n: 0 };
    for (const [kind, pods] of plan) {
      for (const p of pods) apply(store, w, { kind, pod: p }, ips);
      w.settle();
    }
  }

  it('gives a newcomer the hole in an earlier slice once an endpoint was placed out of order', () => {
    for (const incremental of [true, false]) {
      const { w, store } = world(incremental);
      steps(store, w, [
        ['create', [0, 1, 2, 3, 4, 5, 6]],
        ['ip', [0, 1]],
        ['ip', [2, 3]],
        ['ip', [5]],
        ['delete', [1, 3]],
        ['ip', [4]],
      ]);
      expect(layout(store)).toEqual(['web-0 web-4', 'web-2', 'web-5']);
      steps(store, w, [['ip', [6]]]);
      expect(layout(store)).toEqual(['web-0 web-4', 'web-2 web-6', 'web-5']);
    }
  });

  it('treats a pod that left and came back within one sync as out of order', () => {
    for (const incremental of [true, false]) {
      const { w, store } = world(incremental);
      steps(store, w, [
        ['create', [0, 1, 2, 3, 4, 5]],
        ['ip', [0, 1, 2, 3, 4]],
        ['delete', [3]],
      ]);
      apply(store, w, { kind: 'relabel', pod: 0 }, { n: 0 });
      apply(store, w, { kind: 'relabel', pod: 0 }, { n: 0 });
      w.settle();
      expect(layout(store)).toEqual(['web-0 web-1', 'web-2', 'web-4']);
      steps(store, w, [['ip', [5]]]);
      expect(layout(store)).toEqual(['web-0 web-1', 'web-2 web-5', 'web-4']);
    }
  });
});
