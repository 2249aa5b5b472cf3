/**
 * `test EXPR` / `[ EXPR ]` (bash's built-in): file tests (-e -f -d -s -r -w -x -L -h), string
 * tests (-z -n = == !=), integer comparisons (-eq -ne -lt -le -gt -ge), `!`, `-a`, `-o`, and
 * parentheses. Errors give status 2 in bash's words (`[: missing `]'`,
 * `integer expression expected`).
 */
import type { Command, CommandContext } from '../../types.ts';
import { fsOf } from '../../lib/files.ts';

class TestError extends Error {}

function evaluate(ctx: CommandContext, args: string[]): boolean {
  const fs = fsOf(ctx);
  let i = 0;
  const peek = () => args[i];
  const int = (s: string): number => {
    if (!/^\s*[+-]?[0-9]+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };
  const stat = (p: string) => {
    try {
      return fs.stat(p);
    } catch {
      return undefined;
    }
  };
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-e': case '-a': return stat(a) !== undefined;
      case '-f': return stat(a)?.type === 'file';
      case '-d': return stat(a)?.type === 'dir';
      case '-s': return (stat(a)?.size ?? 0) > 0;
      case '-r': case '-w': return stat(a) !== undefined;
      case '-x': { const s = stat(a); return s !== undefined && (s.mode & 0o111) !== 0; }
      case '-L': case '-h':
        try { return fs.lstat(a).type === 'symlink'; } catch { return false; }
      case '-z': return a === '';
      case '-n': return a !== '';
    }
    throw new TestError(`${op}: unary operator expected`);
  };
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=': case '==': return a === b;
      case '!=': return a !== b;
      case '<': return a < b;
      case '>': return a > b;
      case '-eq': return int(a) === int(b);
      case '-ne': return int(a) !== int(b);
      case '-lt': return int(a) < int(b);
      case '-le': return int(a) <= int(b);
      case '-gt': return int(a) > int(b);
      case '-ge': return int(a) >= int(b);
    }
    throw new TestError(`${op}: binary operator expected`);
  };
  const BINOPS = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
  const primary = (): boolean => {
    const t = peek();
    if (t === undefined) throw new TestError('argument expected');
    if (t === '!') {
      i++;
      return !primary();
    }
    if (t === '(' ) {
      i++;
      const v = orExpr();
      if (peek() !== ')') throw new TestError("`)' expected");
      i++;
      return v;
    }
    if (BINOPS.has(args[i + 1] ?? '') && args.length - i >= 3) {
      const a = args[i];
      const op = args[i + 1];
      const b = args[i + 2];
      i += 3;
      return binary(a, op, b);
    }
    if (/^-[a-zA-Z]$/.test(t) && i + 1 < args.length) {
      i += 2;
      return unary(t, args[i - 1]);
    }
    i++;
    return t !== '';
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (peek() === '-a') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (peek() === '-o') {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  if (args.length === 0) return false;
  const v = orExpr();
  if (i < args.length) throw new TestError(args.length > 3 ? 'too many arguments' : `${args[i]}: unexpected operator`);
  return v;
}

export const command: Command = {
  name: 'test',
  summary: 'Evaluate conditional expression ([ EXPR ] is the same).',
  async run(ctx) {
    let args = [...ctx.args];
    if (ctx.name === '[') {
      if (args[args.length - 1] !== ']') {
        ctx.stderr.write("bash: [: missing `]'\n");
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluate(ctx, args) ? 0 : 1;
    } catch (e) {
      if (e instanceof TestError) {
        ctx.stderr.write(`bash: ${ctx.name}: ${e.message}\n`);
        return 2;
      }
      throw e;
    }
  },
};
