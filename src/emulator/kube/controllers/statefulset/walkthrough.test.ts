/**
 * The StatefulSet tutorial (kubernetes/website content/en/docs/tutorials/stateful-application/
 * basic-stateful-set.md), step by step against the emulated cluster.
 */
import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import { clone } from '../../api/meta.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { resolveName } from '../../../linux/net/resolve.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';

function setup(replicas = 2, extra: Parameters<typeof webStatefulSet>[0] = {}) {
  const world = new World({ seed: 11 });
  const cluster = createCluster(world);
  cluster.store.create(webService());
  cluster.store.create(webStatefulSet({ replicas, ...extra }));
  world.settle();
  return { world, cluster, store: cluster.store };
}

const names = (store: ReturnType<typeof setup>['store']) => store.list('pods', { namespace: 'default' }).items.map((p) => p.metadata.name);

function scale(store: ReturnType<typeof setup>['store'], replicas: number) {
  store.patch('statefulsets', 'default', 'web', 'merge', { spec: { replicas } });
}

describe('StatefulSet walk-through', () => {
  it('gives each pod a stable hostname and DNS name that follows recreation', () => {
    const { world, cluster, store } = setup();
    const proc = cluster.containerProcess('default', 'web-0', 'nginx')!;
    expect(proc.fs.readFile('/etc/hostname')).toBe('web-0\n');
    expect(proc.fs.readFile('/etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const web1 = store.get('pods', 'default', 'web-1') as Pod;
    const r = resolveName(world.linux.net, proc, 'web-1.nginx');
    expect(r).toEqual({ ok: true, addresses: [web1.status?.podIP], source: 'dns', server: '10.96.0.10' });
    store.delete('pods', 'default', 'web-1');
    world.settle();
    const again = store.get('pods', 'default', 'web-1') as Pod;
    expect(again.metadata.uid).not.toBe(web1.metadata.uid);
    const r2 = resolveName(world.linux.net, cluster.containerProcess('default', 'web-0', 'nginx')!, 'web-1.nginx.default.svc.cluster.local');
    expect(r2.ok && r2.addresses).toEqual([again.status?.podIP]);
  });

  it('keeps a file written to the volume across pod recreation', () => {
    const { world, cluster, store } = setup();
    cluster.containerProcess('default', 'web-0', 'nginx')!.fs.writeFile('/usr/share/nginx/html/index.html', 'web-0\n');
    store.delete('pods', 'default', 'web-0');
    world.settle();
    const fresh = cluster.containerProcess('default', 'web-0', 'nginx')!;
    expect(fresh.fs.readFile('/usr/share/nginx/html/index.html')).toBe('web-0\n');
  });

  it('scales up in order and down in reverse, keeping PVCs', () => {
    const { world, store } = setup();
    scale(store, 5);
    world.settle();
    expect(names(store)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    const creates = world.events.list((e) => e.type === 'k8s.SuccessfulCreate' && e.message.startsWith('create Pod')).map((e) => e.message.split(' ')[2]);
    expect(creates).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4']);
    scale(store, 3);
    world.settle();
    expect(names(store)).toEqual(['web-0', 'web-1', 'web-2']);
    const deletes = world.events.list((e) => e.type === 'k8s.SuccessfulDelete').map((e) => e.message);
    expect(deletes).toEqual(['delete Pod web-4 in StatefulSet web successful', 'delete Pod web-3 in StatefulSet web successful']);
    expect(store.list('pvc', { namespace: 'default' }).items.map((p) => p.metadata.name)).toEqual(['www-web-0', 'www-web-1', 'www-web-2', 'www-web-3', 'www-web-4']);
  });

  it('rolls out an image update in reverse ordinal order, honouring the partition', () => {
    const { world, store } = setup(3);
    store.patch('statefulsets', 'default', 'web', 'json', [{ op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 2 }]);
    store.patch('statefulsets', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.k8s.io/nginx-slim:0.24' }]);
    world.settle();
    const image = (n: string) => (store.get('pods', 'default', n) as Pod).spec.containers[0].image;
    expect(['web-0', 'web-1', 'web-2'].map(image)).toEqual(['registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.21', 'registry.k8s.io/nginx-slim:0.24']);
    let sts = store.get('sts', 'default', 'web') as StatefulSet;
    expect(sts.status?.currentRevision).not.toBe(sts.status?.updateRevision);
    expect(sts.status).toMatchObject({ replicas: 3, currentReplicas: 2, updatedReplicas: 1 });
    store.patch('statefulsets', 'default', 'web', 'merge', { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    world.settle();
    expect(['web-0', 'web-1', 'web-2'].map(image)).toEqual(Array(3).fill('registry.k8s.io/nginx-slim:0.24'));
    const order = world.events.list((e) => e.type === 'k8s.SuccessfulDelete').map((e) => e.message.split(' ')[2]);
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    sts = store.get('sts', 'default', 'web') as StatefulSet;
    expect(sts.status?.currentRevision).toBe(sts.status?.updateRevision);
    expect(store.list('controllerrevisions', { namespace: 'default' }).items).toHaveLength(2);
  });

  it('creates all pods at once with Parallel pod management', () => {
    const { world } = setup(3, { podManagementPolicy: 'Parallel' });
    const created = world.events.list((e) => e.type === 'k8s.SuccessfulCreate' && e.message.startsWith('create Pod'));
    expect(new Set(created.map((e) => e.at)).size).toBe(1);
  });

  it('keeps PVCs when the StatefulSet is deleted, and deletes them with whenDeleted: Delete', () => {
    const { world, store } = setup();
    store.delete('statefulsets', 'default', 'web');
    world.settle();
    expect(names(store)).toEqual([]);
    expect(store.list('pvc', { namespace: 'default' }).items).toHaveLength(2);
    const again = clone(webStatefulSet());
    (again.spec as StatefulSet['spec']).persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Delete', whenScaled: 'Retain' };
    store.create(again);
    world.settle();
    expect(names(store)).toEqual(['web-0', 'web-1']);
    store.delete('statefulsets', 'default', 'web');
    world.settle();
    expect(store.list('pvc', { namespace: 'default' }).items).toHaveLength(0);
    expect(store.list('pv').items).toHaveLength(0);
  });

  it('orphans pods with --cascade=orphan and adopts them again', () => {
    const { world, store } = setup();
    const uid0 = store.get('pods', 'default', 'web-0').metadata.uid;
    store.delete('statefulsets', 'default', 'web', { propagationPolicy: 'Orphan' });
    world.settle();
    expect(store.get('pods', 'default', 'web-0').metadata.ownerReferences).toBeUndefined();
    store.create(webStatefulSet());
    world.settle();
    const pod = store.get('pods', 'default', 'web-0');
    expect(pod.metadata.uid).toBe(uid0);
    expect(pod.metadata.ownerReferences?.[0].name).toBe('web');
  });

  it('leaves pods of a stopped node Terminating and does not replace them', () => {
    const { world, cluster, store } = setup();
    const node = (store.get('pods', 'default', 'web-0') as Pod).spec.nodeName!;
    cluster.stopNode(node);
    world.advance(400_000);
    const pod = store.get('pods', 'default', 'web-0') as Pod;
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    const n = store.get('nodes', undefined, node);
    expect((n.status as { conditions: { type: string; status: string }[] }).conditions.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    cluster.startNode(node);
    world.settle();
    const back = store.get('pods', 'default', 'web-0') as Pod;
    expect(back.metadata.uid).not.toBe(pod.metadata.uid);
    expect(back.status?.phase).toBe('Running');
  });
});
