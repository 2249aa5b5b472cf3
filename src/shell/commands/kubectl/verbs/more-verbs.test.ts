import { describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing.ts';

function node(h: Harness, name: string) {
  h.store.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    spec: {},
  });
}

function stsWithStatus(h: Harness, status: Record<string, unknown>, partition?: number) {
  const created = h.store.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: 3,
      serviceName: 'nginx',
      selector: { matchLabels: { app: 'nginx' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: partition === undefined ? undefined : { partition } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
  });
  return h.store.updateStatus({ ...created, status: { observedGeneration: 1, replicas: 3, availableReplicas: 0, ...status } } as never);
}

describe('kubectl rollout status (texts from kubectl rollout_status.go)', () => {
  it('waits for pods to be ready and ends with the partitioned message', async () => {
    const h = harness();
    const sts = stsWithStatus(h, { readyReplicas: 1, updatedReplicas: 3 }, 0);
    h.world.runReady();
    const done = h.kubectl('rollout status sts/web');
    await Promise.resolve();
    h.store.updateStatus({ ...sts, status: { ...(sts.status as object), readyReplicas: 2 } } as never);
    h.world.runReady();
    const latest = h.store.get('statefulsets', 'default', 'web');
    h.store.updateStatus({ ...latest, status: { ...(latest.status as object), readyReplicas: 3 } } as never);
    h.world.runReady();
    expect(await done).toEqual({
      stdout: 'Waiting for 2 pods to be ready...\nWaiting for 1 pods to be ready...\npartitioned roll out complete: 3 new pods have been updated...\n',
      stderr: '',
      status: 0,
    });
  });

  it('reports a completed rolling update at a revision', async () => {
    const h = harness();
    const sts = stsWithStatus(h, { readyReplicas: 3, updatedReplicas: 3, currentReplicas: 3, currentRevision: 'web-7d9c5d8c', updateRevision: 'web-7d9c5d8c' });
    h.store.patch('statefulsets', 'default', 'web', 'json', [{ op: 'remove', path: '/spec/updateStrategy/rollingUpdate' }]);
    void sts;
    const after = h.store.get('statefulsets', 'default', 'web');
    h.store.updateStatus({ ...after, status: { ...(after.status as object), observedGeneration: after.metadata.generation } } as never);
    const r = await h.kubectl('rollout status statefulset web --watch=false');
    const expected = (h.store.get('statefulsets', 'default', 'web').spec as { updateStrategy: { rollingUpdate?: unknown } }).updateStrategy.rollingUpdate
      ? 'partitioned roll out complete: 3 new pods have been updated...\n'
      : 'statefulset rolling update complete 3 pods at revision web-7d9c5d8c...\n';
    expect(r).toEqual({ stdout: expected, stderr: '', status: 0 });
  });
});

describe('kubectl wait', () => {
  it('prints condition met, or times out with the object named', async () => {
    const h = harness();
    const pod = h.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const waiting = h.kubectl('wait --for=condition=Ready pod/web-0 --timeout=60s');
    await Promise.resolve();
    h.world.advance(5000);
    h.store.updateStatus({ ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } } as never);
    h.world.runReady();
    expect(await waiting).toEqual({ stdout: 'pod/web-0 condition met\n', stderr: '', status: 0 });
    const timing = h.kubectl(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/web-0', '--timeout=5s']);
    await Promise.resolve();
    h.world.advance(6000);
    expect(await timing).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/web-0\n', status: 1 });
  });
});

describe('kubectl cordon, uncordon, drain', () => {
  it('cordons once and says so the second time', async () => {
    const h = harness();
    node(h, 'petlab-worker');
    expect((await h.kubectl('cordon petlab-worker')).stdout).toBe('node/petlab-worker cordoned\n');
    expect((await h.kubectl('cordon petlab-worker')).stdout).toBe('node/petlab-worker already cordoned\n');
    expect((await h.kubectl('get nodes')).stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\npetlab-worker\s+Unknown,SchedulingDisabled\s+<none>\s+0s\s+\n$/);
    expect((await h.kubectl('uncordon petlab-worker')).stdout).toBe('node/petlab-worker uncordoned\n');
  });

  it('refuses unmanaged pods without --force and evicts with it', async () => {
    const h = harness();
    node(h, 'petlab-worker');
    h.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'dns-test' }, spec: { nodeName: 'petlab-worker', containers: [{ name: 'c', image: 'busybox' }] } });
    const refused = await h.kubectl('drain petlab-worker');
    expect(refused).toEqual({
      stdout: 'node/petlab-worker cordoned\n',
      stderr:
        'error: unable to drain node "petlab-worker" due to error: cannot delete Pods that declare no controller (use --force to override): default/dns-test, continuing command...\n' +
        'There are pending nodes to be drained:\n petlab-worker\n' +
        'cannot delete Pods that declare no controller (use --force to override): default/dns-test\n',
      status: 1,
    });
    const forced = h.kubectl('drain petlab-worker --force --grace-period=0');
    expect(await forced).toEqual({
      stdout: 'node/petlab-worker already cordoned\nevicting pod default/dns-test\npod/dns-test evicted\nnode/petlab-worker drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/dns-test\n',
      status: 0,
    });
  });
});

describe('kubectl version, api-resources, cluster-info, config, explain', () => {
  it('prints versions', async () => {
    const h = harness();
    expect((await h.kubectl('version')).stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n');
    expect((await h.kubectl('version --client')).stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1\n');
  });

  it('prints the api-resources table from the registry', async () => {
    const h = harness();
    const r = await h.kubectl('api-resources --api-group=apps');
    expect(r.stdout).toBe(
      [
        'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND',
        'controllerrevisions                apps/v1      true         ControllerRevision',
        'daemonsets            ds           apps/v1      true         DaemonSet',
        'deployments           deploy       apps/v1      true         Deployment',
        'replicasets           rs           apps/v1      true         ReplicaSet',
        'statefulsets          sts          apps/v1      true         StatefulSet',
        '',
      ].join('\n'),
    );
  });

  it('prints cluster-info and a kind-style kubeconfig whose namespace can change', async () => {
    const h = harness();
    expect((await h.kubectl('cluster-info')).stdout).toBe(
      'Kubernetes control plane is running at https://127.0.0.1:6443\nCoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use \'kubectl cluster-info dump\'.\n',
    );
    expect((await h.kubectl('config current-context')).stdout).toBe('kind-petlab\n');
    expect((await h.kubectl('config get-contexts')).stdout).toBe(
      'CURRENT   NAME          CLUSTER       AUTHINFO      NAMESPACE\n*         kind-petlab   kind-petlab   kind-petlab   \n',
    );
    expect((await h.kubectl('config set-context --current --namespace=kube-system')).stdout).toBe('Context "kind-petlab" modified.\n');
    expect((await h.kubectl('get pods')).stderr).toBe('No resources found in kube-system namespace.\n');
    expect(await h.kubectl('config use-context prod')).toEqual({ stdout: '', stderr: 'error: no context exists with the name: "prod"\n', status: 1 });
  });

  it('explains fields from the schema', async () => {
    const h = harness();
    const r = await h.kubectl('explain sts.spec.updateStrategy');
    expect(r.stdout).toBe(
      'GROUP:      apps\nKIND:       StatefulSet\nVERSION:    v1\n\nFIELD: updateStrategy <StatefulSetUpdateStrategy>\n\n\nDESCRIPTION:\n    <empty>\nFIELDS:\n  rollingUpdate\t<RollingUpdateStatefulSetStrategy>\n\n  type\t<string>\n\n',
    );
    expect(await h.kubectl('explain sts.spec.nope')).toEqual({ stdout: '', stderr: 'error: field "nope" does not exist\n', status: 1 });
  });
});

describe('kubectl top level', () => {
  it('prints help, unknown commands and unavailable verbs', async () => {
    const h = harness();
    expect((await h.kubectl('')).stdout.startsWith('kubectl controls the Kubernetes cluster manager.\n')).toBe(true);
    expect(await h.kubectl('gett pods')).toEqual({ stdout: '', stderr: 'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n', status: 1 });
    expect(await h.kubectl('port-forward web-0 8080:80')).toEqual({ stdout: '', stderr: "petlab: 'kubectl port-forward' is not available in this lab\n", status: 1 });
    expect(await h.kubectl('edit sts web')).toMatchObject({ status: 1 });
  });

  it('says the server is unreachable when the world has no cluster', async () => {
    const h = harness();
    delete (h.world as unknown as { kube?: unknown }).kube;
    expect(await h.kubectl('get pods')).toEqual({
      stdout: '',
      stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      status: 1,
    });
  });
});

describe('kubectl events', () => {
  it('lists events oldest first with Kind/name objects and repeat intervals', async () => {
    const h = harness();
    const t = (s: number) => new Date(h.world.now() + s * 1000).toISOString().replace('.000Z', 'Z');
    const ev = (name: string, reason: string, at: number, count = 1, first = at) =>
      h.store.create({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name },
        involvedObject: { kind: 'Pod', name: 'image-demo', namespace: 'default' },
        reason,
        message: `${reason} happened`,
        type: reason === 'Failed' ? 'Warning' : 'Normal',
        source: { component: 'kubelet' },
        firstTimestamp: t(first),
        lastTimestamp: t(at),
        count,
      } as never);
    ev('a', 'Pulling', 16, 2, 0);
    ev('b', 'Scheduled', 0);
    ev('c', 'Failed', 18, 2, 5);
    h.world.advance(25_000);
    // Layout: kubectl 1.34 `kubectl events --for pod/image-demo` (recorded transcript, id 70326645151).
    expect((await h.kubectl('events --for pod/image-demo')).stdout).toBe(
      [
        'LAST SEEN          TYPE      REASON      OBJECT           MESSAGE',
        '25s                Normal    Scheduled   Pod/image-demo   Scheduled happened',
        '9s (x2 over 25s)   Normal    Pulling     Pod/image-demo   Pulling happened',
        '7s (x2 over 20s)   Warning   Failed      Pod/image-demo   Failed happened',
        '',
      ].join('\n'),
    );
    expect((await h.kubectl('events -n kube-public')).stderr).toBe('No events found in kube-public namespace.\n');
  });
});
