import { describe, expect, it } from 'vitest';
import { World } from '../../world.ts';
import { createCluster } from '../cluster.ts';
import type { KubeObject, Pod } from '../api/types.ts';
import { rfc3339 } from '../api/meta.ts';

function setup() {
  const world = new World({ seed: 4 });
  const cluster = createCluster(world, { bare: true });
  return { world, cluster, store: cluster.store };
}

const podEvents = (world: World, name: string) =>
  world.events.list((e) => e.subject === `pod/default/${name}` && e.type.startsWith('k8s.')).map((e) => `${e.type.slice(4)}: ${e.message}`);

function pod(name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', ...container }], ...extra } };
}

describe('kubelet', () => {
  it('pulls, creates and starts a container with the real event texts', () => {
    const { world, store } = setup();
    store.create(pod('web', { image: 'nginx:1.25' }));
    world.settle();
    expect(podEvents(world, 'web')).toEqual([
      'Scheduled: Successfully assigned default/web to petlab-worker',
      'Pulling: Pulling image "nginx:1.25"',
      'Pulled: Successfully pulled image "nginx:1.25" in 2.702s (2.702s including waiting). Image size: 72099409 bytes.',
      'Created: Created container: c',
      'Started: Started container c',
    ]);
    const p = store.get('pods', 'default', 'web') as Pod;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toBe('10.244.1.2');
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ name: 'c', ready: true, restartCount: 0, image: 'nginx:1.25', imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/) });
  });

  it('shows a watch what a real cluster shows for a new pod: Pending, Pending (bound), ContainerCreating, Running', () => {
    // The StatefulSet tutorial's `kubectl get pods -w -l app=nginx` rows for each new pod
    // (kubernetes/website basic-stateful-set.md): the binding is one write (nodeName and
    // PodScheduled together), and the sync that creates the sandbox and starts a cached image's
    // container writes one status, Running.
    const { world, store } = setup();
    store.create(pod('a', { image: 'nginx:1.25' }, { nodeName: 'petlab-worker' }));
    world.settle();
    const rows: string[] = [];
    store.watch('pods', { fieldSelector: 'metadata.name=b' }, (e) => {
      const p = e.object as Pod;
      const waiting = p.status?.containerStatuses?.[0]?.state?.waiting?.reason;
      const scheduled = p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status;
      rows.push(`${e.type} ${waiting ?? p.status?.phase} node=${p.spec.nodeName ?? ''} scheduled=${scheduled ?? ''}`);
    });
    store.create({ ...pod('b', { image: 'nginx:1.25' }), spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['petlab-worker'] }] }] } } } } });
    world.settle();
    expect(rows).toEqual([
      'ADDED Pending node= scheduled=',
      'MODIFIED Pending node=petlab-worker scheduled=True',
      'MODIFIED ContainerCreating node=petlab-worker scheduled=True',
      'MODIFIED Running node=petlab-worker scheduled=True',
    ]);
  });

  it('writes statuses that stay frozen all through, also the parts one status shares with the next', () => {
    const { world, store } = setup();
    store.create(pod('web', { image: 'nginx:1.25', volumeMounts: [{ name: 'd', mountPath: '/d', readOnly: true }] }, { volumes: [{ name: 'd', emptyDir: {} }] }));
    world.settle();
    const p = store.get('pods', 'default', 'web') as Pod;
    const unfrozen = (x: unknown, path: string): string[] =>
      typeof x !== 'object' || x === null ? [] : [...(Object.isFrozen(x) ? [] : [path]), ...Object.entries(x).flatMap(([k, v]) => unfrozen(v, `${path}.${k}`))];
    expect(unfrozen(p, 'pod')).toEqual([]);
    const mounts = p.status!.containerStatuses![0].volumeMounts as { mountPath: string; name: string }[];
    expect(mounts[0]).toEqual({ mountPath: '/d', name: 'd', readOnly: true, recursiveReadOnly: 'Disabled' });
    expect(() => {
      (mounts[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (p.status!.conditions![0] as { status: string }).status = 'False';
    }).toThrow(TypeError);
  });

  it('uses a cached image with IfNotPresent: the 1.34 texts (see test/fidelity/kubectl/SOURCES.md)', () => {
    // 1.34: no "… and can be accessed by the pod" (KubeletEnsureSecretPulledImages off by default
    // until 1.35) and the container name still in Created/Started (PR #134043 is 1.35).
    const { world, store } = setup();
    store.create(pod('a', { image: 'nginx:1.25' }, { nodeName: 'petlab-worker' }));
    world.settle();
    store.create(pod('b', { image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent' }, { nodeName: 'petlab-worker' }));
    world.settle();
    expect(podEvents(world, 'b')).toEqual(['Pulled: Container image "nginx:1.25" already present on machine', 'Created: Created container: c', 'Started: Started container c']);
  });

  it('crash-loops a container that exits, with growing back-off', () => {
    const { world, store } = setup();
    store.create(pod('bb', { image: 'busybox' }));
    world.settle();
    world.advance(45_000);
    const p = store.get('pods', 'default', 'bb') as Pod;
    const cs = p.status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.restartCount).toBeGreaterThanOrEqual(2);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(podEvents(world, 'bb')).toContain(`BackOff: Back-off restarting failed container c in pod bb_default(${p.metadata.uid})`);
  });

  it('fails to pull an unknown image', () => {
    const { world, store } = setup();
    store.create(pod('bad', { image: 'nginx:doesnotexist' }));
    world.settle();
    const cs = (store.get('pods', 'default', 'bad') as Pod).status!.containerStatuses![0];
    expect(cs.state.waiting?.reason).toBe('ImagePullBackOff');
    expect(podEvents(world, 'bad')).toContain(
      'Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found',
    );
  });

  it('gates Ready on the readiness probe and restarts on liveness failure', () => {
    const { world, store } = setup();
    store.create(
      pod('probe', {
        image: 'busybox',
        command: ['sh', '-c', 'touch /tmp/healthy; sleep 3600'],
        readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3, failureThreshold: 2 },
      }),
    );
    world.settle();
    const p = store.get('pods', 'default', 'probe') as Pod;
    // The script touched /tmp/healthy, so the exec readiness probe passes.
    expect(p.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    world.advance(20_000);
    const ev = podEvents(world, 'probe');
    expect(ev).toContain(`Unhealthy: Liveness probe failed: Get "http://${p.status?.podIP}:8080/healthz": dial tcp ${p.status?.podIP}:8080: connect: connection refused`);
    expect(ev).toContain('Killing: Container c failed liveness probe, will be restarted');
  });

  it('terminates gracefully: a server at once, a shell only at the grace deadline', () => {
    const { world, store } = setup();
    store.create(pod('srv', { image: 'nginx:1.25' }));
    store.create(pod('sh', { image: 'busybox', command: ['sleep', '3600'] }, { terminationGracePeriodSeconds: 20 }));
    world.settle();
    const t0 = world.now();
    store.delete('pods', 'default', 'srv');
    store.delete('pods', 'default', 'sh');
    world.advance(1000);
    expect(store.tryGet('pods', 'default', 'srv')).toBeUndefined();
    expect(store.get('pods', 'default', 'sh').metadata.deletionTimestamp).toBe(rfc3339(t0 + 20_000));
    world.settle();
    expect(store.tryGet('pods', 'default', 'sh')).toBeUndefined();
    expect(world.now() - t0).toBe(20_000);
  });
});

describe('kubelet running the docs liveness example', () => {
  it('restarts the container after the script removes /tmp/healthy', () => {
    const world = new World({ seed: 4 });
    const cluster = createCluster(world, { bare: true });
    cluster.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'liveness-exec', labels: { test: 'liveness' } },
      spec: {
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox:1.27.2',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      },
    });
    world.settle();
    world.advance(45_000);
    const ev = podEvents(world, 'liveness-exec');
    expect(ev).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(ev).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    // busybox's sh ignores SIGTERM, so the restart comes at the 30 s grace deadline.
    expect((cluster.store.get('pods', 'default', 'liveness-exec') as Pod).status?.containerStatuses?.[0].restartCount).toBe(1);
    expect(ev.filter((e) => e.startsWith('Killing'))).toHaveLength(1);
  });
});

describe('kubelet and pod updates', () => {
  it('restarts a container whose image was changed', () => {
    const world = new World({ seed: 4 });
    const cluster = createCluster(world, { bare: true });
    cluster.store.create(pod('web', { image: 'nginx:1.25' }));
    world.settle();
    cluster.store.patch('pods', 'default', 'web', 'strategic', { spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } });
    world.settle();
    const p = cluster.store.get('pods', 'default', 'web') as Pod;
    expect(p.status?.containerStatuses?.[0]).toMatchObject({ image: 'nginx:1.26', restartCount: 1, ready: true });
    expect(podEvents(world, 'web').slice(5, 7)).toEqual(['Killing: Container c definition changed, will be restarted', 'Pulling: Pulling image "nginx:1.26"']);
  });
});

describe('kubelet volumes and environment', () => {
  it('mounts ConfigMap and Secret keys as files and resolves valueFrom env vars', () => {
    const world = new World({ seed: 4 });
    const cluster = createCluster(world, { bare: true });
    const store = cluster.store;
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'conf' }, data: { 'app.conf': 'mode=fast\n' } });
    store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw' }, stringData: { password: 's3cret' } });
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'app' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'nginx:1.25',
            env: [
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'pw', key: 'password' } } },
            ],
            volumeMounts: [
              { name: 'conf', mountPath: '/etc/app' },
              { name: 'pw', mountPath: '/etc/pw', readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: 'conf', configMap: { name: 'conf' } },
          { name: 'pw', secret: { secretName: 'pw' } },
        ],
      },
    });
    world.settle();
    const proc = cluster.containerProcess('default', 'app', 'c')!;
    expect(proc.fs.readFile('/etc/app/app.conf')).toBe('mode=fast\n');
    expect(proc.fs.readFile('/etc/pw/password')).toBe('s3cret');
    expect([proc.env.POD_NAME, proc.env.PASSWORD]).toEqual(['app', 's3cret']);
  });
});
