import { describe, expect, it } from 'vitest';
import { createWorld, environments, UnknownEnvironmentError } from './environment.ts';
import { environmentLoaders, loadWorld } from './environment-loaders.ts';
import { hasDockerEngine } from './docker/engine.ts';
import { clusterOf } from './kube/cluster.ts';
import { parseIp } from './linux/net/ipv4.ts';
import type { World } from './world.ts';

/** What two worlds built the same way must agree on: time, events, hosts and their processes. */
function fingerprint(world: World): string {
  const hosts = [...world.linux.hosts.values()].map((h) => [h.name, [...h.processes.values()].map((p) => [p.pid, p.argv.join(' ')])]);
  return JSON.stringify({ now: world.now(), events: world.events.list(), hosts, rng: world.rng.int(1e9) });
}

describe('createWorld', () => {
  it('boots petlab with a root login shell in /root and an uplink', () => {
    const world = createWorld({ seed: 3 });
    const shell = world.linux.loginShell();
    expect([shell.host.name, shell.user, shell.cwd, shell.tty, shell.pid]).toEqual(['petlab', 'root', '/root', 'pts/0', 1000]);
    const reach = world.linux.net.reach(shell.ns.net, parseIp('93.184.215.14')!, { proto: 'tcp', port: 80 });
    expect(reach.ok).toBe(true);
  });

  it('rejects an unknown environment by name', () => {
    expect(() => createWorld({ environment: 'windows' })).toThrow(UnknownEnvironmentError);
    expect(() => createWorld({ environment: 'windows' })).toThrow("unknown environment 'windows' (known: docker, kubernetes, linux)");
    expect(() => createWorld({ environment: 'toString' })).toThrow("unknown environment 'toString' (known: docker, kubernetes, linux)");
  });
});

describe('loadWorld (environments loaded on demand)', () => {
  it('knows the same environments as the eager table', () => {
    expect(Object.keys(environmentLoaders).sort()).toEqual(Object.keys(environments).sort());
  });

  it.each(Object.keys(environments).sort())('builds the same %s world as createWorld', async (environment) => {
    const eager = createWorld({ seed: 5, environment });
    const lazy = await loadWorld({ seed: 5, environment });
    expect(fingerprint(lazy)).toBe(fingerprint(eager));
    expect([hasDockerEngine(lazy), clusterOf(lazy) !== undefined]).toEqual([environment === 'docker', environment === 'kubernetes']);
  });

  it('rejects an unknown environment by name', async () => {
    await expect(loadWorld({ environment: 'windows' })).rejects.toThrow(UnknownEnvironmentError);
    await expect(loadWorld({ environment: 'windows' })).rejects.toThrow("unknown environment 'windows' (known: docker, kubernetes, linux)");
  });
});
