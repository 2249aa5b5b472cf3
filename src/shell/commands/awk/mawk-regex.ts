/**
 * Which regular expressions mawk 1.3.4 20200120 (Debian 12's awk) refuses, and with which of
 * its messages. Matching still runs on our POSIX engine; this only replays mawk's own
 * compiler far enough to find its errors: the scanner `RE_lex` (rexp0.c) and the operator
 * precedence parser `REcompile` (rexp.c) with their table, as built without interval
 * expressions (they came in 20200717, so `{` and `}` are plain characters here).
 *
 * mawk's REerrlist: 1 missing '(' , 2 missing ')', 3 bad class -- [], [^] or [,
 * 4 missing operand, 5 resource exhaustion -- regular expression too large,
 * 6 syntax error ^* or ^+.
 */

// token numbers as rexp.h numbers them
const T_OR = 1;
const T_CAT = 2;
const T_STAR = 3;
const T_PLUS = 4;
const T_Q = 5;
const T_LP = 6;
const T_RP = 7;
const T_START = 8;
const T_END = 9;
const T_ANY = 10;
const T_CLASS = 11;
const T_SLASH = 12;
const T_CHAR = 13;
const T_STR = 14;
const T_U = 15;
const NOT_STARTED = -1;

// the precedence relations; negative entries are errors (ERR_n)
const OP_L = 1;
const OP_EQ = 2;
const OP_G = 3;
const ERR_1 = -1;
const ERR_2 = -2;
const ERR_7 = -7;

/** rexp.c's table[op on the stack][incoming token] for tokens 0 (end) … T_RP. */
const TABLE: readonly (readonly number[])[] = [
  /* 0 */ [0, OP_L, OP_L, OP_L, OP_L, OP_L, OP_L, ERR_1],
  /* | */ [OP_G, OP_G, OP_L, OP_L, OP_L, OP_L, OP_L, OP_G],
  /* CAT */ [OP_G, OP_G, OP_G, OP_L, OP_L, OP_L, OP_L, OP_G],
  /* * */ [OP_G, OP_G, OP_G, OP_G, OP_G, OP_G, ERR_7, OP_G],
  /* + */ [OP_G, OP_G, OP_G, OP_G, OP_G, OP_G, ERR_7, OP_G],
  /* ? */ [OP_G, OP_G, OP_G, OP_G, OP_G, OP_G, ERR_7, OP_G],
  /* ( */ [ERR_2, OP_L, OP_L, OP_L, OP_L, OP_L, OP_L, OP_EQ],
  /* ) */ [OP_G, OP_G, OP_G, OP_G, OP_G, OP_G, ERR_7, OP_G],
];

const MESSAGES: Record<number, string> = {
  1: "missing '('",
  2: "missing ')'",
  3: 'bad class -- [], [^] or [',
  4: 'missing operand',
  5: 'resource exhaustion -- regular expression too large',
  6: 'syntax error ^* or ^+',
};

/** rexp.c's STACKSZ: deeper operator or machine stacks are error 5. */
const STACKSZ = 64;

class MawkRegexError extends Error {
  readonly code: number;
  constructor(code: number) {
    super(MESSAGES[code] ?? 'regular expression compile failed');
    this.code = code;
  }
}

function tokenOf(c: string): number {
  switch (c) {
    case '$':
      return T_END;
    case '(':
      return T_LP;
    case ')':
      return T_RP;
    case '*':
      return T_STAR;
    case '+':
      return T_PLUS;
    case '.':
      return T_ANY;
    case '?':
      return T_Q;
    case '[':
      return T_CLASS;
    case '\\':
      return T_SLASH;
    case '^':
      return T_START;
    case '|':
      return T_OR;
    default:
      return T_CHAR;
  }
}

/** The scanner: hands out tokens as RE_lex does, with its implicit T_CAT. */
class Lexer {
  private readonly re: string;
  private pos = 0;
  private prev = NOT_STARTED;
  private nest = 0;

  constructor(re: string) {
    this.re = re;
  }

  next(): number {
    const re = this.re;
    if (this.pos >= re.length) return 0;
    let c = tokenOf(re[this.pos]);
    if ((c === T_PLUS || c === T_STAR) && this.prev === T_START) throw new MawkRegexError(6);
    switch (c) {
      case T_PLUS:
      case T_STAR:
      case T_OR:
      case T_Q:
        this.pos++;
        return (this.prev = c);
      case T_RP:
        if (!this.nest) {
          c = T_CHAR; // ) without a matching ( is ordinary
          break;
        }
        this.nest--;
        this.pos++;
        return (this.prev = c);
      case T_LP:
        if ([T_CHAR, T_STR, T_ANY, T_CLASS, T_START, T_RP, T_PLUS, T_STAR, T_Q, T_U].includes(this.prev)) return (this.prev = T_CAT);
        this.nest++;
        this.pos++;
        return (this.prev = T_LP);
    }
    // an operand, unless an implicit concatenation comes first
    if (![NOT_STARTED, T_OR, T_LP, T_CAT].includes(this.prev)) return (this.prev = T_CAT);
    switch (c) {
      case T_ANY:
        this.pos++;
        if (re[this.pos] === '*' || re[this.pos] === '+') this.pos++; // .* and .+ (as . .*)
        this.prev = re[this.pos - 1] === '.' ? T_ANY : T_U;
        break;
      case T_SLASH:
      case T_CHAR:
        this.prev = this.string();
        break;
      case T_CLASS:
        this.klass();
        this.prev = T_CLASS;
        break;
      case T_START:
        this.pos++;
        this.prev = T_START;
        break;
      case T_END:
        this.pos++;
        return (this.prev = T_END);
    }
    if (re[this.pos] === '$') this.pos++; // a trailing $ anchors the operand
    return this.prev;
  }

  /** do_str: a run of characters; one before `*`, `+` or `?` is left for that operator. */
  private string(): number {
    const re = this.re;
    // the first character is taken whatever it is (an unmatched `)` comes here as a character)
    let lastStart = this.pos;
    this.pos += re[this.pos] === '\\' ? escapeLength(re, this.pos) : 1;
    let len = 1;
    while (this.pos < re.length) {
      const c = tokenOf(re[this.pos]);
      if (c !== T_CHAR && c !== T_SLASH) break;
      lastStart = this.pos;
      this.pos += c === T_SLASH ? escapeLength(re, this.pos) : 1;
      len++;
    }
    if (len > 1 && /[*+?]/.test(re[this.pos] ?? '')) this.pos = lastStart;
    return T_STR;
  }

  /** do_class: a bracket expression; an unclosed one or an unknown [:name:] is error 3. */
  private klass(): void {
    const re = this.re;
    let i = this.pos + 1;
    if (re[i] === '^') i++;
    if (re[i] === ']') i++;
    for (;;) {
      if (i >= re.length) throw new MawkRegexError(3);
      if (re.startsWith('[:', i)) {
        const m = /^\[:(alnum|alpha|blank|cntrl|digit|graph|lower|print|punct|space|upper|xdigit):\]/.exec(re.slice(i));
        if (!m) throw new MawkRegexError(3);
        i += m[0].length;
        continue;
      }
      if (re[i] === '\\' && i + 1 < re.length) {
        i += 2;
        continue;
      }
      if (re[i] === ']') break;
      i++;
    }
    this.pos = i + 1;
  }
}

/** How many characters the escape sequence at `i` (a backslash) takes. */
function escapeLength(re: string, i: number): number {
  if (i + 1 >= re.length) return 1;
  const m = /^[0-7]{1,3}/.exec(re.slice(i + 1, i + 4));
  if (m) return 1 + m[0].length;
  return 2;
}

/**
 * The message mawk's REcompile gives for `re` (`missing operand`, `syntax error ^* or ^+`, …),
 * or undefined when mawk compiles it. mawk prints it as
 * `awk: line N: regular expression compile failed (MESSAGE)` with the pattern on the next line.
 */
export function mawkRegexError(re: string): string | undefined {
  if (re === '') return undefined;
  try {
    compile(re);
    return undefined;
  } catch (e) {
    if (e instanceof MawkRegexError) return e.message;
    throw e;
  }
}

function compile(re: string): void {
  const lexer = new Lexer(re);
  let machines = 0;
  const ops: { token: number; prec: number }[] = [{ token: 0, prec: 0 }];
  let t = lexer.next();
  for (;;) {
    if ([T_STR, T_ANY, T_U, T_START, T_END, T_CLASS].includes(t)) {
      machines++;
    } else {
      const top = ops[ops.length - 1];
      if (t === 0 && top.token === 0) return; // done: one machine is left
      top.prec = TABLE[top.token][t];
      if (top.prec === OP_G) {
        do {
          const op = ops.pop() as { token: number; prec: number };
          if (op.token <= T_CAT) machines--; // a binary operator takes two machines
          if (machines < 1) throw new MawkRegexError(4);
        } while (ops[ops.length - 1].prec !== OP_L);
        continue; // the same token again
      }
      if (top.prec < 0) throw new MawkRegexError(top.prec === ERR_7 ? 5 : -top.prec);
      ops.push({ token: t, prec: 0 });
      if (ops.length >= STACKSZ) throw new MawkRegexError(5);
    }
    if (machines >= STACKSZ) throw new MawkRegexError(5);
    t = lexer.next();
  }
}

/**
 * Rewrites a pattern mawk accepts into the POSIX ERE our engine runs with the same meaning:
 * a `)` with no `(` open and the braces `{` `}` (no interval expressions in 20200120) are
 * plain characters to mawk, so they are escaped here. Bracket expressions and escapes pass
 * through as they are.
 */
export function mawkToPosix(re: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      out += re.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      let j = i + 1;
      if (re[j] === '^') j++;
      if (re[j] === ']') j++;
      while (j < re.length && re[j] !== ']') j += re.startsWith('[:', j) ? Math.max(re.indexOf(':]', j + 2) + 2 - j, 1) : 1;
      out += re.slice(i, j + 1);
      i = j;
    } else if (c === '(') {
      depth++;
      out += c;
    } else if (c === ')') {
      if (depth === 0) out += '\\)';
      else {
        depth--;
        out += c;
      }
    } else if (c === '{' || c === '}') out += `\\${c}`;
    else out += c;
  }
  return out;
}
