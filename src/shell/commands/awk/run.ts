/**
 * The awk evaluator: records split on FS (a single space means runs of blanks), fields, NR/NF,
 * string/number duality (fields that look numeric compare as numbers), and the built-ins
 * length, substr, index, split, sub, gsub, match, sprintf, toupper, tolower, int, sqrt, exp,
 * log, sin, cos, atan2.
 */
import { cFixed } from '../../lib/fixed.ts';
import { compilePosix } from '../../lib/regex.ts';
import type { PosixRegex } from '../../lib/regex.ts';
import type { Expr, Rule, Stmt } from './parse.ts';
import { mawkRegexError, mawkToPosix } from './mawk-regex.ts';

type Value = string | number | { strnum: string };

class Next {}
class Exit {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}
class Break {}
class Continue {}

export class AwkRuntimeError extends Error {}

function looksNumeric(s: string): boolean {
  return /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)\s*$/i.test(s);
}

function num(v: Value): number {
  if (typeof v === 'number') return v;
  const s = typeof v === 'string' ? v : v.strnum;
  const m = /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?)/i.exec(s);
  return m ? Number(m[0]) : 0;
}

export function formatNumber(n: number, fmt = '%.6g'): string {
  // mawk divides by zero as the FPU does (no error): glibc's %g shows inf, -inf, and the x86
  // default NaN, whose sign bit is set, as -nan
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '-nan' : n > 0 ? 'inf' : '-inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  return sprintf(fmt, [n]);
}

function str(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  return v.strnum;
}

/** C printf formatting for awk's printf/sprintf. */
export function sprintf(fmt: string, args: Value[]): string {
  let i = 0;
  const next = (): Value => (i < args.length ? args[i++] : '');
  return fmt.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([cdiouxXeEfgGs%])/g, (_m, flags: string, w: string, pr: string, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? num(next()) : w ? Number(w) : 0;
    const prec = pr === '*' ? num(next()) : pr !== undefined ? Number(pr) : undefined;
    let s: string;
    const v = next();
    switch (conv) {
      case 'c':
        s = typeof v === 'number' ? String.fromCharCode(v) : str(v).slice(0, 1);
        break;
      case 'd':
      case 'i':
        s = String(Math.trunc(num(v)));
        if (flags.includes('+') && num(v) >= 0) s = `+${s}`;
        break;
      case 'o':
        s = Math.trunc(num(v)).toString(8);
        break;
      case 'u':
        s = String(Math.trunc(num(v)));
        break;
      case 'x':
        s = Math.trunc(num(v)).toString(16);
        break;
      case 'X':
        s = Math.trunc(num(v)).toString(16).toUpperCase();
        break;
      case 'e':
      case 'E':
        s = num(v).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (conv === 'E') s = s.toUpperCase();
        break;
      case 'f':
        s = cFixed(num(v), prec ?? 6);
        break;
      case 'g':
      case 'G': {
        const n = num(v);
        const p = prec === 0 ? 1 : (prec ?? 6);
        const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
        if (exp < -4 || exp >= p) s = n.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
        else s = String(Number(n.toFixed(Math.max(0, p - 1 - exp))));
        if (conv === 'G') s = s.toUpperCase();
        break;
      }
      default:
        s = str(v);
        if (prec !== undefined) s = s.slice(0, prec);
    }
    if (s.length < width) {
      if (flags.includes('-')) s = s.padEnd(width);
      else if (flags.includes('0') && conv !== 's' && conv !== 'c') s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
      else s = s.padStart(width);
    }
    return s;
  });
}

export interface AwkIO {
  write(text: string): void;
}

export class AwkMachine {
  private vars = new Map<string, Value>();
  private arrays = new Map<string, Map<string, Value>>();
  private fields: string[] = [''];
  private readonly rules: Rule[];
  private readonly out: AwkIO;
  private regexCache = new Map<string, PosixRegex>();

  constructor(rules: Rule[], out: AwkIO, assigns: [string, string][]) {
    this.rules = rules;
    this.out = out;
    this.vars.set('FS', ' ');
    this.vars.set('OFS', ' ');
    this.vars.set('ORS', '\n');
    this.vars.set('NR', 0);
    this.vars.set('NF', 0);
    this.vars.set('FNR', 0);
    this.vars.set('SUBSEP', '\x1c');
    this.vars.set('RSTART', 0);
    this.vars.set('RLENGTH', -1);
    for (const [k, v] of assigns) this.vars.set(k, { strnum: v });
  }

  /** Moves on to the next input file (`-` for stdin): FILENAME is set and FNR starts again. */
  startFile(name: string): void {
    this.vars.set('FILENAME', name);
    this.vars.set('FNR', 0);
  }

  /** error.c rt_where: the line mawk prints under a run-time error. */
  where(): string {
    return `\tFILENAME="${str(this.vars.get('FILENAME') ?? '')}" FNR=${str(this.vars.get('FNR') ?? 0)} NR=${str(this.vars.get('NR') ?? 0)}`;
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, { strnum: value });
  }

  /** Runs BEGIN rules; returns an exit status when `exit` ran. */
  begin(): number | undefined {
    return this.runRules('begin');
  }

  /** Processes one input record; returns an exit status when `exit` ran. */
  record(line: string): number | undefined {
    this.vars.set('NR', num(this.vars.get('NR') ?? 0) + 1);
    this.vars.set('FNR', num(this.vars.get('FNR') ?? 0) + 1);
    this.setRecord(line);
    return this.runRules('main');
  }

  end(): number | undefined {
    return this.runRules('end');
  }

  private runRules(kind: Rule['kind']): number | undefined {
    try {
      for (const r of this.rules) {
        if (r.kind !== kind) continue;
        if (kind === 'main' && !this.matches(r)) continue;
        if (r.action) this.exec(r.action);
        else this.out.write(this.fields[0] + str(this.vars.get('ORS') ?? '\n'));
      }
    } catch (e) {
      if (e instanceof Next) return undefined;
      if (e instanceof Exit) return e.status;
      throw e;
    }
    return undefined;
  }

  private matches(r: Rule): boolean {
    if (!r.pattern) return true;
    if (!r.pattern2) return this.truthy(r.pattern);
    if (r.inRange) {
      if (this.truthy(r.pattern2)) r.inRange = false;
      return true;
    }
    if (this.truthy(r.pattern)) {
      r.inRange = !this.truthy(r.pattern2);
      return true;
    }
    return false;
  }

  private setRecord(line: string): void {
    this.fields = [line, ...this.split(line, str(this.vars.get('FS') ?? ' '))];
    this.vars.set('NF', this.fields.length - 1);
  }

  private split(s: string, fs: string): string[] {
    if (fs === ' ') return s.split(/[ \t\n]+/).filter((x) => x !== '');
    if (s === '') return [];
    if (fs.length === 1 && fs !== '\\') return s.split(fs);
    return this.regex(fs).split(s);
  }

  private regex(src: string): PosixRegex {
    let r = this.regexCache.get(src);
    if (!r) {
      // a dynamic regex (a string used as one) compiles at run time: re_cmpl.c's rt_error
      const mawkErr = mawkRegexError(src);
      if (mawkErr) throw new AwkRuntimeError(`regular expression compile failed (${mawkErr})\n${src}`);
      const c = compilePosix(mawkToPosix(src), { extended: true, noBackrefs: true });
      if (typeof c === 'string') throw new AwkRuntimeError(`regular expression compile failed (${c})\n${src}`);
      r = c;
      this.regexCache.set(src, r);
    }
    return r;
  }

  private rebuild(): void {
    const nf = num(this.vars.get('NF') ?? 0);
    this.fields.length = nf + 1;
    for (let i = 1; i <= nf; i++) this.fields[i] ??= '';
    this.fields[0] = this.fields.slice(1).join(str(this.vars.get('OFS') ?? ' '));
  }

  private truthy(e: Expr): boolean {
    const v = this.eval(e);
    if (typeof v === 'number') return v !== 0;
    if (typeof v === 'string') return v !== '';
    return looksNumeric(v.strnum) ? num(v) !== 0 : v.strnum !== '';
  }

  private exec(s: Stmt): void {
    switch (s.k) {
      case 'block':
        for (const x of s.body) this.exec(x);
        return;
      case 'expr':
        this.eval(s.e);
        return;
      case 'print': {
        if (s.printf) {
          const [f, ...rest] = s.args.map((a) => this.eval(a));
          this.out.write(sprintf(str(f ?? ''), rest));
          return;
        }
        const text = s.args.length === 0 ? this.fields[0] : s.args.map((a) => this.output(this.eval(a))).join(str(this.vars.get('OFS') ?? ' '));
        this.out.write(text + str(this.vars.get('ORS') ?? '\n'));
        return;
      }
      case 'if':
        if (this.truthy(s.c)) this.exec(s.a);
        else if (s.b) this.exec(s.b);
        return;
      case 'while':
        for (let guard = 0; this.truthy(s.c); guard++) {
          if (guard > 10_000_000) throw new AwkRuntimeError('loop limit reached');
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      case 'do':
        do {
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        } while (this.truthy(s.c));
        return;
      case 'for':
        if (s.init) this.eval(s.init);
        for (let guard = 0; !s.c || this.truthy(s.c); guard++) {
          if (guard > 10_000_000) throw new AwkRuntimeError('loop limit reached');
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
          if (s.step) this.eval(s.step);
        }
        return;
      case 'forin': {
        const arr = this.array(s.arr);
        for (const k of [...arr.keys()]) {
          this.vars.set(s.v, { strnum: k });
          try {
            this.exec(s.body);
          } catch (e) {
            if (e instanceof Break) break;
            if (!(e instanceof Continue)) throw e;
          }
        }
        return;
      }
      case 'next':
        throw new Next();
      case 'exit':
        throw new Exit(s.e ? num(this.eval(s.e)) : 0);
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.key(s.subs));
        else this.array(s.name).clear();
        return;
      case 'getline':
        throw new AwkRuntimeError('getline is not available in this lab');
    }
  }

  private output(v: Value): string {
    if (typeof v === 'number') return formatNumber(v, str(this.vars.get('OFMT') ?? '%.6g'));
    return str(v);
  }

  private array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private key(subs: Expr[]): string {
    return subs.map((s) => str(this.eval(s))).join(str(this.vars.get('SUBSEP') ?? '\x1c'));
  }

  private assign(target: Expr, v: Value): Value {
    if (target.k === 'var') {
      this.vars.set(target.name, v);
      if (target.name === 'NF') this.rebuild();
      if (target.name === '$0') this.setRecord(str(v));
    } else if (target.k === 'index') this.array(target.name).set(this.key(target.subs), v);
    else if (target.k === 'field') {
      const i = Math.trunc(num(this.eval(target.e)));
      if (i === 0) this.setRecord(str(v));
      else {
        while (this.fields.length <= i) this.fields.push('');
        this.fields[i] = str(v);
        this.vars.set('NF', Math.max(num(this.vars.get('NF') ?? 0), i));
        this.fields[0] = this.fields.slice(1).join(str(this.vars.get('OFS') ?? ' '));
      }
    }
    return v;
  }

  private compare(a: Value, b: Value): number {
    const numeric = (v: Value) => typeof v === 'number' || (typeof v === 'object' && looksNumeric(v.strnum));
    if (numeric(a) && numeric(b)) return num(a) - num(b);
    const x = str(a);
    const y = str(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private matchRe(v: Value, e: Expr): boolean {
    const re = e.k === 're' ? this.regex(e.v) : this.regex(str(this.eval(e)));
    return re.test(str(v));
  }

  eval(e: Expr): Value {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 're':
        return this.regex(e.v).test(this.fields[0]) ? 1 : 0;
      case 'group':
        return this.eval(e.e);
      case 'var':
        return this.vars.get(e.name) ?? { strnum: '' };
      case 'field': {
        const i = Math.trunc(num(this.eval(e.e)));
        if (i < 0) throw new AwkRuntimeError(`negative field index $${i}`);
        return { strnum: this.fields[i] ?? '' };
      }
      case 'index':
        return this.array(e.name).get(this.key(e.subs)) ?? { strnum: '' };
      case 'in':
        return this.array(e.name).has(this.key(e.subs)) ? 1 : 0;
      case 'assign': {
        const rhs = this.eval(e.e);
        if (e.op === '=') return this.assign(e.target, typeof rhs === 'object' ? { strnum: rhs.strnum } : rhs);
        const cur = num(this.eval(e.target));
        const r = num(rhs);
        const ops: Record<string, number> = { '+=': cur + r, '-=': cur - r, '*=': cur * r, '/=': cur / r, '%=': cur % r, '^=': cur ** r };
        return this.assign(e.target, ops[e.op]);
      }
      case 'incdec': {
        const cur = num(this.eval(e.target));
        const v = e.op === '++' ? cur + 1 : cur - 1;
        this.assign(e.target, v);
        return e.prefix ? v : cur;
      }
      case 'cond':
        return this.truthy(e.c) ? this.eval(e.a) : this.eval(e.b);
      case 'un': {
        if (e.op === '!') return this.truthy(e.e) ? 0 : 1;
        const v = num(this.eval(e.e));
        return e.op === '-' ? -v : v;
      }
      case 'bin':
        return this.binary(e.op, e.a, e.b);
      case 'call':
        return this.call(e.name, e.args);
    }
  }

  private binary(op: string, ae: Expr, be: Expr): Value {
    if (op === '&&') return this.truthy(ae) && this.truthy(be) ? 1 : 0;
    if (op === '||') return this.truthy(ae) || this.truthy(be) ? 1 : 0;
    if (op === '~' || op === '!~') return this.matchRe(this.eval(ae), be) === (op === '~') ? 1 : 0;
    const a = this.eval(ae);
    const b = this.eval(be);
    switch (op) {
      case 'concat':
        return this.output(a) + this.output(b);
      case '+':
        return num(a) + num(b);
      case '-':
        return num(a) - num(b);
      case '*':
        return num(a) * num(b);
      case '/':
        return num(a) / num(b);
      case '%':
        return num(a) % num(b); // fmod: x % 0 is NaN
      case '^':
        return num(a) ** num(b);
      case '<':
        return this.compare(a, b) < 0 ? 1 : 0;
      case '<=':
        return this.compare(a, b) <= 0 ? 1 : 0;
      case '>':
        return this.compare(a, b) > 0 ? 1 : 0;
      case '>=':
        return this.compare(a, b) >= 0 ? 1 : 0;
      case '==':
        return this.compare(a, b) === 0 ? 1 : 0;
      case '!=':
        return this.compare(a, b) !== 0 ? 1 : 0;
    }
    throw new AwkRuntimeError(`unknown operator ${op}`);
  }

  private call(name: string, args: Expr[]): Value {
    const arg = (i: number): Value => (args[i] ? this.eval(args[i]) : '');
    switch (name) {
      case 'length':
        if (args.length === 0) return [...this.fields[0]].length;
        if (args[0].k === 'var' && this.arrays.has(args[0].name)) return this.array(args[0].name).size;
        return [...str(arg(0))].length;
      case 'substr': {
        const s = str(arg(0));
        const start = Math.round(num(arg(1)));
        const len = args.length > 2 ? Math.round(num(arg(2))) : Infinity;
        const from = Math.max(1, start);
        const to = Math.min(s.length + 1, start + len);
        return to > from ? s.slice(from - 1, to - 1) : '';
      }
      case 'index':
        return str(arg(0)).indexOf(str(arg(1))) + 1;
      case 'split': {
        const target = args[1];
        if (!target || target.k !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        const parts = this.split(str(arg(0)), args[2] ? (args[2].k === 're' ? args[2].v : str(arg(2))) : str(this.vars.get('FS') ?? ' '));
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), { strnum: p }));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const re = args[0]?.k === 're' ? this.regex(args[0].v) : this.regex(str(arg(0)));
        const target = args[2] ?? ({ k: 'field', e: { k: 'num', v: 0 } } as Expr);
        const src = str(this.eval(target));
        const rep = str(arg(1));
        const { text: out, count } = re.replace(src, (m) => rep.replace(/\\\\|\\&|&/g, (t) => (t === '&' ? m[0] : t === '\\&' ? '&' : '\\')), { global: name === 'gsub' });
        if (count > 0) this.assign(target, out);
        return count;
      }
      case 'match': {
        const re = args[1]?.k === 're' ? this.regex(args[1].v) : this.regex(str(arg(1)));
        const m = re.exec(str(arg(0)));
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf':
        return sprintf(str(arg(0)), args.slice(1).map((a) => this.eval(a)));
      case 'toupper':
        return str(arg(0)).toUpperCase();
      case 'tolower':
        return str(arg(0)).toLowerCase();
      case 'int':
        return Math.trunc(num(arg(0)));
      case 'sqrt':
        return Math.sqrt(num(arg(0)));
      case 'exp':
        return Math.exp(num(arg(0)));
      case 'log':
        return Math.log(num(arg(0)));
      case 'sin':
        return Math.sin(num(arg(0)));
      case 'cos':
        return Math.cos(num(arg(0)));
      case 'atan2':
        return Math.atan2(num(arg(0)), num(arg(1)));
    }
    throw new AwkRuntimeError(`fatal: function \`${name}' not defined`);
  }
}
