/**
 * Test helper for the Linux commands: a shell as root on `createWorld`'s learner host (pid 1000,
 * /root, pts/0). Virtual time is driven here — whenever the command waits, the clock jumps to
 * the next timer — so `ping -c 3` finishes at once, and a command still running after
 * `maxMs` of virtual time is interrupted like Ctrl-C (ping then prints its statistics).
 */
import { createWorld } from '../../../emulator/environment.ts';
import type { World } from '../../../emulator/world.ts';
import { ShellSession } from '../../session.ts';
import { BufferOutput, StringInput } from '../../interp/streams.ts';
import { macrotask } from '../../interp/foreground.ts';

export interface LinuxTestShell {
  readonly world: World;
  readonly session: ShellSession;
  run(line: string, options?: { stdin?: string; maxMs?: number }): Promise<{ stdout: string; stderr: string; status: number }>;
}


/** A shell on a fresh `createWorld({ seed })`. */
export function linuxShell(seed = 1): LinuxTestShell {
  const world = createWorld({ seed });
  const session = new ShellSession({ world, clock: 'external' });
  return {
    world,
    session,
    async run(line, options = {}) {
      const stdout = new BufferOutput();
      const stderr = new BufferOutput();
      const start = world.now();
      let done = false;
      const task = session.execute(line, { stdout, stderr, stdin: options.stdin === undefined ? undefined : new StringInput(options.stdin) });
      void task.finally(() => (done = true));
      let interrupted = false;
      for (let idle = 0; !done && idle < 50_000; ) {
        await macrotask();
        if (done) break;
        const next = world.clock.nextDue(false);
        if (next !== undefined && next - start <= (options.maxMs ?? 60_000)) {
          world.advance(next - world.now());
          idle = 0;
        } else if (!interrupted && next !== undefined) {
          interrupted = true;
          session.interrupt();
        } else idle++;
      }
      const status = await task;
      return { stdout: stdout.text, stderr: stderr.text, status };
    },
  };
}
