import { describe, expect, it } from 'vitest';
import { World } from './world.ts';

describe('World', () => {
  it('settles foreground timers in order and stops at background ones', () => {
    const world = new World({ startTime: 0 });
    const seen: string[] = [];
    world.clock.after(5_000, () => seen.push('probe'), { background: true });
    world.clock.after(2_000, () => {
      seen.push('b');
      world.enqueue(() => seen.push('b-job'));
    });
    world.clock.after(1_000, () => seen.push('a'));
    const result = world.settle();
    expect(seen).toEqual(['a', 'b', 'b-job']);
    expect(result).toEqual({ elapsedMs: 2_000, settled: true });
    world.advance(3_000);
    expect(seen).toEqual(['a', 'b', 'b-job', 'probe']);
  });

  it('reports an unsettled world when a bound is reached', () => {
    const world = new World({ startTime: 0 });
    const tick = () => world.clock.after(1_000, tick);
    tick();
    expect(world.settle({ maxMs: 10_000 })).toEqual({ elapsedMs: 10_000, settled: false });
  });

  it('draws the same random values for the same seed', () => {
    const a = new World({ seed: 42 });
    const b = new World({ seed: 42 });
    expect([a.rng.hex(8), a.rng.uuid()]).toEqual([b.rng.hex(8), b.rng.uuid()]);
    expect(new World({ seed: 43 }).rng.hex(8)).not.toEqual(new World({ seed: 42 }).rng.hex(8));
  });
});
