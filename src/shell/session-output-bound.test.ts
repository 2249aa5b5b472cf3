// With the automatic clock (tests, `petlab shell --script`, grading) nobody can press Ctrl-C at
// `yes`: past maxOutputChars the session interrupts the command line, as a user would, so the
// transcript stays bounded; the interactive (external clock) session has no such bound.
import { describe, expect, it } from 'vitest';
import { createWorld } from '../emulator/environment.ts';
import { BufferOutput } from './interp/streams.ts';
import { ShellSession } from './session.ts';

async function run(line: string, maxOutputChars = 100_000): Promise<{ status: number; text: string }> {
  const out = new BufferOutput();
  const session = new ShellSession({ world: createWorld(), stdout: out, maxOutputChars });
  const status = await session.execute(line);
  return { status, text: out.text };
}

describe('output bound with the automatic clock', () => {
  it.each([['yes'], ['seq 1 100000000'], ['while :; do echo "$RANDOM$RANDOM"; done'], ['yes >&2']])('%s is interrupted past the bound', async (line) => {
    const { status, text } = await run(line);
    expect(status).toBe(130);
    expect(text.endsWith('^C\n')).toBe(true);
    expect(text.length).toBeGreaterThan(100_000);
    expect(text.length).toBeLessThan(100_000 + 64 * 1024);
  }, 60_000);

  it('leaves output below the bound alone', async () => {
    expect(await run('seq 1 3; yes | head -2')).toEqual({ status: 0, text: '1\n2\n3\ny\ny\n' });
  });

  it('counts per command line', async () => {
    const out = new BufferOutput();
    const session = new ShellSession({ world: createWorld(), stdout: out, maxOutputChars: 1_000 });
    for (let i = 0; i < 3; i++) expect(await session.execute('seq 1 200 | tail -c 600')).toBe(0);
    expect(out.text.length).toBe(1_800);
  });
});
