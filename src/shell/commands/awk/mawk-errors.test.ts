import { describe, expect, it } from 'vitest';
import { describeCases } from '../../testing/cases.ts';
import { dockerShell } from '../docker/testing.ts';

// How Debian 12's awk (mawk 1.3.4 20200120, run as `awk`, so error.c prints `awk:`) reports bad
// programs. Sources: mawk's error.c (compile_error `PROG: line N: `, rt_error with rt_where's
// `\tFILENAME="…" FNR=… NR=…`, yyerror's `missing } near`), re_cmpl.c (`regular expression
// compile failed (%s)\n%s`), scan.c (runaway string/regex, `%.10s ...`), init.c (-W options,
// `not an option`), version.c and CHANGES 20200828 (the -W version limits went to stdout only
// after 20200120). Checked against pasted real output: CPU-X#91 (`/*/`), tdrop#49 (`-F` at
// line 0), tmux-fingers#23 (the run-time form), a 20200120 `awk -W version` paste.
const V_OUT = 'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n';
const V_ERR = 'random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n';
// usage(): the text of a mawk 1.3.4 built between 2014 and 20200717 (-W posix_space, no -W
// posix/traditional) as a bioconda mawk 1.3.4 prints it; on stderr, status 0 (stderr until
// CHANGES 20200828 moved -W help to stdout; usage() ends in mawk_exit(0)).
const USAGE_HEAD = 'Usage: mawk [Options] [Program] [file ...]\n\nProgram:\n';
describeCases('awk as mawk: version, options and error wording', [
  ["printf 'ax\\n+x\\n' > m.txt", '', '', 0],
  ['awk -W version', V_OUT, V_ERR, 0],
  ['awk 2>&1 | head -3', USAGE_HEAD, '', 0],
  ['awk -W usage 2>&1 | tail -2', '    -W posix_space   do not consider "\\n" a space.\n    -W usage         show this message and exit.\n', '', 0],
  ['awk -Wh 2>/dev/null; echo $?', '0\n', '', 0],
  ['awk -Wv', V_OUT, V_ERR, 0],
  ['awk --version', '', 'awk: not an option: --version\n', 2],
  ["awk -W nosuch 'BEGIN { print 1 }'", '1\n', 'awk: vacuous option: -W nosuch\n', 0],
  ["awk '/+x/' m.txt", '', 'awk: line 1: regular expression compile failed (missing operand)\n+x\n', 2],
  ["awk '/*x/' m.txt", '', 'awk: line 1: regular expression compile failed (missing operand)\n*x\n', 2],
  ["awk '/^*x/' m.txt", '', 'awk: line 1: regular expression compile failed (syntax error ^* or ^+)\n^*x\n', 2],
  ["awk '/(x/' m.txt", '', "awk: line 1: regular expression compile failed (missing ')')\n(x\n", 2],
  // collect_RE reads on through a bracket expression, so the closing / is inside it
  ["awk '/[x/' m.txt", '', 'awk: line 1: runaway regular expression /[x/ ...\n', 2],
  ["awk '/[[:nope:]]/' m.txt", '', 'awk: line 1: regular expression compile failed (bad class -- [], [^] or [)\n[[:nope:]]\n', 2],
  // no interval expressions before 20200717: braces are characters
  ["echo 'a{2} aa' | awk '{ gsub(/a{2}/, \"X\"); print }'", 'X aa\n', '', 0],
  ["awk 'BEGIN { n = 0 }\n\n$0 ~ /a|*x/ { n++ }' m.txt", '', 'awk: line 3: regular expression compile failed (missing operand)\na|*x\n', 2],
  ["awk '/\\+x/' m.txt", '+x\n', '', 0],
  ["awk '/x)/' m.txt", '', '', 0],
  ["awk '$0 ~ \"+x\"' m.txt", '', 'awk: run time error: regular expression compile failed (missing operand)\n+x\n\tFILENAME="m.txt" FNR=1 NR=1\n', 2],
  ["awk 'BEGIN { if (\"a\" ~ \"(\") print }'", '', 'awk: run time error: regular expression compile failed (missing \')\')\n(\n\tFILENAME="" FNR=0 NR=0\n', 2],
  ["awk -F 'x|+' '{ print $1 }' m.txt", '', 'awk: line 0: regular expression compile failed (missing operand)\nx|+\n', 2],
  ["awk -F '+' '{ print $2 }' m.txt", '\nx\n', '', 0],
  ["awk '{ print \"abc }' m.txt", '', 'awk: line 1: runaway string constant "abc } ...\n', 2],
  ["awk '/abcdefghijklm' m.txt", '', 'awk: line 1: runaway regular expression /abcdefghij ...\n', 2],
  ["awk '{ print @ }' m.txt", '', "awk: 1: unexpected character '@'\n", 2],
  ["awk 'BEGIN { print (1 }'", '', 'awk: line 1: missing ) near }\n', 2],
  ["awk 'BEGIN { x = 1 }\n\nEND { print x ) }'", '', "awk: line 3: extra ')'\n", 2],
  ["awk 'BEGIN { x = 1 } }'", '', "awk: line 1: extra '}'\n", 2],
  ["awk 'BEGIN { x = 1\nprint x +\n}'", '', 'awk: line 2: syntax error at or near end of line\n', 2],
  ["awk '/[/]/' m.txt", '', '', 0],
  ["awk 'BEGIN { print 1/0, -1/0, 0/0, 5%0 }'", 'inf -inf -nan -nan\n', '', 0],
  // fcall.c resolve_fcalls: compile_error at the last line read
  ["awk 'BEGIN { x = 1\nfoo(x) }'", '', 'awk: line 2: function foo never defined\n', 2],
  ["awk 'BEGIN { print rand() }'", '', "petlab: awk's rand() is not available in this lab\n", 1],
  // what the lab does not run says so, before anything runs
  ["awk '{ print > \"x\" }' m.txt", '', "petlab: awk's output redirection is not available in this lab\n", 1],
  ["awk '{ getline; print }' m.txt", '', "petlab: awk's getline is not available in this lab\n", 1],
  // pasted from a real Ubuntu mawk (`ll | awk '{print $1 $-1}'`)
  ["awk '{ print $1 $-1 }' m.txt", '', 'awk: run time error: negative field index $-1\n\tFILENAME="m.txt" FNR=1 NR=1\n', 2],
]);

// Run as mawk (Debian images have /usr/bin/mawk behind the awk alternative), error.c prints the
// name it was run as: the brief's `mawk: line 1: …` form.
describe('mawk by its own name in a Debian image', () => {
  it('says mawk: in its messages', async () => {
    const sh = await dockerShell();
    await sh.run('docker run -d --name web nginx');
    expect(await sh.run("docker exec web mawk '/+x/' /etc/hostname")).toEqual({ stdout: '', stderr: 'mawk: line 1: regular expression compile failed (missing operand)\n+x\n', status: 2 });
    expect(await sh.run("docker exec web awk '/+x/' /etc/hostname")).toEqual({ stdout: '', stderr: 'awk: line 1: regular expression compile failed (missing operand)\n+x\n', status: 2 });
  });
});
