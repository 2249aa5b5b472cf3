import { describe, expect, it } from 'vitest';
import { glibcInterval } from './interval.ts';

// Expected readings follow glibc 2.36 posix/regcomp.c (parse_dup_op, fetch_number) step by step.
describe('glibcInterval', () => {
  it('reads {n}, {n,}, {,m} and {n,m} with the index after the brace', () => {
    expect(glibcInterval('a{3}b', 1, true)).toEqual({ min: 3, max: 3, next: 4 });
    expect(glibcInterval('a{3,}', 1, true)).toEqual({ min: 3, max: -1, next: 5 });
    expect(glibcInterval('a{,2}', 1, true)).toEqual({ min: 0, max: 2, next: 5 });
    expect(glibcInterval('a\\{1,2\\}', 1, false)).toEqual({ min: 1, max: 2, next: 8 });
  });

  it("errs as regcomp does: end of pattern is 'Unmatched \\{', other junk 'Invalid content'", () => {
    const err = (src: string, ere = true) => {
      try {
        glibcInterval(src, 1, ere);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(err('x{a')).toBe('Unmatched \\{');
    expect(err('x{1,2')).toBe('Unmatched \\{');
    expect(err('x{a}')).toBe('Invalid content of \\{\\}');
    expect(err('x{}')).toBe('Invalid content of \\{\\}');
    expect(err('x{a,}')).toBe('Invalid content of \\{\\}');
    expect(err('x{3,2}')).toBe('Invalid content of \\{\\}');
    expect(err('x{99999}')).toBe('Regular expression too big');
    expect(err('x\\{1}', false)).toBe('Unmatched \\{');
  });
});
