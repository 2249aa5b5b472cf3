/**
 * Robustness: random docker command lines (real subcommands, flags and arguments mixed with
 * junk) never crash the command — every line ends with an exit status and no internal error.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { dockerShell } from './testing.ts';

const subcommands = [
  'run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'images', 'pull', 'inspect', 'logs', 'port', 'top',
  'exec', 'rename', 'rmi', 'network ls', 'network create', 'network rm', 'network inspect', 'network connect',
  'network disconnect', 'network prune', 'swarm init', 'container ls', 'image ls', 'version', 'attach',
];

const words = [
  'run', 'create', 'start', 'stop', 'restart', 'kill', 'rm', 'ps', 'images', 'pull', 'inspect', 'logs', 'port', 'top',
  'exec', 'rename', 'network', 'ls', 'create', 'connect', 'disconnect', 'prune', 'swarm', 'init', 'rmi', 'container',
  'image', '-d', '-it', '--rm', '--name', 'web', 'db', 'alpine', 'nginx', 'redis', 'foo', 'Foo', '-p', '8080:80', '80',
  '--network', 'mynet', 'bridge', 'host', 'none', 'container:web', '--ip', '10.1.0.9', '--subnet', '10.1.0.0/24',
  '--gateway', '10.1.0.1', '-f', '-a', '-q', '--format', '{{.Names}}', '{{json .}}', '{{.Foo', 'table {{.ID}}', '--filter',
  'name=web', 'status=exited', '-e', 'A=1', '-v', '/tmp/x:/data', 'sleep', '60', 'true', 'echo', 'hi', '--', '-x', '',
  '--driver', 'overlay', 'macvlan', '--internal', '--alias', 'api', '--restart', 'always', 'on-failure:1', '-t', '5',
];

test('random docker command lines never crash', async () => {
  const sh = await dockerShell();
  await sh.run('docker pull alpine');
  await sh.run('docker network create mynet');
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...subcommands), fc.array(fc.constantFrom(...words), { maxLength: 6 })), { minLength: 1, maxLength: 6 }), async (lines) => {
      for (const [sub, argv] of lines) {
        const line = `docker ${sub} ${argv.map((w) => `'${w}'`).join(' ')}`;
        const r = await sh.run(line, '');
        expect(typeof r.status).toBe('number');
        expect(r.stderr).not.toMatch(/internal error|TypeError|undefined is not|Cannot read/);
      }
    }),
    { numRuns: 150 },
  );
}, 120_000);
