/**
 * `unshare --pid` without `--fork` (util-linux 2.38.1): unshare(CLONE_NEWPID) then exec bash, so
 * bash stays in the old PID namespace and its FIRST child becomes PID 1 of the new one. Once
 * that child exits the namespace has no init and every later fork(2) fails with ENOMEM; bash's
 * make_child (jobs.c) then prints `bash: fork: Cannot allocate memory`, sets $? to EX_NOEXEC
 * (126) and drops the rest of the command line; under `bash -c` parse_and_execute (evalstring.c,
 * DISCARD) makes the status 1. Built-ins (no fork) keep working. /proc is still the host's, so
 * the first command here is `ls`, not `ps`.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';

describe('fork failing after unshare --pid without --fork', () => {
  it('runs the first command as PID 1, then prints bash: fork: Cannot allocate memory', async () => {
    const sh = testShell();
    const { transcript } = await sh.script([
      'unshare --pid bash',
      'ls /srv',
      'ls / ; echo not-reached',
      'echo $?',
      'sleep 1 &',
      'echo $?',
      'exit',
      'echo back; ls /srv',
    ].join('\n'));
    expect(transcript).toBe([
      '$ unshare --pid bash',
      '$ ls /srv',
      '$ ls / ; echo not-reached',
      'bash: fork: Cannot allocate memory',
      '$ echo $?',
      '126',
      '$ sleep 1 &',
      'bash: fork: Cannot allocate memory',
      '$ echo $?',
      '126',
      '$ exit',
      'exit',
      '$ echo back; ls /srv',
      'back',
      '',
    ].join('\n'));
  });

  it('does the same in a non-interactive bash -c', async () => {
    const sh = testShell();
    expect(await sh.run("unshare --pid bash -c 'true; ls /srv; ls /srv; echo after'; echo status $?")).toEqual({
      stdout: 'status 1\n',
      stderr: 'bash: fork: Cannot allocate memory\n',
      status: 0,
    });
  });

  it('keeps working with --fork (unshare forks the PID 1 itself)', async () => {
    const sh = testShell();
    expect(await sh.run("unshare --pid --fork bash -c 'true; ls /srv; ls /srv; echo after'")).toEqual({ stdout: 'after\n', stderr: '', status: 0 });
  });
});
