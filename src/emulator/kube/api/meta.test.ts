import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clone, deepFreeze } from './meta.ts';

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
