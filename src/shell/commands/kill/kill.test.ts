// Texts: bash 5.2 builtin kill ("bash: kill: (N) - No such process", "arguments must be process or job IDs").
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('kill', () => {
  it('terminates a process and reports missing ones', async () => {
    const sh = linuxShell();
    const linux = sh.world.linux;
    const sleeper = linux.spawn(linux.hosts.get('petlab')!.init, { argv: ['sleep', '1000'], tty: null });
    expect(await sh.run(`kill ${sleeper.pid}`)).toEqual({ stdout: '', stderr: '', status: 0 });
    expect([sleeper.exited, sleeper.exitCode]).toEqual([true, 143]);
    expect(await sh.run(`kill ${sleeper.pid}`)).toEqual({ stdout: '', stderr: `bash: kill: (${sleeper.pid}) - No such process\n`, status: 1 });
    expect(await sh.run('kill abc')).toEqual({ stdout: '', stderr: 'bash: kill: abc: arguments must be process or job IDs\n', status: 1 });
    expect(await sh.run('kill -FOO 1')).toEqual({ stdout: '', stderr: 'bash: kill: FOO: invalid signal specification\n', status: 1 });
  });
});
