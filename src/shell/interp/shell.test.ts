import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';
import { BufferOutput } from './streams.ts';

const ok = (stdout: string) => ({ stdout, stderr: '', status: 0 });

describe('expansion', () => {
  it('expands variables, defaults and special parameters', async () => {
    const sh = testShell();
    expect(await sh.run('x=5; echo "$x ${x} ${y:-dflt} ${y-unset} ${x:+set} ${#x}"')).toEqual(ok('5 5 dflt unset set 1\n'));
    expect(await sh.run('set -- a "b c" d; echo $# "$1" "$2"; for a in "$@"; do echo "[$a]"; done')).toEqual(ok('3 a b c\n[a]\n[b c]\n[d]\n'));
    expect(await sh.run('f=path/to/file.tar.gz; echo ${f##*/} ${f%.*} ${f%%.*} ${f#*/} ${f/to/TO}')).toEqual(ok('file.tar.gz path/to/file.tar path/to/file to/file.tar.gz path/TO/file.tar.gz\n'));
    expect(await sh.run('echo $$ $0')).toEqual(ok(`${sh.session.process.localPid} -bash\n`));
    expect(await sh.run('echo ${z:?is required}; echo not reached')).toEqual({ stdout: '', stderr: 'bash: z: is required\n', status: 1 });
  });

  it('splits unquoted expansions on IFS and keeps quoted ones whole', async () => {
    const sh = testShell();
    expect(await sh.run('v="a  b   c"; for w in $v; do echo "<$w>"; done; echo "$v"')).toEqual(ok('<a>\n<b>\n<c>\na  b   c\n'));
    expect(await sh.run('e=""; set -- $e "" x; echo $#')).toEqual(ok('2\n'));
  });

  it('substitutes commands, backticks and arithmetic', async () => {
    const sh = testShell();
    expect(await sh.run('echo "$(echo a; echo b)" `echo c` $((2**10 % 7)) $(( (1+2)*3 ))')).toEqual(ok('a\nb c 2 9\n'));
    expect(await sh.run('i=1; i=$((i+1)); echo $i; echo $((10/0))')).toEqual({ stdout: '2\n', stderr: 'bash: 10/0: division by 0 (error token is "0")\n', status: 1 });
  });

  it('globs against the process file system, sorted, and leaves non-matches alone', async () => {
    const sh = testShell();
    expect(await sh.run('mkdir g && cd g && touch b.txt a.txt c.log && echo *.txt && echo *.none && echo "*.txt" && echo [ab]*')).toEqual(ok('a.txt b.txt\n*.none\n*.txt\na.txt b.txt\n'));
  });

  it('treats unset variables as errors under set -u, and draws $RANDOM from the world', async () => {
    const sh = testShell();
    expect(await sh.run('set -u; echo "${maybe:-ok}"; echo $nothere; echo after')).toEqual({ stdout: 'ok\n', stderr: 'bash: nothere: unbound variable\n', status: 1 });
    const a = await testShell({ seed: 7 }).run('echo $RANDOM $RANDOM');
    expect(a).toEqual(await testShell({ seed: 7 }).run('echo $RANDOM $RANDOM'));
    expect(a.stdout).toMatch(/^\d+ \d+\n$/);
  });

  it('expands braces before anything else, but not inside quotes', async () => {
    expect(await testShell().run('echo web-{0,1,2} {1..3} {a..c}x {05..1..2} "{a,b}" {x} {a,{b,c}}')).toEqual(ok('web-0 web-1 web-2 1 2 3 ax bx cx 05 03 01 {a,b} {x} a b c\n'));
    expect(await testShell().run('for i in {0..2}; do echo web-$i; done')).toEqual(ok('web-0\nweb-1\nweb-2\n'));
  });

  it('expands ~ to $HOME', async () => {
    expect(await testShell().run('echo ~ ~/x ~root')).toEqual(ok('/root /root/x /root\n'));
  });
});

describe('(( … ))', () => {
  it('evaluates arithmetic as a command: status 0 when not zero', async () => {
    expect(await testShell().run('i=0; while (( i < 3 )); do echo $i; (( i++ )); done; (( 0 )); echo $?; ((x = 2 * (3 + 1))); echo $x')).toEqual(ok('0\n1\n2\n1\n8\n'));
    expect(await testShell().run('(( 1 / 0 ))')).toEqual({ stdout: '', stderr: 'bash: 1 / 0: division by 0 (error token is "0")\n', status: 1 });
  });
});

describe('[[ … ]]', () => {
  it('tests patterns, regexes, files and integers, with && || ! and parentheses', async () => {
    const sh = testShell();
    expect(await sh.run('x="web-1"; [[ $x == web-* ]] && echo glob; [[ $x == "web-*" ]] || echo quoted; [[ $x =~ ^web-([0-9])$ ]] && echo re $BASH_REMATCH')).toEqual(ok('glob\nquoted\nre web-1\n'));
    expect(await sh.run('[[ -d /etc && ! -f /nope ]] && echo files; [[ ( 3 -gt 2 || 1 -eq 0 ) && -n "a b" ]] && echo ints; [[ b > a ]] && echo str')).toEqual(ok('files\nints\nstr\n'));
    expect(await sh.run('[[ x -eq 1 ]]')).toEqual({ stdout: '', stderr: 'bash: x: integer expression expected\n', status: 2 });
    expect(await sh.run('[[ -f /etc/hostname')).toEqual({ stdout: '', stderr: "bash: unexpected EOF while looking for `]]'\nbash: syntax error: unexpected end of file\n", status: 2 });
  });
});

describe('aliases', () => {
  it('expands an alias in the first word and lists them as bash does', async () => {
    const sh = testShell();
    expect(await sh.run("alias ll='ls -a' k=echo; k hi; ll /root | head -2; alias; type k")).toEqual(ok("hi\n.\n..\nalias k='echo'\nalias ll='ls -a'\nk is aliased to `echo'\n"));
    expect(await sh.run('unalias k; k x')).toEqual({ stdout: '', stderr: 'bash: k: command not found\n', status: 127 });
    expect(await sh.run('alias nope')).toEqual({ stdout: '', stderr: 'bash: alias: nope: not found\n', status: 1 });
  });
});

describe('control flow and status', () => {
  it('runs if/elif/else, while, until, for, case and functions', async () => {
    const sh = testShell();
    expect(await sh.run('if false; then echo a; elif [ 1 -eq 1 ]; then echo b; else echo c; fi')).toEqual(ok('b\n'));
    expect(await sh.run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done')).toEqual(ok('0\n1\n2\n'));
    expect(await sh.run('n=0; until [ $n -ge 2 ]; do n=$((n+1)); done; echo $n')).toEqual(ok('2\n'));
    expect(await sh.run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).toEqual(ok('1\n3\n'));
    expect(await sh.run('case "web-1" in db-*) echo db;; web-[0-9]) echo web;; *) echo other;; esac')).toEqual(ok('web\n'));
    expect(await sh.run('greet() { echo "hello $1"; return 3; }; greet you; echo $?')).toEqual(ok('hello you\n3\n'));
  });

  it('gives && || ! and pipelines their statuses', async () => {
    const sh = testShell();
    expect(await sh.run('false || echo recovered && echo and')).toEqual(ok('recovered\nand\n'));
    expect(await sh.run('! true; echo $?; true | false; echo $?')).toEqual(ok('1\n1\n'));
  });

  it('stops on the first failure with set -e, but not in conditions', async () => {
    const sh = testShell();
    expect(await sh.run('set -e; if false; then :; fi; false || true; echo still; false; echo never')).toEqual({ stdout: 'still\n', stderr: '', status: 1 });
  });

  it('prints command not found and not-available messages', async () => {
    const sh = testShell();
    expect(await sh.run('nosuchcmd --x')).toEqual({ stdout: '', stderr: 'bash: nosuchcmd: command not found\n', status: 127 });
    expect(await sh.run('systemctl status')).toEqual({ stdout: '', stderr: "petlab: 'systemctl' is not available in this lab\n", status: 127 });
    expect(await sh.run('./nothere.sh')).toEqual({ stdout: '', stderr: 'bash: ./nothere.sh: No such file or directory\n', status: 127 });
  });

  it('runs script files with arguments', async () => {
    const sh = testShell();
    expect(await sh.run('printf \'echo "args: $# $1"\\nexit 5\\n\' > s.sh; chmod +x s.sh; ./s.sh one two; echo $?; bash s.sh x; echo $?')).toEqual(ok('args: 2 one\n5\nargs: 1 x\n5\n'));
  });

  // bash 5.2 on Debian 12: execve fails with EACCES for a file without an execute bit (also for root)
  it('refuses to run a script without an execute bit, as execve does', async () => {
    const sh = testShell();
    expect(await sh.run("echo 'echo hi' > s.sh; ./s.sh; echo $?; bash s.sh; /usr/bin/ls -d /tmp")).toEqual({
      stdout: '126\nhi\n/tmp\n',
      stderr: 'bash: ./s.sh: Permission denied\n',
      status: 0,
    });
    expect(await sh.run('chmod u+x s.sh; ./s.sh')).toEqual(ok('hi\n'));
  });

  it('refuses break and return outside a loop or function', async () => {
    expect(await testShell().run('break; echo after')).toEqual({ stdout: 'after\n', stderr: "bash: break: only meaningful in a `for', `while', or `until' loop\n", status: 0 });
    expect(await testShell().run('return 3')).toEqual({ stdout: '', stderr: "bash: return: can only `return' from a function or sourced script\n", status: 2 });
  });

  it('prints bash syntax errors with status 2', async () => {
    expect(await testShell().run('echo )')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `)'\n", status: 2 });
  });
});

describe('redirections and pipes', () => {
  it('writes, appends, reads and duplicates descriptors', async () => {
    const sh = testShell();
    expect(await sh.run('echo one > f; echo two >> f; cat < f; cat nope 2> err; cat err; cat nope 2>&1 | wc -l; echo x >&2')).toEqual({
      stdout: 'one\ntwo\ncat: nope: No such file or directory\n1\n',
      stderr: 'x\n',
      status: 0,
    });
    expect(await sh.run('ls nope &> both; cat both; echo hi > /dev/null; echo $?')).toEqual(ok("ls: cannot access 'nope': No such file or directory\n0\n"));
    expect(await sh.run('echo x > /nodir/f')).toEqual({ stdout: '', stderr: 'bash: /nodir/f: No such file or directory\n', status: 1 });
    expect(await sh.run('cat < missing')).toEqual({ stdout: '', stderr: 'bash: missing: No such file or directory\n', status: 1 });
  });

  it('feeds here-documents (expanded or quoted) and here-strings', async () => {
    const sh = testShell();
    expect(await sh.run('n=7; cat <<EOF\nn=$n $(echo sub)\nEOF\ncat <<\'EOF\'\nn=$n\nEOF\ncat <<-EOF\n\t\tindented\n\tEOF\ntr a-z A-Z <<< "here string"')).toEqual(ok('n=7 sub\nn=$n\nindented\nHERE STRING\n'));
  });

  it('streams through pipes and stops a writer whose reader exited', async () => {
    const sh = testShell();
    expect(await sh.run('seq 1000000 | head -3')).toEqual(ok('1\n2\n3\n'));
    expect(await sh.run('cat /etc/passwd | grep root | cut -d: -f1,7')).toEqual(ok('root:/bin/bash\n'));
  });

  it('streams each chunk through the pipe as it is written, not when the writer ends', async () => {
    const world = testShell().world;
    const sh = testShell({ world, clock: 'external' });
    const out = new BufferOutput();
    const done = sh.session.execute('(echo first; sleep 5; echo second) | grep -v nothing | cat', { stdout: out });
    while (!world.clock.hasForegroundWork()) await new Promise((resolve) => setTimeout(resolve, 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(out.text).toBe('first\n');
    world.advance(5000);
    expect(await done).toBe(0);
    expect(out.text).toBe('first\nsecond\n');
  });

  it('keeps subshells and pipeline stages from changing the shell', async () => {
    const sh = testShell();
    expect(await sh.run('x=1; (x=2; cd /tmp); echo $x $PWD; echo y | read v; echo "[$v]"')).toEqual(ok('1 /root\n[]\n'));
  });
});

describe('internal errors', () => {
  it('turns an exception inside a command into petlab: internal error', async () => {
    const sh = testShell();
    const { registry } = await import('../commands/registry.ts');
    (registry as Record<string, unknown>).explode = async () => ({ command: { name: 'explode', summary: '', run: async () => { throw new Error('boom'); } } });
    try {
      await sh.run('touch /usr/local/bin/explode'); // a program is a file in $PATH
      expect(await sh.run('explode; echo after $?')).toEqual({ stdout: 'after 1\n', stderr: 'petlab: internal error in explode: boom\n', status: 0 });
    } finally {
      delete (registry as Record<string, unknown>).explode;
    }
  });
});
