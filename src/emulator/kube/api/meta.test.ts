import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clone, deepFreeze, rfc3339, sameJson } from './meta.ts';

const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

// JSON-ish values plus what JSON treats specially: undefined, NaN, ±Infinity, -0, functions.
const odd = fc.constantFrom<unknown>(undefined, NaN, Infinity, -Infinity, -0, () => 1, Symbol('s'));
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    odd,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  ),
}));

describe('clone', () => {
  it('gives exactly the JSON round trip (values and key order), frozen input or not', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 6 }), fc.boolean(), (obj, freeze) => {
        const expected = JSON.stringify(viaJson(obj));
        const input = freeze ? deepFreeze(obj) : obj;
        const copy = clone(input);
        expect(JSON.stringify(copy)).toBe(expected);
        expect(copy).toEqual(viaJson(obj));
        expect(Object.isFrozen(copy)).toBe(false);
      }),
    );
  });

  it('copies deeply (no shared parts) and handles Dates and top-level values like JSON', () => {
    const src = { a: { b: [1, { c: 2 }] }, d: new Date(0), e: undefined, f: [undefined, NaN] };
    const copy = clone(src);
    expect(copy).toEqual({ a: { b: [1, { c: 2 }] }, d: '1970-01-01T00:00:00.000Z', f: [null, null] });
    expect(copy.a).not.toBe(src.a);
    expect(copy.a.b[1]).not.toBe(src.a.b[1]);
    expect(clone(undefined)).toBe(undefined);
    expect(clone(3)).toBe(3);
    expect(clone(null)).toBe(null);
    expect(() => clone({ n: 1n })).toThrow(TypeError);
  });
});

describe('deepFreeze', () => {
  it('freezes every part, also the new parts of an object that shares frozen ones', () => {
    const shared = deepFreeze({ labels: { app: 'nginx' }, list: [{ a: 1 }] });
    const next = { metadata: { ...shared, extra: { deep: [{ x: 1 }] } }, status: { conditions: [{ type: 'Ready' }] } };
    deepFreeze(next);
    const parts: unknown[] = [next, next.metadata, next.metadata.extra, next.metadata.extra.deep, next.metadata.extra.deep[0], next.status, next.status.conditions, next.status.conditions[0]];
    expect(parts.map((p) => Object.isFrozen(p))).toEqual(parts.map(() => true));
    expect(() => {
      'use strict';
      (next.status.conditions[0] as { type: string }).type = 'x';
    }).toThrow(TypeError);
  });

  it('freezes everything reachable, for any JSON-ish value', () => {
    fc.assert(
      fc.property(value, (v) => {
        deepFreeze(v);
        const unfrozen = (x: unknown): boolean => typeof x === 'object' && x !== null && (!Object.isFrozen(x) || Object.values(x).some(unfrozen));
        expect(unfrozen(v)).toBe(false);
      }),
    );
  });
});

describe('sameJson', () => {
  it('answers what comparing the JSON texts answers (key order counts)', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        const wrapped = { v: a };
        expect(sameJson(wrapped, clone(wrapped))).toBe(true);
      }),
    );
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson({ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' })).toBe(true);
    expect(sameJson({ n: NaN }, { n: null })).toBe(true);
  });
});

describe('rfc3339', () => {
  it('formats to the second, whatever order the times come in (its small cache never answers wrong)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { maxLength: 30 }), fc.array(fc.nat(3), { maxLength: 30 }), (times, picks) => {
        const seq = picks.map((p) => times[p % Math.max(1, times.length)] ?? 0);
        for (const t of [...times, ...seq]) expect(rfc3339(t)).toBe(new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
      }),
    );
    expect(rfc3339(Date.UTC(2026, 10, 29, 10, 0, 0, 999))).toBe('2026-11-29T10:00:00Z');
  });
});
