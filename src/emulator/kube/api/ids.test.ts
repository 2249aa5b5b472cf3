import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../rng.ts';
import { hexId, hexPrefixValue, uuidId } from './ids.ts';

describe('ids', () => {
  it('uuidId draws what Rng.uuid draws (same strings, same state after)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 8 }), (seed, lengths) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (const n of lengths) {
          expect(uuidId(a)).toBe(b.uuid());
          expect(hexId(a, n)).toBe(b.hex(n));
        }
        expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
  });

  it('hexPrefixValue draws what hexId draws and returns the value of its first digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), (seed, length, digits) => {
        const a = new Rng(seed);
        const b = new Rng(seed);
        const text = hexId(b, length).slice(0, digits);
        expect(hexPrefixValue(a, length, digits)).toBe(text === '' ? 0 : parseInt(text, 16));
        expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
  });

  it('formats a version-4 UUID', () => {
    expect(uuidId(new Rng(7))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidId(new Rng(7))).toBe(new Rng(7).uuid());
  });
});
