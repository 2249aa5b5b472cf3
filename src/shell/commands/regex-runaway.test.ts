// Patterns that make a backtracking matcher (JavaScript's RegExp) run for ever must answer at
// once in grep, sed, awk and `[[ =~ ]]`, as GNU's DFA-based tools do; matches are POSIX
// leftmost-longest. Expected outputs follow GNU grep 3.8 / sed 4.9 / gawk 5.2 (Debian 12):
// "memory exhausted" is grep's xalloc_die text when glibc's matcher gives up on a back-reference
// pattern; sed's empty-match rule is the one its manual describes for s/x*/-/g.
import { describe, expect, it } from 'vitest';
import { describeCases } from '../testing/cases.ts';
import { testShell } from '../testing/run.ts';

const A = 'a'.repeat(36);

describeCases('regular expressions that backtrack catastrophically', [
  [`echo ${A}! | grep -E '(a+)+$'`, '', '', 1],
  [`echo ${A} | grep -E '(a+)+$'`, `${A}\n`, '', 0],
  [`echo ${A}! | grep '\\(a*\\)*$'`, `${A}!\n`, '', 0],
  [`echo ${A}! | grep -cE '^(a|a?)+$'`, '0\n', '', 1],
  [`echo ${A}! | sed -E 's/(a|aa)+$/x/'`, `${A}!\n`, '', 0],
  [`echo ${A} | sed -E 's/(a|aa)+$/x/'`, 'x\n', '', 0],
  [`echo ${A}! | awk '/(a*)*b/'`, '', '', 0],
  [`echo ${A}b | awk '/(a*)*b/ { print "found" }'`, 'found\n', '', 0],
  [`[[ ${A}! =~ (a+)+$ ]]; echo $?`, '1\n', '', 0],
  [`[[ x${A} =~ (a+)+$ ]] && echo "$BASH_REMATCH"`, `${A}\n`, '', 0],
  [`echo ${A}${A}! | grep '\\(a*\\)*\\1x'`, '', 'grep: memory exhausted\n', 2],
]);

describeCases('POSIX leftmost-longest matches', [
  ["echo abcd | sed 's/a\\|ab/X/'", 'Xcd\n', '', 0],
  ["echo abcd | grep -oE 'a|ab|abc'", 'abc\n', '', 0],
  ["echo baaac | sed 's/a*/x/g'", 'xbxcx\n', '', 0],
  ["echo abc | sed 's/x*/-/g'", '-a-b-c-\n', '', 0],
  ["echo 'foo bar' | awk '{ n = gsub(/o*/, \"0\"); print n, $0 }'", '6 0f0 0b0a0r0\n', '', 0],
  ["echo 'say hello' | awk '{ match($0, /l+|hel+o/); print RSTART, RLENGTH }'", '5 5\n', '', 0],
  ["echo 'xyzzy' | sed -n 's/\\(z*\\)y/[\\1]/gp'", 'x[][zz]\n', '', 0],
  ["echo 'a-b c' | grep -ow '[a-c]'", 'a\nb\nc\n', '', 0],
  ["printf 'ab\\nabab\\n' | grep -x -e ab -e '\\(ab\\)\\1'", 'ab\nabab\n', '', 0],
]);

describe('regex runaway bound', () => {
  it('every catastrophic pattern answers within a second of CPU', async () => {
    const sh = testShell();
    const long = 'a'.repeat(3_000);
    for (const line of [`echo ${long}! | grep -E '(a+)+$'`, `echo ${long}! | sed -E 's/(a|aa)+$/x/'`, `echo ${long}! | awk '/(a*)*b/'`, `[[ ${long}! =~ (a+)+$ ]]`]) {
      const started = performance.now();
      await sh.run(line);
      expect(performance.now() - started, line.slice(0, 40)).toBeLessThan(1_000);
    }
  });
});
