import { describe, expect, it } from 'vitest';
import { World } from '../../emulator/world.ts';
import { DockerEngine } from '../../emulator/docker/engine.ts';
import { createContainer, startContainer } from '../../emulator/docker/container-ops.ts';
import { createNetwork } from '../../emulator/docker/network-ops.ts';
import { containerOnNetwork, defaultBridgeDoesNotResolve, resolvesByName, userNetworkExists } from './docker.ts';

function engineWith(setup: (e: DockerEngine, run: (name: string, network?: string) => void) => void): DockerEngine {
  const engine = new DockerEngine(new World({ seed: 1 }));
  const { image } = engine.pull('nginx');
  const run = (name: string, network?: string) => {
    startContainer(engine, createContainer(engine, { image, imageRef: 'nginx', name, network }));
  };
  setup(engine, run);
  return engine;
}

describe('docker checks', () => {
  it('report a missing engine, network and container by name', () => {
    expect(userNetworkExists(undefined, { name: 'appnet' })).toEqual({ pass: false, message: 'this world has no Docker engine running' });
    const empty = engineWith(() => {});
    expect(userNetworkExists(empty, { name: 'appnet' }).message).toBe('no network named appnet: create one with the bridge driver');
    expect(userNetworkExists(empty, { name: 'bridge' }).message).toBe("bridge is one of Docker's predefined networks, not a user-defined one");
    expect(containerOnNetwork(empty, { container: 'web', network: 'appnet' }).message).toBe('no container named web');
    expect(defaultBridgeDoesNotResolve(empty, { from: 'alpine3', name: 'alpine1' }).message).toBe('no container named alpine3 yet');
    expect(resolvesByName(empty, { from: 'alpine1', name: 'alpine2' }).message).toBe('no container named alpine1 yet');
  });

  it('see two containers on a user-defined bridge resolve each other by name', () => {
    const engine = engineWith((e, run) => {
      createNetwork(e, { name: 'appnet' });
      run('web', 'appnet');
      run('client', 'appnet');
      run('legacy');
    });
    expect(userNetworkExists(engine, { name: 'appnet' })).toEqual({ pass: true, message: 'network appnet exists (driver bridge, subnet 172.18.0.0/16)' });
    expect(containerOnNetwork(engine, { container: 'web', network: 'appnet' })).toEqual({ pass: true, message: 'container web is running on appnet (172.18.0.2)' });
    expect(containerOnNetwork(engine, { container: 'legacy', network: 'appnet' }).message).toBe('container legacy is not attached to appnet (its networks: bridge)');
    expect(resolvesByName(engine, { from: 'client', name: 'web' })).toEqual({ pass: true, message: 'client resolves web to 172.18.0.2 on appnet' });
    expect(resolvesByName(engine, { from: 'legacy', name: 'web' }).message).toBe(
      'legacy is only on the default bridge, which has no embedded DNS: web does not resolve there',
    );
    expect(defaultBridgeDoesNotResolve(engine, { from: 'legacy', name: 'web' })).toEqual({
      pass: true,
      message: 'legacy is on the default bridge, where web does not resolve (no embedded DNS)',
    });
    expect(defaultBridgeDoesNotResolve(engine, { from: 'client', name: 'web' }).message).toBe('container client is not on the default bridge network');
  });
});

describe('docker checks in a full docker world', () => {
  it('ask the container resolver, as ping inside the container would', async () => {
    const { createWorld } = await import('../../emulator/environment.ts');
    const { dockerOf } = await import('./views.ts');
    const world = createWorld({ seed: 1, environment: 'docker' });
    const engine = dockerOf(world)!;
    const { image } = engine.pull('alpine');
    const run = (name: string, network?: string) => startContainer(engine, createContainer(engine, { image, imageRef: 'alpine', name, network, cmd: ['ash'], tty: true, openStdin: true }));
    createNetwork(engine, { name: 'alpine-net' });
    run('alpine1', 'alpine-net');
    run('alpine2', 'alpine-net');
    run('alpine3');
    world.settle();
    expect(resolvesByName(engine, { from: 'alpine1', name: 'alpine2' })).toEqual({ pass: true, message: 'alpine1 resolves alpine2 to 172.18.0.3 (DNS server 127.0.0.11)' });
    expect(resolvesByName(engine, { from: 'alpine3', name: 'alpine1' }).message).toBe(
      'alpine3 is only on the default bridge, which has no embedded DNS: alpine1 does not resolve there',
    );
    expect(defaultBridgeDoesNotResolve(engine, { from: 'alpine3', name: 'alpine1' }).pass).toBe(true);
  });
});
