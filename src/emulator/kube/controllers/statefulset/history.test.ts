import { describe, expect, it } from 'vitest';
import { World } from '../../../world.ts';
import { createCluster } from '../../cluster.ts';
import type { StatefulSet } from '../../api/types.ts';
import { webService, webStatefulSet } from '../../testing/fixtures.ts';
import { getRevisions } from './history.ts';

function setup() {
  const world = new World({ seed: 3 });
  const cluster = createCluster(world, { bare: true });
  cluster.store.create(webService());
  cluster.store.create(webStatefulSet({ replicas: 2, volumes: false }));
  world.settle();
  return { world, store: cluster.store, set: () => cluster.store.get('statefulsets', 'default', 'web') as StatefulSet };
}

const names = (r: ReturnType<typeof getRevisions>) => ({ current: r.current.metadata.name, update: r.update.metadata.name, collisionCount: r.collisionCount, all: r.revisions.map((x) => `${x.metadata.name}@${x.revision}`) });

describe('getRevisions', () => {
  it('answers the same for a status write of the set (same spec), from what it kept', () => {
    const { store, set } = setup();
    const first = getRevisions(store, set());
    store.updateStatus({ ...set(), status: { ...set().status, observedGeneration: 7 } });
    expect(set().spec).toBe(set().spec);
    const again = getRevisions(store, set());
    expect(again.update).toBe(first.update);
    expect(names(again)).toEqual(names(first));
  });

  it('sees a revision deleted behind its back, and a new template', () => {
    const { world, store, set } = setup();
    const first = getRevisions(store, set());
    const rev = String(first.update.metadata.name);
    store.delete('controllerrevisions', 'default', rev);
    const recreated = getRevisions(store, set());
    expect(recreated.update.metadata.name).toBe(rev);
    expect(recreated.update.metadata.uid).not.toBe(first.update.metadata.uid);
    store.patch('statefulsets', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] } } } });
    const next = getRevisions(store, set());
    expect(next.update.metadata.name).not.toBe(rev);
    expect(next.current.metadata.name).toBe(rev);
    expect(next.update.revision).toBe(2);
    world.settle();
    expect(names(getRevisions(store, set()))).toEqual({ current: next.update.metadata.name, update: next.update.metadata.name, collisionCount: 0, all: [`${rev}@1`, `${next.update.metadata.name}@2`] });
  });
});
