/**
 * `sh`/`bash` run their script as the process the shell forked for them: one `sh` in `ps`, and
 * `$$` is its PID (dash and bash both). bash's ONESHOT execs a lone simple command in place
 * (bash -c ps lists no second bash; ps's PID is the one the shell had), dash forks it. procps-ng
 * ps default columns (PID TTY TIME CMD) as on Debian 12.
 */
import { describe, expect, test } from 'vitest';
import { testShell } from '../../testing/run.ts';

describe('sh -c runs in the sh process', () => {
  test('sh -c: one sh, ps its child, $$ the sh', async () => {
    const sh = testShell();
    const r = await sh.run(`sh -c 'ps; echo $$'`);
    const pid = Number(r.stdout.trim().split('\n').pop());
    const p = (n: number) => String(n).padStart(7);
    expect(r).toEqual({
      stdout: `    PID TTY          TIME CMD\n${p(1000)} pts/0    00:00:00 bash\n${p(pid)} pts/0    00:00:00 sh\n${p(pid + 1)} pts/0    00:00:00 ps\n${pid}\n`,
      stderr: '',
      status: 0,
    });
  });

  test('bash -c with one simple command execs it in place (ONESHOT)', async () => {
    const sh = testShell();
    const before = await sh.run(`sh -c 'echo $$'`);
    const r = await sh.run('bash -c ps');
    const pid = Number(before.stdout.trim()) + 1;
    expect(r).toEqual({ stdout: `    PID TTY          TIME CMD\n   1000 pts/0    00:00:00 bash\n${String(pid).padStart(7)} pts/0    00:00:00 ps\n`, stderr: '', status: 0 });
  });

  test('bash -c with a list keeps one bash', async () => {
    const sh = testShell();
    const r = await sh.run(`bash -c 'ps; true'`);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => l.slice(8));
    expect(lines).toEqual(['TTY          TIME CMD', 'pts/0    00:00:00 bash', 'pts/0    00:00:00 bash', 'pts/0    00:00:00 ps']);
  });
});
