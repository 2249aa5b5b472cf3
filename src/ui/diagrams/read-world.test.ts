import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../../shell/session.ts';
import { BufferOutput } from '../../shell/interp/streams.ts';
import { describeModel } from './describe.ts';
import { readWorld } from './read-world.ts';

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
    const model = readWorld(world);
    const web = model.kube?.groups.find((g) => g.name === 'web');
    expect(web?.pods.map((p) => [p.name, p.state])).toEqual([
      ['web-0', 'ready'],
      ['web-1', 'ready'],
    ]);
    expect(model.kube?.services.map((s) => [s.name, s.endpoints.map((e) => e.name)])).toEqual([['nginx', ['web-0', 'web-1']]]);
    expect(model.kube?.nodes.map((n) => n.name)).toEqual(['petlab-control-plane', 'petlab-worker', 'petlab-worker2']);
    expect(describeModel(model).length).toBeGreaterThan(3);
  });

  it('shows named network namespaces of the learner host', async () => {
    const world = createWorld({ seed: 1 });
    const session = new ShellSession({ world });
    await session.execute('ip netns add blue');
    expect(readWorld(world).netns.map((n) => n.name)).toEqual(['blue']);
  });
});
