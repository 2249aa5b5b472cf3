import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { clone, controllerRef } from '../api/meta.ts';
import { ApiStore } from '../api/store.ts';
import type { KubeObject } from '../api/types.ts';
import { OwnerIndex } from './owner-index.ts';

const OWNERS = ['uid-a', 'uid-b'];
const NAMESPACES = ['default', 'other'];

function pod(name: string, ns: string, owner: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: ns,
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: owner, uid: owner, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  };
}

/** What a fresh scan of the store gives for each bucket, as keys in store order. */
function scan(store: ApiStore) {
  const owned = new Map<string, string[]>();
  const orphans = new Map<string, string[]>();
  for (const p of store.list('pods', { sorted: false }).items) {
    const key = `${p.metadata.namespace}/${p.metadata.name}`;
    const ref = controllerRef(p);
    const map = ref ? owned : orphans;
    const id = ref ? ref.uid : String(p.metadata.namespace);
    map.set(id, [...(map.get(id) ?? []), key]);
  }
  return { owned, orphans };
}

const op = fc.record({
  kind: fc.constantFrom('create', 'relabel', 'adopt', 'orphan', 'delete', 'backdate'),
  name: fc.constantFrom('p-0', 'p-1', 'p-2', 'p-3'),
  ns: fc.constantFrom(...NAMESPACES),
  owner: fc.option(fc.constantFrom(...OWNERS), { nil: undefined }),
});

describe('OwnerIndex', () => {
  it('equals a fresh scan of the store after any sequence of writes and backdates (same objects, same sets)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = new ApiStore(new World({ seed: 1 }));
        for (const ns of NAMESPACES) store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
        store.create(pod('early', 'default', 'uid-a'));
        const index = new OwnerIndex(store, 'pods');
        for (const o of ops) {
          // Backdating replaces stored objects without commit hooks: the index must not keep the old ones.
          if (o.kind === 'backdate') store.backdate(0, 1000);
          const cur = store.tryGet('pods', o.ns, o.name);
          if (o.kind === 'create' && !cur) store.create(pod(o.name, o.ns, o.owner));
          if (!cur) continue;
          const next = clone(cur);
          if (o.kind === 'relabel') next.metadata.labels = { app: o.name };
          if (o.kind === 'adopt' && o.owner) next.metadata.ownerReferences = pod(o.name, o.ns, o.owner).metadata.ownerReferences;
          if (o.kind === 'orphan') delete next.metadata.ownerReferences;
          if (o.kind === 'delete') store.delete('pods', o.ns, o.name);
          else if (o.kind !== 'create') store.update(next);
        }
        const fresh = scan(store);
        for (const uid of OWNERS) {
          const got = [...index.ownedBy(uid).values()];
          expect(new Set(got.map((p) => `${p.metadata.namespace}/${p.metadata.name}`))).toEqual(new Set(fresh.owned.get(uid) ?? []));
          for (const p of got) expect(p).toBe(store.get('pods', p.metadata.namespace, String(p.metadata.name)));
        }
        for (const ns of NAMESPACES) {
          const got = [...index.orphansIn(ns).values()];
          expect(new Set(got.map((p) => `${p.metadata.namespace}/${p.metadata.name}`))).toEqual(new Set(fresh.orphans.get(ns) ?? []));
          for (const p of got) expect(p).toBe(store.get('pods', p.metadata.namespace, String(p.metadata.name)));
        }
        expect(index.ownedBy('uid-none').size).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('shared: one index per store and kind, with what a private index holds', () => {
    const store = new ApiStore(new World({ seed: 1 }));
    store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    store.create(pod('early', 'default', 'uid-a'));
    const shared = OwnerIndex.shared(store, 'pods');
    expect(OwnerIndex.shared(store, 'pods')).toBe(shared);
    expect(OwnerIndex.shared(store, 'replicasets')).not.toBe(shared);
    expect(OwnerIndex.shared(new ApiStore(new World({ seed: 1 })), 'pods')).not.toBe(shared);
    const own = new OwnerIndex(store, 'pods');
    store.create(pod('late', 'default', 'uid-a'));
    store.create(pod('loose', 'default', undefined));
    const keys = (m: ReadonlyMap<string, KubeObject>) => [...m.keys()];
    expect(keys(shared.ownedBy('uid-a'))).toEqual(['default/early', 'default/late']);
    expect(keys(shared.ownedBy('uid-a'))).toEqual(keys(own.ownedBy('uid-a')));
    expect(keys(shared.orphansIn('default'))).toEqual(['default/loose']);
  });
});
