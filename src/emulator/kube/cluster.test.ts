import { describe, expect, it } from 'vitest';
import { createWorld } from '../environment.ts';
import { clusterOf } from './cluster.ts';

describe('the kubernetes environment', () => {
  it('boots a three-node cluster that is five minutes old', () => {
    const world = createWorld({ environment: 'kubernetes' });
    const cluster = clusterOf(world)!;
    expect(cluster.store.list('nodes').items.map((n) => n.metadata.name)).toEqual(['petlab-control-plane', 'petlab-worker', 'petlab-worker2']);
    expect(cluster.store.list('namespaces').items.map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system', 'local-path-storage']);
    expect(cluster.store.get('nodes', undefined, 'petlab-worker').metadata.creationTimestamp).toBe('2026-11-29T09:55:00Z');
    expect([...world.linux.hosts.keys()]).toEqual(['petlab', 'petlab-control-plane', 'petlab-worker', 'petlab-worker2']);
  });
});
