/**
 * Deeply nested input never overflows the JavaScript stack: past MAX_PARSE_DEPTH levels the
 * parser reports a syntax error at the token that went too deep, as bash's bison parser does
 * when its stack (YYMAXDEPTH) fills: `yyerror` → `report_syntax_error` → "syntax error near
 * unexpected token `X'" (parse.y).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from './parser.ts';
import { MAX_PARSE_DEPTH } from './scanner.ts';
import { testShell } from '../testing/run.ts';

const err = (token: string) => ({ kind: 'error', message: `bash: syntax error near unexpected token \`${token}'` });

function timed<T>(fn: () => T): T {
  const t = Date.now();
  const r = fn();
  expect(Date.now() - t).toBeLessThan(2000);
  return r;
}

describe('parser nesting depth', () => {
  it('rejects 10,000 nested subshells, groups and ifs with a syntax error', () => {
    expect(timed(() => parse('( '.repeat(10_000) + 'true' + ' )'.repeat(10_000), { final: true }))).toEqual(err('('));
    expect(timed(() => parse('{ '.repeat(10_000) + 'true; ' + '}; '.repeat(10_000), { final: true }))).toEqual(err('{'));
    expect(timed(() => parse('if '.repeat(10_000) + 'true', { final: true }))).toEqual(err('if'));
  });

  it('rejects 10,000 nested command substitutions, quotes, backticks and ${…}', () => {
    expect(timed(() => parse('echo ' + '$('.repeat(10_000) + 'echo' + ')'.repeat(10_000), { final: true }))).toEqual(err('$('));
    expect(timed(() => parse('echo "' + '$(echo "'.repeat(100_000) + 'x' + '")'.repeat(100_000) + '"', { final: true }))).toEqual(err('$('));
    expect(timed(() => parse('echo ${x:-'.repeat(10_000) + '}'.repeat(10_000), { final: true }))).toEqual(err('${'));
    expect(timed(() => parse('echo "' + '${x:-"'.repeat(10_000), { final: true }))).toEqual(err('${'));
  });

  it('accepts nesting up to the limit and runs it', async () => {
    const depth = MAX_PARSE_DEPTH - 2;
    expect(parse('( '.repeat(depth) + 'true' + ' )'.repeat(depth), { final: true }).kind).toBe('ok');
    const sh = testShell();
    expect(await sh.run('( '.repeat(depth) + 'echo deep' + ' )'.repeat(depth))).toEqual({ stdout: 'deep\n', stderr: '', status: 0 });
    expect(await sh.run('{ '.repeat(depth) + 'echo deep; ' + '}; '.repeat(depth))).toEqual({ stdout: 'deep\n', stderr: '', status: 0 });
    expect(await sh.run('echo ' + '$(echo '.repeat(depth) + 'x' + ')'.repeat(depth))).toEqual({ stdout: 'x\n', stderr: '', status: 0 });
    expect(await sh.run('echo ' + '"$(echo '.repeat(depth / 2) + 'x' + ')"'.repeat(depth / 2))).toEqual({ stdout: 'x\n', stderr: '', status: 0 });
    expect(await sh.run('( '.repeat(5000) + 'true' + ' )'.repeat(5000) + '; echo next')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `('\n", status: 2 });
  }, 30_000);

  it('never throws on random deep nesting of openers and closers', () => {
    const piece = fc.constantFrom('(', ')', '{ ', '}', '$(', '"', "'", '`', '${x:-', 'if ', ' then ', ' fi', ';', ' ', 'x', '$((', '))', '\\', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4000 }), fc.integer({ min: 1, max: 3000 }), (parts, rep) => {
        const src = parts.join('').repeat(Math.max(1, Math.floor(rep / Math.max(1, parts.length))));
        const r = timed(() => parse(src, { final: true }));
        expect(['ok', 'error', 'incomplete']).toContain(r.kind);
        if (r.kind === 'error') expect(r.message).not.toMatch(/call stack|Maximum/);
      }),
      { numRuns: 150 },
    );
  });
});
