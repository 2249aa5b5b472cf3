/**
 * Ctrl-C in a script that traps SIGINT (bash 5.2, no job control in a script): the program the
 * script waits for dies, the trap runs once the wait returns, and the script goes on with the
 * next command (jobs.c wait_for adds no interrupt without job control; trap.c
 * run_pending_traps). $? in the trap is the killed program's 130. An untrapped script stops.
 * The session's own bounds still stop a trapping script (Foreground.interruptLine).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../session.ts';
import { BufferOutput } from './streams.ts';
import { testShell } from '../testing/run.ts';

const SCRIPT = "trap 'echo caught $?' INT\nfor i in 1 2 3; do sleep 5; echo \"i=$i\"; done\necho end\n";

async function ctrlCDuringFirstSleep(script: string): Promise<{ status: number; text: string }> {
  const world = createWorld();
  const out = new BufferOutput();
  const session = new ShellSession({ world, stdout: out, clock: 'external' });
  await session.execute(`cat > t.sh <<'EOF'\n${script}EOF`);
  const running = session.execute('bash t.sh; echo "status $?"');
  while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
  session.interrupt();
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    world.advance(5_000);
  }
  return { status: await running, text: out.text };
}

describe('trap INT in a script', () => {
  it('runs the handler and lets the loop go on', async () => {
    expect(await ctrlCDuringFirstSleep(SCRIPT)).toEqual({ status: 0, text: '^Ccaught 130\ni=1\ni=2\ni=3\nend\nstatus 0\n' });
  });

  it('without a trap, Ctrl-C ends the script', async () => {
    expect(await ctrlCDuringFirstSleep(SCRIPT.split('\n').slice(1).join('\n'))).toEqual({ status: 130, text: '^C\n' });
  });

  it("the session's time bound still stops a script that traps INT", async () => {
    expect(await testShell().run(`bash -c "trap 'echo x' INT; while :; do sleep 1; done"; echo after`)).toEqual({ stdout: '^C\n', stderr: '', status: 130 });
  });
});
