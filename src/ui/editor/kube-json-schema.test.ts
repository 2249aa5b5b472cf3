import { describe, expect, it } from 'vitest';
import { kubeJsonSchema } from './kube-json-schema.ts';
import { unknownFields } from '../../emulator/kube/api/schema.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; definitions?: Record<string, Schema>; $ref?: string; items?: Schema };

/** A tiny validator of the subset we generate, to prove the schema flags what the API server does. */
function unknownByJsonSchema(root: Schema, value: unknown): string[] {
  const out: string[] = [];
  const defs = root.definitions ?? {};
  const walk = (schema: Schema, v: unknown, path: string) => {
    if (schema.$ref) return walk(defs[schema.$ref.replace('#/definitions/', '')], v, path);
    if (schema.items && Array.isArray(v)) return v.forEach((x, i) => walk(schema.items as Schema, x, `${path}[${i}]`));
    if (!schema.properties || !v || typeof v !== 'object' || Array.isArray(v)) return;
    for (const [k, x] of Object.entries(v)) {
      const p = path ? `${path}.${k}` : k;
      const sub = schema.properties[k];
      if (!sub) {
        if (schema.additionalProperties === false) out.push(p);
      } else walk(sub, x, p);
    }
  };
  const kind = (value as { kind: string }).kind;
  walk(defs[kind], value, '');
  return out;
}

describe('kubeJsonSchema', () => {
  const schema = kubeJsonSchema() as Schema;

  it('selects a definition per kind and documents key fields', () => {
    const defs = schema.definitions as Record<string, Schema>;
    const sts = defs.StatefulSet.properties as Record<string, Schema>;
    expect(sts.apiVersion).toEqual({ type: 'string', enum: ['apps/v1'], description: 'APIVersion of StatefulSet: apps/v1.' });
    expect(((defs.StatefulSetSpec.properties as Record<string, Schema>).replicas as Schema).description).toBe(
      'The desired number of replicas of the given Template. Defaults to 1.',
    );
    expect((schema.allOf as unknown[]).length).toBeGreaterThan(10);
  });

  it('rejects the same misspelled fields as the API server’s strict decoding', () => {
    const manifest = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', labelz: {} },
      spec: {
        replicas: 3,
        serviceNmae: 'nginx',
        template: { spec: { containers: [{ name: 'nginx', imag: 'nginx' }] } },
        volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
      },
    };
    expect(unknownByJsonSchema(schema, manifest)).toEqual(unknownFields('StatefulSet', manifest));
    expect(unknownByJsonSchema(schema, manifest)).toEqual(['metadata.labelz', 'spec.serviceNmae', 'spec.template.spec.containers[0].imag']);
  });
});
