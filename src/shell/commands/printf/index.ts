/**
 * `printf FORMAT [ARG…]` as bash's built-in: %s %b %c %d %i %u %x %X %o %f %e %g %q %%, widths,
 * precision and flags; the format is reused while arguments remain. A bad number prints
 * `bash: printf: x: invalid number` and gives status 1.
 */
import type { Command, Environment } from '../../types.ts';
import { cFixed } from '../../lib/fixed.ts';
import { echoEscapes } from '../echo/index.ts';
import { decodeUtf8Runs } from '../../lib/utf8-runs.ts';

function escapes(fmt: string): string {
  return fmt.replace(/\\(["\\abefnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{1,2})/g, (_m, e: string) => {
    const map: Record<string, string> = { '"': '"', '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
    if (e in map) return map[e];
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return String.fromCharCode(parseInt(e, 8));
  });
}

const USAGE = 'printf: usage: printf [-v var] format [arguments]\n';

/**
 * The built-in's options as bash's internal_getopt reads them with "v:" (`-v var`, `-vvar`,
 * `--`): the variable and the remaining operands, or the error text (status 2) for an unknown
 * option, a missing argument or a name that is no identifier (`printf: `1a': not a valid identifier`).
 */
function builtinOptions(argv: readonly string[]): { variable?: string; operands: readonly string[] } | { error: string } {
  let variable: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a[1] !== 'v') return { error: `bash: printf: -${a[1]}: invalid option\n${USAGE}` };
    if (a.length > 2) variable = a.slice(2);
    else if (i + 1 < argv.length) variable = argv[++i];
    else return { error: `bash: printf: -v: option requires an argument\n${USAGE}` };
    if (!/^[A-Za-z_][A-Za-z0-9_]*(\[[0-9]+\])?$/.test(variable)) return { error: `bash: printf: \`${variable}': not a valid identifier\n` };
  }
  return { variable, operands: argv.slice(i) };
}

/** Assigns `printf -v`'s text to a variable or to one element of an indexed array (`a[2]`). */
function assign(vars: Environment, target: string, value: string): void {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\[([0-9]+)\]$/.exec(target);
  if (!m || !vars.setArray || !vars.getArray) {
    vars.set(m && m[2] === '0' ? m[1] : target, value);
    return;
  }
  // arrays here are dense: elements below the index that were never set become ''
  const values = [...(vars.getArray(m[1]) ?? [])];
  const index = Number(m[2]);
  while (values.length < index) values.push('');
  values[index] = value;
  vars.setArray(m[1], values);
}

export const command: Command = {
  name: 'printf',
  summary: 'Format and print ARGUMENTS under control of the FORMAT.',
  async run(ctx) {
    const parsed = ctx.name === 'printf' ? builtinOptions(ctx.args) : { operands: ctx.args };
    if ('error' in parsed) {
      ctx.stderr.write(parsed.error);
      return 2;
    }
    if (parsed.operands.length === 0) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    const [format, ...args] = parsed.operands;
    let status = 0;
    let out = '';
    let ai = 0;
    const next = () => (ai < args.length ? args[ai++] : undefined);
    const num = (v: string | undefined): number => {
      if (v === undefined || v === '') return 0;
      if (/^['"]./.test(v)) return v.codePointAt(1) ?? 0;
      const n = /^[+-]?0[xX][0-9a-fA-F]+$/.test(v) ? parseInt(v, 16) : /^[+-]?0[0-7]+$/.test(v) ? parseInt(v, 8) : Number(v);
      if (!Number.isFinite(n) || !/^[+-]?[0-9]/.test(v.trim())) {
        ctx.stderr.write(`bash: printf: ${v}: invalid number\n`);
        status = 1;
        const lead = /^[+-]?[0-9]+/.exec(v.trim());
        return lead ? Number(lead[0]) : 0;
      }
      return n;
    };
    do {
      const start = ai;
      out += format.replace(/%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]+))?([a-zA-Z%])|\\(?:["\\abefnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{1,2})|\\./g, (m, flags: string, w: string, p: string, conv: string) => {
        if (m.startsWith('\\')) return escapes(m);
        if (conv === '%') return '%';
        const width = w === '*' ? num(next()) : w ? Number(w) : 0;
        const prec = p === '*' ? num(next()) : p !== undefined ? Number(p) : undefined;
        let s: string;
        switch (conv) {
          case 's':
            s = next() ?? '';
            if (prec !== undefined) s = s.slice(0, prec);
            break;
          case 'b':
            s = echoEscapes(next() ?? '').text;
            break;
          case 'q': {
            const v = next() ?? '';
            s = /^[A-Za-z0-9_./:=@%+,-]+$/.test(v) ? v : v === '' ? "''" : v.replace(/([^A-Za-z0-9_./:=@%+,-])/g, '\\$1');
            break;
          }
          case 'c':
            s = (next() ?? '').slice(0, 1);
            break;
          case 'd':
          case 'i':
          case 'u':
            s = String(Math.trunc(num(next())));
            if (flags.includes('+') && !s.startsWith('-')) s = `+${s}`;
            break;
          case 'x':
            s = Math.trunc(num(next())).toString(16);
            break;
          case 'X':
            s = Math.trunc(num(next())).toString(16).toUpperCase();
            break;
          case 'o':
            s = Math.trunc(num(next())).toString(8);
            break;
          case 'f':
          case 'F':
            s = cFixed(num(next()), prec ?? 6);
            break;
          case 'e':
            s = num(next()).toExponential(prec ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
            break;
          case 'g':
            s = String(Number(num(next()).toPrecision(prec ?? 6)));
            break;
          default:
            ctx.stderr.write(`bash: printf: \`${conv}': invalid format character\n`);
            status = 1;
            return '';
        }
        if (s.length < width) {
          if (flags.includes('-')) s = s.padEnd(width);
          else if (flags.includes('0') && /[diuxXofFeg]/.test(conv)) s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0');
          else s = s.padStart(width);
        }
        return s;
      });
      if (ai === start) break;
    } while (ai < args.length);
    if (parsed.variable === undefined) ctx.stdout.write(decodeUtf8Runs(out));
    else assign(ctx.shell?.vars ?? ctx.env, parsed.variable, decodeUtf8Runs(out));
    return status;
  },
};
