import { describe, expect, it } from 'vitest';
import { testShell } from './testing/run.ts';

// A learner pastes a big file through a here-document; `petlab grade` replays it line by line.
// (How long it takes is measured in test/bench/shell.bench.ts, not asserted here.)
describe('a 20,000-line here-document typed at the prompt', () => {
  it('feeds every line to the command and then runs what follows', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `row ${i} $n`);
    const sh = testShell();
    const text = `n=7\ncat <<EOF | tail -n 2\n${body.join('\n')}\nEOF\necho done\n`;
    expect(await sh.script(text)).toEqual({
      transcript: `$ n=7\n$ cat <<EOF | tail -n 2\n${body.map((l) => `> ${l}\n`).join('')}> EOF\nrow 19998 7\nrow 19999 7\n$ echo done\ndone\n`,
      status: 0,
    });
  });
});
