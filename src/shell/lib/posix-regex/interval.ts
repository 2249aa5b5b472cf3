/**
 * glibc regcomp's reading of an interval (`{m,n}` in an ERE, `\{m,n\}` in a BRE), errors and
 * all: posix/regcomp.c `parse_dup_op` with its helper `fetch_number` (glibc 2.36, Debian 12),
 * for a syntax without RE_INVALID_INTERVAL_ORD (GNU sed, BRE everywhere).
 */
import { RegexSyntaxError } from './ast.ts';

/** glibc's RE_DUP_MAX: the largest count an interval may name. */
export const DUP_MAX = 0x7fff;

type Stop = 'close' | 'comma' | 'end';

/**
 * fetch_number: reads tokens from `i` until the closing brace, a comma or the end of the
 * pattern. `num` is -1 when no digit came, -2 when anything else did (a letter, a stray `\{`);
 * the end of the pattern always gives -2.
 */
function fetchNumber(src: string, i: number, ere: boolean): { num: number; stop: Stop; next: number } {
  let num = -1;
  for (;;) {
    if (i >= src.length) return { num: -2, stop: 'end', next: i };
    let c = src[i];
    let plain = true;
    if (c === '\\' && i + 1 < src.length) {
      c = src[i + 1];
      i += 2;
      if (!ere && c === '}') return { num, stop: 'close', next: i };
      // an escaped character is a CHARACTER token in both syntaxes, but `\,` still stops (opr.c is ',')
      plain = ere || c === ',' || !/[1-9]/.test(c);
    } else {
      i++;
      if (ere && c === '}') return { num, stop: 'close', next: i };
    }
    if (c === ',') return { num, stop: 'comma', next: i };
    const digit = plain && c >= '0' && c <= '9';
    num = !digit || num === -2 ? -2 : num === -1 ? Number(c) : Math.min(DUP_MAX + 1, num * 10 + Number(c));
  }
}

/**
 * Reads the interval whose opening brace (`{` or `\{`) is at `open`; returns its bounds (`max`
 * -1 for no upper bound) and the index after its closing brace. Throws RegexSyntaxError with
 * glibc's message: `Unmatched \{` when the pattern ends inside it, `Invalid content of \{\}`
 * for anything else malformed (`{a}`, `{}`, `{2,1}`), `Regular expression too big` past
 * RE_DUP_MAX.
 */
export function glibcInterval(src: string, open: number, ere: boolean): { min: number; max: number; next: number } {
  const first = fetchNumber(src, open + (ere ? 1 : 2), ere);
  let start = first.num;
  let stop = first.stop;
  let next = first.next;
  if (start === -1) {
    if (stop !== 'comma') throw new RegexSyntaxError('Invalid content of \\{\\}');
    start = 0; // "{,m}" is "{0,m}"
  }
  let end = -2;
  if (start !== -2) {
    if (stop === 'close') end = start;
    else if (stop === 'comma') {
      const second = fetchNumber(src, next, ere);
      end = second.num;
      stop = second.stop;
      next = second.next;
    }
  }
  if (start === -2 || end === -2) throw new RegexSyntaxError(stop === 'end' ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
  if ((end !== -1 && start > end) || stop !== 'close') throw new RegexSyntaxError('Invalid content of \\{\\}');
  if (DUP_MAX < (end === -1 ? start : end)) throw new RegexSyntaxError('Regular expression too big');
  return { min: start, max: end, next };
}
