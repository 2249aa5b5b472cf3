/**
 * Bracket expressions (`[a-z]`, `[^[:digit:]_]`, `[]x]`) and the character classes POSIX names,
 * parsed into a code-point predicate. A backslash is an ordinary character inside brackets, as
 * POSIX says and GNU grep/sed do.
 */
import { RegexSyntaxError } from './ast.ts';

const UNMATCHED = 'Unmatched [, [^, [:, [., or [=';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** POSIX character classes; non-ASCII code points follow Unicode's categories. */
export const CLASSES: Record<string, (cp: number) => boolean> = {
  alpha: (cp) => (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a || (cp > 0x7f && unicode(cp, /\p{L}/u)),
  digit: (cp) => cp >= 0x30 && cp <= 0x39,
  alnum: (cp) => CLASSES.alpha(cp) || CLASSES.digit(cp),
  upper: (cp) => (cp >= 0x41 && cp <= 0x5a) || (cp > 0x7f && unicode(cp, /\p{Lu}/u)),
  lower: (cp) => (cp >= 0x61 && cp <= 0x7a) || (cp > 0x7f && unicode(cp, /\p{Ll}/u)),
  space: (cp) => cp === 0x20 || (cp >= 0x09 && cp <= 0x0d),
  blank: (cp) => cp === 0x20 || cp === 0x09,
  punct: (cp) => cp < 0x80 && ASCII_PUNCT.test(String.fromCharCode(cp)),
  xdigit: (cp) => CLASSES.digit(cp) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x66),
  print: (cp) => (cp >= 0x20 && cp < 0x7f) || (cp > 0x9f && !unicode(cp, /\p{C}/u)),
  graph: (cp) => (cp > 0x20 && cp < 0x7f) || (cp > 0x9f && !unicode(cp, /[\p{C}\p{Z}]/u)),
  cntrl: (cp) => cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f),
};

function unicode(cp: number, re: RegExp): boolean {
  return re.test(String.fromCodePoint(cp));
}

/**
 * Parses the bracket expression whose `[` is at `src[start]`; returns its predicate and the index
 * after its `]`. Throws RegexSyntaxError with glibc's wording for an unterminated bracket, an
 * unknown class name or a reversed range.
 */
export function parseBracket(src: string, start: number): { test: (cp: number) => boolean; next: number } {
  let i = start + 1;
  let negate = false;
  if (src[i] === '^') {
    negate = true;
    i++;
  }
  const ranges: number[] = [];
  const classes: ((cp: number) => boolean)[] = [];
  let first = true;
  // one element: a character, [.c.] or [=c=] (a code point), or [:name:] (a class)
  const element = (): number | ((cp: number) => boolean) => {
    if (i >= src.length) throw new RegexSyntaxError(UNMATCHED);
    if (src[i] === '[' && (src[i + 1] === ':' || src[i + 1] === '.' || src[i + 1] === '=')) {
      const kind = src[i + 1];
      const end = src.indexOf(`${kind}]`, i + 2);
      if (end < 0) throw new RegexSyntaxError(UNMATCHED);
      const name = src.slice(i + 2, end);
      i = end + 2;
      if (kind === ':') {
        const cls = CLASSES[name];
        if (!cls) throw new RegexSyntaxError('Invalid character class name');
        return cls;
      }
      const cp = name.codePointAt(0);
      if (cp === undefined || String.fromCodePoint(cp).length !== name.length) throw new RegexSyntaxError('Invalid collation character');
      return cp;
    }
    const cp = src.codePointAt(i) as number;
    i += cp > 0xffff ? 2 : 1;
    return cp;
  };
  for (;;) {
    if (i >= src.length) throw new RegexSyntaxError(UNMATCHED);
    if (src[i] === ']' && !first) break;
    first = false;
    const lo = element();
    if (typeof lo === 'function') {
      classes.push(lo);
      continue;
    }
    if (src[i] === '-' && i + 1 < src.length && src[i + 1] !== ']') {
      i++;
      const hi = element();
      if (typeof hi === 'function' || hi < lo) throw new RegexSyntaxError('Invalid range end');
      ranges.push(lo, hi);
    } else ranges.push(lo, lo);
  }
  const test = (cp: number): boolean => {
    for (let r = 0; r < ranges.length; r += 2) if (cp >= ranges[r] && cp <= ranges[r + 1]) return true;
    for (const c of classes) if (c(cp)) return true;
    return false;
  };
  return { test: negate ? (cp) => !test(cp) : test, next: i + 1 };
}
