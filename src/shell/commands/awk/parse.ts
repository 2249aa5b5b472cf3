/**
 * A parser for the awk subset tutorials use: BEGIN/END, /regex/ and expression patterns,
 * print/printf, if/while/for/for-in, next/exit, arrays, fields, the usual operators and
 * built-in functions. Errors throw `AwkSyntaxError`, worded as mawk 1.3.4 (Debian 12's awk)
 * words them (error.c compile_error, scan.c, re_cmpl.c).
 */
import { AwkSyntaxError, KEYWORDS, lex } from './lex.ts';

export { AwkSyntaxError };

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 're'; v: string }
  | { k: 'var'; name: string }
  | { k: 'field'; e: Expr }
  | { k: 'index'; name: string; subs: Expr[] }
  | { k: 'assign'; op: string; target: Expr; e: Expr }
  | { k: 'cond'; c: Expr; a: Expr; b: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'un'; op: string; e: Expr }
  | { k: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { k: 'in'; subs: Expr[]; name: string }
  | { k: 'call'; name: string; args: Expr[] }
  | { k: 'group'; e: Expr };

export type Stmt =
  | { k: 'print'; args: Expr[]; printf: boolean }
  | { k: 'expr'; e: Expr }
  | { k: 'if'; c: Expr; a: Stmt; b?: Stmt }
  | { k: 'while'; c: Expr; body: Stmt }
  | { k: 'do'; c: Expr; body: Stmt }
  | { k: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { k: 'forin'; v: string; arr: string; body: Stmt }
  | { k: 'block'; body: Stmt[] }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }
  | { k: 'break' }
  | { k: 'continue' }
  | { k: 'delete'; name: string; subs?: Expr[] }
  | { k: 'getline' };

export interface Rule {
  kind: 'begin' | 'end' | 'main';
  pattern?: Expr;
  pattern2?: Expr;
  action?: Stmt;
  inRange?: boolean;
}

/** The built-in functions run.ts evaluates. */
const IMPLEMENTED = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'toupper', 'tolower', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2']);
/** mawk 1.3.4 20200120's other built-ins (bi_funct.c). */
const NOT_EMULATED = new Set(['rand', 'srand', 'system', 'close', 'fflush', 'systime', 'mktime', 'strftime']);

/**
 * After the parse, as mawk's fcall.c resolve_fcalls does: a call of a function that was never
 * defined is `function NAME never defined` at the last line read (compile_error's
 * token_lineno). mawk built-ins the lab does not run say so.
 */
function checkCalls(rules: Rule[], lastLine: number): void {
  const seen = (e: unknown): void => {
    if (!e || typeof e !== 'object') return;
    if (Array.isArray(e)) {
      e.forEach(seen);
      return;
    }
    const node = e as { k?: string; name?: string };
    if (node.k === 'call' && node.name !== undefined && !IMPLEMENTED.has(node.name)) {
      if (NOT_EMULATED.has(node.name)) throw new AwkSyntaxError(`petlab: awk's ${node.name}() is not available in this lab`, lastLine, 'raw');
      throw new AwkSyntaxError(`function ${node.name} never defined`, lastLine);
    }
    Object.values(node).forEach(seen);
  };
  seen(rules);
}

/** Parses an awk program into rules. */
export function parseAwk(src: string): Rule[] {
  const { toks, lines } = lex(src);
  let p = 0;
  const peek = (o = 0) => toks[p + o];
  const isOp = (v: string, o = 0) => {
    const t = toks[p + o];
    return t.t === 'op' && t.v === v;
  };
  const isName = (v: string) => {
    const t = toks[p];
    return t.t === 'name' && t.v === v;
  };
  const fail = (): never => {
    const t = peek();
    // error.c's token_str: a newline token reads `end of line`
    const text = t.t === 'eof' ? 'end of file' : t.t === 'nl' ? 'end of line' : String((t as { v: unknown }).v);
    // yyerror: with a ( or { still open, some tokens say what is missing instead
    let parens = 0;
    let braces = 0;
    for (const u of toks.slice(0, p + 1)) {
      if (u.t !== 'op') continue;
      if (u.v === '(') parens++;
      else if (u.v === ')') parens--;
      else if (u.v === '{') braces++;
      else if (u.v === '}') braces--;
    }
    const isCloser = t.t === 'op' && (t.v === ';' || t.v === '}');
    if (parens && (t.t === 'eof' || t.t === 'nl' || isCloser)) throw new AwkSyntaxError(`missing ) near ${text}`, lines[p]);
    if (braces && (t.t === 'eof' || (t.t === 'name' && (t.v === 'BEGIN' || t.v === 'END')))) throw new AwkSyntaxError(`missing } near ${text}`, lines[p]);
    throw new AwkSyntaxError(`syntax error at or near ${text}`, lines[p]);
  };
  const expectOp = (v: string) => {
    if (!isOp(v)) fail();
    p++;
  };
  const skipNl = () => {
    while (peek().t === 'nl') p++;
  };
  const skipTerms = () => {
    while (peek().t === 'nl' || isOp(';')) p++;
  };

  // ---- expressions
  let noIn = false;
  let noGt = false;
  const primary = (): Expr => {
    const t = peek();
    if (t.t === 'num') {
      p++;
      return { k: 'num', v: t.v };
    }
    if (t.t === 'str') {
      p++;
      return { k: 'str', v: t.v };
    }
    if (t.t === 're') {
      p++;
      return { k: 're', v: t.v };
    }
    if (t.t === 'op') {
      if (t.v === '(') {
        p++;
        const saved = [noIn, noGt];
        noIn = false;
        noGt = false;
        const e = expr();
        if (isOp(',')) {
          const subs = [e];
          while (isOp(',')) {
            p++;
            subs.push(expr());
          }
          expectOp(')');
          [noIn, noGt] = saved;
          if (!isName('in')) fail();
          p++;
          const arr = peek();
          if (arr.t !== 'name') fail();
          p++;
          return { k: 'in', subs, name: (arr as { v: string }).v };
        }
        expectOp(')');
        [noIn, noGt] = saved;
        return { k: 'group', e };
      }
      if (t.v === '$') {
        p++;
        return { k: 'field', e: incdecExpr() };
      }
      if (t.v === '-' || t.v === '+' || t.v === '!') {
        p++;
        return { k: 'un', op: t.v, e: unary() };
      }
      if (t.v === '++' || t.v === '--') {
        p++;
        return { k: 'incdec', op: t.v, prefix: true, target: incdecExpr() };
      }
      return fail();
    }
    if (t.t === 'name') {
      if (KEYWORDS.has(t.v) && t.v !== 'getline') fail();
      p++;
      if (isOp('(') ) {
        p++;
        const args: Expr[] = [];
        skipNl();
        if (!isOp(')')) {
          const saved = [noIn, noGt];
          noIn = false;
          noGt = false;
          args.push(expr());
          while (isOp(',')) {
            p++;
            skipNl();
            args.push(expr());
          }
          [noIn, noGt] = saved;
        }
        expectOp(')');
        return { k: 'call', name: t.v, args };
      }
      if (isOp('[')) {
        p++;
        const subs = [expr()];
        while (isOp(',')) {
          p++;
          subs.push(expr());
        }
        expectOp(']');
        return { k: 'index', name: t.v, subs };
      }
      if (t.v === 'length') return { k: 'call', name: 'length', args: [] };
      return { k: 'var', name: t.v };
    }
    return fail();
  };
  const incdecExpr = (): Expr => {
    const e = primary();
    if ((isOp('++') || isOp('--')) && (e.k === 'var' || e.k === 'index' || e.k === 'field')) {
      const op = (peek() as { v: string }).v;
      p++;
      return { k: 'incdec', op, prefix: false, target: e };
    }
    return e;
  };
  const power = (): Expr => {
    const base = incdecExpr();
    if (isOp('^')) {
      p++;
      return { k: 'bin', op: '^', a: base, b: unaryNoConcat() };
    }
    return base;
  };
  const unaryNoConcat = (): Expr => {
    if (isOp('-') || isOp('+') || isOp('!')) {
      const op = (peek() as { v: string }).v;
      p++;
      return { k: 'un', op, e: unaryNoConcat() };
    }
    return power();
  };
  const unary = unaryNoConcat;
  const mul = (): Expr => {
    let a = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = (peek() as { v: string }).v;
      p++;
      a = { k: 'bin', op, a, b: unary() };
    }
    return a;
  };
  const add = (): Expr => {
    let a = mul();
    while (isOp('+') || isOp('-')) {
      const op = (peek() as { v: string }).v;
      p++;
      a = { k: 'bin', op, a, b: mul() };
    }
    return a;
  };
  const startsOperand = () => {
    const t = peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 're') return true;
    if (t.t === 'name') return !KEYWORDS.has(t.v) || t.v === 'getline';
    return t.t === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v) && !(t.v === '!' && false);
  };
  const concat = (): Expr => {
    let a = add();
    while (startsOperand() && !isOp('-') && !isOp('+') && !isName('in')) {
      a = { k: 'bin', op: 'concat', a, b: add() };
    }
    return a;
  };
  const comparison = (): Expr => {
    const a = concat();
    for (const op of ['<', '<=', '!=', '==', '>=', '>']) {
      if (isOp(op) && !(op === '>' && noGt)) {
        p++;
        return { k: 'bin', op, a, b: concat() };
      }
    }
    return a;
  };
  const match = (): Expr => {
    let a = comparison();
    while (isOp('~') || isOp('!~')) {
      const op = (peek() as { v: string }).v;
      p++;
      a = { k: 'bin', op, a, b: comparison() };
    }
    return a;
  };
  const inExpr = (): Expr => {
    let a = match();
    while (!noIn && isName('in')) {
      p++;
      const arr = peek();
      if (arr.t !== 'name') fail();
      p++;
      a = { k: 'in', subs: [a], name: (arr as { v: string }).v };
    }
    return a;
  };
  const and = (): Expr => {
    let a = inExpr();
    while (isOp('&&')) {
      p++;
      skipNl();
      a = { k: 'bin', op: '&&', a, b: inExpr() };
    }
    return a;
  };
  const or = (): Expr => {
    let a = and();
    while (isOp('||')) {
      p++;
      skipNl();
      a = { k: 'bin', op: '||', a, b: and() };
    }
    return a;
  };
  const ternary = (): Expr => {
    const c = or();
    if (!isOp('?')) return c;
    p++;
    const a = ternary();
    expectOp(':');
    return { k: 'cond', c, a, b: ternary() };
  };
  const expr = (): Expr => {
    const left = ternary();
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=', '^=']) {
      if (isOp(op)) {
        if (left.k !== 'var' && left.k !== 'index' && left.k !== 'field') fail();
        p++;
        return { k: 'assign', op, target: left, e: expr() };
      }
    }
    return left;
  };

  // ---- statements
  const simpleStatement = (): Stmt => {
    const t = peek();
    if (t.t === 'name') {
      switch (t.v) {
        case 'print':
        case 'printf': {
          p++;
          const args: Expr[] = [];
          noGt = true;
          if (!isOp(';') && !isOp('}') && peek().t !== 'nl' && peek().t !== 'eof' && !isOp('>')) {
            if (isOp('(')) {
              // print (a, b) and print (a)(b)
              const save = p;
              try {
                p++;
                noGt = false;
                const inner = [expr()];
                while (isOp(',')) {
                  p++;
                  inner.push(expr());
                }
                expectOp(')');
                if (isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof') {
                  noGt = false;
                  return { k: 'print', args: inner, printf: t.v === 'printf' };
                }
              } catch {
                // fall through to the general form
              }
              p = save;
              noGt = true;
            }
            args.push(expr());
            while (isOp(',')) {
              p++;
              skipNl();
              args.push(expr());
            }
          }
          noGt = false;
          if (isOp('>') || isOp('>>') || isOp('|')) throw new AwkSyntaxError("petlab: awk's output redirection is not available in this lab", 1, 'raw');
          return { k: 'print', args, printf: t.v === 'printf' };
        }
        case 'next':
          p++;
          return { k: 'next' };
        case 'break':
          p++;
          return { k: 'break' };
        case 'continue':
          p++;
          return { k: 'continue' };
        case 'getline':
          throw new AwkSyntaxError("petlab: awk's getline is not available in this lab", 1, 'raw');
        case 'exit': {
          p++;
          if (isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof') return { k: 'exit' };
          return { k: 'exit', e: expr() };
        }
        case 'delete': {
          p++;
          const n = peek();
          if (n.t !== 'name') fail();
          p++;
          if (!isOp('[')) return { k: 'delete', name: (n as { v: string }).v };
          p++;
          const subs = [expr()];
          while (isOp(',')) {
            p++;
            subs.push(expr());
          }
          expectOp(']');
          return { k: 'delete', name: (n as { v: string }).v, subs };
        }
      }
    }
    return { k: 'expr', e: expr() };
  };
  const statement = (): Stmt => {
    skipTerms();
    if (isOp('{')) {
      p++;
      const body: Stmt[] = [];
      skipTerms();
      while (!isOp('}')) {
        if (peek().t === 'eof') fail();
        body.push(statement());
        skipTerms();
      }
      p++;
      return { k: 'block', body };
    }
    if (isName('if')) {
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      skipNl();
      const a = statement();
      const save = p;
      skipTerms();
      if (isName('else')) {
        p++;
        skipNl();
        return { k: 'if', c, a, b: statement() };
      }
      p = save;
      return { k: 'if', c, a };
    }
    if (isName('while')) {
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      skipNl();
      if (isOp(';')) {
        p++;
        return { k: 'while', c, body: { k: 'block', body: [] } };
      }
      return { k: 'while', c, body: statement() };
    }
    if (isName('do')) {
      p++;
      skipNl();
      const body = statement();
      skipTerms();
      if (!isName('while')) fail();
      p++;
      expectOp('(');
      const c = expr();
      expectOp(')');
      return { k: 'do', c, body };
    }
    if (isName('for')) {
      p++;
      expectOp('(');
      const t0 = peek();
      const t1 = peek(1);
      const t2 = peek(2);
      if (t0.t === 'name' && t1.t === 'name' && t1.v === 'in' && t2.t === 'name' && toks[p + 3].t === 'op' && (toks[p + 3] as { v: string }).v === ')') {
        p += 4;
        skipNl();
        return { k: 'forin', v: t0.v, arr: t2.v, body: statement() };
      }
      const init = isOp(';') ? undefined : simpleExpr();
      expectOp(';');
      skipNl();
      const c = isOp(';') ? undefined : expr();
      expectOp(';');
      skipNl();
      const step = isOp(')') ? undefined : simpleExpr();
      expectOp(')');
      skipNl();
      return { k: 'for', init, c, step, body: statement() };
    }
    if (isOp(';')) {
      p++;
      return { k: 'block', body: [] };
    }
    const s = simpleStatement();
    if (!(isOp(';') || isOp('}') || peek().t === 'nl' || peek().t === 'eof')) fail();
    return s;
  };
  const simpleExpr = (): Expr => expr();

  // ---- program
  const rules: Rule[] = [];
  skipTerms();
  while (peek().t !== 'eof') {
    if (isName('function')) throw new AwkSyntaxError("petlab: awk's user-defined functions are not available in this lab", 1, 'raw');
    let rule: Rule;
    if (isName('BEGIN') || isName('END')) {
      const kind = (peek() as { v: string }).v === 'BEGIN' ? 'begin' : 'end';
      p++;
      skipNl();
      if (!isOp('{')) fail();
      rule = { kind, action: statement() };
    } else {
      rule = { kind: 'main' };
      if (!isOp('{')) {
        rule.pattern = expr();
        if (isOp(',')) {
          p++;
          skipNl();
          rule.pattern2 = expr();
        }
      }
      if (isOp('{')) rule.action = statement();
    }
    rules.push(rule);
    skipTerms();
  }
  checkCalls(rules, lines[lines.length - 1]);
  return rules;
}
