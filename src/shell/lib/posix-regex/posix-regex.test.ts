// The POSIX matcher: GNU syntax (BRE/ERE), leftmost-longest matches, glibc's error wording,
// back-references on the bounded backtracker, and linear time on patterns that make
// JavaScript's RegExp backtrack for ever.
import { describe, expect, it } from 'vitest';
import { PosixRegex, RegexBudgetError } from './index.ts';
import type { PosixRegexOptions } from './index.ts';

const ere = (p: string | string[], o: PosixRegexOptions = {}) => PosixRegex.compile(p, { extended: true, ...o });
const bre = (p: string, o: PosixRegexOptions = {}) => PosixRegex.compile(p, { extended: false, ...o });
const found = (r: PosixRegex, s: string) => {
  const m = r.exec(s);
  return m && { text: m[0], index: m.index, groups: [...m].slice(1) };
};
const syntaxError = (p: string, extended: boolean): string => {
  try {
    PosixRegex.compile(p, { extended });
    return 'compiled';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('leftmost-longest matching', () => {
  it('prefers the longest alternative at the leftmost start, unlike JavaScript', () => {
    expect(found(ere('a|ab|abc'), 'xabcd')).toEqual({ text: 'abc', index: 1, groups: [] });
    expect(/a|ab|abc/.exec('xabcd')?.[0]).toBe('a');
    expect(found(ere('(a|ab)(c|bcd)'), 'abcd')).toEqual({ text: 'abcd', index: 0, groups: ['a', 'bcd'] });
  });

  it('takes the leftmost start even when a later match is longer', () => {
    expect(found(ere('b+|a'), 'abbbb')).toEqual({ text: 'a', index: 0, groups: [] });
  });

  it('reports groups that took no part as undefined', () => {
    expect(found(ere('(x)?(a)'), 'a')).toEqual({ text: 'a', index: 0, groups: [undefined, 'a'] });
  });

  it('matches code points, not UTF-16 units', () => {
    expect(found(ere('^.$'), '💥')).toEqual({ text: '💥', index: 0, groups: [] });
  });
});

describe('BRE and ERE syntax', () => {
  it('BRE operators are escaped, the bare characters literal', () => {
    expect(found(bre('ch\\(er\\)\\+ry'), 'cherry')).toEqual({ text: 'cherry', index: 0, groups: ['er'] });
    expect(found(bre('a+(b)|c'), 'xa+(b)|c')).toEqual({ text: 'a+(b)|c', index: 1, groups: [] });
    expect(found(bre('x\\{2,3\\}'), 'xxxxx')).toEqual({ text: 'xxx', index: 0, groups: [] });
    expect(found(bre('a\\|b'), 'b')).toEqual({ text: 'b', index: 0, groups: [] });
  });

  it('a leading * is literal, in BRE also after ^ and \\(', () => {
    expect(found(bre('*a'), 'x*a')?.text).toBe('*a');
    expect(found(bre('^*a'), '*a')?.text).toBe('*a');
    expect(found(bre('\\(*\\)'), '*')?.text).toBe('*');
    expect(found(ere('*a'), 'x*a')?.text).toBe('*a');
  });

  it("BRE's ^ and $ anchor only at the ends of a branch", () => {
    expect(found(bre('a^b$c'), 'a^b$c')?.text).toBe('a^b$c');
    expect(found(bre('^ab$'), 'ab')?.text).toBe('ab');
    expect(bre('\\(^a\\)').test('ba')).toBe(false);
    expect(ere('a^b').test('a^b')).toBe(false);
  });

  it('an ERE brace that starts no interval is literal', () => {
    expect(found(ere('a{x'), 'a{x')?.text).toBe('a{x');
    expect(found(ere('a{,2}'), 'aaa')?.text).toBe('aa');
    expect(found(ere('{1}'), '{1}')?.text).toBe('{1}');
  });

  it('bracket expressions: classes, ranges, ] first, backslash literal', () => {
    expect(found(ere('[[:digit:]]+'), 'ab123c')?.text).toBe('123');
    expect(found(ere('[]a]+'), 'x]a]y')?.text).toBe(']a]');
    expect(found(ere('[^[:space:]]+'), '  hi there')?.text).toBe('hi');
    expect(found(ere('[a\\]+'), 'x\\a\\')?.text).toBe('\\a\\');
    expect(found(ere('[a-c]+', { ignoreCase: true }), 'xABCd')?.text).toBe('ABC');
  });

  it("GNU's \\w \\s \\b \\< \\> and grep's -w and -x", () => {
    expect(found(ere('\\<c\\w+'), 'a cat')?.text).toBe('cat');
    expect(found(ere('t\\>'), 'tot at')?.index).toBe(2);
    expect(ere('\\bat\\b').test('cat')).toBe(false);
    expect(found(ere('\\S+\\s'), 'ab c')?.text).toBe('ab ');
    expect(ere('pie', { word: true }).test('apple pies')).toBe(false);
    expect(found(ere('pie', { word: true }), 'pies pie')?.index).toBe(5);
    expect(ere('a+', { line: true }).test('aab')).toBe(false);
    expect(ere(['x', 'aa'], { line: true }).test('aa')).toBe(true);
  });

  it('fixed strings match literally', () => {
    expect(found(PosixRegex.compile('a.*', { fixed: true }), 'ab a.*')?.index).toBe(3);
  });

  it("glibc's messages for bad patterns", () => {
    expect(syntaxError('[a', false)).toBe('Unmatched [, [^, [:, [., or [=');
    expect(syntaxError('(a', true)).toBe('Unmatched ( or \\(');
    expect(syntaxError('\\(a', false)).toBe('Unmatched ( or \\(');
    expect(syntaxError('a)', true)).toBe('Unmatched ) or \\)');
    expect(syntaxError('a\\{1', false)).toBe('Unmatched \\{');
    expect(syntaxError('a{2,1}', true)).toBe('Invalid content of \\{\\}');
    expect(syntaxError('a{99999}', true)).toBe('Regular expression too big');
    expect(syntaxError('a\\', true)).toBe('Trailing backslash');
    expect(syntaxError('\\(a\\)\\2', false)).toBe('Invalid back reference');
    expect(syntaxError('[[:foo:]]', true)).toBe('Invalid character class name');
    expect(syntaxError('[z-a]', true)).toBe('Invalid range end');
    expect(syntaxError('(a{1000}){1000}', true)).toBe('Regular expression too big');
    expect(syntaxError('('.repeat(5000), true)).toBe('stack overflow');
  });
});

describe('successive matches (s///g, gsub, grep -o)', () => {
  it('skips an empty match right after a match, as GNU sed does', () => {
    expect(bre('a*').replace('baaac', () => 'x', { global: true })).toEqual({ text: 'xbxcx', count: 3 });
    expect(bre('x*').replace('abc', () => '-', { global: true })).toEqual({ text: '-a-b-c-', count: 4 });
  });

  it('replaces only the nth match, or the nth and later with global', () => {
    expect(bre('o').replace('foo boo', () => '0', { nth: 3 }).text).toBe('foo b0o');
    expect(bre('o').replace('foo boo', () => '0', { nth: 2, global: true }).text).toBe('fo0 b00');
  });

  it('splits around non-empty matches', () => {
    expect(ere('[,;]+').split('a,;b,,c;')).toEqual(['a', 'b', 'c', '']);
  });
});

describe('back-references', () => {
  it('match the text their group matched', () => {
    expect(found(bre('\\(a*\\)b\\1'), 'xaabaaa')).toEqual({ text: 'aabaa', index: 1, groups: ['aa'] });
    expect(found(ere('(.)\\1'), 'abccd')?.text).toBe('cc');
    expect(found(bre('\\(ab\\)\\1', { ignoreCase: true }), 'abAB')?.text).toBe('abAB');
  });

  it('are plain digits where the tool has none (awk)', () => {
    expect(found(ere('(a)\\1', { noBackrefs: true }), 'a1')?.text).toBe('a1');
  });

  it('give up with RegexBudgetError instead of running for ever', () => {
    const started = performance.now();
    expect(() => bre('\\(a*\\)*\\1x').test(`${'a'.repeat(40)}!`)).toThrow(RegexBudgetError);
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);
});

describe('linear time', () => {
  it('answers patterns that make JavaScript backtrack catastrophically', () => {
    const line = `${'a'.repeat(5_000)}!`;
    const started = performance.now();
    expect(ere('(a+)+$').test(line)).toBe(false);
    expect(ere('(a|aa)+$').exec(line)).toBe(null);
    expect(ere('(a*)*b').test(line)).toBe(false);
    expect(ere('(x+x+)+y').test('x'.repeat(5_000))).toBe(false);
    expect(ere('(.*a){20}').exec(line)?.[0]).toBe('a'.repeat(5_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('gives up with RegexBudgetError when input × pattern is huge', () => {
    const huge = '../'.repeat(5_000);
    const started = performance.now();
    expect(() => bre(huge).test(huge)).toThrow(RegexBudgetError);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('searches literal patterns as strings, however long', () => {
    const long = 'x'.repeat(100_000);
    expect(bre(long).test(`${long}y`)).toBe(true);
    expect(found(PosixRegex.compile(['b', 'abc', 'ab']), 'xxabcd')).toEqual({ text: 'abc', index: 2, groups: [] });
    expect(found(PosixRegex.compile(''), 'abc')).toEqual({ text: '', index: 0, groups: [] });
  });
});

// Expected behaviour recorded from Debian 12's GNU grep 3.8 (LC_ALL=C); whole-command cases are in
// commands/grep/dangling-ops.test.ts. Without `grep` (sed, awk, `[[ =~ ]]`) nothing changes.
describe('repetition operators with nothing to repeat (grep option)', () => {
  const grepEre = (p: string) => {
    const warnings: string[] = [];
    const r = ere(p, { grep: true, warnings });
    return { warnings, match: found(r, 'x*a{1}ab') };
  };

  it('applies a leading ERE operator to nothing, one warning per operator', () => {
    expect(grepEre('*a')).toEqual({ warnings: ['* at start of expression'], match: { text: 'a', index: 2, groups: [] } });
    expect(grepEre('b|+?a')).toEqual({ warnings: ['+ at start of expression', '? at start of expression'], match: { text: 'a', index: 2, groups: [] } });
    expect(grepEre('({1,2}a)')).toEqual({ warnings: ['{...} at start of expression'], match: { text: 'a', index: 2, groups: ['a'] } });
    expect(grepEre('a**')).toEqual({ warnings: [], match: { text: '', index: 0, groups: [] } });
  });

  it('repeats an anchor: ^* is an optional ^, ^+ stays ^', () => {
    expect(grepEre('^*a')).toEqual({ warnings: ['* at start of expression'], match: { text: 'a', index: 2, groups: [] } });
    expect(grepEre('^+a')).toEqual({ warnings: ['+ at start of expression'], match: null });
    expect(grepEre('x^*\\*')).toEqual({ warnings: [], match: { text: 'x*', index: 0, groups: [] } });
  });

  it("refuses *, + or ? right before ) as glibc does, but not {…}", () => {
    expect(() => ere('(a|*)', { grep: true })).toThrow('Unmatched ( or \\(');
    expect(() => ere('(^+)', { grep: true })).toThrow('Unmatched ( or \\(');
    expect(grepEre('({1})').warnings).toEqual(['{...} at start of expression']);
  });

  it('reads a leading BRE \\{ as a literal {', () => {
    expect(found(bre('\\{1\\}a', { grep: true }), 'x{1}a')).toEqual({ text: '{1}a', index: 1, groups: [] });
    expect(syntaxError('\\{1\\}a', false)).toBe('Invalid preceding regular expression');
  });

  it('keeps a leading * literal without the option', () => {
    expect(found(ere('*a'), 'x*a')).toEqual({ text: '*a', index: 1, groups: [] });
    expect(found(ere('(+a)'), 'x+a')).toEqual({ text: '+a', index: 1, groups: ['+a'] });
  });
});
