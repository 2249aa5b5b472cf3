/**
 * POSIX regular expressions (basic and extended, as grep/sed/awk take them) compiled by our own
 * matcher (lib/posix-regex): GNU's leftmost-longest semantics in linear time, so no pattern can
 * hang the shell the way JavaScript's backtracking RegExp can.
 */
import { PosixRegex, RegexBudgetError, RegexSyntaxError } from './posix-regex/index.ts';
import type { PosixRegexOptions } from './posix-regex/index.ts';

export { PosixRegex, RegexBudgetError };
export type { PosixMatch } from './posix-regex/index.ts';

/**
 * Compiles a POSIX regex (or several, as alternatives); returns the error message in glibc's
 * wording (`Unmatched [, [^, [:, [., or [=`, `Regular expression too big`) instead of throwing.
 */
export function compilePosix(re: string | readonly string[], options: PosixRegexOptions): PosixRegex | string {
  try {
    return PosixRegex.compile(re, options);
  } catch (e) {
    if (e instanceof RegexSyntaxError) return e.message;
    if (e instanceof RangeError) return 'stack overflow';
    throw e;
  }
}
