// Pipes hold a bounded amount of unread text: past Linux's 64 KiB capacity the writer's
// drain() waits until the reader has taken it, or the reader is gone.
import { describe, expect, it } from 'vitest';
import { PIPE_CAPACITY, Pipe } from './streams.ts';

const settled = async (p: Promise<void> | undefined): Promise<boolean> => {
  if (p === undefined) return true;
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe('Pipe backpressure', () => {
  it('lets the writer go on while the reader keeps up', async () => {
    const pipe = new Pipe();
    pipe.write('x'.repeat(PIPE_CAPACITY));
    expect(pipe.drain()).toBeUndefined();
  });

  it('makes the writer wait past its capacity until the reader reads', async () => {
    const pipe = new Pipe();
    pipe.write('a\n'.repeat(PIPE_CAPACITY));
    const waiting = pipe.drain();
    expect(waiting).toBeInstanceOf(Promise);
    expect(await settled(waiting)).toBe(false);
    expect(await pipe.readLine()).toBe('a');
    expect(await settled(waiting)).toBe(true);
    expect(pipe.drain()).toBeUndefined();
  });

  it('releases a waiting writer when the reader exits', async () => {
    const pipe = new Pipe();
    let gone = false;
    pipe.onReaderGone = () => (gone = true);
    pipe.write('y'.repeat(PIPE_CAPACITY + 1));
    const waiting = pipe.drain();
    pipe.closeReader();
    expect([await settled(waiting), gone, pipe.drain()]).toEqual([true, true, undefined]);
  });

  it('delivers everything written, in order, across the waits', async () => {
    const pipe = new Pipe();
    const writer = (async () => {
      for (let i = 0; i < 50; i++) {
        pipe.write(`${String(i).padStart(2, '0')}${'.'.repeat(9_997)}\n`);
        await pipe.drain();
      }
      pipe.close();
    })();
    const lines: string[] = [];
    for (let line = await pipe.readLine(); line !== null; line = await pipe.readLine()) lines.push(line.slice(0, 2));
    await writer;
    expect(lines).toEqual(Array.from({ length: 50 }, (_, i) => String(i).padStart(2, '0')));
  });
});
