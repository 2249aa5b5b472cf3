/**
 * `trap` as bash 5.2: builtins/trap.def (no action or `-`: reset; `-p`/no arguments print
 * `trap -- 'action' NAME` with sh_single_quote quoting, EXIT first, signals by number as SIGNAME,
 * then DEBUG, ERR, RETURN; a bad spec is `bash: trap: FOO: invalid signal specification`, status 1;
 * `-l` is sig.c/display_signal_list: `%2d) %s`, tab-separated, five a line). trap.c: the EXIT
 * trap runs once when the shell (or a subshell, or `bash -c`) ends, keeps the exit status unless
 * it calls exit itself; ERR runs after a failing command where `set -e` would stop, not in
 * conditions, not inside functions (no errtrace); $? is restored after a trap. The bash manual
 * (Bourne Shell Builtins, trap): ERR is not run for a command in a while/until/if test, in a &&
 * or || list except after the last operator, in a pipeline but the last, or inverted with `!`.
 */
import { describe, expect, it } from 'vitest';
import { describeCases } from '../testing/cases.ts';
import { createWorld } from '../../emulator/environment.ts';
import { ShellSession } from '../session.ts';
import { BufferOutput } from './streams.ts';

describe('trap', () => {
  describeCases('trap', [
    ["trap 'echo bye' EXIT; trap", "trap -- 'echo bye' EXIT\n", '', 0],
    ["trap \"echo it's\" int; trap -p INT SIGTERM", "trap -- 'echo it'\\''s' SIGINT\n", '', 0],
    ["trap 'b' 15; trap 'e' ERR; trap 'x' 0; trap", "trap -- 'x' EXIT\ntrap -- 'echo it'\\''s' SIGINT\ntrap -- 'b' SIGTERM\ntrap -- 'e' ERR\n", '', 0],
    ['trap - INT; trap 15; trap - ERR EXIT; trap; echo $?', '0\n', '', 0],
    ["trap 'echo x' FOO INT; echo $?; trap -p; trap - INT", "1\ntrap -- 'echo x' SIGINT\n", 'bash: trap: FOO: invalid signal specification\n', 0],
    ['trap -p BAR', '', 'bash: trap: BAR: invalid signal specification\n', 1],
    ['trap -x', '', 'bash: trap: -x: invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n', 2],
    ['trap -l | head -3', ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n', '', 0],
    ['trap -l | tail -2', '58) SIGRTMAX-6\t59) SIGRTMAX-5\t60) SIGRTMAX-4\t61) SIGRTMAX-3\t62) SIGRTMAX-2\n63) SIGRTMAX-1\t64) SIGRTMAX\t\n', '', 0],
    ["trap 'echo \"err $?\"' ERR; false; echo \"after $?\"", 'err 1\nafter 1\n', '', 0],
    ['if false; then :; fi; false || true; ! false; false | true; (exit 3) && echo no; echo end', 'end\n', '', 0],
    ['f() { false; echo in; }; f; g() { return 4; }; g; { false; }; trap - ERR', 'in\nerr 4\nerr 1\n', '', 0],
    ["(trap 'echo sub-exit $?' EXIT; echo body; exit 3); echo $?", 'body\nsub-exit 3\n3\n', '', 0],
    ["(trap 'exit 7' EXIT; exit 3); echo $?; (trap 'echo in-sub' EXIT; true); trap", '7\nin-sub\n', '', 0],
    ["bash -c \"trap 'echo done' EXIT; echo hi; exit 5\"; echo $?", 'hi\ndone\n5\n', '', 0],
  ]);
});

describe('trap with Ctrl-C and exit at the prompt', () => {
  // An interactive bash has job control: the foreground program has the terminal, so Ctrl-C's
  // SIGINT reaches the program, not the shell, and the INT trap does not run. With SIGINT
  // trapped, jobs.c wait_for neither breaks the command list (it prints a newline and goes on)
  // nor, outside a loop, interrupts the shell; in a loop it breaks the loop (ADDINTERRUPT) and
  // throw_to_top_level prints the newline on stderr. The untrapped case is unchanged: the line
  // stops. (A shell running only built-ins when Ctrl-C comes gets the signal itself; here the
  // line stops and the trap runs after it.)
  it('Ctrl-C kills the program and the list goes on, no INT trap; EXIT trap on exit', async () => {
    const world = createWorld();
    const out = new BufferOutput();
    const session = new ShellSession({ world, stdout: out, clock: 'external' });
    expect(await session.execute("trap 'echo caught $?' INT; trap 'echo bye' EXIT")).toBe(0);
    const running = session.execute('sleep 60; echo after $?');
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    session.interrupt();
    expect(await running).toBe(0);
    expect(await session.execute('exit 4')).toBe(4);
    expect(out.text).toBe('^C\nafter 130\nbye\n');
  });

  it('Ctrl-C in a loop breaks the loop (trapped or not), and runs no INT trap', async () => {
    const world = createWorld();
    const out = new BufferOutput();
    const session = new ShellSession({ world, stdout: out, clock: 'external' });
    await session.execute("trap 'echo caught' INT");
    const running = session.execute('for i in 1 2; do sleep 60; echo $i; done; echo not-reached');
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    session.interrupt();
    expect(await running).toBe(130);
    expect(await session.execute('echo $?')).toBe(0);
    expect(out.text).toBe('^C\n130\n');
  });

  it("trap '' INT: Ctrl-C only echoes, the command runs on", async () => {
    const world = createWorld();
    const out = new BufferOutput();
    const session = new ShellSession({ world, stdout: out, clock: 'external' });
    await session.execute("trap '' INT");
    const running = session.execute('sleep 60; echo done');
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    session.interrupt();
    world.advance(60_000);
    expect(await running).toBe(0);
    expect(out.text).toBe('^Cdone\n');
  });
});

// bash reads EOF and leaves: the EXIT trap runs at the end of `petlab shell --script` too (also
// after `exit N`, which keeps its status unless the trap exits). The transcript has no `exit`
// line at the end of input (runScript's convention; a nested bash prints it, as bash does).
describe('EXIT trap at the end of a script transcript', () => {
  it('runs when the input ends and after exit', async () => {
    const { testShell } = await import('../testing/run.ts');
    expect(await testShell().script("trap 'echo bye $?' EXIT\necho hi\nfalse\n")).toEqual({ transcript: "$ trap 'echo bye $?' EXIT\n$ echo hi\nhi\n$ false\nbye 1\n", status: 1 });
    expect(await testShell().script("trap 'echo bye' EXIT\nexit 3\necho never\n")).toEqual({ transcript: "$ trap 'echo bye' EXIT\n$ exit 3\nbye\n", status: 3 });
    expect(await testShell().script("trap 'exit 7' EXIT\ntrue\n")).toEqual({ transcript: "$ trap 'exit 7' EXIT\n$ true\n", status: 7 });
  });
});
