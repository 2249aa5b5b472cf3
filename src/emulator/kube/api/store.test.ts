import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { ApiError } from './errors.ts';
import { ApiStore } from './store.ts';
import type { KubeObject } from './types.ts';

function setup() {
  const world = new World({ seed: 7 });
  const store = new ApiStore(world);
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return { world, store };
}

const sts = (over: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'nginx' } },
    serviceName: 'nginx',
    replicas: 2,
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.24' }] } },
    ...over,
  },
});

function err(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('ApiStore', () => {
  it('assigns metadata like the API server', () => {
    const { store } = setup();
    const o = store.create(sts());
    expect(o.metadata).toMatchObject({ name: 'web', namespace: 'default', generation: 1, creationTimestamp: '2026-11-29T10:00:00Z', resourceVersion: '2' });
    expect(o.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((o.spec as { podManagementPolicy: string }).podManagementPolicy).toBe('OrderedReady');
    expect(Object.isFrozen(o.spec)).toBe(true);
  });

  it('reports NotFound and AlreadyExists with the real texts', () => {
    const { store } = setup();
    expect(err(() => store.get('pods', 'default', 'web-0')).message).toBe('pods "web-0" not found');
    store.create(sts());
    const e = err(() => store.create(sts()));
    expect([e.reason, e.message]).toEqual(['AlreadyExists', 'statefulsets.apps "web" already exists']);
    expect(err(() => store.create({ ...sts(), metadata: { name: 'x', namespace: 'nope' } })).message).toBe('namespaces "nope" not found');
  });

  it('rejects unknown fields when strict, and legacy PetSets', () => {
    const { store } = setup();
    expect(err(() => store.create(sts({ foo: 1 }), { strict: true })).message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.foo"',
    );
    const pet = err(() => store.create({ apiVersion: 'apps/v1alpha1', kind: 'PetSet', metadata: { name: 'web' }, spec: {} }));
    expect(pet.message).toBe('no matches for kind "PetSet" in version "apps/v1alpha1"');
  });

  it('validates selectors and forbids StatefulSet spec updates', () => {
    const { store } = setup();
    expect(err(() => store.create(sts({ selector: undefined }))).message).toBe('StatefulSet.apps "web" is invalid: spec.selector: Required value');
    expect(err(() => store.create(sts({ selector: { matchLabels: { app: 'x' } } }))).message).toBe(
      'StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`',
    );
    const o = JSON.parse(JSON.stringify(store.create(sts()))) as KubeObject;
    (o.spec as { serviceName: string }).serviceName = 'other';
    expect(err(() => store.update(o)).message).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });

  it('detects resourceVersion conflicts and bumps generation on spec changes', () => {
    const { store } = setup();
    const o = store.create(sts());
    const a = JSON.parse(JSON.stringify(o)) as KubeObject;
    (a.spec as { replicas: number }).replicas = 5;
    const updated = store.update(a);
    expect(updated.metadata.generation).toBe(2);
    expect(err(() => store.update(a)).message).toBe(
      'Operation cannot be fulfilled on statefulsets.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('lists with label and field selectors', () => {
    const { store } = setup();
    for (const [name, labels] of [['a', { app: 'x', tier: 'web' }], ['b', { app: 'y' }], ['c', { app: 'z', tier: 'db' }]] as const) {
      store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { ...labels } } });
    }
    const names = (sel: string) => store.list('cm', { labelSelector: sel }).items.map((o) => o.metadata.name);
    expect(names('app in (x,z),tier!=db')).toEqual(['a']);
    expect(names('!tier')).toEqual(['b']);
    expect(names('tier')).toEqual(['a', 'c']);
    expect(store.list('configmaps', { fieldSelector: 'metadata.name=b' }).items.map((o) => o.metadata.name)).toEqual(['b']);
  });

  it('patches with all three types', () => {
    const { store } = setup();
    store.create(sts());
    store.patch('sts', 'default', 'web', 'strategic', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:2' }] } } } });
    store.patch('sts', 'default', 'web', 'merge', { spec: { replicas: 4 } });
    const o = store.patch('sts', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/updateStrategy/rollingUpdate/partition', value: 3 }]);
    const spec = o.spec as { replicas: number; template: { spec: { containers: { name: string; image: string }[] } }; updateStrategy: { rollingUpdate: { partition: number } } };
    expect(spec.template.spec.containers.map((c) => [c.name, c.image])).toEqual([['nginx', 'nginx:2']]);
    expect(spec.replicas).toBe(4);
    expect(spec.updateStrategy.rollingUpdate.partition).toBe(3);
  });

  it('does not write a patch that changes nothing (no new resourceVersion, no watch event)', () => {
    const { world, store } = setup();
    const before = store.create(sts());
    const seen: string[] = [];
    store.watch('sts', {}, (e) => seen.push(`${e.type} ${e.object.metadata.resourceVersion}`));
    const same = store.patch('sts', 'default', 'web', 'merge', { spec: { replicas: 2 }, metadata: { labels: null } });
    const status = store.patch('sts', 'default', 'web', 'merge', { status: {} }, { subresource: 'status' });
    const changed = store.patch('sts', 'default', 'web', 'merge', { spec: { replicas: 3 } });
    world.runReady();
    expect([same.metadata.resourceVersion, status.metadata.resourceVersion, changed.metadata.resourceVersion, seen])
      .toEqual([before.metadata.resourceVersion, before.metadata.resourceVersion, String(Number(before.metadata.resourceVersion) + 1), [`MODIFIED ${Number(before.metadata.resourceVersion) + 1}`]]);
  });

  it('refuses to delete the default namespace', () => {
    const { store } = setup();
    expect(err(() => store.delete('namespaces', undefined, 'default')).message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it('keeps objects with finalizers until they are removed, and delivers watch events', () => {
    const { world, store } = setup();
    const seen: string[] = [];
    store.watch('cm', {}, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'f', finalizers: ['example.com/x'] } });
    const t = store.delete('cm', 'default', 'f');
    expect(t.metadata.deletionTimestamp).toBe('2026-11-29T10:00:00Z');
    const o = JSON.parse(JSON.stringify(t)) as KubeObject;
    o.metadata.finalizers = [];
    store.update(o);
    expect(store.tryGet('cm', 'default', 'f')).toBeUndefined();
    world.runReady();
    expect(seen).toEqual(['ADDED f', 'MODIFIED f', 'DELETED f']);
  });

  it('tryGetKey finds an object by the key keyOf gives it (namespace/name, or the name when cluster-scoped)', () => {
    const { store } = setup();
    const cm = store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'f' } });
    expect(store.tryGetKey('configmaps', 'default/f')).toBe(cm);
    expect(store.tryGetKey('cm', 'f')).toBeUndefined();
    expect(store.tryGetKey('namespaces', 'default')).toBe(store.get('namespaces', undefined, 'default'));
  });
});
