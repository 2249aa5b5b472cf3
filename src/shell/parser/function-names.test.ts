import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';

// bash 5.2 (not in posix mode): parse.y's function_def takes any WORD before `()`, and
// execute_cmd.c execute_intern_function refuses only names check_identifier() rejects when
// posixly_correct is off — those with `$` or quoting (W_HASDOLLAR|W_QUOTED), status 1 with
// "`NAME': not a valid identifier". The fork bomb `:(){ :|:& };:` itself is not run here.
describe('function names that are not identifiers', () => {
  it('defines and calls :, foo-bar, a.b and a:b', async () => {
    const sh = testShell();
    expect(await sh.run(':(){ echo hi; }; :')).toEqual({ stdout: 'hi\n', stderr: '', status: 0 });
    expect(await sh.run('foo-bar(){ echo x; }; foo-bar')).toEqual({ stdout: 'x\n', stderr: '', status: 0 });
    expect(await sh.run('a.b () { echo ab; }; a.b')).toEqual({ stdout: 'ab\n', stderr: '', status: 0 });
    expect(await sh.run('function a:b { echo k; }; a:b')).toEqual({ stdout: 'k\n', stderr: '', status: 0 });
  });

  it('parses the fork bomb as a definition followed by a call', async () => {
    const sh = testShell();
    // defining it only: the call is what forks
    expect(await sh.run(':(){ :|:& }; echo defined')).toEqual({ stdout: 'defined\n', stderr: '', status: 0 });
  });

  it('refuses names with $ or quoting when the definition runs', async () => {
    const sh = testShell();
    expect(await sh.run('$x() { :; }; echo $?')).toEqual({ stdout: '1\n', stderr: "bash: `$x': not a valid identifier\n", status: 0 });
    expect(await sh.run("function 'q' { :; }")).toEqual({ stdout: '', stderr: "bash: `'q'': not a valid identifier\n", status: 1 });
  });

  it('keeps assignments and other words before ( a syntax error', async () => {
    const sh = testShell();
    expect(await sh.run('a=b() { :; }')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `('\n", status: 2 });
    expect(await sh.run('echo (x)')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `x'\n", status: 2 });
  });
});
