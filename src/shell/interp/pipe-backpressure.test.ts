// A fast writer into a reader that does not read (yet) waits at the pipe's capacity, as a write
// to a full Linux pipe blocks: memory stays bounded, and the pipeline ends when the reader does.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testShell } from '../testing/run.ts';
import { PIPE_CAPACITY, Pipe } from './streams.ts';

let most = 0;
afterEach(() => {
  vi.restoreAllMocks();
  most = 0;
});

function watchPipes(): void {
  const write = Pipe.prototype.write;
  vi.spyOn(Pipe.prototype, 'write').mockImplementation(function (this: Pipe, text: string) {
    write.call(this, text);
    most = Math.max(most, this.buffered);
  });
}

describe('pipe backpressure', () => {
  it.each([
    ['seq 1 100000000 | { sleep 1; head -3; }', '1\n2\n3\n'],
    ['yes | { sleep 1; head -1; }', 'y\n'],
    ['X=$(printf "%1000s" x); while :; do echo "$X"; done | { sleep 1; head -c 5; echo; }', '     \n'],
    ['seq 1 100000000 | sleep 1; echo done', 'done\n'],
  ])('%s holds at most a pipe-full plus one write', async (line, stdout) => {
    watchPipes();
    const sh = testShell();
    const started = performance.now();
    expect(await sh.run(line)).toEqual({ stdout, stderr: '', status: 0 });
    expect(most).toBeGreaterThan(PIPE_CAPACITY / 2);
    expect(most).toBeLessThan(PIPE_CAPACITY + 64 * 1024);
    expect(performance.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('ends a producer promptly when the reader exits', async () => {
    const sh = testShell();
    expect(await sh.run('seq 1 100000000 | head -1; yes | head -1')).toEqual({ stdout: '1\ny\n', stderr: '', status: 0 });
  });
});
