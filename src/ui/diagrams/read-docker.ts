/**
 * Reads the Docker part of the live view out of a world's Docker engine. Its own module because
 * it imports the engine: the live view loads it only once the world has Docker, so a Linux
 * lab's diagram does not pull in the Docker emulator.
 */
import { dockerEngine, hasDockerEngine } from '../../emulator/docker/engine.ts';
import { formatIp } from '../../emulator/linux/net/ipv4.ts';
import type { World } from '../../emulator/world.ts';
import { dockerView, type DockerNetworkView } from './net-view.ts';

/** The engine's networks with their containers; empty when `world` has no engine. */
export function readDocker(world: World): DockerNetworkView[] {
  if (!hasDockerEngine(world)) return [];
  const engine = dockerEngine(world);
  return dockerView(
    [...engine.networks.values()].map((n) => ({
      name: n.name,
      driver: n.driver,
      subnet: n.ipamConfig[0]?.Subnet,
      bridge: n.bridgeName,
      containers: [...n.endpoints.values()].map((ep) => {
        const c = engine.containers.get(ep.containerId);
        return { name: c?.name ?? ep.containerId.slice(0, 12), ip: ep.ip === undefined ? undefined : formatIp(ep.ip), running: c?.state.status === 'running' };
      }),
    })),
  );
}
