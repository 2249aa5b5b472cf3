import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../../shell/session.ts';
import { BufferOutput } from '../../shell/interp/streams.ts';
import { describeModel } from './describe.ts';
import { readDocker } from './read-docker.ts';
import { readKube } from './read-kube.ts';
import { hostHasDocker, readWorld } from './read-world.ts';

const WEB = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
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
        image: registry.k8s.io/nginx-slim:0.24
        ports:
        - containerPort: 80
          name: web
`;

describe('readWorld', () => {
  it('follows a StatefulSet created through kubectl in a cluster world', async () => {
    const world = createWorld({ environment: 'kubernetes', seed: 1 });
    const out = new BufferOutput();
    const session = new ShellSession({ world, stdout: out });
    session.process.fs.writeFile('/root/web.yaml', WEB);
    expect(await session.execute('kubectl apply -f web.yaml')).toBe(0);
    world.settle();
    expect(readWorld(world).kube).toBeUndefined();
    const model = readWorld(world, { kube: readKube });
    const web = model.kube?.groups.find((g) => g.name === 'web');
    expect(web?.pods.map((p) => [p.name, p.state])).toEqual([
      ['web-0', 'ready'],
      ['web-1', 'ready'],
    ]);
    expect(model.kube?.services.map((s) => [s.name, s.endpoints.map((e) => e.name)])).toEqual([['nginx', ['web-0', 'web-1']]]);
    expect(model.kube?.nodes.map((n) => n.name)).toEqual(['petlab-control-plane', 'petlab-worker', 'petlab-worker2']);
    expect(describeModel(model).length).toBeGreaterThan(3);
  });

  it('draws each claim of a volumeClaimTemplate bound to its provisioned volume, mounted by its pod', async () => {
    const world = createWorld({ environment: 'kubernetes', seed: 1 });
    const session = new ShellSession({ world, stdout: new BufferOutput() });
    const withClaims = `${WEB.replace('replicas: 2', 'replicas: 1')}        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ "ReadWriteOnce" ]
      resources:
        requests:
          storage: 1Gi
`;
    session.process.fs.writeFile('/root/web.yaml', withClaims);
    expect(await session.execute('kubectl apply -f web.yaml')).toBe(0);
    world.settle();
    const kube = readKube(world);
    const claim = kube?.claims[0];
    const volume = kube?.volumes[0];
    expect({ claims: kube?.claims.length, volumes: kube?.volumes.length }).toEqual({ claims: 1, volumes: 1 });
    expect(claim).toEqual({ name: 'www-web-0', phase: 'Bound', volume: volume?.name, request: '1Gi', modes: ['RWO'], mountedBy: ['web-0'] });
    expect(volume).toEqual({ name: volume?.name, phase: 'Bound', capacity: '1Gi', modes: ['RWO'], storageClass: 'standard', reclaimPolicy: 'Delete', node: kube?.nodes.find((n) => n.pods.includes('web-0'))?.name, claim: 'www-web-0' });
    expect(volume?.name).toMatch(/^pvc-[0-9a-f-]{36}$/);
  });

  it('reads Docker networks only through the Docker reader, and sees docker0 once the engine runs', async () => {
    const world = createWorld({ seed: 1 });
    const session = new ShellSession({ world, stdout: new BufferOutput() });
    expect(hostHasDocker(world)).toBe(false);
    expect(await session.execute('docker network create pets')).toBe(0);
    expect(hostHasDocker(world)).toBe(true);
    expect(readWorld(world).docker).toEqual([]);
    expect(readWorld(world, { docker: readDocker }).docker.map((n) => n.name)).toEqual(['pets']);
  });

  it('shows named network namespaces of the learner host', async () => {
    const world = createWorld({ seed: 1 });
    const session = new ShellSession({ world });
    await session.execute('ip netns add blue');
    expect(readWorld(world).netns.map((n) => n.name)).toEqual(['blue']);
  });
});
