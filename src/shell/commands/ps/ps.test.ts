// Expected layouts: procps-ng 4.0.2 (Debian 12) ps/output.c widths — `ps aux` header
// "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", `ps -ef` header
// "UID          PID    PPID  C STIME TTY          TIME CMD", default "    PID TTY          TIME CMD".
import { describe, expect, it } from 'vitest';
import { linuxShell } from '../linux-common/test-world.ts';

describe('ps', () => {
  it('lists the terminal\'s processes by default', async () => {
    const sh = linuxShell();
    expect(await sh.run('ps')).toEqual({
      stdout: '    PID TTY          TIME CMD\n   1000 pts/0    00:00:00 bash\n   1001 pts/0    00:00:00 ps\n',
      stderr: '',
      status: 0,
    });
  });

  it('prints BSD user format for aux', async () => {
    const sh = linuxShell();
    expect((await sh.run('ps aux')).stdout).toBe(
      [
        'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
        'root           1  0.0  0.3 168412 12140 ?        Ss   10:00   0:00 /sbin/init',
        'root        1000  0.0  0.1   7196  3964 pts/0    Ss   10:00   0:00 -bash',
        'root        1001  0.0  0.1  11400  4608 pts/0    R+   10:00   0:00 ps aux',
        '',
      ].join('\n'),
    );
  });

  it('prints full format for -ef and custom columns for -o', async () => {
    const sh = linuxShell();
    expect((await sh.run('ps -ef')).stdout).toBe(
      [
        'UID          PID    PPID  C STIME TTY          TIME CMD',
        'root           1       0  0 10:00 ?        00:00:00 /sbin/init',
        'root        1000       1  0 10:00 pts/0    00:00:00 -bash',
        'root        1001    1000  0 10:00 pts/0    00:00:00 ps -ef',
        '',
      ].join('\n'),
    );
    expect((await sh.run('ps -o pid,pidns,comm')).stdout).toBe('    PID      PIDNS COMMAND\n   1000 4026531836 bash\n   1002 4026531836 ps\n');
    expect((await sh.run('ps -p 1 -o comm=')).stdout).toBe('systemd\n');
  });

  it('draws the process tree with f / --forest', async () => {
    const sh = linuxShell();
    expect((await sh.run('unshare --fork ps -e --forest -o pid,args')).stdout).toBe(
      ['    PID COMMAND', '      1 /sbin/init', '   1000  \\_ -bash', '   1001      \\_ unshare --fork ps -e --forest -o pid,args', '   1002          \\_ ps -e --forest -o pid,args', ''].join('\n'),
    );
  });

  it('rejects unknown options and format specifiers with procps wording', async () => {
    const sh = linuxShell();
    const tail = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    expect(await sh.run('ps -Z')).toEqual({ stdout: '', stderr: `error: unsupported SysV option\n${tail}`, status: 1 });
    expect(await sh.run('ps -o foo')).toEqual({ stdout: '', stderr: `error: unknown user-defined format specifier "foo"\n${tail}`, status: 1 });
  });

  // Debian 12: bash forks every stage before ps reads /proc, so the grep lists itself (S+, the
  // terminal's foreground group) and `grep -c bash` counts 2.
  it('lists the later stages of its own pipeline', async () => {
    const sh = linuxShell();
    expect(await sh.run('ps aux | grep bash')).toEqual({
      stdout: [
        'root        1000  0.0  0.1   7196  3964 pts/0    Ss   10:00   0:00 -bash',
        'root        1002  0.0  0.0   6000  1500 pts/0    S+   10:00   0:00 grep bash',
        '',
      ].join('\n'),
      stderr: '',
      status: 0,
    });
    expect(await sh.run('ps aux | grep -c bash')).toEqual({ stdout: '2\n', stderr: '', status: 0 });
    expect(await sh.run('ps -o pid,stat,args | cat | cat')).toEqual({
      stdout: '    PID STAT COMMAND\n   1000 Ss   -bash\n   1005 R+   ps -o pid,stat,args\n   1006 S+   cat\n   1007 S+   cat\n',
      stderr: '',
      status: 0,
    });
  });
});
