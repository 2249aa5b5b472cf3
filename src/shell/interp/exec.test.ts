/**
 * `exec` as bash 5.2 builtins/exec.def and the manual (Bourne Shell Builtins, exec): "If command
 * is not specified, any redirections take effect in the current shell"; with a command, it
 * replaces the shell (here: runs, then the shell ends with its status); "If command cannot be
 * executed for some reason, a non-interactive shell exits, unless the execfail shell option is
 * enabled" — an interactive one returns 127 after `bash: exec: NAME: not found` (exec.def).
 */
import { describe, expect, it } from 'vitest';
import { describeCases } from '../testing/cases.ts';
import { testShell } from '../testing/run.ts';

describe('exec', () => {
  describeCases('exec redirections', [
    ['exec 3>/tmp/three; echo one >&3; echo two >&3; cat /tmp/three', 'one\ntwo\n', '', 0],
    ['exec 3>&-; echo x >&3', '', 'bash: 3: Bad file descriptor\n', 1],
    ['exec 4>>/tmp/three; echo three >&4; exec 4>&-; cat /tmp/three', 'one\ntwo\nthree\n', '', 0],
    ['exec >/tmp/out; echo hidden; ls /tmp/out', '', '', 0],
    ['echo next-line', '', '', 0],
    ['exec >/dev/stderr; echo "$(echo sub)"', '', 'sub\n', 0],
  ]);

  it('runs the command in place of the shell and ends it with its status', async () => {
    const sh = testShell();
    expect(await sh.run("bash -c 'echo before; exec sh -c \"echo replaced; exit 3\"; echo never'; echo $?")).toEqual({ stdout: 'before\nreplaced\n3\n', stderr: '', status: 0 });
    expect(await sh.run("bash -c 'trap \"echo trap\" EXIT; exec true'; echo $?")).toEqual({ stdout: '0\n', stderr: '', status: 0 });
    expect(await sh.run("bash -c 'exec nope-cmd; echo never'; echo $?")).toEqual({ stdout: '127\n', stderr: 'bash: exec: nope-cmd: not found\n', status: 0 });
    expect(await sh.run('exec nope-cmd; echo still here $?')).toEqual({ stdout: 'still here 127\n', stderr: 'bash: exec: nope-cmd: not found\n', status: 0 });
    expect(await sh.run('exec -z ls')).toEqual({ stdout: '', stderr: 'bash: exec: -z: invalid option\nexec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n', status: 2 });
    expect(await sh.run('(exec false); echo $?; exec echo gone; echo never')).toEqual({ stdout: '1\ngone\n', stderr: '', status: 0 });
    expect(await sh.run('echo after exit')).toEqual({ stdout: '', stderr: '', status: 0 });
  });
});
