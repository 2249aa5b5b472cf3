// Shell patterns: the set-of-states matcher agrees with a RegExp translation on small random
// patterns, trims and replaces as bash does, and answers patterns that make a backtracking
// matcher run for hours (`*a*a*a*a*a*a*b` against a long run of a's).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCases } from '../testing/cases.ts';
import { testShell } from '../testing/run.ts';
import { compilePattern, matchPattern } from './pattern.ts';

const plain = (p: string) => compilePattern([...p].map((ch) => ({ ch, quoted: false })));

/** The reference: the pattern as an anchored RegExp (fine for short texts). */
function oracle(p: string): RegExp {
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') re += '[^]*';
    else if (c === '?') re += '[^]';
    else if (c === '[' && p.indexOf(']', i + 2) > 0) {
      const end = p.indexOf(']', i + 2);
      const body = p.slice(i + 1, end);
      re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else re += c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

describe('compilePattern', () => {
  it('agrees with an anchored RegExp on random patterns', () => {
    const token = fc.constantFrom('a', 'b', '*', '?', '[ab]', '[!a]', '[a-c]', '.');
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '.'), { maxLength: 9 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 7 }).map((t) => t.join('')), text, (p, s) => {
        expect(plain(p).test(s)).toBe(oracle(p).test(s));
        const prefixes = [...Array(s.length + 1).keys()].filter((l) => oracle(p).test(s.slice(0, l)));
        expect(plain(p).prefixLengths(s)).toEqual(prefixes);
        const suffixes = [...Array(s.length + 1).keys()].filter((l) => oracle(p).test(s.slice(s.length - l)));
        expect(plain(p).suffixLengths(s)).toEqual(suffixes);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('treats quoted characters, unclosed brackets and classes as bash does', () => {
    expect(compilePattern([{ ch: '*', quoted: true }]).test('*')).toBe(true);
    expect(compilePattern([{ ch: '*', quoted: true }]).test('x')).toBe(false);
    expect(matchPattern('[ab', '[ab')).toBe(true);
    expect(matchPattern('[[:digit:]]*', '7up')).toBe(true);
    expect(matchPattern('[![:digit:]]*', '7up')).toBe(false);
    expect(matchPattern('[]x]', ']')).toBe(true);
    expect(matchPattern('?', '💥')).toBe(true);
  });

  it('replaces the leftmost-longest match, or all of them', async () => {
    expect(await plain('b*').replace('abcabc', 'X', false)).toBe('aX');
    expect(await plain('b?').replace('abcabc', 'X', true)).toBe('aXaX');
    expect(await plain('*').replace('abc', 'X', true)).toBe('X');
  });
});

describeCases('shell patterns in commands', [
  ['x=aXbXc; echo ${x#*X} ${x##*X} ${x%X*} ${x%%X*}', 'bXc c aXb a\n', '', 0],
  ['x=abcabc; echo ${x/b*/-} ${x//b/-} ${x/#a/-} ${x/%c/-}', 'a- a-ca-c -bcabc abcab-\n', '', 0],
  ['case hello in h*o) echo yes;; esac; [[ hello == h?ll* ]] && echo yes2', 'yes\nyes2\n', '', 0],
]);

describe('patterns that make a backtracking matcher run for hours', () => {
  it('answer at once in [[ == ]], case and ${v#…}', async () => {
    const sh = testShell();
    const a = 'a'.repeat(2_000);
    const started = performance.now();
    expect(await sh.run(`[[ ${a} == *a*a*a*a*a*a*a*a*b ]]; echo $?`)).toEqual({ stdout: '1\n', stderr: '', status: 0 });
    expect(await sh.run(`case ${a} in *a*a*a*a*a*a*a*b) echo y;; *) echo n;; esac`)).toEqual({ stdout: 'n\n', stderr: '', status: 0 });
    expect(await sh.run(`x=${a}; y=\${x#*a*a*a*a*a*a*b}; echo \${#y}`)).toEqual({ stdout: '2000\n', stderr: '', status: 0 });
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);
});
