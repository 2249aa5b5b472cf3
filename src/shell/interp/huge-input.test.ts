/**
 * Huge input and expansion bombs finish, or stop with bash's out-of-memory wording (xmalloc.c:
 * `"%s: cannot allocate %lu bytes"` from `xrealloc`), within bounded time and memory.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../testing/run.ts';
import { MAX_WORD_LENGTH } from './expand.ts';

async function timed<T>(limitMs: number, fn: () => Promise<T>): Promise<T> {
  const t = Date.now();
  const r = await fn();
  expect(Date.now() - t).toBeLessThan(limitMs);
  return r;
}

describe('huge input', () => {
  it('stops a doubling expansion bomb past MAX_WORD_LENGTH and ends the line', async () => {
    const sh = testShell();
    const r = await timed(10_000, () => sh.run('a=x; for i in $(seq 40); do a=$a$a; done; echo not reached'));
    expect(MAX_WORD_LENGTH).toBe(16_777_216);
    expect(r).toEqual({ stdout: '', stderr: 'bash: xrealloc: cannot allocate 33554433 bytes\n', status: 2 });
    // the shell goes on, with the last value that fitted
    expect(await sh.run('echo ${#a}')).toEqual({ stdout: '16777216\n', stderr: '', status: 0 });
  }, 30_000);

  it('stops a command substitution that captures more than MAX_WORD_LENGTH', async () => {
    const sh = testShell();
    const r = await timed(20_000, () => sh.run('x=$(seq 1 100000000); echo not reached'));
    expect(r.stdout).toBe('');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bash: xrealloc: cannot allocate (\d+) bytes\n$/);
    expect(Number(/(\d+)/.exec(r.stderr)?.[1])).toBeGreaterThan(MAX_WORD_LENGTH);
  }, 60_000);

  it('handles a 10 MB line and a 10 MB here-document', async () => {
    const sh = testShell();
    const big = 'x'.repeat(10 * 1024 * 1024);
    expect(await timed(10_000, () => sh.run(`echo ${big} | wc -c`))).toEqual({ stdout: '10485761\n', stderr: '', status: 0 });
    expect(await timed(10_000, () => sh.run(`wc -c <<EOF\n${big}\nEOF`))).toEqual({ stdout: '10485761\n', stderr: '', status: 0 });
    expect(await timed(10_000, () => sh.run(`v="${big}"; echo \${#v}`))).toEqual({ stdout: '10485760\n', stderr: '', status: 0 });
  }, 60_000);

  it('lets a consumer stop an endless-looking producer', async () => {
    const sh = testShell();
    expect(await timed(5_000, () => sh.run('seq 1 100000000 | head -c 20'))).toEqual({ stdout: '1\n2\n3\n4\n5\n6\n7\n8\n9\n10', stderr: '', status: 0 });
  }, 30_000);
});
