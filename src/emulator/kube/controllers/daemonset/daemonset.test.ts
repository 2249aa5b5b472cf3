import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import type { KubeObject, Node, Pod } from '../../api/types.ts';

function setup() {
  const world = new World({ seed: 4 });
  const cluster = createCluster(world, { bare: true });
  return { world, store: cluster.store };
}

function ds(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.28', command: ['sleep', 'infinity'] }], ...spec } } },
  };
}

const podsOf = (store: ReturnType<typeof setup>['store'], app: string) =>
  (store.list('pods', { namespace: 'default', labelSelector: `app=${app}` }).items as Pod[]).map((p) => `${p.metadata.name} ${p.spec.nodeName} ${p.status?.phase}`);

describe('DaemonSet controller', () => {
  it('runs one pod per node the template tolerates, named <ds>-<5 chars>, and counts them in status', () => {
    const { world, store } = setup();
    store.create(ds('agent'));
    world.settle();
    // The control-plane node's NoSchedule taint is not tolerated: the two workers get a pod each.
    expect(podsOf(store, 'agent')).toEqual(['agent-47r6s petlab-worker2 Running', 'agent-rfv54 petlab-worker Running']);
    expect(store.get('daemonsets', 'default', 'agent').status).toEqual({ currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2 });
    const events = world.events.list((e) => e.subject === 'daemonset/default/agent').map((e) => e.message);
    expect(events).toEqual(['Created pod: agent-rfv54', 'Created pod: agent-47r6s']);
  });

  it('follows tolerations and nodeSelector, and replaces a deleted pod', () => {
    const { world, store } = setup();
    store.create(ds('all', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    store.create(ds('picky', { nodeSelector: { disk: 'ssd' } }));
    world.settle();
    expect(podsOf(store, 'all').map((l) => l.split(' ')[1]).sort()).toEqual(['petlab-control-plane', 'petlab-worker', 'petlab-worker2']);
    expect(podsOf(store, 'picky')).toEqual([]);
    expect(store.get('daemonsets', 'default', 'picky').status).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1 });
    const node = structuredClone(store.get('nodes', '', 'petlab-worker2')) as Node;
    node.metadata.labels = { ...node.metadata.labels, disk: 'ssd' };
    store.update(node);
    const victim = (store.list('pods', { namespace: 'default', labelSelector: 'app=all' }).items[0] as Pod).metadata.name;
    store.delete('pods', 'default', String(victim), { gracePeriodSeconds: 0 });
    world.settle();
    expect(podsOf(store, 'picky').map((l) => l.split(' ').slice(1).join(' '))).toEqual(['petlab-worker2 Running']);
    expect(podsOf(store, 'all').length).toBe(3);
    expect(podsOf(store, 'all').some((l) => l.startsWith(`${victim} `))).toBe(false);
  });

  it('still runs on a cordoned node (daemon pods tolerate node.kubernetes.io/unschedulable)', () => {
    const { world, store } = setup();
    const node = structuredClone(store.get('nodes', '', 'petlab-worker2')) as Node;
    node.spec.unschedulable = true;
    store.update(node);
    store.create(ds('agent'));
    world.settle();
    expect(podsOf(store, 'agent').map((l) => l.split(' ').slice(1).join(' ')).sort()).toEqual(['petlab-worker Running', 'petlab-worker2 Running']);
  });
});
