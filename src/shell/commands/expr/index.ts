/**
 * `expr` as GNU coreutils 9.1 (src/expr.c): `|`, `&`, comparisons (numeric when both sides are
 * integers, else string order), `+ - * / %` on integers of any size, `STRING : REGEX` (a BRE
 * anchored at the start: \1 when the regex has a group, else the matched length), `match`,
 * `substr`, `index`, `length`, `+ TOKEN`, parentheses. Prints the value; status 0 when it is
 * neither empty nor 0, 1 when it is, 2 for an invalid expression, 3 for other errors.
 */
import type { Command, CommandContext } from '../../types.ts';
import { compilePosix, RegexBudgetError } from '../../lib/regex.ts';

type Value = bigint | string;

class ExprError extends Error {
  readonly status: number;
  constructor(message: string, status = 2) {
    super(message);
    this.status = status;
  }
}

const INTEGER = /^-?[0-9]+$/;
const quote = (s: string) => `'${s}'`;

/** The value as an integer, or undefined (GNU toarith). */
function toInt(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  return INTEGER.test(v) ? BigInt(v) : undefined;
}

/** Empty or zero (GNU null()): "", "0", "-0", "000". */
function isNull(v: Value): boolean {
  if (typeof v === 'bigint') return v === 0n;
  return v === '' || /^-?0+$/.test(v);
}

const str = (v: Value) => (typeof v === 'bigint' ? v.toString() : v);

/** Evaluates `args` as expr.c's recursive descent parser does. */
function evaluate(args: readonly string[]): Value {
  let i = 0;
  const next = (token: string): boolean => {
    if (i < args.length && args[i] === token) {
      i++;
      return true;
    }
    return false;
  };
  const missing = () => {
    if (i >= args.length) throw new ExprError(`syntax error: missing argument after ${quote(args[i - 1])}`);
  };
  const arith = (v: Value): bigint => {
    const n = toInt(v);
    if (n === undefined) throw new ExprError('non-integer argument');
    return n;
  };

  const eval7 = (ev: boolean): Value => {
    missing();
    if (next('(')) {
      const v = eval0(ev);
      if (i >= args.length) throw new ExprError(`syntax error: expecting ')' after ${quote(args[i - 1])}`);
      if (!next(')')) throw new ExprError(`syntax error: expecting ')' instead of ${quote(args[i])}`);
      return v;
    }
    if (next(')')) throw new ExprError(`syntax error: unexpected ')'`);
    return args[i++];
  };
  const eval6 = (ev: boolean): Value => {
    if (next('+')) {
      missing();
      return args[i++];
    }
    if (next('length')) return BigInt(str(eval6(ev)).length);
    if (next('match')) {
      const l = eval6(ev);
      const r = eval6(ev);
      return ev ? match(l, r) : 0n;
    }
    if (next('index')) {
      const l = str(eval6(ev));
      const r = str(eval6(ev));
      let at = 0;
      for (let k = 0; k < l.length && at === 0; k++) if (r.includes(l[k])) at = k + 1;
      return BigInt(at);
    }
    if (next('substr')) {
      const l = str(eval6(ev));
      const p = toInt(eval6(ev));
      const n = toInt(eval6(ev));
      if (p === undefined || n === undefined || p <= 0n || n <= 0n || BigInt(l.length) < p) return '';
      const start = Number(p) - 1;
      return l.slice(start, start + Number(n > BigInt(l.length) ? BigInt(l.length) : n));
    }
    return eval7(ev);
  };
  const eval5 = (ev: boolean): Value => {
    let l = eval6(ev);
    while (next(':')) {
      const r = eval6(ev);
      l = ev ? match(l, r) : 0n;
    }
    return l;
  };
  const eval4 = (ev: boolean): Value => {
    let l = eval5(ev);
    for (;;) {
      const op = next('*') ? '*' : next('/') ? '/' : next('%') ? '%' : undefined;
      if (!op) return l;
      const r = eval5(ev);
      if (!ev) continue;
      const a = arith(l);
      const b = arith(r);
      if (op !== '*' && b === 0n) throw new ExprError('division by zero');
      l = op === '*' ? a * b : op === '/' ? a / b : a % b;
    }
  };
  const eval3 = (ev: boolean): Value => {
    let l = eval4(ev);
    for (;;) {
      const op = next('+') ? '+' : next('-') ? '-' : undefined;
      if (!op) return l;
      const r = eval4(ev);
      if (ev) l = op === '+' ? arith(l) + arith(r) : arith(l) - arith(r);
    }
  };
  const COMPARE = ['<', '<=', '=', '==', '!=', '>=', '>'];
  const eval2 = (ev: boolean): Value => {
    let l = eval3(ev);
    while (i < args.length && COMPARE.includes(args[i])) {
      const op = args[i++];
      const r = eval3(ev);
      if (!ev) continue;
      const a = toInt(l);
      const b = toInt(r);
      // both integers: numeric; otherwise the strings' order (strcoll in the C locale: bytes)
      const c = a !== undefined && b !== undefined ? (a < b ? -1 : a > b ? 1 : 0) : compareStrings(str(l), str(r));
      const result = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      l = result ? 1n : 0n;
    }
    return l;
  };
  const eval1 = (ev: boolean): Value => {
    let l = eval2(ev);
    while (next('&')) {
      const r = eval2(ev && !isNull(l));
      if (isNull(l) || isNull(r)) l = 0n;
    }
    return l;
  };
  const eval0 = (ev: boolean): Value => {
    let l = eval1(ev);
    while (next('|')) {
      const r = eval1(ev && isNull(l));
      if (isNull(l)) l = isNull(r) ? 0n : r;
    }
    return l;
  };

  const v = eval0(true);
  if (i < args.length) throw new ExprError(`syntax error: unexpected argument ${quote(args[i])}`);
  return v;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `STRING : REGEX` (expr.c docolon): a BRE matched at the start of STRING (re_match at 0: a
 * leading `^` adds nothing); the text of group 1 ('' without a match) or the matched length.
 */
function match(l: Value, r: Value): Value {
  const pattern = str(r);
  const re = compilePosix(pattern.startsWith('^') ? pattern : `^${pattern}`, { extended: false });
  if (typeof re === 'string') throw new ExprError(re);
  let m;
  try {
    m = re.exec(str(l));
  } catch (e) {
    if (e instanceof RegexBudgetError) throw new ExprError('memory exhausted', 3);
    throw e;
  }
  if (re.groups > 0) return m ? (m[1] ?? '') : '';
  return m ? BigInt(m[0].length) : 0n;
}

async function run(ctx: CommandContext): Promise<number> {
  let args = [...ctx.args];
  if (args[0] === '--') args = args.slice(1);
  if (args.length === 0) {
    ctx.stderr.write("expr: missing operand\nTry 'expr --help' for more information.\n");
    return 2;
  }
  try {
    const v = evaluate(args);
    ctx.stdout.write(`${str(v)}\n`);
    return isNull(v) ? 1 : 0;
  } catch (e) {
    if (e instanceof ExprError) {
      ctx.stderr.write(`expr: ${e.message}\n`);
      return e.status;
    }
    throw e;
  }
}

export const command: Command = { name: 'expr', summary: 'Evaluate expressions.', run };
export default command;
