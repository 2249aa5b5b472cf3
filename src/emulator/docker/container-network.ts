/**
 * A container joining and leaving networks after creation (`docker network connect/disconnect`),
 * and the exec precondition, with the daemon's error texts.
 */
import { DockerError, notRunning } from './errors.ts';
import type { DockerEngine } from './engine.ts';
import { activateEndpoint, deactivateEndpoint } from './network-ops.ts';
import type { Container, Endpoint, Network } from './types.ts';

/**
 * `docker network connect`. Errors: already connected (`endpoint with name X already exists in
 * network Y`), host/none rules, `--ip` on predefined networks.
 */
export function connectNetwork(engine: DockerEngine, c: Container, net: Network, o: { ip?: string; aliases?: string[] } = {}): void {
  const modes = [...c.endpoints.values()].map((ep) => engine.networks.get(ep.networkId));
  if (net.driver === 'host' || modes.some((m) => m?.driver === 'host')) {
    throw new DockerError('forbidden', 'container cannot be disconnected from host network or connected to host network');
  }
  if (net.driver === 'null' || modes.some((m) => m?.driver === 'null')) {
    throw new DockerError('forbidden', 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
  }
  if (c.endpoints.has(net.name)) {
    throw new DockerError('forbidden', `endpoint with name ${c.name} already exists in network ${net.name}`);
  }
  if (o.ip !== undefined && net.predefined) {
    throw new DockerError('invalid-parameter', 'user specified IP address is supported on user defined networks only');
  }
  if ((o.aliases?.length ?? 0) > 0 && net.predefined) {
    throw new DockerError('invalid-parameter', 'network-scoped alias is supported only for containers in user defined networks');
  }
  const ep: Endpoint = { networkId: net.id, containerId: c.id, endpointId: '', mac: '', aliases: [...(o.aliases ?? [])], requestedIp: o.ip };
  if (c.state.status === 'running') {
    (ep as { endpointId: string }).endpointId = engine.newId();
    activateEndpoint(engine, c, net, ep);
    c.endpoints.set(net.name, ep);
    engine.runtime.endpointJoined(engine, c, ep, net);
  } else {
    c.endpoints.set(net.name, ep);
  }
  engine.event('network.connect', `network/${net.name}`, `container ${c.name} connected to ${net.name}`, { network: net.name, container: c.name });
  engine.changed();
}

/** `docker network disconnect`. Error: `container <id> is not connected to network <name>`. */
export function disconnectNetwork(engine: DockerEngine, c: Container, net: Network): void {
  const ep = c.endpoints.get(net.name);
  if (!ep) throw new DockerError('forbidden', `container ${c.id} is not connected to network ${net.name}`);
  if (net.driver === 'host') {
    throw new DockerError('forbidden', 'container cannot be disconnected from host network or connected to host network');
  }
  if (net.endpoints.has(c.id)) {
    engine.runtime.endpointLeft(engine, c, ep, net);
    deactivateEndpoint(net, c, ep);
  }
  c.endpoints.delete(net.name);
  engine.event('network.disconnect', `network/${net.name}`, `container ${c.name} disconnected from ${net.name}`, { network: net.name, container: c.name });
  engine.changed();
}

/** Checks a container can take an exec (`docker exec`): running, not paused. */
export function checkExec(c: Container): void {
  if (c.state.status === 'paused') throw new DockerError('conflict', `Container ${c.id} is paused, unpause the container before exec`);
  if (c.state.status !== 'running') throw notRunning(c.id);
}
