/**
 * The syntax tree of a POSIX regular expression (BRE or ERE, with GNU's extensions), shared by
 * the parser, the compiler and the matchers. Characters are Unicode code points.
 */

/** A zero-width test at a position: line/buffer edges and GNU's word-boundary operators. */
export type AssertKind =
  | 'bol' // ^
  | 'eol' // $
  | 'word-boundary' // \b
  | 'not-word-boundary' // \B
  | 'word-start' // \<
  | 'word-end' // \>
  | 'no-word-before' // grep -w: the character before is not a word character
  | 'no-word-after'; // grep -w: the character after is not a word character

/** One node of the tree. `rep.max` is -1 for no upper bound. */
export type RegexNode =
  | { k: 'char'; test: (cp: number) => boolean; lit?: number }
  | { k: 'assert'; a: AssertKind }
  | { k: 'group'; n: number; body: RegexNode }
  | { k: 'cat'; items: RegexNode[] }
  | { k: 'alt'; alts: RegexNode[] }
  | { k: 'rep'; body: RegexNode; min: number; max: number }
  | { k: 'backref'; n: number };

/** A parsed pattern: its tree, how many groups it captures, and whether it refers back to one. */
export interface ParsedRegex {
  root: RegexNode;
  groups: number;
  backrefs: boolean;
}

/** A pattern error; `message` is glibc's regerror wording, which GNU grep/sed print. */
export class RegexSyntaxError extends Error {}

/** A search gave up past its step budget; commands print GNU grep's `memory exhausted`. */
export class RegexBudgetError extends Error {
  constructor() {
    super('memory exhausted');
  }
}

/** Whether `cp` is a word character for `\b \< \> \w` and `grep -w` (GNU: alnum and `_`). */
export function isWordChar(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f || (cp > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp)));
}

/**
 * The longest string every match of `n` must contain (to skip lines without it cheaply), or ''.
 */
export function requiredLiteral(n: RegexNode): string {
  switch (n.k) {
    case 'char':
      return n.lit === undefined ? '' : String.fromCodePoint(n.lit);
    case 'group':
      return requiredLiteral(n.body);
    case 'rep':
      return n.min >= 1 ? requiredLiteral(n.body) : '';
    case 'cat': {
      let best = '';
      let run = '';
      for (const item of n.items) {
        if (item.k === 'char' && item.lit !== undefined) {
          run += String.fromCodePoint(item.lit);
          if (run.length > best.length) best = run;
          continue;
        }
        if (item.k !== 'assert') run = '';
        const inner = requiredLiteral(item);
        if (inner.length > best.length) best = inner;
      }
      return best;
    }
    default:
      return '';
  }
}

/** Whether any node under `n` can only match with a back-reference (so needs the backtracker). */
export function usesBackrefs(n: RegexNode): boolean {
  switch (n.k) {
    case 'backref':
      return true;
    case 'group':
    case 'rep':
      return usesBackrefs(n.body);
    case 'cat':
      return n.items.some(usesBackrefs);
    case 'alt':
      return n.alts.some(usesBackrefs);
    default:
      return false;
  }
}
