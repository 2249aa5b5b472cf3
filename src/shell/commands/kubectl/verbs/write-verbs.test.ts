import { describe, expect, it } from 'vitest';
import { harness } from '../testing.ts';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: "nginx"
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured after an edit or a drift', async () => {
    const h = harness();
    h.files.set('/root/web.yaml', WEB);
    // Output texts: kubernetes/website basic-stateful-set.md ("service/nginx created", "statefulset.apps/web created").
    expect(await h.kubectl('apply -f web.yaml')).toEqual({ stdout: 'service/nginx created\nstatefulset.apps/web created\n', stderr: '', status: 0 });
    expect(await h.kubectl('apply -f web.yaml')).toEqual({ stdout: 'service/nginx unchanged\nstatefulset.apps/web unchanged\n', stderr: '', status: 0 });
    expect((await h.kubectl('scale sts web --replicas=5')).stdout).toBe('statefulset.apps/web scaled\n');
    expect((await h.kubectl('apply -f web.yaml')).stdout).toBe('service/nginx unchanged\nstatefulset.apps/web configured\n');
    expect(h.store.get('statefulsets', 'default', 'web').spec).toMatchObject({ replicas: 2 });
    h.files.set('/root/web.yaml', WEB.replace('replicas: 2', 'replicas: 3'));
    expect((await h.kubectl('apply -f /root/web.yaml')).stdout).toBe('service/nginx unchanged\nstatefulset.apps/web configured\n');
    const annotation = h.store.get('statefulsets', 'default', 'web').metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    expect(annotation).toContain('"replicas":3');
  });

  it('reads stdin, k8s.io example URLs and reports missing files and bad YAML with a line', async () => {
    const h = harness();
    expect((await h.kubectl('apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' })).stdout).toBe('configmap/c created\n');
    expect((await h.kubectl('apply -f https://k8s.io/examples/application/web/web.yaml')).stdout).toBe('service/nginx created\nstatefulset.apps/web created\n');
    expect(await h.kubectl('apply -f nope.yaml')).toEqual({ stdout: '', stderr: 'error: the path "nope.yaml" does not exist\n', status: 1 });
    h.files.set('/root/bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n    labels: x\n');
    const bad = await h.kubectl('apply -f bad.yaml');
    expect(bad.stderr).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: line \d+: .+\n$/);
    expect(bad.status).toBe(1);
  });

  it('gives the current cluster error for a legacy PetSet', async () => {
    const h = harness();
    h.files.set('/root/petset.yaml', 'apiVersion: apps/v1alpha1\nkind: PetSet\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
    expect(await h.kubectl('apply -f petset.yaml')).toEqual({
      stdout: '',
      stderr:
        'error: resource mapping not found for name: "web" namespace: "" from "petset.yaml": no matches for kind "PetSet" in version "apps/v1alpha1"\nensure CRDs are installed first\n',
      status: 1,
    });
  });

  it('prints strict-decoding and validation failures as kubectl does', async () => {
    const h = harness();
    h.files.set('/root/x.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nspec:\n  foo: 1\n');
    const r = await h.kubectl('apply -f x.yaml');
    expect(r.stderr).toMatch(/^Error from server \(BadRequest\): error when creating "x\.yaml": .*unknown field "spec"\n$/);
  });
});

describe('kubectl create', () => {
  it('creates from generators and files, and reports AlreadyExists with the source', async () => {
    const h = harness();
    expect((await h.kubectl('create namespace demo')).stdout).toBe('namespace/demo created\n');
    expect((await h.kubectl('create configmap cfg --from-literal=a=1 --from-literal=b=2')).stdout).toBe('configmap/cfg created\n');
    expect(h.store.get('configmaps', 'default', 'cfg')).toMatchObject({ data: { a: '1', b: '2' } });
    expect((await h.kubectl('create secret generic s --from-literal=password=hunter2')).stdout).toBe('secret/s created\n');
    expect(h.store.get('secrets', 'default', 's')).toMatchObject({ data: { password: 'aHVudGVyMg==' } });
    expect((await h.kubectl('create deployment nginx --image=nginx:1.27 --replicas=2')).stdout).toBe('deployment.apps/nginx created\n');
    expect((await h.kubectl('create service clusterip nginx --tcp=80:8080')).stdout).toBe('service/nginx created\n');
    h.files.set('/root/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n');
    expect(await h.kubectl('create -f cm.yaml')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "cfg" already exists\n',
      status: 1,
    });
  });

  it('prints a generated object with --dry-run=client -o yaml without creating it', async () => {
    const h = harness();
    const r = await h.kubectl('create deployment web --image=registry.k8s.io/nginx-slim:0.7 --dry-run=client -o yaml');
    expect(r.stdout).toBe(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  labels:',
        '    app: web',
        '  name: web',
        'spec:',
        '  replicas: 1',
        '  selector:',
        '    matchLabels:',
        '      app: web',
        '  strategy: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - image: registry.k8s.io/nginx-slim:0.7',
        '        name: nginx-slim',
        '        resources: {}',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(h.store.tryGet('deployments', 'default', 'web')).toBeUndefined();
  });
});

describe('kubectl delete, scale, patch, label, annotate', () => {
  it('deletes with 1.34 wording and NotFound errors', async () => {
    const h = harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { x: '1' } } });
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { x: '1' } } });
    h.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'tmp' } });
    // Wording: kubectl 1.34 transcripts (`pod "web-2" deleted from default namespace`).
    expect(await h.kubectl('delete cm -l x=1')).toEqual({
      stdout: 'configmap "a" deleted from default namespace\nconfigmap "b" deleted from default namespace\n',
      stderr: '',
      status: 0,
    });
    expect(await h.kubectl('delete cm a')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): configmaps "a" not found\n', status: 1 });
    expect(await h.kubectl('delete cm')).toEqual({ stdout: '', stderr: 'error: resource(s) were provided, but no name was specified\n', status: 1 });
    expect((await h.kubectl('delete cm -l x=1')).stdout).toBe('No resources found\n');
    expect((await h.kubectl('delete ns tmp --wait=false')).stdout).toBe('namespace "tmp" deleted\n');
  });

  it('force-deletes with the warning', async () => {
    const h = harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    expect(await h.kubectl('delete cm a --force --grace-period=0')).toEqual({
      stdout: 'configmap "a" force deleted from default namespace\n',
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      status: 0,
    });
  });

  it('scales and patches with kubectl messages', async () => {
    const h = harness();
    h.files.set('/root/web.yaml', WEB);
    await h.kubectl('apply -f web.yaml');
    expect(await h.kubectl('scale sts web')).toEqual({ stdout: '', stderr: 'error: required flag(s) "replicas" not set\n', status: 1 });
    expect(await h.kubectl('scale sts web --replicas=3 --current-replicas=5')).toEqual({ stdout: '', stderr: 'error: Expected replicas to be 5, was 2\n', status: 1 });
    // Source: kubernetes/website basic-stateful-set.md: `kubectl patch sts web -p '{"spec":{"replicas":3}}'`.
    expect((await h.kubectl(['patch', 'sts', 'web', '-p', '{"spec":{"replicas":3}}'])).stdout).toBe('statefulset.apps/web patched\n');
    expect((await h.kubectl(['patch', 'sts', 'web', '-p', '{"spec":{"replicas":3}}'])).stdout).toBe('statefulset.apps/web patched (no change)\n');
    expect(
      (await h.kubectl(['patch', 'statefulset', 'web', '--type=json', '-p', '[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.8"}]']))
        .stdout,
    ).toBe('statefulset.apps/web patched\n');
    expect(await h.kubectl(['patch', 'sts', 'web', '--type=foo', '-p', '{}'])).toEqual({
      stdout: '',
      stderr: 'error: --type must be one of [json merge strategic], not "foo"\n',
      status: 1,
    });
  });

  it('labels and annotates', async () => {
    const h = harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { tier: 'web' } } });
    expect((await h.kubectl('label cm a env=prod')).stdout).toBe('configmap/a labeled\n');
    expect(await h.kubectl('label cm a tier=db')).toEqual({ stdout: '', stderr: "error: 'tier' already has a value (web), and --overwrite is false\n", status: 1 });
    expect((await h.kubectl('label cm a tier=db --overwrite')).stdout).toBe('configmap/a labeled\n');
    expect((await h.kubectl('label cm a env-')).stdout).toBe('configmap/a unlabeled\n');
    expect((await h.kubectl('annotate cm a note=hello')).stdout).toBe('configmap/a annotated\n');
    expect(h.store.get('configmaps', 'default', 'a').metadata).toMatchObject({ labels: { tier: 'db' }, annotations: { note: 'hello' } });
  });
});

describe('kubectl set image and rollout undo', () => {
  it('updates images and rolls a deployment back to its previous template', async () => {
    const h = harness();
    await h.kubectl('create deployment nginx --image=nginx:1.27');
    // Output text: kubernetes/website deployment.md (`deployment.apps/nginx-deployment image updated`).
    expect((await h.kubectl('set image deployment/nginx nginx=nginx:1.28'))).toEqual({ stdout: 'deployment.apps/nginx image updated\n', stderr: '', status: 0 });
    expect(await h.kubectl('set image deployment/nginx web=nginx:1.28')).toEqual({ stdout: '', stderr: 'error: unable to find container named "web"\n', status: 1 });
    expect(await h.kubectl('set env deployment/nginx A=1')).toEqual({ stdout: '', stderr: "petlab: 'kubectl set env' is not available in this lab\n", status: 1 });
  });
});

describe('kubectl apply: API validation errors', () => {
  const sts = (labels: string, extra = '', serviceName = 'nginx') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: ${serviceName}
  replicas: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: ${labels}
    spec:
      containers:
      - name: nginx
        image: nginx${extra}
`;

  it('prints Invalid errors with their field causes (cmdutil.CheckErr)', async () => {
    const h = harness();
    h.files.set('/root/web.yaml', sts('web'));
    expect(await h.kubectl('apply -f web.yaml')).toEqual({
      stdout: '',
      stderr: 'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`\n',
      status: 1,
    });
  });

  it('prints strict decoding errors with the source file', async () => {
    const h = harness();
    h.files.set('/root/web.yaml', sts('nginx', '\n        foo: bar'));
    expect(await h.kubectl('apply -f web.yaml')).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "web.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.containers[0].foo"\n',
      status: 1,
    });
  });

  it("prints the StatefulSet's forbidden-update message", async () => {
    const h = harness();
    h.files.set('/root/web.yaml', sts('nginx'));
    await h.kubectl('apply -f web.yaml');
    h.files.set('/root/web.yaml', sts('nginx', '', 'other'));
    expect(await h.kubectl('apply -f web.yaml')).toEqual({
      stdout: '',
      stderr:
        "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden\n",
      status: 1,
    });
  });
});
