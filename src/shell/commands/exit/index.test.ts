import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';

describe('exit', () => {
  it('ends the shell with the given status, or the last one', async () => {
    const sh = testShell();
    expect(await sh.run('false; exit')).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(sh.session.exited).toBe(true);
    expect(await sh.run('echo never')).toEqual({ stdout: '', stderr: '', status: 1 });
  });
  it('wraps the status to 0–255 and rejects non-numbers', async () => {
    expect(await testShell().run('exit 257')).toEqual({ stdout: '', stderr: '', status: 1 });
    expect(await testShell().run('exit abc')).toEqual({ stdout: '', stderr: 'bash: exit: abc: numeric argument required\n', status: 2 });
    expect(await testShell().run('exit 1 2; echo still')).toEqual({ stdout: 'still\n', stderr: 'bash: exit: too many arguments\n', status: 0 });
  });
  it('leaves a subshell only', async () => {
    expect(await testShell().run('(exit 7); echo $?')).toEqual({ stdout: '7\n', stderr: '', status: 0 });
  });
});
