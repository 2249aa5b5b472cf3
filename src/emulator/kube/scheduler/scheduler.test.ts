import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { createCluster } from '../cluster.ts';
import type { KubeObject, Pod } from '../api/types.ts';

function pod(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...extra } };
}

function setup() {
  const world = new World({ seed: 2 });
  const cluster = createCluster(world, { bare: true });
  return { world, cluster, store: cluster.store };
}

describe('scheduler', () => {
  it('spreads pods over the workers and never uses the tainted control plane', () => {
    const { world, store } = setup();
    for (const n of ['a', 'b', 'c', 'd']) store.create(pod(n));
    world.settle();
    const nodes = (store.list('pods', { namespace: 'default' }).items as Pod[]).map((p) => p.spec.nodeName);
    expect(nodes).toEqual(['petlab-worker', 'petlab-worker2', 'petlab-worker', 'petlab-worker2']);
    expect(world.events.list((e) => e.type === 'k8s.Scheduled').map((e) => e.message)[0]).toBe('Successfully assigned default/a to petlab-worker');
  });

  it('reports FailedScheduling with the real message when nothing fits', () => {
    const { world, store } = setup();
    for (const n of ['petlab-worker', 'petlab-worker2']) store.patch('nodes', undefined, n, 'merge', { spec: { unschedulable: true } });
    store.create(pod('p'));
    world.settle();
    expect(store.get('nodes', undefined, 'petlab-worker').spec).toMatchObject({ unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: '2026-11-29T10:00:00Z' }] });
    const p = store.get('pods', 'default', 'p') as Pod;
    const msg = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';
    expect(p.status?.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-11-29T10:00:00Z', reason: 'Unschedulable', message: msg }]);
    expect(world.events.list((e) => e.type === 'k8s.FailedScheduling').map((e) => e.message)).toEqual([msg]);
    store.patch('nodes', undefined, 'petlab-worker2', 'merge', { spec: { unschedulable: null } });
    world.settle();
    expect((store.get('pods', 'default', 'p') as Pod).spec.nodeName).toBe('petlab-worker2');
  });

  it('honours nodeSelector, tolerations and requests', () => {
    const { world, store } = setup();
    store.create(pod('sel', { nodeSelector: { 'kubernetes.io/hostname': 'petlab-worker2' } }));
    store.create(pod('cp', { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' }, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    store.create({ ...pod('big'), spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] } });
    world.settle();
    const where = (n: string) => (store.get('pods', 'default', n) as Pod).spec.nodeName;
    expect([where('sel'), where('cp'), where('big')]).toEqual(['petlab-worker2', 'petlab-control-plane', undefined]);
    const big = store.get('pods', 'default', 'big') as Pod;
    expect(big.status?.conditions?.[0].message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });
});
