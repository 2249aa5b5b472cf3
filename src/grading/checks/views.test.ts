import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { dockerEngine } from '../../emulator/docker/engine.ts';
import { clusterOf } from '../../emulator/kube/cluster.ts';
import { dockerOf, kubeOf, linuxOf, volumesOf } from './views.ts';

describe('views', () => {
  it('find no engine in a Linux world, and reading does not start one', () => {
    const world = createWorld({ seed: 1, environment: 'linux' });
    expect(linuxOf(world)).toBe(world.linux);
    expect([dockerOf(world), kubeOf(world), volumesOf(world)]).toEqual([undefined, undefined, undefined]);
    expect([dockerOf(world), kubeOf(world)]).toEqual([undefined, undefined]);
  });

  it('find the Docker engine the environment or a docker command started, and no cluster beside it', () => {
    const docker = createWorld({ seed: 1, environment: 'docker' });
    expect(dockerOf(docker)).toBe(dockerEngine(docker));
    expect([kubeOf(docker), volumesOf(docker)]).toEqual([undefined, undefined]);
    const linux = createWorld({ seed: 1, environment: 'linux' });
    const started = dockerEngine(linux);
    expect(dockerOf(linux)).toBe(started);
  });

  it("read the cluster's API store and volumes in a Kubernetes world, without a Docker engine", () => {
    const world = createWorld({ seed: 1, environment: 'kubernetes' });
    expect(dockerOf(world)).toBeUndefined();
    const names = kubeOf(world)!.list('Namespace').map((o) => o.metadata.name);
    expect(names).toEqual(clusterOf(world)!.store.list('Namespace', {}).items.map((o) => o.metadata.name));
    expect(names).toContain('kube-system');
    const read = volumesOf(world)!;
    expect(read('pvc-none', 'index.html')).toBeUndefined();
  });

  it('import the engines for their types only (every lab loads this file before its prompt)', () => {
    const source = readFileSync(new URL('./views.ts', import.meta.url), 'utf8');
    const imports = source.split('\n').filter((line) => line.startsWith('import '));
    const engineImports = imports.filter((line) => /emulator\/(docker|kube)\//.test(line));
    expect(engineImports).toEqual([
      "import type { DockerEngine } from '../../emulator/docker/engine.ts';",
      "import type { Cluster } from '../../emulator/kube/cluster.ts';",
      "import type { KubeObject } from '../../emulator/kube/api/types.ts';",
    ]);
  });
});
