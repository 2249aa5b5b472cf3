import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import type { Pod, StatefulSet } from '../../api/types.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';

function setup() {
  const world = new World({ seed: 3 });
  const cluster = createCluster(world, { bare: true });
  return { world, cluster, store: cluster.store };
}

const phase = (p: Pod) => `${p.metadata.name}:${p.status?.phase}:${p.spec.nodeName}`;

describe('StatefulSet controller', () => {
  it('creates web-0 then web-1, each after the previous is Running and Ready', () => {
    const { world, store } = setup();
    store.create(webService());
    store.create(webStatefulSet());
    world.settle();
    const pods = store.list('pods', { namespace: 'default' }).items as Pod[];
    expect(pods.map(phase)).toEqual(['web-0:Running:petlab-worker', 'web-1:Running:petlab-worker2']);
    const pvcs = store.list('pvc', { namespace: 'default' }).items;
    expect(pvcs.map((p) => `${p.metadata.name}:${(p.status as { phase: string }).phase}`)).toEqual(['www-web-0:Bound', 'www-web-1:Bound']);
    const creates = world.events.list((e) => e.type === 'k8s.SuccessfulCreate').map((e) => e.message);
    expect(creates).toEqual([
      'create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'create Pod web-0 in StatefulSet web successful',
      'create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'create Pod web-1 in StatefulSet web successful',
    ]);
    const ready0 = world.events.list((e) => e.type === 'pod.ready' && e.subject === 'pod/default/web-0')[0];
    const created1 = world.events.list((e) => e.message === 'create Pod web-1 in StatefulSet web successful')[0];
    expect(created1.at).toBeGreaterThanOrEqual(ready0.at);
    const sts = store.get('sts', 'default', 'web') as StatefulSet;
    expect(sts.status).toMatchObject({ replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2, availableReplicas: 2 });
    expect(sts.status?.currentRevision).toBe(sts.status?.updateRevision);
  });
});
