/**
 * Parses POSIX basic and extended regular expressions as GNU grep/sed/awk read them: BRE's
 * `\( \) \{ \} \| \+ \?` are operators and the bare characters literals (ERE the other way
 * round), a leading `*` is literal (grep: see ParseOptions.grep), BRE's `^`/`$` anchor only at the ends of a branch, an ERE `{`
 * that does not start an interval is literal, and `\w \W \s \S \b \B \< \>` are GNU's.
 */
import { RegexSyntaxError } from './ast.ts';
import type { ParsedRegex, RegexNode } from './ast.ts';
import { isWordChar } from './ast.ts';
import { CLASSES, parseBracket } from './bracket.ts';
import { DUP_MAX, glibcInterval } from './interval.ts';

/** Options of {@link parseRegex}. */
export interface ParseOptions {
  /** ERE (grep -E, sed -E, awk, `[[ =~ ]]`) rather than BRE. */
  extended: boolean;
  /** Letters match either case (grep -i, sed's I flag). */
  ignoreCase?: boolean;
  /** `\1`…`\9` are the digits themselves (awk: gawk's syntax has no back-references). */
  noBackrefs?: boolean;
  /**
   * GNU grep's reading (its dfa, Debian grep 3.8): an ERE repetition operator with nothing to
   * repeat (at the start, after `(`, `|` or only anchors) applies to that nothing and adds a
   * warning such as `* at start of expression` to `warnings`; followed by `)` it is glibc's
   * `Unmatched ( or \(`. A BRE `\{` there is a literal `{`. Off (sed, awk, `[[ =~ ]]`): a
   * leading `*` is literal and a leading BRE `\{` is an error.
   */
  grep?: boolean;
  /**
   * glibc regcomp's reading (GNU sed -E): an ERE `*`, `+`, `?` or interval at the start of a
   * branch (also right after `^`) is REG_BADRPT, 'Invalid preceding regular expression'.
   */
  strictRepeat?: boolean;
  /** Where {@link ParseOptions.grep} collects its warnings (grep's wording, without `grep: warning: `). */
  warnings?: string[];
}

/** Deeper nesting than this is refused as GNU grep's C stack would be exhausted. */
const MAX_DEPTH = 1000;

const any: RegexNode = { k: 'char', test: () => true };

/** Parses `src`; throws RegexSyntaxError with glibc's regerror wording. */
export function parseRegex(src: string, options: ParseOptions): ParsedRegex {
  return new Parser(src, options).parse();
}

/** A pattern that matches `text` literally (grep -F). */
export function literalRegex(text: string, ignoreCase = false): ParsedRegex {
  const items: RegexNode[] = [];
  for (const ch of text) items.push(charNode(ch.codePointAt(0) as number, ignoreCase));
  return { root: { k: 'cat', items }, groups: 0, backrefs: false };
}

function charNode(cp: number, ignoreCase: boolean): RegexNode {
  if (!ignoreCase) return { k: 'char', test: (c) => c === cp, lit: cp };
  const s = String.fromCodePoint(cp);
  const lower = s.toLowerCase().codePointAt(0) as number;
  const upper = s.toUpperCase().codePointAt(0) as number;
  if (lower === cp && upper === cp) return { k: 'char', test: (c) => c === cp, lit: cp };
  return { k: 'char', test: (c) => c === cp || c === lower || c === upper };
}

/** Wraps a predicate so either case of a letter passes (for bracket expressions under -i). */
function foldCase(test: (cp: number) => boolean): (cp: number) => boolean {
  return (cp) => {
    if (test(cp)) return true;
    const s = String.fromCodePoint(cp);
    const l = s.toLowerCase().codePointAt(0) as number;
    const u = s.toUpperCase().codePointAt(0) as number;
    return (l !== cp && test(l)) || (u !== cp && test(u));
  };
}

class Parser {
  private i = 0;
  private groups = 0;
  private readonly closed = new Set<number>();
  private backrefs = false;
  private readonly src: string;
  private readonly ere: boolean;
  private readonly icase: boolean;
  private readonly noBackrefs: boolean;
  private readonly grep: boolean;
  private readonly strictRepeat: boolean;
  private readonly warnings: string[];

  constructor(src: string, options: ParseOptions) {
    this.src = src;
    this.ere = options.extended;
    this.icase = options.ignoreCase ?? false;
    this.noBackrefs = options.noBackrefs ?? false;
    this.grep = options.grep ?? false;
    this.strictRepeat = options.strictRepeat ?? false;
    this.warnings = options.warnings ?? [];
  }

  parse(): ParsedRegex {
    const root = this.alt(0);
    if (this.i < this.src.length) throw new RegexSyntaxError('Unmatched ) or \\)');
    return { root, groups: this.groups, backrefs: this.backrefs };
  }

  private at(s: string): boolean {
    return this.src.startsWith(s, this.i);
  }

  private altSep(): boolean {
    return this.ere ? this.at('|') : this.at('\\|');
  }

  private groupClose(): boolean {
    return this.ere ? this.at(')') : this.at('\\)');
  }

  private alt(depth: number): RegexNode {
    if (depth > MAX_DEPTH) throw new RegexSyntaxError('stack overflow');
    const alts = [this.branch(depth)];
    while (this.altSep()) {
      this.i += this.ere ? 1 : 2;
      alts.push(this.branch(depth));
    }
    return alts.length === 1 ? alts[0] : { k: 'alt', alts };
  }

  private branch(depth: number): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.src.length && !this.altSep() && !this.groupClose()) {
      if (this.grep && this.ere && this.danglingOperator(items, depth)) continue;
      const last = items[items.length - 1];
      // `*` right after a leading `^` is literal, as at the start of a branch
      const afterBol = last?.k === 'assert' && last.a === 'bol';
      if (this.strictRepeat && this.ere && (items.length === 0 || afterBol) && this.repeatAhead()) {
        throw new RegexSyntaxError('Invalid preceding regular expression');
      }
      const atom = this.atom(depth, items.length === 0 || afterBol);
      // (grep -E repeats any anchor in danglingOperator, with the warning where GNU gives one)
      const bare = atom.k === 'assert' && (atom.a === 'bol' || (this.grep && this.ere));
      items.push(bare ? atom : this.quantifiers(atom));
    }
    return items.length === 1 ? items[0] : { k: 'cat', items };
  }

  /**
   * grep -E: consumes a repetition operator that follows nothing or an anchor (true when it
   * did). GNU grep's dfa warns when only anchors precede it in the branch, repeats an anchor
   * (`^*` is an optional `^`, so dropped) and repeats nothing otherwise; glibc, which compiles
   * first, refuses a `*`, `+` or `?` that a `)` follows.
   */
  private danglingOperator(items: RegexNode[], depth: number): boolean {
    const last = items[items.length - 1];
    const leading = items.every((n) => n.k === 'assert');
    if (!leading && last?.k !== 'assert') return false;
    const c = this.src[this.i];
    const q = this.quantifier();
    if (!q) return false;
    if (leading) this.warnings.push(`${c === '{' ? '{...}' : c} at start of expression`);
    if (last !== undefined && q.min === 0) items.pop();
    // glibc reads a leading `{` as a literal, so only `*`, `+`, `?` meet the `)`
    if (depth > 0 && c !== '{' && this.groupClose()) throw new RegexSyntaxError('Unmatched ( or \\(');
    return true;
  }

  /** An ERE repetition operator (`*`, `+`, `?` or a whole interval such as `{1}`) at the cursor. */
  private repeatAhead(): boolean {
    const c = this.src[this.i];
    return c === '*' || c === '+' || c === '?' || c === '{';
  }

  /** One atom; `start` is true at the start of a branch, where `*` is literal and BRE's `^` anchors. */
  private atom(depth: number, start: boolean): RegexNode {
    const src = this.src;
    const c = src[this.i];
    if (this.ere ? c === '(' : this.at('\\(')) {
      this.i += this.ere ? 1 : 2;
      const n = ++this.groups;
      const body = this.alt(depth + 1);
      if (!this.groupClose()) throw new RegexSyntaxError('Unmatched ( or \\(');
      this.i += this.ere ? 1 : 2;
      this.closed.add(n);
      return { k: 'group', n, body };
    }
    if (c === '[') {
      const b = parseBracket(src, this.i);
      this.i = b.next;
      return { k: 'char', test: this.icase ? foldCase(b.test) : b.test };
    }
    if (c === '\\') return this.escape(start);
    this.i++;
    if (c === '.') return any;
    if (c === '^' && (this.ere || start)) return { k: 'assert', a: 'bol' };
    if (c === '$' && (this.ere || this.i === src.length || this.altSep() || this.groupClose())) return { k: 'assert', a: 'eol' };
    const cp = src.codePointAt(this.i - 1) as number;
    if (cp > 0xffff) this.i++;
    return charNode(cp, this.icase);
  }

  private escape(start: boolean): RegexNode {
    const src = this.src;
    if (this.i + 1 >= src.length) throw new RegexSyntaxError('Trailing backslash');
    const cp = src.codePointAt(this.i + 1) as number;
    const n = String.fromCodePoint(cp);
    this.i += 1 + n.length;
    if (n >= '1' && n <= '9' && !this.noBackrefs) {
      const g = Number(n);
      if (!this.closed.has(g)) throw new RegexSyntaxError('Invalid back reference');
      this.backrefs = true;
      return { k: 'backref', n: g };
    }
    if (!this.ere && start && n === '{') {
      if (this.grep) return charNode(0x7b, false); // grep's dfa: a literal `{`
      throw new RegexSyntaxError('Invalid preceding regular expression');
    }
    switch (n) {
      case 'w':
        return { k: 'char', test: isWordChar };
      case 'W':
        return { k: 'char', test: (c) => !isWordChar(c) };
      case 's':
        return { k: 'char', test: CLASSES.space };
      case 'S':
        return { k: 'char', test: (c) => !CLASSES.space(c) };
      case 'b':
        return { k: 'assert', a: 'word-boundary' };
      case 'B':
        return { k: 'assert', a: 'not-word-boundary' };
      case '<':
        return { k: 'assert', a: 'word-start' };
      case '>':
        return { k: 'assert', a: 'word-end' };
      case '`':
        return { k: 'assert', a: 'bol' };
      case "'":
        return { k: 'assert', a: 'eol' };
      case 'n':
        return charNode(10, false);
      case 't':
        return charNode(9, false);
      default:
        return charNode(cp, this.icase);
    }
  }

  private quantifiers(atom: RegexNode): RegexNode {
    let node = atom;
    let stacked = 0;
    for (;;) {
      const q = this.quantifier();
      if (!q) return node;
      if (++stacked > MAX_DEPTH) throw new RegexSyntaxError('Regular expression too big');
      node = wrap(node, q.min, q.max);
    }
  }

  /** The quantifier at the cursor (consumed), or undefined. */
  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.i];
    if (c === '*') {
      this.i++;
      return { min: 0, max: -1 };
    }
    if (this.ere ? c === '+' : this.at('\\+')) {
      this.i += this.ere ? 1 : 2;
      return { min: 1, max: -1 };
    }
    if (this.ere ? c === '?' : this.at('\\?')) {
      this.i += this.ere ? 1 : 2;
      return { min: 0, max: 1 };
    }
    if (this.ere ? c === '{' : this.at('\\{')) return this.interval();
    return undefined;
  }

  private interval(): { min: number; max: number } | undefined {
    if (!this.ere || this.strictRepeat) {
      // glibc's own reading: BRE everywhere, and sed -E's ERE (no RE_INVALID_INTERVAL_ORD)
      const r = glibcInterval(this.src, this.i, this.ere);
      this.i = r.next;
      return { min: r.min, max: r.max };
    }
    const open = this.ere ? 1 : 2;
    const close = this.ere ? '}' : '\\}';
    const m = /^([0-9]*)(,([0-9]*))?/.exec(this.src.slice(this.i + open, this.i + open + 24)) as RegExpExecArray;
    const end = this.i + open + m[0].length;
    const valid = (m[1] !== '' || m[2] !== undefined) && this.src.startsWith(close, end);
    // GNU grep -E, awk: an ERE brace that starts no interval is literal
    if (!valid) return undefined;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    if (min > DUP_MAX || max > DUP_MAX) throw new RegexSyntaxError('Regular expression too big');
    if (max !== -1 && max < min) throw new RegexSyntaxError('Invalid content of \\{\\}');
    this.i = end + close.length;
    return { min, max };
  }
}

/** Applies a repetition; stacked `* + ?` collapse (`a**`, `(a+)+` as a tree are `a*`, `a+`). */
function wrap(node: RegexNode, min: number, max: number): RegexNode {
  if (node.k === 'rep' && node.min <= 1 && (node.max === 1 || node.max === -1) && min <= 1 && (max === 1 || max === -1)) {
    return { k: 'rep', body: node.body, min: node.min * min, max: node.max === -1 || max === -1 ? -1 : 1 };
  }
  return { k: 'rep', body: node, min, max };
}
