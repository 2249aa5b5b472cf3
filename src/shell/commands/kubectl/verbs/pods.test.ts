import { describe, expect, it } from 'vitest';
import { harness, type Harness } from '../testing.ts';

const PROCESS = { pid: 4242 };

function runningPod(h: Harness, name: string, containers = ['nginx'], extra: Record<string, unknown> = {}) {
  const created = h.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { nodeName: 'petlab-worker', containers: containers.map((c) => ({ name: c, image: 'nginx' })) },
  });
  h.store.updateStatus({
    ...created,
    status: {
      phase: 'Running',
      containerStatuses: containers.map((c) => ({ name: c, image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} }, lastState: {}, ...extra })),
    },
  } as never);
}

function withContainers(h: Harness) {
  h.cluster.containerProcess = () => PROCESS;
  h.cluster.logs = (_ns: string, pod: string, container: string, previous: boolean) => (previous ? 'old\n' : `${pod}/${container} line 1\n${pod}/${container} line 2\n`);
}

describe('kubectl exec', () => {
  it('runs the command in the container process', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'web-0');
    expect(await h.kubectl(['exec', 'web-0', '--', 'sh', '-c', 'echo $(hostname)'])).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(h.spawned[0].options).toMatchObject({ in: PROCESS, argv: ['sh', '-c', 'echo $(hostname)'], script: "sh -c 'echo $(hostname)'" });
  });

  it('reports the exit status like kubectl', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'web-0');
    h.spawnStatus = 2;
    expect(await h.kubectl('exec web-0 -- ls /nope')).toEqual({ stdout: '', stderr: 'command terminated with exit code 2\n', status: 2 });
  });

  it('rejects the old form, missing pods and unstarted containers', async () => {
    const h = harness();
    withContainers(h);
    expect(await h.kubectl('exec web-0 ls')).toEqual({
      stdout: '',
      stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
      status: 1,
    });
    expect(await h.kubectl('exec nope -- ls')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    runningPod(h, 'web-1', ['nginx'], { state: { waiting: { reason: 'ContainerCreating' } } });
    expect(await h.kubectl('exec web-1 -- ls')).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("nginx")\n', status: 1 });
  });

  it('defaults to the first of several containers with kubectl notice, or takes -c', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'app', ['main', 'sidecar']);
    expect((await h.kubectl('exec app -- true')).stderr).toBe('Defaulted container "main" out of: main, sidecar\n');
    expect((await h.kubectl('exec app -c sidecar -- true')).stderr).toBe('');
    expect((await h.kubectl('exec app -c nope -- true')).stderr).toBe('Error from server (BadRequest): container nope is not valid for pod app\n');
  });
});

describe('kubectl logs', () => {
  it('prints, tails, prefixes and selects logs', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'web-0');
    expect((await h.kubectl('logs web-0')).stdout).toBe('web-0/nginx line 1\nweb-0/nginx line 2\n');
    expect((await h.kubectl('logs web-0 --tail=1')).stdout).toBe('web-0/nginx line 2\n');
    expect((await h.kubectl('logs pod/web-0 --prefix')).stdout).toBe('[pod/web-0/nginx] web-0/nginx line 1\n[pod/web-0/nginx] web-0/nginx line 2\n');
    expect(await h.kubectl('logs web-0 --previous')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): previous terminated container "nginx" in pod "web-0" not found\n',
      status: 1,
    });
  });

  it('says when a container has not started', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'web-1', ['nginx'], { state: { waiting: { reason: 'ContainerCreating' } } });
    expect(await h.kubectl('logs web-1')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): container "nginx" in pod "web-1" is waiting to start: ContainerCreating\n',
      status: 1,
    });
  });
});

describe('kubectl run', () => {
  it('creates a pod, or prints it with --dry-run=client -o yaml', async () => {
    const h = harness();
    expect((await h.kubectl('run web --image=nginx:1.27 --restart=Never')).stdout).toBe('pod/web created\n');
    expect(h.store.get('pods', 'default', 'web').spec).toMatchObject({ restartPolicy: 'Never', containers: [{ name: 'web', image: 'nginx:1.27' }] });
    expect((await h.kubectl('run dns --image=busybox:1.28 --restart=Never --dry-run=client -o yaml -- sleep 3600')).stdout).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  labels:',
        '    run: dns',
        '  name: dns',
        'spec:',
        '  containers:',
        '  - args:',
        '    - sleep',
        '    - "3600"',
        '    image: busybox:1.28',
        '    name: dns',
        '    resources: {}',
        '  dnsPolicy: ClusterFirst',
        '  restartPolicy: Never',
        'status: {}',
        '',
      ].join('\n'),
    );
    expect(await h.kubectl('run x')).toEqual({ stdout: '', stderr: 'error: required flag(s) "image" not set\n', status: 1 });
  });
});

describe('kubectl logs -f', () => {
  it('streams new lines until Ctrl-C', async () => {
    const h = harness();
    withContainers(h);
    runningPod(h, 'web-0');
    let listener: ((chunk: string) => void) | undefined;
    h.cluster.followLogs = (_ns: string, _pod: string, _c: string, l: (chunk: string) => void) => {
      listener = l;
      return () => (listener = undefined);
    };
    const done = h.kubectl('logs -f web-0', { interruptAfterMs: 0 });
    listener?.('GET / 200\n');
    expect(await done).toEqual({ stdout: 'web-0/nginx line 1\nweb-0/nginx line 2\nGET / 200\n', stderr: '', status: 130 });
    expect(listener).toBeUndefined();
  });
});
