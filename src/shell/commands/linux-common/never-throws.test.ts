// Property: the Linux commands never throw at the user, whatever their arguments: every bad
// input ends in the tool's own error text and a status.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { createWorld } from '../../../emulator/environment.ts';
import { BufferOutput, EMPTY_INPUT } from '../../interp/streams.ts';
import type { Command, CommandContext } from '../../types.ts';
import { loadCommand } from '../registry.ts';

const NAMES = ['ip', 'unshare', 'nsenter', 'lsns', 'ps', 'hostname', 'mount', 'umount', 'ping', 'curl', 'wget', 'nc', 'nslookup', 'getent', 'kill', 'sysctl', 'iptables'];
const WORDS = ['-', '--', '-c', '1', '0', '-1', 'abc', 'link', 'addr', 'add', 'del', 'set', 'show', 'netns', 'exec', 'route', 'dev', 'lo', 'eth0', 'up', 'down', 'type', 'veth', 'bridge', 'peer', 'name', 'master', 'br0', 'red', '10.0.0.1/24', '10.0.2.2', 'via', 'default', '-t', '-p', '-n', '-u', '-m', '-a', '-o', 'pid,comm', 'aux', '-ef', '--pid', '--fork', '--mount-proc', '--net=/var/run/netns/red', '/proc', 'proc', 'tmpfs', 'http://example.com', 'localhost', '8080', '-w', 'net.ipv4.ip_forward=1', 'nat', '-A', 'POSTROUTING', '-j', 'MASQUERADE', 'true', 'x=y', '=', '/', '', ' ', '-zv', '-qO-', '-s', '-I', 'hosts', '-9', '-l'];

function context(command: Command, args: string[], world: ReturnType<typeof createWorld>): CommandContext {
  const proc = world.linux.spawn(world.linux.loginShell(), { argv: [command.name, ...args] });
  // Virtual time passes on each sleep; after ten minutes the command is interrupted (Ctrl-C).
  let slept = 0;
  const listeners: (() => void)[] = [];
  const interrupt = {
    interrupted: false,
    onInterrupt(l: () => void) {
      listeners.push(l);
      return () => {};
    },
  };
  return {
    name: command.name, args, stdin: EMPTY_INPUT, stdout: new BufferOutput(), stderr: new BufferOutput(),
    env: { get: () => undefined, set() {}, unset() {}, export() {}, exported: () => ({}), all: () => ({}) },
    cwd: '/root', world, process: proc, interrupt,
    sleep: async (ms: number) => {
      slept += ms;
      world.advance(ms);
      if (slept > 600_000 && !interrupt.interrupted) {
        interrupt.interrupted = true;
        for (const l of listeners) l();
      }
      return !interrupt.interrupted;
    },
    spawnShell: async () => 0,
  };
}

describe('Linux commands never throw (property)', () => {
  it('return a status for arbitrary arguments', async () => {
    const commands = await Promise.all(NAMES.map(async (n) => (await loadCommand(n))!));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 7 }), async (command, args) => {
        const world = createWorld({ seed: 3 });
        const status = await command.run(context(command, args, world));
        if (!Number.isInteger(status)) throw new Error(`${command.name} ${args.join(' ')} returned ${status}`);
      }),
      { numRuns: 600, seed: 11 },
    );
  }, 120_000);
});
