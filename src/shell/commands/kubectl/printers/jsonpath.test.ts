import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError, relaxed } from './jsonpath.ts';

const list = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      metadata: { name: 'web-0', labels: { 'app.kubernetes.io/name': 'web' } },
      spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } } },
      status: { podIP: '10.244.1.2', conditions: [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }] },
    },
    {
      metadata: { name: 'web-1', labels: {} },
      status: { podIP: '10.244.2.3', conditions: [{ type: 'Ready', status: 'False' }] },
    },
  ],
};

const jp = (t: string, d: unknown = list) => new JsonPath(t).execute(d);

describe('JsonPath (kubectl dialect)', () => {
  it('joins the values of [*] with spaces', () => {
    expect(jp('{.items[*].metadata.name}')).toBe('web-0 web-1');
  });
  it('iterates with range/end and prints string literals with escapes', () => {
    expect(jp('{range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}')).toBe('web-0\t10.244.1.2\nweb-1\t10.244.2.3\n');
  });
  it('filters with [?(@.type=="Ready")]', () => {
    expect(jp('{.items[*].status.conditions[?(@.type=="Ready")].status}')).toBe('True False');
    expect(jp('{.items[?(@.metadata.name=="web-1")].status.podIP}')).toBe('10.244.2.3');
  });
  it('prints objects as Go json.Marshal does: keys sorted, compact', () => {
    // Expected text from a kubectl 1.34 transcript: `kubectl get sts web -o jsonpath='{.spec.updateStrategy}'`.
    expect(jp('{.items[0].spec.updateStrategy}')).toBe('{"rollingUpdate":{"partition":0},"type":"RollingUpdate"}');
  });
  it('handles negative indices, slices, escaped dots, recursive descent and unions', () => {
    expect(jp('{.items[-1].metadata.name}')).toBe('web-1');
    expect(jp('{.items[0:1].metadata.name}')).toBe('web-0');
    expect(jp('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}')).toBe('web');
    expect(jp("{.items[0].metadata.labels['app.kubernetes.io/name']}")).toBe('web');
    expect(jp('{..podIP}')).toBe('10.244.1.2 10.244.2.3');
    expect(jp('{.items[0].metadata.name,.items[1].metadata.name}')).toBe('web-0 web-1');
  });
  it('prints nothing for missing keys and keeps literal text outside actions', () => {
    expect(jp('name={.items[0].metadata.nope}!')).toBe('name=!');
  });
  it('rejects broken templates', () => {
    expect(() => new JsonPath('{range .items[*]}{.x}')).toThrow(JsonPathError);
    expect(() => new JsonPath('{.items[0}')).toThrow(JsonPathError);
  });
  it('relaxes custom-columns and sort-by expressions', () => {
    expect(relaxed('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxed('metadata.name')).toBe('{.metadata.name}');
    expect(relaxed('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
