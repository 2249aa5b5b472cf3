import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../../api/types.ts';
import { replicaSetsOf, REVISION } from './util.ts';

function deployment(image = 'nginx:1.25', replicas = 3, strategy?: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, ...(strategy ? { strategy } : {}), template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } } },
  };
}

function setup(d = deployment()) {
  const world = new World({ seed: 9 });
  const cluster = createCluster(world, { bare: true });
  cluster.store.create(d);
  world.settle();
  return { world, store: cluster.store };
}

const rsSummary = (store: ReturnType<typeof setup>['store']) =>
  replicaSetsOf(store, store.get('deployments', 'default', 'web') as Deployment).map((rs) => `${rs.metadata.annotations?.[REVISION]}:${rs.spec.replicas}/${(rs as ReplicaSet).status?.readyReplicas ?? 0}`);

describe('Deployment controller', () => {
  it('creates a ReplicaSet named by the pod-template-hash and brings its pods up', () => {
    const { world, store } = setup();
    const d = store.get('deployments', 'default', 'web') as Deployment;
    const [rs] = replicaSetsOf(store, d);
    expect(rs.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.labels?.['pod-template-hash']).toBe(String(rs.metadata.name).slice(4));
    expect(d.metadata.annotations?.[REVISION]).toBe('1');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status?.conditions?.map((c) => `${c.type}=${c.status} ${c.reason}: ${c.message}`)).toEqual([
      'Available=True MinimumReplicasAvailable: Deployment has minimum availability.',
      `Progressing=True NewReplicaSetAvailable: ReplicaSet "${rs.metadata.name}" has successfully progressed.`,
    ]);
    const pods = store.list('pods', { namespace: 'default' }).items as Pod[];
    expect(pods.map((p) => p.metadata.name?.startsWith(`${rs.metadata.name}-`))).toEqual([true, true, true]);
    expect(world.events.list((e) => e.type === 'k8s.ScalingReplicaSet').map((e) => e.message)).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
  });

  it('rolls out a new template within maxSurge/maxUnavailable and keeps the old ReplicaSet at 0', () => {
    const { world, store } = setup();
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    world.settle();
    expect(rsSummary(store)).toEqual(['1:0/0', '2:3/3']);
    const images = (store.list('pods', { namespace: 'default' }).items as Pod[]).map((p) => p.spec.containers[0].image);
    expect(images).toEqual(['nginx:1.26', 'nginx:1.26', 'nginx:1.26']);
    const scaling = world.events.list((e) => e.type === 'k8s.ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'RS'));
    expect(scaling[1]).toBe('Scaled up replica set RS from 0 to 1');
  });

  it('rolls back by re-applying an old template, which becomes the newest revision', () => {
    const { world, store } = setup();
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    world.settle();
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } } });
    world.settle();
    expect(rsSummary(store)).toEqual(['2:0/0', '3:3/3']);
    expect(store.get('deployments', 'default', 'web').metadata.annotations?.[REVISION]).toBe('3');
  });

  it('Recreate stops every old pod before starting new ones', () => {
    const { world, store } = setup(deployment('nginx:1.25', 2, { type: 'Recreate' }));
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    world.settle();
    const ev = world.events.list((e) => e.type === 'k8s.ScalingReplicaSet').map((e) => e.message.replace(/web-\w+/, 'RS'));
    expect(ev).toEqual(['Scaled up replica set RS from 0 to 2', 'Scaled down replica set RS from 2 to 0', 'Scaled up replica set RS from 0 to 2']);
    expect(rsSummary(store)).toEqual(['1:0/0', '2:2/2']);
  });

  it('does not roll out while paused', () => {
    const { world, store } = setup();
    store.patch('deployments', 'default', 'web', 'merge', { spec: { paused: true } });
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } });
    world.settle();
    expect(rsSummary(store)).toEqual(['1:3/3']);
    store.patch('deployments', 'default', 'web', 'merge', { spec: { paused: false } });
    world.settle();
    expect(rsSummary(store)).toEqual(['1:0/0', '2:3/3']);
  });

  it('deletes the ReplicaSets and pods with the Deployment (background propagation)', () => {
    const { world, store } = setup();
    store.delete('deployments', 'default', 'web');
    world.settle();
    expect(store.list('replicasets', { namespace: 'default' }).items).toEqual([]);
    expect(store.list('pods', { namespace: 'default' }).items).toEqual([]);
  });
});

describe('Deployment progress deadline', () => {
  it('marks Progressing=False with ProgressDeadlineExceeded when the new pods never become available', () => {
    const { world, store } = setup();
    store.patch('deployments', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:doesnotexist' }] } } } });
    world.settle();
    world.advance(610_000);
    const d = store.get('deployments', 'default', 'web') as Deployment;
    const p = d.status?.conditions?.find((c) => c.type === 'Progressing');
    expect([p?.status, p?.reason]).toEqual(['False', 'ProgressDeadlineExceeded']);
    expect(p?.message).toMatch(/^ReplicaSet "web-\w+" has timed out progressing\.$/);
  });
});

describe('ReplicaSet controller', () => {
  it('replaces a deleted pod and removes surplus ones', () => {
    const { world, store } = setup();
    const [rs] = store.list('replicasets', { namespace: 'default' }).items as ReplicaSet[];
    const victim = store.list('pods', { namespace: 'default' }).items[0];
    store.delete('pods', 'default', String(victim.metadata.name));
    world.settle();
    const names = store.list('pods', { namespace: 'default' }).items.map((p) => p.metadata.name);
    expect(names).toHaveLength(3);
    expect(names).not.toContain(victim.metadata.name);
    const created = world.events.list((e) => e.type === 'k8s.SuccessfulCreate' && e.subject === `replicaset/default/${rs.metadata.name}`);
    expect(created.map((e) => e.message)).toHaveLength(4);
    expect(created[3].message).toMatch(new RegExp(`^Created pod: ${rs.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });
});
