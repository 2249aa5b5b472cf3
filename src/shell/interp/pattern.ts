/**
 * Shell patterns (`*`, `?`, `[…]`, `[[:alpha:]]`) for globbing, `case`, `[[ == ]]` and
 * `${var#pat}`: matched by a set-of-states simulation in O(text × pattern) time, so no pattern
 * can hang the shell (`*a*a*a*a*b` made a backtracking RegExp run for hours). A pattern is given
 * as segments saying which characters were quoted (a quoted `*` is literal).
 */
import { trackLoad } from '../commands/registry.ts';
import { CLASSES } from '../lib/posix-regex/bracket.ts';
import type { RegexNode } from '../lib/posix-regex/ast.ts';
import type { PosixRegex } from '../lib/posix-regex/index.ts';

export interface PatternChar {
  ch: string;
  quoted: boolean;
}

/** One position of a pattern: a star, or a test for one character. */
type Token = { star: true } | { star: false; test: (cp: number) => boolean; lit?: number };

/** A compiled shell pattern. */
export interface ShellPattern {
  /** Whether the whole of `text` matches. */
  test(text: string): boolean;
  /** The lengths (UTF-16 units, ascending) of the prefixes of `text` that match (`${v#p}`). */
  prefixLengths(text: string): number[];
  /** The lengths (ascending) of the suffixes of `text` that match (`${v%p}`). */
  suffixLengths(text: string): number[];
  /**
   * Replaces the leftmost-longest match, or every match (`${v/p/r}`, `${v//p/r}`). Loads the
   * POSIX matcher on first use (it stays out of the page's initial script).
   */
  replace(text: string, replacement: string, all: boolean): Promise<string>;
}

/** True if the pattern has an unquoted `*`, `?` or `[`. */
export function hasGlobChars(chars: readonly PatternChar[]): boolean {
  return chars.some((c) => !c.quoted && (c.ch === '*' || c.ch === '?' || c.ch === '['));
}

/** Compiles a pattern. An unmatched `[` is a literal bracket; an unknown class matches nothing. */
export function compilePattern(chars: readonly PatternChar[]): ShellPattern {
  const tokens = tokenize(chars);
  const reversed = [...tokens].reverse();
  let regex: PosixRegex | undefined;
  return {
    test: (text) => matchEnds(tokens, [...text]).at(-1) === true,
    prefixLengths: (text) => lengths(matchEnds(tokens, [...text]), [...text]),
    suffixLengths: (text) => lengths(matchEnds(reversed, [...text].reverse()), [...text].reverse()),
    async replace(text, replacement, all) {
      // a tracked load: the session's clock waits for it instead of taking a slow import for a hang
      const { PosixRegex, RegexBudgetError } = await trackLoad(() => import('../lib/posix-regex/index.ts'));
      regex ??= PosixRegex.fromTree(toTree(tokens));
      try {
        return regex.replace(text, () => replacement, { global: all }).text;
      } catch (e) {
        // a search past its step budget (a huge value and pattern): leave the value as it is
        if (e instanceof RegexBudgetError) return text;
        throw e;
      }
    },
  };
}

/** Matches `text` against an unquoted pattern string (for `case` and `[[ == ]]`-like uses). */
export function matchPattern(pattern: string, text: string): boolean {
  return compilePattern([...pattern].map((ch) => ({ ch, quoted: false }))).test(text);
}

function tokenize(chars: readonly PatternChar[]): Token[] {
  const tokens: Token[] = [];
  const literal = (ch: string): Token => {
    const cp = ch.codePointAt(0) as number;
    return { star: false, test: (c) => c === cp, lit: cp };
  };
  for (let i = 0; i < chars.length; i++) {
    const { ch, quoted } = chars[i];
    if (quoted) tokens.push(literal(ch));
    else if (ch === '*') {
      if (!tokens.at(-1)?.star) tokens.push({ star: true });
    } else if (ch === '?') tokens.push({ star: false, test: () => true });
    else if (ch === '[') {
      const set = bracket(chars, i);
      if (set) {
        tokens.push({ star: false, test: set.test });
        i = set.end;
      } else tokens.push(literal(ch));
    } else tokens.push(literal(ch));
  }
  return tokens;
}

/** The bracket expression opening at `start`, or undefined when it has no closing `]`. */
function bracket(chars: readonly PatternChar[], start: number): { test: (cp: number) => boolean; end: number } | undefined {
  let j = start + 1;
  let negate = false;
  if (j < chars.length && (chars[j].ch === '!' || chars[j].ch === '^') && !chars[j].quoted) {
    negate = true;
    j++;
  }
  const ranges: number[] = [];
  const classes: ((cp: number) => boolean)[] = [];
  for (let first = true; j < chars.length; j++, first = false) {
    const c = chars[j];
    if (c.ch === ']' && !c.quoted && !first) {
      const test = (cp: number) => {
        for (let r = 0; r < ranges.length; r += 2) if (cp >= ranges[r] && cp <= ranges[r + 1]) return true;
        return classes.some((f) => f(cp));
      };
      return { test: negate ? (cp) => !test(cp) : test, end: j };
    }
    if (c.ch === '[' && !c.quoted && chars[j + 1]?.ch === ':') {
      const rest = chars.slice(j + 2).map((x) => x.ch).join('');
      const close = rest.indexOf(':]');
      if (close >= 0) {
        classes.push(CLASSES[rest.slice(0, close)] ?? (() => false));
        j += close + 3;
        continue;
      }
    }
    const lo = c.ch.codePointAt(0) as number;
    if (chars[j + 1]?.ch === '-' && !chars[j + 1].quoted && j + 2 < chars.length && chars[j + 2].ch !== ']') {
      ranges.push(lo, chars[j + 2].ch.codePointAt(0) as number);
      j += 2;
    } else ranges.push(lo, lo);
  }
  return undefined;
}

/** ends[k]: whether the first k code points of `cps` match the whole pattern. */
function matchEnds(tokens: readonly Token[], cps: readonly string[]): boolean[] {
  const m = tokens.length;
  let on = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  // a state past a star is also reached without consuming anything
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) if (set[i] && tokens[i].star) set[i + 1] = 1;
  };
  on[0] = 1;
  close(on);
  const ends = [on[m] === 1];
  for (const ch of cps) {
    const cp = ch.codePointAt(0) as number;
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (!on[i]) continue;
      const t = tokens[i];
      if (t.star) next[i] = 1;
      else if (t.test(cp)) next[i + 1] = 1;
      else continue;
      any = true;
    }
    close(next);
    [on, next] = [next, on];
    ends.push(on[m] === 1);
    if (!any) {
      // no state left: no longer prefix can match
      for (let k = ends.length; k <= cps.length; k++) ends.push(false);
      break;
    }
  }
  return ends;
}

function lengths(ends: readonly boolean[], cps: readonly string[]): number[] {
  const out: number[] = [];
  let units = 0;
  for (let k = 0; k < ends.length; k++) {
    if (ends[k]) out.push(units);
    if (k < cps.length) units += cps[k].length;
  }
  return out;
}

function toTree(tokens: readonly Token[]): RegexNode {
  const any: RegexNode = { k: 'char', test: () => true };
  return {
    k: 'cat',
    items: tokens.map((t): RegexNode => (t.star ? { k: 'rep', body: any, min: 0, max: -1 } : { k: 'char', test: t.test, lit: t.lit })),
  };
}
