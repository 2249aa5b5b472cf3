import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8 } from './utf8.ts';

describe('decodeUtf8', () => {
  it('decodes what TextEncoder encodes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(decodeUtf8(new TextEncoder().encode(text))).toEqual({ ok: true, text });
    }));
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let expected: string | null;
      try {
        expected = strict.decode(bytes);
      } catch {
        expected = null;
      }
      const got = decodeUtf8(bytes);
      expect(got.ok ? got.text : null).toBe(expected);
    }));
  });

  it('names the offset of the first bad byte (overlong, surrogate, truncated)', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toEqual({ ok: false, offset: 1 });
    expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toEqual({ ok: false, offset: 0 });
    expect(decodeUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toEqual({ ok: false, offset: 2 });
  });
});
