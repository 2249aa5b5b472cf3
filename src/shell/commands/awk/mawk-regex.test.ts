import { describe, expect, it } from 'vitest';
import { mawkRegexError } from './mawk-regex.ts';

// Expected messages: mawk's REerrlist (rexp.c) as its REcompile reaches them. The `*`, `x|+`,
// `\>||<`, `^(),` and `^(    |\t)()(…)` cases are real mawk output pasted in GitHub issues
// (TheTumultuousUnicornOfDarkness/CPU-X#91, noctuid/tdrop#49, dedetmix/INSAR_G2S#4,
// offensive-security/exploitdb#193, eth-p/bat-extras#33); the rest follow the C source by hand.
// Not asserted: a bare `()` (CHANGES 20130219 says mawk then allowed "empty ()", but the
// 20200120-era pastes above still fail `^(),`; the exact 2013 change is not in the sources we have).
describe('mawkRegexError (mawk 1.3.4 20200120)', () => {
  it.each([
    ['+x', 'missing operand'],
    ['*', 'missing operand'],
    ['?a', 'missing operand'],
    ['a|*b', 'missing operand'],
    ['(*a)', 'missing operand'],
    ['x|+', 'missing operand'],
    ['\\>||<', 'missing operand'],
    ['a|', 'missing operand'],
    ['^(),', 'missing operand'],
    ['^(    |\\t)()(description|snapshot).*', 'missing operand'],
    ['^*a', 'syntax error ^* or ^+'],
    ['^+', 'syntax error ^* or ^+'],
    ['(a', "missing ')'"],
    ['[a', 'bad class -- [], [^] or ['],
    ['[[:nope:]]', 'bad class -- [], [^] or ['],
  ])('%s: %s', (re, message) => {
    expect(mawkRegexError(re)).toBe(message);
  });

  it.each(['', 'x', 'a)', 'a**', '.+x', 'a{2}', '[]a]', '[^]a]b', '[[:alpha:]]+', '(a|b)*c$', '^$', '.* |"|)|;', 'x\\.y'])(
    '%s compiles',
    (re) => {
      expect(mawkRegexError(re)).toBeUndefined();
    },
  );
});
