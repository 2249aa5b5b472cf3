import { describe, expect, it } from 'vitest';
import { KubectlExit } from '../errors.ts';
import { parseManifestText } from './manifests.ts';

function error(text: string): string {
  try {
    parseManifestText(text, 'web.yaml');
  } catch (e) {
    if (e instanceof KubectlExit) return e.stderr;
    throw e;
  }
  return '';
}

const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n';

describe('YAML errors as kubectl reports them (go-yaml wording and line)', () => {
  it.each([
    [`${head}  name: c\n    labels: x\n`, 'yaml: line 5: mapping values are not allowed in this context'],
    [`${head}  name: c\n labels: x\n`, 'yaml: line 5: did not find expected key'],
    [`${head}\tname: c\n`, 'yaml: line 4: found character that cannot start any token'],
    [`${head}  name: "c\n`, 'yaml: line 4: found unexpected end of stream'],
    [`${head}  name: c\n  name: d\n`, 'yaml: unmarshal errors:\n  line 5: key "name" already set in map'],
  ])('%j', (text, message) => {
    expect(error(text)).toBe(`error: error parsing web.yaml: error converting YAML to JSON: ${message}\n`);
  });

  it('reads multi-document files and List objects, skipping empty documents', () => {
    const text = '---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n---\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n';
    expect(parseManifestText(text, 'x.yaml').map((m) => `${m.obj.kind}/${m.obj.metadata.name}`)).toEqual(['ConfigMap/a', 'Secret/b']);
  });

  it('requires kind and apiVersion', () => {
    expect(error('apiVersion: v1\nmetadata:\n  name: a\n')).toBe(
      'error: error validating "web.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });
});
