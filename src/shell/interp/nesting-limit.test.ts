/**
 * Runaway recursion stops cleanly. Wording from bash 5.2's sources: execute_cmd.c
 * `"%s: maximum function nesting level exceeded (%d)"`, evalstring.c
 * `"eval: maximum eval nesting level exceeded (%d)"`, evalfile.c
 * `"%s: maximum source nesting level exceeded (%d)"`; each ends the command line
 * (`jump_to_top_level (DISCARD)`) with status 1. Bash's limits are off by default (it
 * segfaults); ours is NESTING_LIMIT.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';

describe('nesting limits', () => {
  it('stops a function calling itself and aborts the rest of the line', async () => {
    const sh = testShell();
    expect(await sh.run('f() { f; }; f; echo not reached')).toEqual({
      stdout: '',
      stderr: 'bash: f: maximum function nesting level exceeded (1000)\n',
      status: 1,
    });
    // the shell is usable afterwards and the depth is back to zero
    expect(await sh.run('g() { echo $1; [ $1 -lt 3 ] && g $(($1+1)); }; g 1')).toEqual({ stdout: '1\n2\n3\n', stderr: '', status: 1 });
  }, 20_000);

  it('lets 999 nested calls run', async () => {
    const sh = testShell();
    expect(await sh.run('d() { if [ $1 -lt 999 ]; then d $(($1+1)); else echo deep $1; fi; }; d 1')).toEqual({ stdout: 'deep 999\n', stderr: '', status: 0 });
  }, 20_000);

  it('unwinds through eval and stops eval nesting', async () => {
    const sh = testShell();
    expect(await sh.run('f() { eval f; echo after; }; f; echo not reached')).toEqual({
      stdout: '',
      stderr: 'bash: f: maximum function nesting level exceeded (1000)\n',
      status: 1,
    });
    expect(await sh.run('e=\'eval "$e"\'; eval "$e"; echo not reached')).toEqual({
      stdout: '',
      stderr: 'bash: eval: maximum eval nesting level exceeded (1000)\n',
      status: 1,
    });
  }, 20_000);

  it('stops a file sourcing itself', async () => {
    const sh = testShell();
    expect(await sh.run("echo '. ./self.sh' > self.sh; . ./self.sh; echo not reached")).toEqual({
      stdout: '',
      stderr: 'bash: ./self.sh: maximum source nesting level exceeded (1000)\n',
      status: 1,
    });
  }, 20_000);

  it('stops recursion through subshells and pipelines', async () => {
    const sh = testShell();
    const r = await sh.run('f() { (f); }; f; echo next');
    expect(r).toEqual({ stdout: 'next\n', stderr: 'bash: f: maximum function nesting level exceeded (1000)\n', status: 0 });
  }, 20_000);
});
