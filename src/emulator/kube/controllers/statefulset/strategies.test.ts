import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster, type ClusterOptions } from '../../cluster.ts';
import type { KubeObject, Pod, StatefulSet } from '../../api/types.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';

function setup(patch: (s: StatefulSet['spec']) => void, options: ClusterOptions = {}) {
  const world = new World({ seed: 21 });
  const cluster = createCluster(world, { bare: true, ...options });
  cluster.store.create(webService());
  const sts = webStatefulSet({ replicas: 3, volumes: false }) as KubeObject & { spec: StatefulSet['spec'] };
  patch(sts.spec);
  cluster.store.create(sts);
  world.settle();
  return { world, store: cluster.store };
}

const image = (store: ReturnType<typeof setup>['store'], n: string) => (store.get('pods', 'default', n) as Pod).spec.containers[0].image;
const setImage = (store: ReturnType<typeof setup>['store'], img: string) =>
  store.patch('statefulsets', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: img }] } } } });

describe('StatefulSet update strategies and options', () => {
  it('OnDelete updates a pod only when it is deleted', () => {
    const { world, store } = setup((s) => (s.updateStrategy = { type: 'OnDelete' }));
    setImage(store, 'registry.k8s.io/nginx-slim:0.24');
    world.settle();
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(store, n))).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.21'));
    store.delete('pods', 'default', 'web-1');
    world.settle();
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(store, n))).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24', 'registry.k8s.io/nginx-slim:0.21']);
  });

  it('names pods from .spec.ordinals.start', () => {
    const { store } = setup((s) => (s.ordinals = { start: 5 }));
    expect(store.list('pods', { namespace: 'default' }).items.map((p) => [p.metadata.name, p.metadata.labels?.['apps.kubernetes.io/pod-index']])).toEqual([
      ['web-5', '5'],
      ['web-6', '6'],
      ['web-7', '7'],
    ]);
  });

  it('waits minReadySeconds before the next ordinal and counts availableReplicas', () => {
    const { world, store } = setup((s) => (s.minReadySeconds = 10));
    const ready = (n: string) => world.events.list((e) => e.type === 'pod.ready' && e.subject === `pod/default/${n}`)[0].at;
    const created = (n: string) => world.events.list((e) => e.message === `create Pod ${n} in StatefulSet web successful`)[0].at;
    // Ready's lastTransitionTime has second precision, as on the API server.
    const gap = created('web-1') - ready('web-0');
    expect(gap).toBeGreaterThan(9_000);
    expect(gap).toBeLessThanOrEqual(10_000);
    expect((store.get('sts', 'default', 'web') as StatefulSet).status).toMatchObject({ readyReplicas: 3, availableReplicas: 3 });
  });

  it('with MaxUnavailableStatefulSet, replaces up to maxUnavailable pods at once', () => {
    const { world, store } = setup((s) => (s.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } }), { maxUnavailableStatefulSet: true });
    setImage(store, 'registry.k8s.io/nginx-slim:0.24');
    world.settle();
    const deletes = world.events.list((e) => e.type === 'k8s.SuccessfulDelete');
    expect(deletes.map((e) => e.message.split(' ')[2])).toEqual(['web-2', 'web-1', 'web-0']);
    expect(deletes[0].at).toBe(deletes[1].at);
    expect(['web-0', 'web-1', 'web-2'].map((n) => image(store, n))).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.24'));
  });

  it('recreates a failed pod under the same name', () => {
    const { world, store } = setup(() => {});
    const old = store.get('pods', 'default', 'web-1') as Pod;
    store.updateStatus({ ...old, status: { ...old.status, phase: 'Failed' } });
    world.settle();
    const fresh = store.get('pods', 'default', 'web-1') as Pod;
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid);
    expect(fresh.status?.phase).toBe('Running');
  });
});

describe('garbage collection', () => {
  it('foreground deletion removes the pods before the StatefulSet', () => {
    const { world, store } = setup(() => {});
    store.delete('statefulsets', 'default', 'web', { propagationPolicy: 'Foreground' });
    world.runReady();
    const sts = store.get('statefulsets', 'default', 'web');
    expect(sts.metadata.finalizers).toEqual(['foregroundDeletion']);
    world.settle();
    expect(store.tryGet('statefulsets', 'default', 'web')).toBeUndefined();
    expect(store.list('pods', { namespace: 'default' }).items).toEqual([]);
  });

  it('deleting a namespace deletes everything in it', () => {
    const world = new World({ seed: 21 });
    const cluster = createCluster(world, { bare: true });
    const store = cluster.store;
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    world.settle();
    store.create(webService(), { namespace: 'shop' });
    store.create(webStatefulSet({ replicas: 1 }), { namespace: 'shop' });
    world.settle();
    store.delete('namespaces', undefined, 'shop');
    expect((store.get('namespaces', undefined, 'shop').status as { phase: string }).phase).toBe('Terminating');
    expect(() => store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'shop' } })).toThrow(
      'configmaps "x" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    world.settle();
    expect(store.tryGet('namespaces', undefined, 'shop')).toBeUndefined();
    expect(store.list('persistentvolumeclaims', { namespace: 'shop' }).items).toEqual([]);
  });
});
