import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld } from '../emulator/environment.ts';
import { ShellSession } from './session.ts';
import { BufferOutput } from './interp/streams.ts';
import type { Terminal } from './types.ts';
import { testShell } from './testing/run.ts';

/** A terminal that types `lines` and records the screen (prompts, echoed input, output). */
function fakeTerminal(lines: string[]): { terminal: Terminal; screen: BufferOutput } {
  const screen = new BufferOutput();
  const terminal: Terminal = {
    columns: 80,
    rows: 24,
    readLine: async (prompt) => {
      const line = lines.shift();
      screen.write(line === undefined ? prompt : `${prompt}${line}\n`);
      return line ?? null;
    },
    clear: () => screen.write('<clear>'),
  };
  return { terminal, screen };
}

describe('ShellSession.runInteractive', () => {
  it('prompts like Debian bash, continues with PS2, keeps history, and exits', async () => {
    const { terminal, screen } = fakeTerminal(['cd /tmp', 'echo "two', 'lines"', 'if true', 'then echo yes', 'fi', 'history', 'exit 5']);
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    expect(await session.runInteractive()).toBe(5);
    expect(screen.text).toBe(
      'root@petlab:~# cd /tmp\n' +
        'root@petlab:/tmp# echo "two\n> lines"\ntwo\nlines\n' +
        'root@petlab:/tmp# if true\n> then echo yes\n> fi\nyes\n' +
        'root@petlab:/tmp# history\n    1  cd /tmp\n    2  echo "two\nlines"\n    3  if true\nthen echo yes\nfi\n    4  history\n' +
        'root@petlab:/tmp# exit 5\nexit\n',
    );
  });

  it('honours PS1 escapes and gives sh (dash) its own prompt and silent exit', async () => {
    const { terminal, screen } = fakeTerminal(['cd /etc', 'sh', 'exit', "PS1='\\u \\W \\$ '", 'cd /', 'exit']);
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    await session.runInteractive();
    expect(screen.text).toBe("root@petlab:~# cd /etc\nroot@petlab:/etc# sh\n# exit\nroot@petlab:/etc# PS1='\\u \\W \\$ '\nroot etc # cd /\nroot / # exit\nexit\n");
  });

  it('prints exit on Ctrl-D and reports an unfinished line', async () => {
    const { terminal, screen } = fakeTerminal(["echo 'open"]);
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    expect(await session.runInteractive()).toBe(2);
    expect(screen.text).toBe("root@petlab:~# echo 'open\n> bash: unexpected EOF while looking for matching `''\nbash: syntax error: unexpected end of file\nroot@petlab:~# exit\n");
  });

  it('runs a nested interactive bash until it exits, then the outer prompt returns', async () => {
    const { terminal, screen } = fakeTerminal(['bash', 'cd /etc', 'exit 2', 'echo $? $PWD']);
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    await session.runInteractive();
    expect(screen.text).toBe('root@petlab:~# bash\nroot@petlab:~# cd /etc\nroot@petlab:/etc# exit 2\nexit\nroot@petlab:~# echo $? $PWD\n2 /root\nroot@petlab:~# exit\n');
  });
});

describe('ShellSession.interrupt', () => {
  it('does nothing while a nested shell waits at its prompt (the terminal handles ^C there)', async () => {
    const lines = ['bash', 'echo inner', 'exit', 'echo outer $?'];
    const screen = new BufferOutput();
    const holder: { session?: ShellSession } = {};
    const terminal: Terminal = {
      columns: 80,
      rows: 24,
      readLine: async (prompt) => {
        holder.session?.interrupt();
        const line = lines.shift();
        screen.write(line === undefined ? prompt : `${prompt}${line}\n`);
        return line ?? null;
      },
      clear: () => {},
    };
    const session = new ShellSession({ world: createWorld(), terminal, stdout: screen });
    holder.session = session;
    await session.runInteractive();
    expect(screen.text).toBe('root@petlab:~# bash\nroot@petlab:~# echo inner\ninner\nroot@petlab:~# exit\nexit\nroot@petlab:~# echo outer $?\nouter 0\nroot@petlab:~# exit\n');
  });

  it('echoes ^C, stops the running command with 130, and leaves an idle shell alone', async () => {
    const world = createWorld();
    const out = new BufferOutput();
    const session = new ShellSession({ world, stdout: out, clock: 'external' });
    session.interrupt();
    const running = session.execute('echo start; sleep 60; echo never');
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    world.advance(1000);
    session.interrupt();
    expect(await running).toBe(130);
    expect(out.text).toBe('start\n^C\n');
    expect(await session.execute('echo $?')).toBe(0);
    expect(out.text).toBe('start\n^C\n130\n');
  });

  it('bounds busy loops per command line, not per script', async () => {
    const sh = testShell();
    const loop = 'i=0; while [ $i -lt 1500 ]; do i=$((i+1)); done; echo $i';
    const { transcript } = await sh.script(`${loop}\n${loop}\n${loop}\n`);
    expect(transcript).toBe(`$ ${loop}\n1500\n$ ${loop}\n1500\n$ ${loop}\n1500\n`);
  }, 60_000);

  it('interrupts a command still running after maxCommandMs of virtual time (auto clock)', async () => {
    const sh = testShell({ maxCommandMs: 5000 });
    expect(await sh.run('while true; do echo tick; sleep 2; done')).toEqual({ stdout: 'tick\ntick\ntick\n^C\n', stderr: '', status: 130 });
    expect(sh.world.now() - Date.UTC(2026, 10, 29, 10)).toBe(5000);
  });
});

describe('ShellSession.runScript', () => {
  it('shows ls in columns, as on a terminal, but one per line into a pipe', async () => {
    expect((await testShell().script('ls /\nls / | head -2\n')).transcript).toBe(
      '$ ls /\nbin   dev  home  lib64  mnt  proc  run   srv  tmp  var\nboot  etc  lib   media  opt  root  sbin  sys  usr\n$ ls / | head -2\nbin\nboot\n',
    );
  });

  it('runs lines as if typed and returns the transcript and the last status', async () => {
    const sh = testShell();
    expect(await sh.script('x=3\ncat <<EOF\nx is $x\nEOF\nfalse\n')).toEqual({ transcript: '$ x=3\n$ cat <<EOF\n> x is $x\n> EOF\nx is 3\n$ false\n', status: 1 });
  });

  it('warns about a here-document cut off by the end of the script', async () => {
    const sh = testShell();
    // interactive: no `line N:` prolog; the line is counted from the shell's first input line
    expect(await sh.script('echo a\ncat <<EOF\nlast line\n')).toEqual({
      transcript: "$ echo a\na\n$ cat <<EOF\n> last line\nbash: warning: here-document at line 2 delimited by end-of-file (wanted `EOF')\nlast line\n",
      status: 0,
    });
  });
});

describe('spawnShell into another process', () => {
  it('runs the child shell as the given process (its hostname and pid namespace)', async () => {
    const world = createWorld();
    const login = world.linux.loginShell();
    const child = world.linux.spawn(login, { argv: ['bash'], unshare: ['uts'] });
    child.ns.uts.hostname = 'inner';
    const session = new ShellSession({ world });
    const { registry } = await import('./commands/registry.ts');
    const reg = registry as Record<string, unknown>;
    login.fs.writeFile('/usr/local/bin/enter', ''); // a program is a file in $PATH
    reg.enter = async () => ({ command: { name: 'enter', summary: '', run: (ctx: { spawnShell: (o: unknown) => Promise<number> }) => ctx.spawnShell({ in: child, script: 'hostname; echo $$; exit 4', argv: ['bash'] }) } });
    try {
      const out = new BufferOutput();
      expect(await session.execute('enter; echo $?; hostname', { stdout: out })).toBe(0);
      expect(out.text).toBe(`inner\n${child.localPid}\n4\npetlab\n`);
    } finally {
      delete reg.enter;
    }
  });
});

describe('robustness', () => {
  it('never rejects and always ends, whatever is typed', async () => {
    const words = ['echo', 'ls', 'cat', 'grep', 'x', '-l', '|', '&&', '||', ';', '>', 'f', '<', '"a b"', "'c'", '$x', '$(ls)', '`pwd`', '${x:-y}', 'if', 'then', 'fi', 'for', 'in', 'do', 'done', '(', ')', '{', '}', '&', 'sleep 1', 'cd /tmp', 'sort', 'head -1', 'awk', "'{print}'", 'sed', 's/a/b/', 'wc', '*', '~', '\\', '#', '<<EOF', '\n', 'EOF', 'nope', 'exit'];
    const sh = testShell({ maxCommandMs: 3000 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...words), { maxLength: 8 }), async (parts) => {
        const r = await sh.run(parts.join(' ').replace(/\\n/g, '\n'));
        expect(Number.isInteger(r.status) && r.status >= 0 && r.status <= 255).toBe(true);
        expect(r.stderr).not.toMatch(/internal error/);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
