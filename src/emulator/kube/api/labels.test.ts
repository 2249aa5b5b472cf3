/**
 * Label validation with the API server's texts: k8s.io/apimachinery pkg/util/validation
 * (IsQualifiedName, IsValidLabelValue; the name part limit is qualifiedNameMaxLength = 63) as
 * metav1 validation.ValidateLabels reports them under metadata.labels. kubectl prints the store's
 * message after "The ": `The Pod "x" is invalid: metadata.labels: Invalid value: …`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { ApiError } from './errors.ts';
import { ApiStore } from './store.ts';
import type { KubeObject } from './types.ts';
import { qualifiedNameErrors } from './validation.ts';

function setup() {
  const store = new ApiStore(new World({ seed: 7 }));
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return store;
}

const pod = (labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return `${e.reason}: ${e.message}`;
    throw e;
  }
  return 'no error';
}

const NAME_REGEX_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('label validation', () => {
  it('rejects a key whose name part is longer than 63 characters', () => {
    const key = 'a'.repeat(64);
    expect(message(() => setup().create(pod({ [key]: 'v' })))).toBe(`Invalid: Pod "x" is invalid: metadata.labels: Invalid value: "${key}": name part must be no more than 63 characters`);
    const prefixed = `example.com/${'b'.repeat(64)}`;
    expect(message(() => setup().create(pod({ [prefixed]: 'v' })))).toBe(`Invalid: Pod "x" is invalid: metadata.labels: Invalid value: "${prefixed}": name part must be no more than 63 characters`);
  });

  it('accepts 63 characters, prefixes and empty values', () => {
    expect(message(() => setup().create(pod({ ['a'.repeat(63)]: '', 'app.kubernetes.io/name': 'web', 'x_y.z': 'A-1_b.c' })))).toBe('no error');
  });

  it('reports bad characters, empty parts, bad prefixes and bad values with their texts', () => {
    expect(qualifiedNameErrors('-bad')).toEqual([`name part ${NAME_REGEX_MSG}`]);
    expect(qualifiedNameErrors('/x')).toEqual(['prefix part must be non-empty']);
    expect(qualifiedNameErrors('x/')).toEqual(['name part must be non-empty', `name part ${NAME_REGEX_MSG}`]);
    expect(qualifiedNameErrors('a/b/c')).toEqual([`a qualified name ${NAME_REGEX_MSG} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]);
    expect(qualifiedNameErrors('Example.com/x')).toEqual([
      "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(message(() => setup().create(pod({ app: 'bad value' })))).toBe(
      `Invalid: Pod "x" is invalid: metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
    expect(message(() => setup().create(pod({ app: 'v'.repeat(64) })))).toBe(`Invalid: Pod "x" is invalid: metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`);
  });

  it('checks updates and pod templates too', () => {
    const store = setup();
    store.create(pod({ app: 'web' }));
    const key = 'k'.repeat(64);
    expect(message(() => store.patch('pods', 'default', 'x', 'merge', { metadata: { labels: { [key]: 'v' } } }))).toBe(`Invalid: Pod "x" is invalid: metadata.labels: Invalid value: "${key}": name part must be no more than 63 characters`);
    const sts: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'nginx' } }, serviceName: 'nginx', template: { metadata: { labels: { app: 'nginx', [key]: 'v' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
    };
    expect(message(() => store.create(sts))).toBe(`Invalid: StatefulSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: "${key}": name part must be no more than 63 characters`);
  });

  it('a key without "/" is valid exactly when it matches the regex and has at most 63 characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-A-Za-z0-9_.]{0,70}$/), (key) => {
        expect(qualifiedNameErrors(key).length === 0).toBe(key.length > 0 && key.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(key));
      }),
    );
  });
});
