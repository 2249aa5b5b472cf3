import { describe, expect, it } from 'vitest';
import { describeCases } from '../../testing/cases.ts';
import { testShell } from '../../testing/run.ts';

describeCases('sleep', [
  ['sleep 1.5; date +%T.%N', '10:00:01.500000000\n', '', 0],
  ['sleep 0.5m 5; date +%T', '10:00:36\n', '', 0],
  ['sleep', '', "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1],
  ['sleep abc', '', "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n", 1],
]);

describe('sleep and Ctrl-C', () => {
  it('stops at once on interrupt with status 130', async () => {
    const world = testShell().world;
    const sh = testShell({ world, clock: 'external' });
    const run = sh.run('sleep 10; echo after');
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    world.advance(3000);
    sh.session.interrupt();
    expect(await run).toEqual({ stdout: '^C\n', stderr: '', status: 130 });
  });
});
