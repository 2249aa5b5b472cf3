import { describe, expect, it } from 'vitest';
import type { ApiError} from './errors.ts';
import { fieldErrorText } from './errors.ts';
import { applyPatch } from './patch.ts';
import { resolveResource, RESOURCES } from './resources.ts';
import { matches, parseFieldSelector, parseLabelSelector, selectorString } from './selectors.ts';

describe('label selectors', () => {
  const l = { app: 'web', tier: 'front', env: 'prod' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app in (db,web)', true],
    ['app notin (web)', false],
    ['tier', true],
    ['!tier', false],
    ['!missing', true],
    ['app=web,env in (prod),!canary', true],
    ['missing!=x', true],
    ['', true],
  ])('%s → %s', (sel, want) => {
    expect(matches(parseLabelSelector(sel), l)).toBe(want);
  });

  it('prints selectors as kubectl describe does', () => {
    expect(selectorString(parseLabelSelector('app=web,tier in (a,b),!x'))).toBe('app=web,tier in (a,b),!x');
  });

  it('rejects unsupported field selectors with the API server text', () => {
    expect(() => parseFieldSelector('spec.foo=bar', 'Pod', 'pods', 'v1')).toThrow(
      'Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo',
    );
    expect(parseFieldSelector('status.phase!=Running,spec.nodeName=n1', 'Pod', 'pods', 'v1')).toEqual([
      { field: 'status.phase', op: '!=', value: 'Running' },
      { field: 'spec.nodeName', op: '=', value: 'n1' },
    ]);
  });
});

describe('patches', () => {
  const pod = { spec: { containers: [{ name: 'a', image: 'x:1', env: [{ name: 'A', value: '1' }] }, { name: 'b', image: 'y:1' }] }, metadata: { labels: { a: '1', b: '2' }, finalizers: ['f1'] } };
  it('strategic merge merges containers by name and env by name, and $patch: delete removes', () => {
    const out = applyPatch('strategic', pod, {
      metadata: { labels: { b: null, c: '3' }, finalizers: ['f2'] },
      spec: { containers: [{ name: 'a', env: [{ name: 'B', value: '2' }] }, { name: 'b', $patch: 'delete' }] },
    });
    expect(out).toEqual({
      spec: { containers: [{ name: 'a', image: 'x:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }] },
      metadata: { labels: { a: '1', c: '3' }, finalizers: ['f1', 'f2'] },
    });
  });
  it('JSON merge patch replaces lists', () => {
    expect((applyPatch('merge', pod, { spec: { containers: [{ name: 'z' }] } }) as typeof pod).spec.containers).toEqual([{ name: 'z' }]);
  });
  it('JSON patch applies operations and reports a missing path', () => {
    expect(applyPatch('json', { a: [1, 2] }, [{ op: 'add', path: '/a/-', value: 3 }, { op: 'replace', path: '/a/0', value: 0 }])).toEqual({ a: [0, 2, 3] });
    const e = (() => {
      try {
        applyPatch('json', { a: 1 }, [{ op: 'remove', path: '/b' }]);
      } catch (x) {
        return x as ApiError;
      }
    })();
    expect(e?.message).toBe('jsonpatch remove operation does not apply: doc is missing path: "/b"');
  });
});

describe('resource registry', () => {
  it('resolves kubectl names, short names and group-qualified names', () => {
    expect(['po', 'pod', 'pods', 'Pod', 'sts', 'statefulsets.apps', 'deployments.v1.apps', 'pvc', 'sc', 'ev'].map((n) => resolveResource(n)?.plural)).toEqual([
      'pods',
      'pods',
      'pods',
      'pods',
      'statefulsets',
      'statefulsets',
      'deployments',
      'persistentvolumeclaims',
      'storageclasses',
      'events',
    ]);
    expect(resolveResource('petsets')).toBeUndefined();
    expect(RESOURCES.filter((r) => r.categories.includes('all')).map((r) => r.plural)).toEqual(['pods', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets']);
  });
});

describe('field errors', () => {
  it('format like field.Error', () => {
    expect(fieldErrorText({ type: 'Invalid value', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' })).toBe(
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
    expect(fieldErrorText({ type: 'Unsupported value', field: 'spec.podManagementPolicy', value: 'Random', detail: 'supported values: "OrderedReady", "Parallel"' })).toBe(
      'spec.podManagementPolicy: Unsupported value: "Random": supported values: "OrderedReady", "Parallel"',
    );
  });
});
