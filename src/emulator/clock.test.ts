import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';

describe('VirtualClock', () => {
  it('fires timers in (time, scheduling order) across foreground and background', () => {
    const clock = new VirtualClock(0);
    const seen: string[] = [];
    clock.at(10, () => seen.push('bg@10'), { background: true });
    clock.at(10, () => seen.push('fg@10'));
    clock.at(5, () => seen.push('fg@5'));
    const cancelled = clock.at(7, () => seen.push('never'));
    cancelled.cancel();
    expect(clock.nextDue(true)).toBe(5);
    clock.advance(20);
    expect(seen).toEqual(['fg@5', 'bg@10', 'fg@10']);
    expect(clock.now()).toBe(20);
    expect(clock.hasForegroundWork()).toBe(false);
  });

  it('answers nextDue(true) with the earliest live foreground timer only', () => {
    const clock = new VirtualClock(0);
    clock.at(1, () => {}, { background: true });
    const a = clock.at(3, () => {});
    clock.at(4, () => {});
    expect(clock.nextDue(false)).toBe(1);
    expect(clock.nextDue(true)).toBe(3);
    a.cancel();
    expect(clock.nextDue(true)).toBe(4);
  });

  it('fires any set of timers in sorted order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(1000), fc.boolean()), { maxLength: 60 }), (specs) => {
        const clock = new VirtualClock(0);
        const fired: Array<[number, number]> = [];
        specs.forEach(([at, background], i) => clock.at(at, () => fired.push([clock.now(), i]), { background }));
        clock.advance(2000);
        const expected = specs.map(([at], i) => [at, i] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(fired).toEqual(expected);
      }),
    );
  });
});
