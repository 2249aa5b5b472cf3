import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ApiStore } from '../api/store.ts';
import { EventRecorder } from './recorder.ts';

/** The event name suffix as client-go's UnixNano, computed in BigInt (the reference). */
function reference() {
  let last = -1n;
  return (ms: number, random: number): string => {
    let nano = BigInt(ms) * 1_000_000n + BigInt(random % 1000) * 1000n;
    if (nano <= last) nano = last + 1n;
    last = nano;
    return nano.toString(16);
  };
}

type Suffix = { eventSuffix(ms: number, random: number): string };

describe('EventRecorder name suffix', () => {
  it('is the UnixNano hex of the event time plus the random sub-millisecond part, strictly increasing', () => {
    // Times near the 2³² boundaries of ms and of the nanosecond low word, equal times (ties), and
    // times outside the safe integers (the BigInt fallback).
    const ms = fc.oneof(fc.integer({ min: 0, max: 2 ** 45 }), fc.constantFrom(0, 1, 4294, 4295, 2 ** 32 - 1, 2 ** 32, 1795946402960), fc.constantFrom(2 ** 53 + 2, 2 ** 60));
    fc.assert(
      fc.property(fc.array(fc.tuple(ms, fc.integer({ min: 0, max: 0xfffff }), fc.boolean()), { maxLength: 40 }), (steps) => {
        const recorder = new EventRecorder({} as ApiStore) as unknown as Suffix;
        const expected = reference();
        let prev = 0;
        for (const [t, random, same] of steps) {
          const at = same ? prev : t;
          prev = at;
          expect(recorder.eventSuffix(at, random)).toBe(expected(at, random));
        }
      }),
    );
  });

  it('carries into the high word when the low word is full', () => {
    const recorder = new EventRecorder({} as ApiStore) as unknown as Suffix;
    // 4294.967295 s: UnixNano 4294967295000 is 0x3e7_fffffc18; ties step one nanosecond at a time.
    expect(recorder.eventSuffix(4294967, 295)).toBe('3e7fffffc18');
    const names: string[] = [];
    for (let i = 0; i < 1000; i++) names.push(recorder.eventSuffix(0, 0));
    expect(names.slice(998)).toEqual(['3e7ffffffff', '3e800000000']);
  });
});
