/**
 * `$(( … ))` arithmetic: integers, + - * / % **, comparisons, && || !, bitwise operators,
 * parentheses, ternary, variables (unset = 0) and assignment (`=`, `+=`, `++`, `--`).
 * Errors throw `ArithError` with bash's wording (e.g. "division by 0 (error token is \"0\")").
 */

export class ArithError extends Error {
  readonly code = 'ARITH';
}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Tok = { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['**=', '<<=', '>>=', '&&', '||', '==', '!=', '<=', '>=', '<<', '>>', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '+', '-', '*', '/', '%', '<', '>', '!', '~', '&', '|', '^', '(', ')', '?', ':', '=', ','];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const text = num[1];
      if (/^[0-9]+[A-Za-z_]/.test(src.slice(i))) {
        throw new ArithError(`${src.slice(i).trim()}: value too great for base (error token is "${src.slice(i).trim()}")`);
      }
      out.push({ t: 'num', v: text.startsWith('0') && text.length > 1 && !/[xX]/.test(text) ? parseInt(text, 8) : Number(text) });
      i += text.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError(`${src.trim()}: syntax error: operand expected (error token is "${src.slice(i).trim()}")`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

/** Evaluates an arithmetic expression; variables are read and assigned through `vars`. */
/**
 * bash's MAX_EXPR_RECURSION_LEVEL (expr.c): how deeply a variable's value may be evaluated as
 * an expression naming another (`x=y y=x`). We apply it to parentheses and unary operators
 * too, which bash recurses on without a bound, so that `$(((((…` cannot overflow the stack.
 */
export const MAX_EXPR_RECURSION_LEVEL = 1024;
let exprDepth = 0;

export function evaluateArithmetic(src: string, vars: ArithVars): number {
  const toks = tokenize(src);
  let p = 0;
  const whole = src.trim();
  const peek = () => toks[p];
  const isOp = (v: string) => toks[p]?.t === 'op' && toks[p].v === v;
  const rest = () => toks.slice(p).map((t) => String(t.v)).join(' ');
  // one level deeper: few stack frames per level, so MAX_EXPR_RECURSION_LEVEL fits the stack
  function deeper(fn: () => number): number {
    if (exprDepth >= MAX_EXPR_RECURSION_LEVEL) throw new ArithError(`${whole}: expression recursion level exceeded (error token is "${rest()}")`);
    exprDepth++;
    try {
      return fn();
    } finally {
      exprDepth--;
    }
  }
  const fail = (): never => {
    if (p >= toks.length) throw new ArithError(`${whole}: syntax error: operand expected (error token is "${whole}")`);
    throw new ArithError(`${whole}: syntax error in expression (error token is "${rest()}")`);
  };
  const readVar = (name: string): number => {
    let raw = vars.get(name);
    // a value naming another variable (`x=y y=x`) is followed in a loop, not by recursion:
    // each step is one of bash's recursion levels
    for (let level = exprDepth; ; level++) {
      if (raw === undefined || raw.trim() === '') return 0;
      const n = Number(raw.trim());
      if (Number.isInteger(n)) return n;
      if (level >= MAX_EXPR_RECURSION_LEVEL) throw new ArithError(`${raw.trim()}: expression recursion level exceeded (error token is "${raw.trim()}")`);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw.trim())) break;
      raw = vars.get(raw.trim());
    }
    const value = raw;
    return deeper(() => evaluateArithmetic(value, vars));
  };
  const int = (n: number) => (Number.isFinite(n) ? Math.trunc(n) : 0);

  const primary = (): number => {
    const t = peek();
    if (!t) return fail();
    if (t.t === 'num') {
      p++;
      return t.v;
    }
    if (t.t === 'id') {
      p++;
      if (isOp('++') || isOp('--')) {
        const op = toks[p++].v;
        const old = readVar(t.v);
        vars.set(t.v, String(op === '++' ? old + 1 : old - 1));
        return old;
      }
      const assignOps = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^=', '**='];
      const a = peek();
      if (a?.t === 'op' && assignOps.includes(a.v)) {
        p++;
        const rhs = ternary();
        const old = readVar(t.v);
        const v = a.v === '=' ? rhs : binary(a.v.slice(0, -1), old, rhs);
        vars.set(t.v, String(v));
        return v;
      }
      return readVar(t.v);
    }
    if (t.v === '(') {
      p++;
      const v = deeper(comma);
      if (!isOp(')')) fail();
      p++;
      return v;
    }
    if (t.v === '++' || t.v === '--') {
      p++;
      const id = peek();
      if (id?.t !== 'id') return fail();
      p++;
      const v = readVar(id.v) + (t.v === '++' ? 1 : -1);
      vars.set(id.v, String(v));
      return v;
    }
    if (t.v === '-' || t.v === '+' || t.v === '!' || t.v === '~') {
      p++;
      const v = deeper(primary);
      return t.v === '-' ? -v : t.v === '+' ? v : t.v === '!' ? Number(!v) : ~v;
    }
    return fail();
  };
  const binary = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return int(a + b);
      case '-': return int(a - b);
      case '*': return int(a * b);
      case '/':
      case '%':
        if (b === 0) throw new ArithError(`${whole}: division by 0 (error token is "${String(b)}")`);
        return op === '/' ? int(a / b) : a % b;
      case '**':
        if (b < 0) throw new ArithError(`${whole}: exponent less than 0 (error token is "${String(b)}")`);
        return int(a ** b);
      case '<<': return a << b;
      case '>>': return a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '<': return Number(a < b);
      case '>': return Number(a > b);
      case '<=': return Number(a <= b);
      case '>=': return Number(a >= b);
      case '==': return Number(a === b);
      case '!=': return Number(a !== b);
    }
    return fail();
  };
  const levels: string[][] = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];
  const precedence = new Map(levels.flatMap((ops, i) => ops.map((op) => [op, i] as const)));
  const power = (): number => {
    const base = primary();
    if (isOp('**')) {
      p++;
      return binary('**', base, power());
    }
    return base;
  };
  // precedence climbing (left-associative levels), one stack frame per operand rather than
  // one per level, so deep nesting stays within the stack
  const level = (min: number): number => {
    let v = power();
    for (;;) {
      const t = peek();
      const prec = t?.t === 'op' ? precedence.get(t.v) : undefined;
      if (prec === undefined || prec < min) return v;
      p++;
      const rhs = level(prec + 1);
      const op = t!.v as string;
      v = op === '||' ? Number(Boolean(v) || Boolean(rhs)) : op === '&&' ? Number(Boolean(v) && Boolean(rhs)) : binary(op, v, rhs);
    }
  };
  const ternary = (): number => {
    const c = level(0);
    if (!isOp('?')) return c;
    p++;
    const a = ternary();
    if (!isOp(':')) fail();
    p++;
    const b = ternary();
    return c ? a : b;
  };
  const comma = (): number => {
    let v = ternary();
    while (isOp(',')) {
      p++;
      v = ternary();
    }
    return v;
  };
  if (toks.length === 0) return 0;
  if (exprDepth === 0) {
    // a backstop: values that are whole expressions (`x='x+1'`) nest a dozen frames a level,
    // and a small host stack may end before MAX_EXPR_RECURSION_LEVEL
    try {
      const v = comma();
      if (p < toks.length) fail();
      return v;
    } catch (e) {
      if (e instanceof RangeError) throw new ArithError(`${whole}: expression recursion level exceeded (error token is "${whole}")`);
      throw e;
    }
  }
  const v = comma();
  if (p < toks.length) fail();
  return v;
}
