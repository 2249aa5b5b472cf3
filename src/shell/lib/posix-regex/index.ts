/**
 * POSIX regular expressions for grep, sed, awk and `[[ =~ ]]`, matched the way GNU tools match
 * them (leftmost-longest) in time linear in the input: patterns run on a Pike VM, and only
 * patterns with back-references on a backtracker with a step budget. JavaScript's RegExp is not
 * used for user patterns, since its backtracking can block the thread for ever (`(a+)+$`).
 */
import { RegexSyntaxError, usesBackrefs } from './ast.ts';
import type { ParsedRegex, RegexNode } from './ast.ts';
import { backtrackSearch, RegexBudgetError } from './backtrack.ts';
import { compileProgram } from './compile.ts';
import type { Program } from './compile.ts';
import { literalRegex, parseRegex } from './parse.ts';
import { pikeSearch } from './pike.ts';

export { RegexBudgetError, RegexSyntaxError };

/** A match: `[0]` the matched text, `[n]` group n (undefined when it took no part), with its span. */
export type PosixMatch = (string | undefined)[] & { 0: string; index: number; end: number };

/** Options of {@link PosixRegex.compile}. */
export interface PosixRegexOptions {
  /** ERE rather than BRE. @default false */
  extended?: boolean;
  /** Letters match either case. @default false */
  ignoreCase?: boolean;
  /** Each pattern is a literal string (grep -F). @default false */
  fixed?: boolean;
  /** Only matches that are whole words (grep -w). @default false */
  word?: boolean;
  /** Only matches of the whole line (grep -x). @default false */
  line?: boolean;
  /** `\1`…`\9` are plain digits, not back-references (awk). @default false */
  noBackrefs?: boolean;
  /** GNU grep's reading of a repetition operator with nothing to repeat (see ParseOptions.grep). @default false */
  grep?: boolean;
  /** sed -E: a leading ERE repetition operator is an error (see ParseOptions.strictRepeat). @default false */
  strictRepeat?: boolean;
  /** Receives grep's warnings (`* at start of expression`), one per operator, in pattern order. */
  warnings?: string[];
}

/** A compiled POSIX pattern. Methods throw RegexBudgetError only for back-reference patterns that run too long. */
export class PosixRegex {
  private readonly tree: ParsedRegex;
  private readonly ignoreCase: boolean;
  private compiled: Program | undefined;
  /** Set when every alternative is a literal string: matching is then a plain substring search. */
  private readonly literals: string[] | undefined;
  /** Number of capture groups. */
  readonly groups: number;

  private constructor(tree: ParsedRegex, ignoreCase: boolean, literals: string[] | undefined) {
    this.tree = tree;
    this.groups = tree.groups;
    this.ignoreCase = ignoreCase;
    this.literals = literals;
    // compile now so that "Regular expression too big" is a compile-time error, except for
    // literals, which never run on the automaton
    if (!literals) this.compiled = compileProgram(tree, ignoreCase);
  }

  private get prog(): Program {
    return (this.compiled ??= compileProgram(this.tree, this.ignoreCase));
  }

  /**
   * Compiles one or more patterns (several are alternatives, as grep's newline-separated list).
   * Throws RegexSyntaxError whose message is glibc's wording (`Unmatched ( or \(`).
   */
  static compile(patterns: string | readonly string[], options: PosixRegexOptions = {}): PosixRegex {
    const list = typeof patterns === 'string' ? [patterns] : patterns;
    const special = options.extended ? /[\\.[*^$()|+?{]/ : /[\\.[*^$]/;
    if (!options.ignoreCase && !options.word && !options.line && list.every((p) => options.fixed || !special.test(p))) {
      // plain strings (grep foo, grep -F): no parse, no automaton
      const root: RegexNode = { k: 'alt', alts: list.map((p) => literalRegex(p).root) };
      return new PosixRegex({ root, groups: 0, backrefs: false }, false, [...list]);
    }
    const parsed: ParsedRegex[] = list.map((p) => (options.fixed ? literalRegex(p, options.ignoreCase) : parseRegex(p, { extended: options.extended ?? false, ignoreCase: options.ignoreCase, noBackrefs: options.noBackrefs, grep: options.grep, strictRepeat: options.strictRepeat, warnings: options.warnings })));
    // several patterns number their groups (and back-references) from 1 each: shift them apart
    let groups = 0;
    const roots = parsed.map((p) => {
      const shifted = groups === 0 ? p.root : renumber(p.root, groups);
      groups += p.groups;
      return shifted;
    });
    let root: RegexNode = roots.length === 1 ? roots[0] : { k: 'alt', alts: roots };
    if (options.word) root = { k: 'cat', items: [{ k: 'assert', a: 'no-word-before' }, root, { k: 'assert', a: 'no-word-after' }] };
    if (options.line) root = { k: 'cat', items: [{ k: 'assert', a: 'bol' }, root, { k: 'assert', a: 'eol' }] };
    const backrefs = parsed.some((p) => p.backrefs);
    return new PosixRegex({ root, groups, backrefs }, options.ignoreCase ?? false, literalsOf(root));
  }

  /** A matcher for a tree built elsewhere (shell patterns); `groups` is its number of groups. */
  static fromTree(root: RegexNode, groups = 0): PosixRegex {
    return new PosixRegex({ root, groups, backrefs: usesBackrefs(root) }, false, literalsOf(root));
  }

  private search(s: string, from: number, capture: boolean): number[] | null {
    if (this.literals !== undefined) return literalSearch(this.literals, s, from);
    return this.prog.backrefs ? backtrackSearch(this.prog, s, from) : pikeSearch(this.prog, s, from, capture);
  }

  /** Whether the pattern matches anywhere in `s`. */
  test(s: string): boolean {
    return this.search(s, 0, false) !== null;
  }

  /** The leftmost-longest match at or after `from`, or null. */
  exec(s: string, from = 0): PosixMatch | null {
    const caps = this.search(s, from, true);
    if (caps === null) return null;
    const m = [] as unknown as PosixMatch;
    for (let g = 0; g <= this.groups; g++) m[g] = caps[2 * g] < 0 || caps[2 * g + 1] < 0 ? undefined : s.slice(caps[2 * g], caps[2 * g + 1]);
    m.index = caps[0];
    m.end = caps[1];
    return m;
  }

  /**
   * Successive matches as GNU sed's `s///g`, awk's gsub and grep -o find them: each search
   * starts where the last match ended, and an empty match right after a match is skipped.
   */
  *matchAll(s: string): Generator<PosixMatch> {
    let pos = 0;
    let prevEnd = -1;
    while (pos <= s.length) {
      const m = this.exec(s, pos);
      if (m === null) return;
      if (m.index === m.end && m.index === prevEnd) {
        pos = m.index + charWidth(s, m.index);
        continue;
      }
      yield m;
      prevEnd = m.end;
      pos = m.end === m.index ? m.end + charWidth(s, m.end) : m.end;
    }
  }

  /**
   * Replaces matches: all of them (`global`), or only the `nth` (and, with `global`, those after
   * it), else the first. `replacement` builds each replacement from its match.
   */
  replace(s: string, replacement: (m: PosixMatch) => string, options: { global?: boolean; nth?: number } = {}): { text: string; count: number } {
    const nth = options.nth ?? 1;
    let out = '';
    let last = 0;
    let seen = 0;
    let count = 0;
    for (const m of this.matchAll(s)) {
      seen++;
      if (seen < nth) continue;
      out += s.slice(last, m.index) + replacement(m);
      last = m.end;
      count++;
      if (!options.global) break;
    }
    return { text: count === 0 ? s : out + s.slice(last), count };
  }

  /** Splits `s` around non-empty matches (awk's field splitting with a regex FS). */
  split(s: string): string[] {
    const parts: string[] = [];
    let last = 0;
    for (const m of this.matchAll(s)) {
      if (m.end === m.index) continue;
      parts.push(s.slice(last, m.index));
      last = m.end;
    }
    parts.push(s.slice(last));
    return parts;
  }
}

function charWidth(s: string, pos: number): number {
  const cp = s.codePointAt(pos);
  return cp !== undefined && cp > 0xffff ? 2 : 1;
}

/** The leftmost-longest occurrence of any of `literals` at or after `from`. */
function literalSearch(literals: readonly string[], s: string, from: number): number[] | null {
  let best: number[] | null = null;
  for (const lit of literals) {
    const at = s.indexOf(lit, from);
    if (at >= 0 && (best === null || at < best[0] || (at === best[0] && at + lit.length > best[1]))) best = [at, at + lit.length];
  }
  return best;
}

/** The strings `n` matches when it is nothing but literal characters or a choice of such (`grep -e a -e b`). */
function literalsOf(n: RegexNode): string[] | undefined {
  if (n.k === 'alt') {
    const out: string[] = [];
    for (const alt of n.alts) {
      const one = literalsOf(alt);
      if (one?.length !== 1) return undefined;
      out.push(one[0]);
    }
    return out;
  }
  if (n.k === 'char') return n.lit === undefined ? undefined : [String.fromCodePoint(n.lit)];
  if (n.k !== 'cat' || n.items.length === 0) return undefined;
  let out = '';
  for (const item of n.items) {
    if (item.k !== 'char' || item.lit === undefined) return undefined;
    out += String.fromCodePoint(item.lit);
  }
  return [out];
}

function renumber(n: RegexNode, by: number): RegexNode {
  switch (n.k) {
    case 'group':
      return { k: 'group', n: n.n + by, body: renumber(n.body, by) };
    case 'backref':
      return { k: 'backref', n: n.n + by };
    case 'cat':
      return { k: 'cat', items: n.items.map((x) => renumber(x, by)) };
    case 'alt':
      return { k: 'alt', alts: n.alts.map((x) => renumber(x, by)) };
    case 'rep':
      return { k: 'rep', body: renumber(n.body, by), min: n.min, max: n.max };
    default:
      return n;
  }
}
