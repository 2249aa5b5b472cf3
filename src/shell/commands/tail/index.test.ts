import { describe, expect, it } from 'vitest';
import { describeCases } from '../../testing/cases.ts';
import { testShell } from '../../testing/run.ts';

describeCases('tail', [
  ['seq 20 > n', '', '', 0],
  ['tail -n 2 n', '19\n20\n', '', 0],
  ['tail -3 n', '18\n19\n20\n', '', 0],
  ['tail -n +19 n', '19\n20\n', '', 0],
  ['seq 3 | tail -n 1', '3\n', '', 0],
  ['tail nope', '', "tail: cannot open 'nope' for reading: No such file or directory\n", 1],
  ['tail -n x n', '', 'tail: invalid number of lines: ‘x’\n', 1],
]);

describe('tail -f', () => {
  it('prints appended lines as virtual time passes, until Ctrl-C', async () => {
    const sh = testShell({ maxCommandMs: 10_000 });
    await sh.run('echo first > log');
    const t = sh.script('(sleep 2; echo second >> log; sleep 2; echo third >> log) &\ntail -f log\n');
    expect((await t).transcript).toBe('$ (sleep 2; echo second >> log; sleep 2; echo third >> log) &\n[1] 1001\n$ tail -f log\nfirst\nsecond\nthird\n^C\n[1]+  Done                    (sleep 2; echo second >> log; sleep 2; echo third >> log)\n');
  });
});
