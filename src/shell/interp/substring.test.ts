/**
 * Substring expansion (bash manual, "Shell Parameter Expansion", ${parameter:offset:length}; bash
 * 5.2 subst.c verify_substring_values / parameter_brace_substring / pos_params): arithmetic
 * offsets and lengths, negative offsets from the end, the positional parameters counted from $0
 * ($0 of the login shell is -bash), arrays by element, and `LEN: substring expression < 0`.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { testShell } from '../testing/run.ts';

describe('${@:N:M} and friends', () => {
  it.each([
    ['set -- a b c d; echo "${@:2}"', 'b c d\n'],
    ['set -- a b c d; echo ${@:2:2}', 'b c\n'],
    ['set -- a b c d; echo ${@: -1}', 'd\n'],
    ['set -- a b c d; echo ${@: -2:1}', 'c\n'],
    ['set -- a b c d; echo ${@:0:2}', '-bash a\n'],
    ['set -- a b c d; echo "[${@:5}]" "[${@: -9}]" "[${@:2:0}]"', '[] [] []\n'],
    ['set -- a b c d; n=1; echo ${@:n+1:n*2}', 'b c\n'],
    ['set -- "a b" c; for w in "${@:1:2}"; do echo "<$w>"; done', '<a b>\n<c>\n'],
    ['set -- "a b" c; for w in ${@:1}; do echo "<$w>"; done', '<a>\n<b>\n<c>\n'],
    ['set -- a b c; IFS=,; echo "${*:2}"', 'b,c\n'],
    ['arr=(x y z w); echo ${arr[@]:1:2} / ${arr[*]: -1} / "[${arr[@]:9}]"', 'y z / w / []\n'],
    ['arr=(x y z w); IFS=-; echo "${arr[*]:0:3}"', 'x-y-z\n'],
    ['x=abcdef; echo ${x:1+1} ${x: -2} [${x: -9}] ${x:1:-2} ${x:2:2} [${x:9}]', 'cdef ef [] bcd cd []\n'],
  ])('%s', async (line, stdout) => {
    expect(await testShell().run(line)).toEqual({ stdout, stderr: '', status: 0 });
  });

  it.each([
    ['set -- a b c; echo ${@:1:-1}', 'bash: -1: substring expression < 0\n'],
    ['arr=(x y); echo ${arr[@]:0:-1}', 'bash: -1: substring expression < 0\n'],
    ['x=abcdef; echo ${x:4:-3}', 'bash: -3: substring expression < 0\n'],
    ['set -- a; echo ${@:1/0}', 'bash: 1/0: division by 0 (error token is "0")\n'],
  ])('%s fails as bash does', async (line, stderr) => {
    expect(await testShell().run(line)).toEqual({ stdout: '', stderr, status: 1 });
  });

  it('slices the positional parameters as Array.prototype.slice over [$0, ...args] for offsets in range', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 5 }), fc.nat(6), fc.nat(6), async (args, off, len) => {
        const r = await testShell().run(`set -- ${args.join(' ')}; echo "[\${*:${String(off)}:${String(len)}}]"`);
        const items = ['-bash', ...args];
        const expected = off > items.length ? '' : items.slice(off, off + len).join(' ');
        expect(r).toEqual({ stdout: `[${expected}]\n`, stderr: '', status: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
