/**
 * The shell grammar: lists, and-or lists, pipelines, simple and compound commands, redirections
 * and here-documents, parsed by recursive descent over a `Scanner`.
 *
 * `parse()` never throws. It returns the program, or `incomplete` (the text ends inside a quote,
 * a here-document, after `|`/`&&`, or in an unfinished `if`/`for`/`while`…: an interactive shell
 * reads a continuation line with PS2), or a syntax `error` in bash's own words.
 */
import type { AndOr, Assignment, CaseClause, FunctionDef, List, ListItem, Pipeline, Redirect, RedirOp, ShellCommand, SimpleCommand, Word } from './ast.ts';
import { Incomplete, OPERATORS, REDIR_OPS, Scanner, ShellSyntaxError, isNameChar, isNameStart, nested, parseHeredocBody } from './scanner.ts';

export type ParseResult =
  | { kind: 'ok'; program: List; warnings: string[] }
  | { kind: 'incomplete'; detail?: string; heredocs?: { delimiter: string; strip: boolean }[]; boundary?: boolean }
  | { kind: 'error'; message: string };

export interface ParseOptions {
  /**
   * The text is all there will be (a script, `sh -c`): an unterminated here-document ends at
   * the end of the text (bash warns), other unfinished input is an error.
   * @default false
   */
  final?: boolean;
  /**
   * Warnings in an interactive shell's form (`bash: warning: …`) rather than a script's
   * (`bash: line N: warning: …`): error.c error_prolog prints the line only when the shell
   * is not interactive. @default false
   */
  interactive?: boolean;
  /** The line number of the text's first line (an interactive shell counts on). @default 1 */
  firstLine?: number;
}

type Token =
  | { kind: 'word'; word: Word; raw: string }
  | { kind: 'op'; value: string }
  | { kind: 'redir'; op: RedirOp; fd?: number }
  | { kind: 'newline' }
  | { kind: 'eof' };

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!', 'function']);

/** Parses `src` into a program; see the module comment for the three outcomes. */
export function parse(src: string, options: ParseOptions = {}): ParseResult {
  const parser = new Parser(src, options.final ?? false);
  parser.interactive = options.interactive ?? false;
  parser.firstLine = options.firstLine ?? 1;
  try {
    const program = parser.parseProgram();
    return { kind: 'ok', program, warnings: parser.warnings };
  } catch (e) {
    if (e instanceof Incomplete) {
      if (options.final) {
        const lines = e.detail ? [`bash: ${e.detail}`] : [];
        lines.push('bash: syntax error: unexpected end of file');
        return { kind: 'error', message: lines.join('\n') };
      }
      if (e.heredocs) return { kind: 'incomplete', detail: e.detail, heredocs: e.heredocs };
      return e.boundary ? { kind: 'incomplete', detail: e.detail, boundary: true } : { kind: 'incomplete', detail: e.detail };
    }
    if (e instanceof ShellSyntaxError) return { kind: 'error', message: `bash: ${e.message}` };
    // a backstop: nesting is bounded (MAX_PARSE_DEPTH), but a host with a small stack still
    // gets a syntax error rather than a JavaScript message
    if (e instanceof RangeError) return { kind: 'error', message: 'bash: syntax error: nesting too deep' };
    return { kind: 'error', message: `bash: syntax error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

class Parser {
  private sc: Scanner;
  private final: boolean;
  private pendingHeredocs: Redirect[] = [];
  /** Warnings to print (e.g. a here-document delimited by end-of-file). */
  readonly warnings: string[] = [];
  interactive = false;
  firstLine = 1;

  constructor(src: string, final: boolean) {
    this.sc = new Scanner(src);
    this.sc.final = final;
    this.final = final;
  }

  parseProgram(): List {
    const list = this.parseList(() => this.peekToken().kind === 'eof');
    const t = this.peekToken();
    if (t.kind !== 'eof') throw this.unexpected(t);
    if (this.pendingHeredocs.length > 0) {
      if (!this.final) throw new Incomplete();
      const before = this.warnings.length;
      this.readHeredocBodies();
      this.attachWarnings(before);
    }
    return list;
  }

  /** How many lists are being parsed (1: the program's own). */
  private listDepth = 0;
  /** The program's first item on the line being parsed: bash reads and runs a line at a time. */
  private lineFirst: ListItem | undefined;

  /** Gives the warnings raised since `from` to the current line's first item (see ListItem). */
  private attachWarnings(from: number): void {
    if (this.warnings.length <= from || !this.lineFirst) return;
    this.lineFirst.warnings = [...(this.lineFirst.warnings ?? []), ...this.warnings.slice(from)];
  }

  // ---- tokens -------------------------------------------------------------------------------

  /** The last token peeked: where it started, where it ended, what it was. */
  private peeked: { pos: number; end: number; token: Token } | undefined;

  private peekToken(): Token {
    const save = this.sc.pos;
    if (this.peeked?.pos === save) return this.peeked.token;
    const token = this.scanToken();
    this.peeked = { pos: save, end: this.sc.pos, token };
    this.sc.pos = save;
    return token;
  }

  private nextToken(): Token {
    if (this.peeked?.pos === this.sc.pos) {
      this.sc.pos = this.peeked.end;
      return this.peeked.token;
    }
    return this.scanToken();
  }

  private scanToken(): Token {
    this.sc.skipBlanks();
    const c = this.sc.peek();
    if (c === undefined) return { kind: 'eof' };
    if (c === '\n') {
      this.sc.pos++;
      return { kind: 'newline' };
    }
    const io = /^([0-9]+)([<>])/.exec(this.sc.src.slice(this.sc.pos, this.sc.pos + 12));
    if (io) {
      const after = this.sc.pos + io[1].length;
      const op = REDIR_OPS.find((o) => this.sc.src.startsWith(o, after) && !o.startsWith('&'));
      if (op) {
        this.sc.pos = after + op.length;
        return { kind: 'redir', op: op as RedirOp, fd: Number(io[1]) };
      }
    }
    const redir = REDIR_OPS.find((o) => this.sc.startsWith(o));
    if (redir) {
      this.sc.pos += redir.length;
      return { kind: 'redir', op: redir as RedirOp };
    }
    const op = OPERATORS.find((o) => this.sc.startsWith(o));
    if (op) {
      this.sc.pos += op.length;
      return { kind: 'op', value: op };
    }
    const { word, raw } = this.sc.readWord();
    return { kind: 'word', word, raw };
  }

  private tokenText(t: Token): string {
    switch (t.kind) {
      case 'word':
        return t.raw;
      case 'op':
        return t.value;
      case 'redir':
        return t.op;
      case 'newline':
        return 'newline';
      case 'eof':
        return 'EOF';
    }
  }

  private unexpected(t: Token): Error {
    if (t.kind === 'eof') return new Incomplete();
    return new ShellSyntaxError(`syntax error near unexpected token \`${this.tokenText(t)}'`);
  }

  private isReserved(t: Token, ...names: string[]): boolean {
    return t.kind === 'word' && names.includes(t.raw);
  }

  /** Consumes newlines (reading pending here-document bodies after each). */
  private skipNewlines(): void {
    while (this.peekToken().kind === 'newline') {
      this.nextToken();
      this.readHeredocBodies();
    }
  }

  private readHeredocBodies(): void {
    const pending = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (let i = 0; i < pending.length; i++) {
      const redir = pending[i];
      const doc = redir.heredoc as NonNullable<Redirect['heredoc']>;
      const strip = redir.op === '<<-';
      const lines: string[] = [];
      const src = this.sc.src;
      const start = this.sc.pos;
      for (;;) {
        if (this.sc.pos >= src.length) {
          if (!this.final) {
            const e = new Incomplete();
            e.heredocs = pending.slice(i).map((r) => ({ delimiter: (r.heredoc as NonNullable<Redirect['heredoc']>).delimiter, strip: r.op === '<<-' }));
            throw e;
          }
          this.warnings.push(this.heredocEofWarning(start, doc.delimiter));
          break;
        }
        let end = src.indexOf('\n', this.sc.pos);
        const hasNewline = end >= 0;
        if (!hasNewline) end = src.length;
        let line = src.slice(this.sc.pos, end);
        this.sc.pos = hasNewline ? end + 1 : end;
        if (strip) line = line.replace(/^\t+/, '');
        if (line === doc.delimiter) break;
        if (!hasNewline && !this.final) {
          this.sc.pos = end - line.length;
          throw new Incomplete();
        }
        lines.push(line);
      }
      doc.body = lines.length ? lines.join('\n') + '\n' : '';
    }
  }

  /**
   * make_cmd.c make_here_document: `here-document at line %d delimited by end-of-file (wanted
   * \`%s')` through internal_warning, whose prolog adds `line N: ` where the input ran out
   * unless the shell is interactive. Both numbers are the last line bash had read at the time:
   * the one the body's reading began after, and the one where the text ended.
   */
  private heredocEofWarning(bodyStart: number, delimiter: string): string {
    const src = this.sc.src;
    const lineAt = (pos: number) => {
      let newlines = 0;
      for (let i = src.indexOf('\n'); i >= 0 && i < pos; i = src.indexOf('\n', i + 1)) newlines++;
      // at a line's start only the previous line has been read
      const atLineStart = pos === 0 || src[pos - 1] === '\n';
      return this.firstLine - 1 + (atLineStart ? newlines : newlines + 1);
    };
    const message = `warning: here-document at line ${lineAt(bodyStart)} delimited by end-of-file (wanted \`${delimiter}')`;
    return this.interactive ? `bash: ${message}` : `bash: line ${lineAt(src.length)}: ${message}`;
  }

  // ---- lists --------------------------------------------------------------------------------

  /** A list of and-or lists separated by `;`, `&` or newlines, until `stop()` says so. */
  private parseList(stop: () => boolean): List {
    this.listDepth++;
    try {
      return this.parseListItems(stop);
    } finally {
      this.listDepth--;
    }
  }

  private parseListItems(stop: () => boolean): List {
    const items: ListItem[] = [];
    this.skipNewlines();
    while (!stop()) {
      const t = this.peekToken();
      if (t.kind === 'eof') break;
      const start = this.sc.pos;
      const warned = this.warnings.length;
      const node = this.parseAndOr();
      const text = this.sc.src.slice(start, this.sc.pos).trim();
      const sep = this.peekToken();
      let background = false;
      if (sep.kind === 'op' && (sep.value === ';' || sep.value === '&')) {
        this.nextToken();
        background = sep.value === '&';
      } else if (sep.kind === 'newline') {
        // handled below
      } else if (sep.kind !== 'eof' && !stop()) {
        throw this.unexpected(sep);
      }
      const item: ListItem = { node, background, text };
      items.push(item);
      const top = this.listDepth === 1;
      if (top) this.lineFirst ??= item;
      const end = this.sc.pos;
      this.skipNewlines();
      // the program's items carry the warnings their line raised (here-document bodies are read
      // after the line), on the line's first item: bash prints them before running the line
      if (top) {
        this.attachWarnings(warned);
        if (this.sc.pos > end) this.lineFirst = undefined;
      }
    }
    return { items };
  }

  /** A list that must contain at least one command (bodies of if/while/for…). */
  private parseCompoundList(...terminators: string[]): List {
    const list = this.parseList(() => {
      const t = this.peekToken();
      return this.isReserved(t, ...terminators) || (t.kind === 'op' && (t.value === ')' || t.value === ';;' || t.value === ';&'));
    });
    // the text ends where another command or the terminator may come (every caller then wants a
    // terminator, so the end is incomplete either way)
    if (this.peekToken().kind === 'eof') throw boundaryIncomplete();
    if (list.items.length === 0) {
      const t = this.peekToken();
      throw this.unexpected(t);
    }
    return list;
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const t = this.peekToken();
      if (t.kind !== 'op' || (t.value !== '&&' && t.value !== '||')) break;
      this.nextToken();
      this.skipNewlines();
      rest.push({ op: t.value, pipeline: this.parsePipeline() });
    }
    return { first, rest };
  }

  private parsePipeline(): Pipeline {
    let negate = false;
    let time: Pipeline['time'];
    if (this.isReserved(this.peekToken(), 'time')) {
      this.nextToken();
      time = 'bash';
      if (this.isReserved(this.peekToken(), '-p')) {
        this.nextToken();
        time = 'posix';
      }
      const t = this.peekToken();
      // `time` alone times nothing (bash prints the three lines all the same).
      if (t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'op' && [';', '&', '&&', '||'].includes(t.value))) return { negate, commands: [], time };
    }
    if (this.isReserved(this.peekToken(), '!')) {
      this.nextToken();
      negate = true;
    }
    const commands: ShellCommand[] = [this.parseCommand()];
    for (;;) {
      const t = this.peekToken();
      if (t.kind !== 'op' || (t.value !== '|' && t.value !== '|&')) break;
      this.nextToken();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return time ? { negate, commands, time } : { negate, commands };
  }

  // ---- commands -----------------------------------------------------------------------------

  private parseCommand(): ShellCommand {
    const t = this.peekToken();
    return nested(t.kind === 'eof' || t.kind === 'newline' ? '' : this.tokenText(t), () => this.parseCommandBody());
  }

  private parseCommandBody(): ShellCommand {
    const t = this.peekToken();
    if (t.kind === 'eof') throw new Incomplete();
    if (t.kind === 'newline') throw this.unexpected(t);
    if (t.kind === 'op') {
      if (t.value === '(' && /^[ \t]*\(\(/.test(this.sc.src.slice(this.sc.pos, this.sc.pos + 64))) {
        const arith = this.tryArithCommand();
        if (arith) return arith;
      }
      if (t.value === '(') {
        this.nextToken();
        const body = this.parseCompoundList();
        this.expectOp(')');
        return { type: 'subshell', body, redirs: this.parseTrailingRedirs() };
      }
      throw this.unexpected(t);
    }
    if (t.kind === 'word') {
      switch (t.raw) {
        case 'if':
          return this.parseIf();
        case 'for':
          return this.parseFor();
        case 'while':
        case 'until':
          return this.parseLoop(t.raw);
        case 'case':
          return this.parseCase();
        case '{': {
          this.nextToken();
          const body = this.parseCompoundList('}');
          this.expectWord('}');
          return { type: 'group', body, redirs: this.parseTrailingRedirs() };
        }
        case 'function':
          return this.parseFunctionKeyword();
        case '[[':
          return this.parseDoubleBracket();
        case 'then':
        case 'else':
        case 'elif':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
        case 'in':
          throw this.unexpected(t);
      }
      // bash (not in posix mode) takes any word but an assignment as a function name: `:()`,
      // `foo-bar()`, `a.b()` (parse.y function_def: WORD '(' ')')
      if (!asAssignment(t.word, t.raw)) {
        const save = this.sc.pos;
        this.nextToken();
        const p = this.peekToken();
        if (p.kind === 'op' && p.value === '(') {
          this.nextToken();
          const close = this.nextToken();
          if (close.kind !== 'op' || close.value !== ')') throw this.unexpected(close);
          return this.parseFunctionBody(t.raw);
        }
        this.sc.pos = save;
      }
    }
    return this.parseSimple();
  }

  /** `[[ … ]]`: operators inside are words (`&&`, `<`, `(`), evaluated by the `[[` built-in. */
  private parseDoubleBracket(): ShellCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: 0 };
    const first = this.nextToken();
    if (first.kind === 'word') cmd.words.push(first.word);
    for (;;) {
      const t = this.nextToken();
      if (t.kind === 'eof') throw new Incomplete("unexpected EOF while looking for `]]'");
      if (t.kind === 'newline') continue;
      if (t.kind === 'word') {
        cmd.words.push(t.word);
        if (t.raw === ']]') break;
        if (t.raw === '=~') cmd.words.push(this.readRegexWord());
        continue;
      }
      const text = t.kind === 'op' ? t.value : t.kind === 'redir' ? `${t.fd ?? ''}${t.op}` : '';
      if (text === ';' || text === '&' || text === '|' || text === ';;') throw new ShellSyntaxError(`syntax error in conditional expression: unexpected token \`${text}'`);
      cmd.words.push({ parts: [{ type: 'lit', text, quoted: false }] });
    }
    cmd.redirs = this.parseTrailingRedirs();
    return cmd;
  }

  /**
   * `(( expr ))`: an arithmetic command, kept as the words `((` and the expression text (expanded
   * like a here-document, then evaluated). Undefined when the parentheses do not close as `))`.
   */
  private tryArithCommand(): ShellCommand | undefined {
    this.sc.skipBlanks();
    const start = this.sc.pos + 2;
    const src = this.sc.src;
    let depth = 0;
    for (let i = start; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth > 0) {
          depth--;
          continue;
        }
        if (src[i + 1] !== ')') return undefined;
        this.sc.pos = i + 2;
        this.peeked = undefined;
        const cmd: SimpleCommand = {
          type: 'simple',
          assigns: [],
          words: [{ parts: [{ type: 'lit', text: '((', quoted: false }] }, parseHeredocBody(src.slice(start, i))],
          redirs: [],
          line: 0,
        };
        cmd.redirs = this.parseTrailingRedirs();
        return cmd;
      }
    }
    throw new Incomplete();
  }

  /**
   * The operand of `=~` (bash's PST_REGEXP): parentheses, `|`, `<`, `>`, `&`, `;` and, inside
   * parentheses, blanks are part of the word, not operators; quotes and expansions work as in
   * any word (the interpreter makes quoted characters literal in the regex).
   */
  private readRegexWord(): Word {
    this.sc.skipBlanks();
    const parts: Word['parts'] = [];
    let depth = 0;
    for (;;) {
      const ch = this.sc.peek();
      if (ch === undefined) throw new Incomplete("unexpected EOF while looking for `]]'");
      if ((ch === ' ' || ch === '\t' || ch === '\n') && depth === 0) break;
      if (this.sc.atWordStart()) {
        parts.push(...this.sc.readWord().word.parts);
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')') depth = Math.max(0, depth - 1);
      parts.push({ type: 'lit', text: ch, quoted: false });
      this.sc.pos++;
    }
    this.peeked = undefined;
    return { parts };
  }

  private parseFunctionKeyword(): ShellCommand {
    this.nextToken();
    const name = this.nextToken();
    if (name.kind !== 'word') throw this.unexpected(name);
    const p = this.peekToken();
    if (p.kind === 'op' && p.value === '(') {
      this.nextToken();
      const close = this.nextToken();
      if (close.kind !== 'op' || close.value !== ')') throw this.unexpected(close);
    }
    return this.parseFunctionBody(name.raw);
  }

  private parseFunctionBody(name: string): ShellCommand {
    this.skipNewlines();
    const t = this.peekToken();
    if (t.kind === 'eof') throw new Incomplete();
    if (!(this.isReserved(t, '{', 'if', 'for', 'while', 'until', 'case') || (t.kind === 'op' && t.value === '('))) throw this.unexpected(t);
    const fn: FunctionDef = { type: 'function', name, body: this.parseCommand() };
    // execute_cmd.c execute_intern_function → check_identifier: a name with `$` or quoting
    // (W_HASDOLLAR|W_QUOTED) parses, but defining it fails (status 1)
    if (/[$`'"\\]/.test(name)) fn.invalid = `bash: \`${name}': not a valid identifier`;
    return fn;
  }

  private expectWord(word: string): void {
    const t = this.nextToken();
    if (!this.isReserved(t, word)) throw this.unexpected(t);
  }

  private expectOp(op: string): void {
    const t = this.nextToken();
    if (t.kind !== 'op' || t.value !== op) throw this.unexpected(t);
  }

  private parseTrailingRedirs(): Redirect[] {
    const redirs: Redirect[] = [];
    while (this.peekToken().kind === 'redir') redirs.push(this.parseRedirect());
    return redirs;
  }

  private parseRedirect(): Redirect {
    const t = this.nextToken();
    if (t.kind !== 'redir') throw this.unexpected(t);
    const target = this.nextToken();
    if (target.kind !== 'word') throw this.unexpected(target);
    const redir: Redirect = { op: t.op, target: target.word };
    if (t.fd !== undefined) redir.fd = t.fd;
    if (t.op === '<<' || t.op === '<<-') {
      const quoted = /['"\\]/.test(target.raw);
      const delimiter = target.raw.replace(/\\(.)/g, '$1').replace(/['"]/g, '');
      redir.heredoc = { body: '', quoted, delimiter };
      this.pendingHeredocs.push(redir);
    }
    return redir;
  }

  private parseSimple(): SimpleCommand {
    const cmd: SimpleCommand = { type: 'simple', assigns: [], words: [], redirs: [], line: 0 };
    for (;;) {
      const t = this.peekToken();
      if (t.kind === 'redir') {
        cmd.redirs.push(this.parseRedirect());
        continue;
      }
      if (t.kind !== 'word') break;
      this.nextToken();
      if (cmd.words.length === 0) {
        const assign = asAssignment(t.word, t.raw);
        if (assign) {
          cmd.assigns.push(assign);
          continue;
        }
      }
      cmd.words.push(t.word);
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirs.length === 0) {
      throw this.unexpected(this.peekToken());
    }
    return cmd;
  }

  private parseIf(): ShellCommand {
    this.nextToken();
    const branches: { cond: List; body: List }[] = [];
    let elseBody: List | undefined;
    let cond = this.parseCompoundList('then');
    this.expectWord('then');
    let body = this.parseCompoundList('elif', 'else', 'fi');
    branches.push({ cond, body });
    for (;;) {
      const t = this.nextToken();
      if (this.isReserved(t, 'fi')) break;
      if (this.isReserved(t, 'elif')) {
        cond = this.parseCompoundList('then');
        this.expectWord('then');
        body = this.parseCompoundList('elif', 'else', 'fi');
        branches.push({ cond, body });
        continue;
      }
      if (this.isReserved(t, 'else')) {
        elseBody = this.parseCompoundList('fi');
        this.expectWord('fi');
        break;
      }
      throw this.unexpected(t);
    }
    return { type: 'if', branches, elseBody, redirs: this.parseTrailingRedirs() };
  }

  private parseFor(): ShellCommand {
    this.nextToken();
    const name = this.nextToken();
    if (name.kind !== 'word') throw this.unexpected(name);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) throw new ShellSyntaxError(`\`${name.raw}': not a valid identifier`);
    let items: Word[] | undefined;
    let t = this.peekToken();
    if (t.kind === 'op' && t.value === ';') {
      this.nextToken();
    }
    this.skipNewlines();
    t = this.peekToken();
    if (this.isReserved(t, 'in')) {
      this.nextToken();
      items = [];
      for (;;) {
        const w = this.peekToken();
        if (w.kind !== 'word') break;
        this.nextToken();
        items.push(w.word);
      }
      const sep = this.nextToken();
      if (sep.kind === 'eof') throw new Incomplete();
      if (!(sep.kind === 'newline' || (sep.kind === 'op' && sep.value === ';'))) throw this.unexpected(sep);
      if (sep.kind === 'newline') this.readHeredocBodies();
      this.skipNewlines();
    }
    this.expectWord('do');
    const body = this.parseCompoundList('done');
    this.expectWord('done');
    return { type: 'for', name: name.raw, items, body, redirs: this.parseTrailingRedirs() };
  }

  private parseLoop(kind: 'while' | 'until'): ShellCommand {
    this.nextToken();
    const cond = this.parseCompoundList('do');
    this.expectWord('do');
    const body = this.parseCompoundList('done');
    this.expectWord('done');
    return { type: kind, cond, body, redirs: this.parseTrailingRedirs() };
  }

  private parseCase(): ShellCommand {
    this.nextToken();
    const subject = this.nextToken();
    if (subject.kind !== 'word') throw this.unexpected(subject);
    this.skipNewlines();
    this.expectWord('in');
    this.skipNewlines();
    const arms: CaseClause['arms'] = [];
    for (;;) {
      const t = this.peekToken();
      if (this.isReserved(t, 'esac')) {
        this.nextToken();
        break;
      }
      if (t.kind === 'eof') throw new Incomplete();
      if (t.kind === 'op' && t.value === '(') this.nextToken();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.nextToken();
        if (p.kind !== 'word') throw this.unexpected(p);
        patterns.push(p.word);
        const sep = this.nextToken();
        if (sep.kind === 'op' && sep.value === ')') break;
        if (sep.kind === 'op' && sep.value === '|') continue;
        throw this.unexpected(sep);
      }
      const body = this.parseList(() => {
        const n = this.peekToken();
        return (n.kind === 'op' && (n.value === ';;' || n.value === ';&')) || this.isReserved(n, 'esac');
      });
      const end = this.peekToken();
      if (end.kind === 'eof') throw boundaryIncomplete();
      let fallthrough = false;
      if (end.kind === 'op' && (end.value === ';;' || end.value === ';&')) {
        this.nextToken();
        fallthrough = end.value === ';&';
      } else if (!this.isReserved(end, 'esac')) throw this.unexpected(end);
      arms.push({ patterns, body, fallthrough });
      this.skipNewlines();
    }
    return { type: 'case', subject: subject.word, arms, redirs: this.parseTrailingRedirs() };
  }
}

function boundaryIncomplete(): Incomplete {
  const e = new Incomplete();
  e.boundary = true;
  return e;
}

/** `NAME=value` or `NAME+=value` at the start of a simple command. */
function asAssignment(word: Word, raw: string): Assignment | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(raw);
  if (!m) return undefined;
  const first = word.parts[0];
  if (!first || first.type !== 'lit' || first.quoted || !first.text.startsWith(m[0])) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = rest ? [{ ...first, text: rest }, ...word.parts.slice(1)] : word.parts.slice(1);
  return { name: m[1], value: { parts }, append: m[2] === '+' };
}

export { RESERVED, isNameChar, isNameStart };
