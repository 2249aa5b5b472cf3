import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import fc from 'fast-check';
import { asList, toGoJson, toYaml } from './yaml-out.ts';

const pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'web-0',
    namespace: 'default',
    labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': '0' },
    creationTimestamp: '2026-11-29T10:00:00Z',
    resourceVersion: '1234',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n' },
  },
  spec: {
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web' }], args: [] }],
    nodeSelector: {},
    hostname: 'web-0',
  },
};

describe('toYaml (kubectl -o yaml)', () => {
  it('sorts keys, quotes what YAML 1.1 would retype, keeps sequences flush with their key', () => {
    expect(toYaml(pod)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"a":1}',
        '  creationTimestamp: "2026-11-29T10:00:00Z"',
        '  labels:',
        '    app: nginx',
        '    apps.kubernetes.io/pod-index: "0"',
        '  name: web-0',
        '  namespace: default',
        '  resourceVersion: "1234"',
        'spec:',
        '  containers:',
        '  - args: []',
        '    image: nginx:1.27',
        '    name: nginx',
        '    ports:',
        '    - containerPort: 80',
        '      name: web',
        '  hostname: web-0',
        '  nodeSelector: {}',
        '',
      ].join('\n'),
    );
  });

  it('wraps several objects in a List', () => {
    expect(toYaml(asList([{ kind: 'A' }]))).toBe('apiVersion: v1\nitems:\n- kind: A\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('round-trips arbitrary JSON data through a YAML parser', () => {
    // The JS parser's YAML 1.1 reads some number-like scalars ('.', 'E0') as numbers where
    // go-yaml does not; keep those out of the generated strings.
    const str = (min: number, max: number) => fc.string({ minLength: min, maxLength: max }).filter((s) => !/^[-+.\deE_]+$/.test(s));
    const key = str(1, 8);
    const leaf = fc.oneof(str(0, 12), fc.integer(), fc.boolean(), fc.constant(null));
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, data, { maxKeys: 4 }), (obj) => {
        expect(parse(toYaml(obj), { version: '1.1' })).toEqual(obj);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toYaml string quoting', () => {
  it('double-quotes strings go-yaml v2 would resolve to bool, null, int or float', () => {
    // sigs.k8s.io/yaml → go-yaml v2 resolve.go: YAML 1.1 bools (yes/no/on/off), null/~, ints incl.
    // octal 0755, floats; e.g. a bound PVC shows `pv.kubernetes.io/bind-completed: "yes"`.
    const annotations = { 'pv.kubernetes.io/bind-completed': 'yes', a: 'true', b: '1.0', c: 'null', d: '0755', e: 'On', f: 'plain', g: '1e3' };
    expect(toYaml({ metadata: { annotations } })).toBe(
      [
        'metadata:',
        '  annotations:',
        '    a: "true"',
        '    b: "1.0"',
        '    c: "null"',
        '    d: "0755"',
        '    e: "On"',
        '    f: plain',
        '    g: "1e3"',
        '    pv.kubernetes.io/bind-completed: "yes"',
        '',
      ].join('\n'),
    );
  });
});

describe('toGoJson (kubectl -o json)', () => {
  it('indents with four spaces, sorts keys and escapes HTML characters', () => {
    expect(toGoJson({ b: [1, { d: '<none>' }], a: {}, c: [] })).toBe(
      '{\n    "a": {},\n    "b": [\n        1,\n        {\n            "d": "\\u003cnone\\u003e"\n        }\n    ],\n    "c": []\n}',
    );
  });
});
