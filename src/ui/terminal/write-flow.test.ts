import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WriteFlow, type FlowSink } from './write-flow.ts';

/** A fake xterm: keeps what it was given and parses (calls back) only when told to. */
class SlowXterm implements FlowSink {
  readonly queue: { data: string; callback: () => void }[] = [];
  written = '';
  write(data: string, callback: () => void): void {
    this.queue.push({ data, callback });
  }
  /** Parses the oldest `n` chunks. */
  parse(n = 1): void {
    for (const chunk of this.queue.splice(0, n)) {
      this.written += chunk.data;
      chunk.callback();
    }
  }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WriteFlow', () => {
  it('lets writes through without waiting while at or below the high watermark', () => {
    const xterm = new SlowXterm();
    const flow = new WriteFlow(xterm, { high: 10, low: 4 });
    flow.write('12345');
    flow.write('');
    flow.write('67890');
    expect(flow.pending).toBe(10);
    expect(flow.drain()).toBeUndefined();
    expect(xterm.queue.map((c) => c.data)).toEqual(['12345', '67890']);
  });

  it('makes the producer wait above the high watermark and resumes it only at the low one', async () => {
    const xterm = new SlowXterm();
    const flow = new WriteFlow(xterm, { high: 10, low: 4 });
    for (const chunk of ['abc', 'def', 'ghi', 'jkl']) flow.write(chunk);
    expect(flow.pending).toBe(12);
    const wait = flow.drain();
    expect(wait).toBeInstanceOf(Promise);
    let resumed = false;
    void wait?.then(() => (resumed = true));
    xterm.parse(1); // 9 pending: below high, still above low
    await settled();
    expect([flow.pending, resumed]).toEqual([9, false]);
    xterm.parse(1); // 6
    await settled();
    expect([flow.pending, resumed]).toEqual([6, false]);
    xterm.parse(1); // 3 <= low
    await settled();
    expect([flow.pending, resumed, xterm.written]).toEqual([3, true, 'abcdefghi']);
    expect(flow.drain()).toBeUndefined();
  });

  it('releases waiting producers on dispose and asks none to wait after it', async () => {
    const xterm = new SlowXterm();
    const flow = new WriteFlow(xterm, { high: 2, low: 1 });
    flow.write('abcdef');
    const wait = flow.drain();
    flow.dispose();
    await expect(wait).resolves.toBeUndefined();
    flow.write('more');
    expect(flow.drain()).toBeUndefined();
  });

  it('a producer that waits on drain() never has more than high + one chunk pending (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }),
        async (chunks, parseSteps) => {
          const xterm = new SlowXterm();
          const flow = new WriteFlow(xterm, { high: 64, low: 16 });
          let peak = 0;
          let step = 0;
          const producer = (async () => {
            for (const size of chunks) {
              const wait = flow.drain();
              if (wait) await wait;
              flow.write('y'.repeat(size));
              peak = Math.max(peak, flow.pending);
            }
          })();
          let done = false;
          void producer.then(() => (done = true));
          while (!done) {
            await settled();
            xterm.parse(parseSteps[step++ % parseSteps.length] || 1);
          }
          xterm.parse(xterm.queue.length);
          expect(peak).toBeLessThanOrEqual(64 + 50);
          expect(xterm.written.length).toBe(chunks.reduce((a, b) => a + b, 0));
          expect(flow.pending).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
