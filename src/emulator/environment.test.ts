import { describe, expect, it } from 'vitest';
import { createWorld, environments, UnknownEnvironmentError } from './environment.ts';
import { parseIp } from './linux/net/ipv4.ts';

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
    expect(() => createWorld({ environment: 'windows' })).toThrow(`unknown environment 'windows' (known: ${Object.keys(environments).sort().join(', ')})`);
  });
});
