/**
 * Arithmetic that nests too deeply stops with bash's expr.c error (MAX_EXPR_RECURSION_LEVEL
 * 1024): `evalerror (_("expression recursion level exceeded"))`, printed as
 * `EXPR: expression recursion level exceeded (error token is "TOKEN")`.
 */
import { describe, expect, it } from 'vitest';
import { ArithError, evaluateArithmetic } from './arith.ts';
import { testShell } from '../testing/run.ts';

function errorOf(expr: string, env: Record<string, string>): string {
  const vars = new Map(Object.entries(env));
  try {
    return String(evaluateArithmetic(expr, { get: (n) => vars.get(n), set: (n, v) => vars.set(n, v) }));
  } catch (e) {
    return e instanceof ArithError ? e.message : `threw ${String(e)}`;
  }
}

describe('arithmetic recursion bound', () => {
  it('stops a variable naming itself', async () => {
    expect(errorOf('x', { x: 'x' })).toBe('x: expression recursion level exceeded (error token is "x")');
    expect(errorOf('x', { x: 'y', y: 'x' })).toBe('y: expression recursion level exceeded (error token is "y")');
    const sh = testShell();
    expect(await sh.run('x=x; echo $((x))')).toEqual({ stdout: '', stderr: 'bash: x: expression recursion level exceeded (error token is "x")\n', status: 1 });
    expect(await sh.run('x=x; ((x+1)); echo $?')).toEqual({ stdout: '1\n', stderr: 'bash: x: expression recursion level exceeded (error token is "x")\n', status: 0 });
  });

  it('stops 10,000 nested parentheses and unary operators without overflowing the stack', async () => {
    const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    const rest = '( '.repeat(10_000 - 1025) + '1' + ' )'.repeat(10_000);
    expect(errorOf(deep, {})).toBe(`${deep}: expression recursion level exceeded (error token is "${rest}")`);
    expect(errorOf('!'.repeat(3000) + '1', {})).toBe(`${'!'.repeat(3000)}1: expression recursion level exceeded (error token is "${'! '.repeat(3000 - 1025)}1")`);
    expect(errorOf('('.repeat(1000) + '7' + ')'.repeat(1000), {})).toBe('7');
    const sh = testShell();
    const r = await sh.run(`echo $((${deep}))`);
    expect(r).toEqual({ stdout: '', stderr: `bash: ${deep}: expression recursion level exceeded (error token is "${rest}")\n`, status: 1 });
  });
});
