/**
 * Low-level scanning over shell source text: reading words (with quotes, escapes, `$…`
 * expansions and backticks) and operator tokens. The parser drives it; words come out as
 * structured `Word`s so expansion knows what was quoted.
 *
 * Errors are thrown as `Incomplete` (the input ended inside a quote or construct: an interactive
 * shell asks for another line with PS2) or `SyntaxError` (bash's "syntax error near unexpected
 * token"); `parse()` turns both into results and never lets them escape.
 */
import type { Word, WordPart } from './ast.ts';

/** The input ended in the middle of something; more lines may complete it. */
export class Incomplete extends Error {
  readonly code = 'INCOMPLETE';
  /** What bash says when the end is final, e.g. "unexpected EOF while looking for matching `''". */
  readonly detail: string | undefined;
  /**
   * Set when the text ended inside here-document bodies: the delimiters still awaited, the
   * current one first. Until a line equal to each of them arrives, further lines are body
   * text and cannot change the outcome (the REPL uses this to avoid re-parsing).
   */
  heredocs: { delimiter: string; strip: boolean }[] | undefined;
  /**
   * Set when the text ended between commands of an unfinished compound command (`if …; then`,
   * a loop or function body, a case arm): a further line that is complete on its own adds a
   * command there and leaves the text just as unfinished.
   */
  boundary = false;
  constructor(detail?: string) {
    super(detail ?? 'incomplete input');
    this.detail = detail;
  }
}

/** A syntax error at a token, in bash's words. */
export class ShellSyntaxError extends Error {
  readonly code = 'SYNTAX';
  constructor(message: string) {
    super(message);
  }
}

/**
 * How deeply constructs may nest: subshells, groups and compound commands in the parser; quotes,
 * `$(…)`, `${…}` and backticks in the scanner. Both recurse, and an unbounded depth would
 * overflow the JavaScript stack. Bash's grammar is a bison parser whose stack is capped
 * (YYMAXDEPTH); when it fills, `yyerror` reports a plain syntax error at the current token, so
 * that is what we print, one token past this depth. 500 leaves a wide margin: a `{ ` level
 * costs about a kilobyte of stack, and Node/Chromium stacks are about 1 MB (measured: about
 * 900 levels fit in a vitest worker).
 */
export const MAX_PARSE_DEPTH = 500;
let parseDepth = 0;

/**
 * Runs `fn` one nesting level deeper. Past MAX_PARSE_DEPTH it throws bash's
 * `syntax error near unexpected token \`TOKEN'` instead (a ShellSyntaxError).
 */
export function nested<T>(token: string, fn: () => T): T {
  if (parseDepth >= MAX_PARSE_DEPTH) throw new ShellSyntaxError(`syntax error near unexpected token \`${token}'`);
  parseDepth++;
  try {
    return fn();
  } finally {
    parseDepth--;
  }
}

export const OPERATORS = ['&&', '||', ';;', ';&', '|&', ';', '&', '|', '(', ')'];
export const REDIR_OPS = ['<<<', '<<-', '&>>', '<<', '<&', '<>', '>>', '>&', '>|', '&>', '<', '>'];

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
/** Characters that mean nothing special in a word, and inside double quotes. */
const PLAIN_RUN = /[^ \t\n;&|<>()\\'"$`]+/y;
const QUOTED_RUN = /[^"\\$`]+/y;

export function isNameStart(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z_]/.test(c);
}
export function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** A cursor over the source text. */
export class Scanner {
  readonly src: string;
  pos = 0;
  /** The text is complete (a script): a trailing `\\` newline does not ask for more. */
  final = false;
  constructor(src: string) {
    this.src = src;
  }

  peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.src.length;
  }

  /** Skips spaces, tabs, line continuations and a comment (up to, not including, the newline). */
  skipBlanks(): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.peek(1) === '\n') {
        this.pos += 2;
        if (this.atEnd() && !this.final) throw new Incomplete();
      } else if (c === '#') {
        while (!this.atEnd() && this.peek() !== '\n') this.pos++;
      } else return;
    }
  }

  /** True if a word (not an operator, newline or end) starts here. */
  atWordStart(): boolean {
    const c = this.peek();
    return c !== undefined && !META.has(c);
  }

  /**
   * Reads one word. `raw` is its source text (used to recognise reserved words and assignment
   * prefixes). Stops at an unquoted metacharacter.
   */
  readWord(): { word: Word; raw: string } {
    const start = this.pos;
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: 'lit', text: lit, quoted: false });
      lit = '';
    };
    if (this.peek() === '~') {
      let end = this.pos + 1;
      while (end < this.src.length && /[A-Za-z0-9_.-]/.test(this.src[end])) end++;
      const next = this.src[end];
      if (next === undefined || next === '/' || next === ':' || META.has(next)) {
        parts.push({ type: 'tilde', user: this.src.slice(this.pos + 1, end) });
        this.pos = end;
      }
    }
    while (!this.atEnd()) {
      const c = this.peek() as string;
      if (c === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(this.src.slice(start, this.pos))) {
        flush();
        parts.push({ type: 'array', words: this.readArrayWords() });
        continue;
      }
      if (META.has(c)) break;
      if (c === '\\') {
        const n = this.peek(1);
        if (n === undefined) {
          this.pos++;
          lit += '\\';
          continue;
        }
        this.pos += 2;
        if (n === '\n') {
          if (this.atEnd() && !this.final) throw new Incomplete();
          continue;
        }
        flush();
        parts.push({ type: 'lit', text: n, quoted: true });
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete("unexpected EOF while looking for matching `''");
        parts.push({ type: 'lit', text: this.src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push({ type: 'dq', parts: this.readDoubleQuoted() });
      } else if (c === '$' && this.peek(1) === "'") {
        flush();
        this.pos += 2;
        parts.push({ type: 'lit', text: this.readAnsiC(), quoted: true });
      } else if (c === '$' || c === '`') {
        const part = this.readDollarOrBacktick(false);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += c;
          this.pos++;
        }
      } else {
        // a run of plain characters in one slice: a 10 MB word would otherwise be built one
        // character at a time (seconds of garbage collection)
        PLAIN_RUN.lastIndex = this.pos;
        const run = PLAIN_RUN.exec(this.src);
        const end = run ? this.pos + run[0].length : this.pos + 1;
        lit += this.src.slice(this.pos, end);
        this.pos = end;
      }
    }
    flush();
    return { word: { parts }, raw: this.src.slice(start, this.pos) };
  }

  /** Reads the inside of "…" after the opening quote, consuming the closing quote. */
  readDoubleQuoted(): WordPart[] {
    return nested('"', () => this.readDoubleQuotedBody());
  }

  private readDoubleQuotedBody(): WordPart[] {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: 'lit', text: lit, quoted: true });
      lit = '';
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Incomplete('unexpected EOF while looking for matching `"\'');
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = this.peek(1);
        if (n === undefined) throw new Incomplete('unexpected EOF while looking for matching `"\'');
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        if ('$`"\\'.includes(n)) {
          lit += n;
          this.pos += 2;
          continue;
        }
        lit += '\\';
        this.pos++;
        continue;
      }
      if (c === '$' || c === '`') {
        const part = this.readDollarOrBacktick(true);
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      QUOTED_RUN.lastIndex = this.pos;
      const run = QUOTED_RUN.exec(this.src);
      const end = run ? this.pos + run[0].length : this.pos + 1;
      lit += this.src.slice(this.pos, end);
      this.pos = end;
    }
    flush();
    return parts;
  }

  /** $'…' strings: backslash escapes as in C. */
  private readAnsiC(): string {
    let out = '';
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Incomplete("unexpected EOF while looking for matching `''");
      this.pos++;
      if (c === "'") return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const n = this.peek() ?? '';
      this.pos++;
      const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
      if (n in map) out += map[n];
      else if (/[0-7]/.test(n)) {
        // \nnn: one to three octal digits
        const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos, this.pos + 2))![0];
        this.pos += m.length;
        out += String.fromCharCode(parseInt(n + m, 8) & 0xff);
      } else if ((n === 'x' || n === 'u' || n === 'U') && /[0-9A-Fa-f]/.test(this.peek() ?? '')) {
        // \xHH, \uHHHH, \UHHHHHHHH
        const max = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const m = new RegExp(`^[0-9A-Fa-f]{1,${max}}`).exec(this.src.slice(this.pos, this.pos + max))![0];
        this.pos += m.length;
        const code = parseInt(m, 16);
        out += code <= 0x10ffff ? String.fromCodePoint(code) : '\\' + n + m;
      } else out += '\\' + n;
    }
  }

  /**
   * Reads `$name`, `${…}`, `$(…)`, `$((…))` or a backtick command at the cursor. Returns
   * undefined when `$` is just a literal dollar.
   */
  readDollarOrBacktick(inQuotes: boolean): WordPart | undefined {
    const token = this.peek() === '`' ? '`' : this.src.slice(this.pos, this.pos + 2);
    return nested(token, () => this.readDollarOrBacktickBody(inQuotes));
  }

  private readDollarOrBacktickBody(inQuotes: boolean): WordPart | undefined {
    const c = this.peek();
    if (c === '`') {
      let out = '';
      this.pos++;
      for (;;) {
        const ch = this.peek();
        if (ch === undefined) throw new Incomplete('unexpected EOF while looking for matching ``\'');
        this.pos++;
        if (ch === '`') break;
        if (ch === '\\' && this.peek() !== undefined && '$`\\'.includes(this.peek() as string)) {
          out += this.peek();
          this.pos++;
        } else out += ch;
      }
      return { type: 'cmd', source: out };
    }
    const n = this.peek(1);
    if (n === '(' && this.peek(2) === '(') {
      const start = this.pos + 3;
      const end = this.findArithEnd(start);
      if (end >= 0) {
        this.pos = end + 2;
        return { type: 'arith', expr: this.src.slice(start, end) };
      }
    }
    if (n === '(') {
      this.pos += 2;
      const start = this.pos;
      this.skipBalanced(')');
      return { type: 'cmd', source: this.src.slice(start, this.pos - 1) };
    }
    if (n === '{') {
      this.pos += 2;
      return this.readBraceParam();
    }
    if (isNameStart(n)) {
      let end = this.pos + 1;
      while (isNameChar(this.src[end])) end++;
      const name = this.src.slice(this.pos + 1, end);
      this.pos = end;
      return { type: 'param', name };
    }
    if (n !== undefined && /[0-9?$#@*!-]/.test(n)) {
      this.pos += 2;
      return { type: 'param', name: n };
    }
    void inQuotes;
    return undefined;
  }

  /** Finds the `))` closing an arithmetic expansion starting at `start`, or -1. */
  private findArithEnd(start: number): number {
    let depth = 0;
    for (let i = start; i < this.src.length; i++) {
      const ch = this.src[i];
      if (ch === '(') depth++;
      else if (ch === ')') {
        if (depth === 0) return this.src[i + 1] === ')' ? i : -1;
        depth--;
      }
    }
    throw new Incomplete('unexpected EOF while looking for matching `)\'');
  }

  /** Skips to just after the `close` matching an already-consumed opener, honouring quotes. */
  skipBalanced(close: ')' | '}'): void {
    const open = close === ')' ? '(' : '{';
    let depth = 1;
    while (depth > 0) {
      const c = this.peek();
      if (c === undefined) throw new Incomplete(`unexpected EOF while looking for matching \`${close}'`);
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete("unexpected EOF while looking for matching `''");
        this.pos = end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        this.readDoubleQuoted();
        continue;
      }
      if (c === '`') {
        this.readDollarOrBacktick(false);
        continue;
      }
      if (c === '$' && (this.peek(1) === '(' || this.peek(1) === '{')) {
        this.readDollarOrBacktick(false);
        continue;
      }
      if (c === '#' && close === ')' && (this.pos === 0 || /[\s;&|(]/.test(this.src[this.pos - 1]))) {
        while (!this.atEnd() && this.peek() !== '\n') this.pos++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close) depth--;
      this.pos++;
    }
  }

  /** Reads the words of `NAME=(…)` from the `(` through the `)` (newlines and comments allowed). */
  private readArrayWords(): Word[] {
    this.pos++;
    const words: Word[] = [];
    for (;;) {
      while (this.peek() === ' ' || this.peek() === '\t' || this.peek() === '\n') this.pos++;
      if (this.peek() === '#') while (this.peek() !== undefined && this.peek() !== '\n') this.pos++;
      const c = this.peek();
      if (c === undefined) throw new Incomplete("unexpected EOF while looking for matching `)'");
      if (c === ')') {
        this.pos++;
        return words;
      }
      if (META.has(c) && c !== ' ' && c !== '\t' && c !== '\n') throw new ShellSyntaxError(`syntax error near unexpected token \`${c}'`);
      words.push(this.readWord().word);
    }
  }

  /** Reads `${…}` after the `${`. */
  private readBraceParam(): WordPart {
    let length = false;
    if (this.peek() === '#' && this.peek(1) !== '}') {
      length = true;
      this.pos++;
    }
    let name = '';
    if (isNameStart(this.peek())) {
      while (isNameChar(this.peek())) name += this.src[this.pos++];
    } else if (this.peek() !== undefined && /[0-9?$#@*!-]/.test(this.peek() as string)) {
      name = this.src[this.pos++];
      while (/[0-9]/.test(name) && /[0-9]/.test(this.peek() ?? '')) name += this.src[this.pos++];
    }
    let index: string | undefined;
    if (this.peek() === '[' && isNameStart(name[0] ?? '')) {
      // ${a[@]}, ${a[*]}, ${a[N]}: an array element or all of them
      const close = this.src.indexOf(']', this.pos);
      if (close < 0) throw new Incomplete("unexpected EOF while looking for matching `}'");
      index = this.src.slice(this.pos + 1, close);
      this.pos = close + 1;
    }
    if (this.peek() === undefined) throw new Incomplete("unexpected EOF while looking for matching `}'");
    if (this.peek() === '}') {
      this.pos++;
      if (!name) throw new ShellSyntaxError('${}: bad substitution');
      return index === undefined ? { type: 'param', name, length } : { type: 'param', name, length, index };
    }
    const ops = [':-', ':=', ':+', ':?', '-', '=', '+', '?', '##', '#', '%%', '%', '//', '/', ':'];
    const op = ops.find((o) => this.startsWith(o));
    if (!name || !op || length) {
      const start = this.pos;
      this.skipBalanced('}');
      return { type: 'param', name: '', op: 'bad', arg: { parts: [{ type: 'lit', text: this.src.slice(start, this.pos - 1), quoted: true }] } };
    }
    this.pos += op.length;
    const arg = this.readParamArg();
    return index === undefined ? { type: 'param', name, op, arg } : { type: 'param', name, op, arg, index };
  }

  /** Reads the word inside `${name op …}` up to the closing brace. */
  private readParamArg(): Word {
    const parts: WordPart[] = [];
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: 'lit', text: lit, quoted: false });
      lit = '';
    };
    for (;;) {
      const c = this.peek();
      if (c === undefined) throw new Incomplete("unexpected EOF while looking for matching `}'");
      if (c === '}') {
        this.pos++;
        break;
      }
      if (c === '\\' && this.peek(1) !== undefined) {
        flush();
        parts.push({ type: 'lit', text: this.src[this.pos + 1], quoted: true });
        this.pos += 2;
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new Incomplete("unexpected EOF while looking for matching `''");
        parts.push({ type: 'lit', text: this.src.slice(this.pos + 1, end), quoted: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        parts.push({ type: 'dq', parts: this.readDoubleQuoted() });
      } else if (c === '$' || c === '`') {
        const part = this.readDollarOrBacktick(false);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += c;
          this.pos++;
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return { parts };
  }
}

/** Parses the body of an unquoted here-document: `$…`, backticks and `\$ \` \\` escapes apply. */
export function parseHeredocBody(body: string): Word {
  const sc = new Scanner(body);
  const parts: WordPart[] = [];
  let lit = '';
  try {
    while (!sc.atEnd()) {
      const c = sc.peek() as string;
      if (c === '\\' && sc.peek(1) !== undefined && '$`\\\n'.includes(sc.peek(1) as string)) {
        if (sc.peek(1) !== '\n') lit += sc.peek(1);
        sc.pos += 2;
        continue;
      }
      if (c === '$' || c === '`') {
        const save = sc.pos;
        let part: WordPart | undefined;
        try {
          part = sc.readDollarOrBacktick(true);
        } catch {
          sc.pos = save;
          part = undefined;
        }
        if (part) {
          if (lit) parts.push({ type: 'lit', text: lit, quoted: true });
          lit = '';
          parts.push(part);
          continue;
        }
      }
      lit += c;
      sc.pos++;
    }
  } catch {
    lit += body.slice(sc.pos);
  }
  if (lit) parts.push({ type: 'lit', text: lit, quoted: true });
  return { parts };
}
