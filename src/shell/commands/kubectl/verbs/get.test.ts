import { describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing.ts';

function pod(h: Harness, name: string, labels: Record<string, string> = { app: 'nginx' }, ready = true) {
  const created = h.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], nodeName: 'petlab-worker' },
  });
  h.store.updateStatus({
    ...created,
    status: {
      phase: 'Running',
      podIP: '10.244.1.5',
      podIPs: [{ ip: '10.244.1.5' }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'nginx', image: 'nginx', imageID: '', ready, restartCount: 0, state: { running: {} }, lastState: {} }],
    },
  } as never);
}

function sts(h: Harness) {
  h.store.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', labels: { app: 'nginx' } },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7' }] } },
    },
  });
}

describe('kubectl get', () => {
  it('prints a table of pods with AGE from the virtual clock', async () => {
    const h = harness();
    pod(h, 'web-0');
    h.world.advance(65_000);
    pod(h, 'web-1', { app: 'nginx' }, false);
    h.world.advance(10_000);
    expect(await h.kubectl('get pods')).toEqual({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          75s\nweb-1   0/1     Running   0          10s\n',
      stderr: '',
      status: 0,
    });
  });

  it('says when there is nothing, on stderr', async () => {
    const h = harness();
    expect(await h.kubectl('get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', status: 0 });
    expect(await h.kubectl('get pods -n kube-public')).toEqual({ stdout: '', stderr: 'No resources found in kube-public namespace.\n', status: 0 });
    expect((await h.kubectl('get pods -A')).stderr).toBe('No resources found\n');
  });

  it('prints several kinds as blocks with kind/name and blank lines between', async () => {
    const h = harness();
    sts(h);
    pod(h, 'web-0');
    const r = await h.kubectl('get sts,pods,pvc');
    expect(r.stdout).toBe(
      [
        'NAME                   READY   AGE',
        'statefulset.apps/web   0/2     0s',
        '',
        'NAME        READY   STATUS    RESTARTS   AGE',
        'pod/web-0   1/1     Running   0          0s',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
  });

  it('reports NotFound and unknown types with kubectl wording', async () => {
    const h = harness();
    expect(await h.kubectl('get pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(await h.kubectl('get sts nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      status: 1,
    });
    expect(await h.kubectl('get foo')).toEqual({ stdout: '', stderr: 'error: the server doesn\'t have a resource type "foo"\n', status: 1 });
    expect(await h.kubectl('get pods --foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      status: 1,
    });
    expect(await h.kubectl('get')).toEqual({
      stdout: '',
      stderr:
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples\n",
      status: 1,
    });
  });

  it('filters with -l and adds label columns', async () => {
    const h = harness();
    pod(h, 'web-0', { app: 'nginx', 'apps.kubernetes.io/pod-index': '0' });
    pod(h, 'db-0', { app: 'db' });
    expect((await h.kubectl('get pods -l app=nginx --show-labels')).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   LABELS\nweb-0   1/1     Running   0          0s    app=nginx,apps.kubernetes.io/pod-index=0\n',
    );
    expect((await h.kubectl('get pods -L app -L apps.kubernetes.io/pod-index')).stdout).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE   APP     POD-INDEX\ndb-0    1/1     Running   0          0s    db      \nweb-0   1/1     Running   0          0s    nginx   0\n',
    );
  });

  it('prints names, jsonpath, custom columns and sorted rows', async () => {
    const h = harness();
    pod(h, 'web-1');
    h.world.advance(1000);
    pod(h, 'web-0');
    expect((await h.kubectl('get pods -o name')).stdout).toBe('pod/web-0\npod/web-1\n');
    expect((await h.kubectl(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])).stdout).toBe('web-0 web-1');
    expect((await h.kubectl(['get', 'pod', 'web-0', '-o', 'jsonpath={.metadata.name}{"\\n"}'])).stdout).toBe('web-0\n');
    expect((await h.kubectl('get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName')).stdout).toBe(
      'NAME    IP           NODE\nweb-0   10.244.1.5   petlab-worker\nweb-1   10.244.1.5   petlab-worker\n',
    );
    expect((await h.kubectl('get pods --sort-by=.metadata.creationTimestamp -o name')).stdout).toBe('pod/web-1\npod/web-0\n');
    expect(await h.kubectl('get pods -o foo')).toEqual({
      stdout: '',
      stderr:
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      status: 1,
    });
  });

  it('prints one named object bare and several as a List in yaml', async () => {
    const h = harness();
    h.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { a: '1' } });
    const one = await h.kubectl('get cm cfg -o yaml');
    expect(one.stdout).toMatch(/^apiVersion: v1\ndata:\n {2}a: "1"\nkind: ConfigMap\nmetadata:\n {2}creationTimestamp: "2026-11-29T10:00:00Z"\n {2}name: cfg\n {2}namespace: default\n {2}resourceVersion: "\d+"\n {2}uid: [0-9a-f-]{36}\n$/);
    const list = await h.kubectl('get cm -o yaml');
    expect(list.stdout.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    a: "1"\n')).toBe(true);
    expect(list.stdout.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('streams watch rows as pods change until Ctrl-C', async () => {
    const h = harness();
    pod(h, 'web-0');
    const running = h.kubectl('get pods -w', { interruptAfterMs: 0 });
    const r = await running;
    expect(r).toEqual({ stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          0s\n', stderr: '', status: 130 });
  });

  it('prints a row per watch event with remembered widths', async () => {
    const h = harness();
    pod(h, 'web-0');
    const out: string[] = [];
    const done = h.kubectl('get pods -w --request-timeout=30s');
    await Promise.resolve();
    h.world.advance(5000);
    h.store.delete('pods', 'default', 'web-0');
    h.world.advance(30_000);
    const r = await done;
    out.push(r.stdout);
    expect(r.stdout).toBe(
      [
        'NAME    READY   STATUS    RESTARTS   AGE',
        'web-0   1/1     Running   0          0s',
        'web-0   1/1     Terminating   0          5s',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl get -w on an empty list', () => {
  it('prints the header with the first row that appears (as `kubectl get pods -w -l app=nginx` before apply)', async () => {
    const h = harness();
    const done = h.kubectl('get pods -w -l app=nginx --request-timeout=10s');
    await Promise.resolve();
    h.world.advance(2000);
    pod(h, 'web-0');
    h.world.advance(10_000);
    expect(await done).toEqual({
      stdout: 'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   0/1     Pending   0          0s\nweb-0   1/1     Running   0          0s\n',
      stderr: '',
      status: 0,
    });
  });
});
