import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8Runs } from './utf8-runs.ts';
import { utf8Encode } from './utf8.ts';
import { testShell } from '../testing/run.ts';

const asBytes = (s: string) => String.fromCharCode(...utf8Encode(s));

describe('decodeUtf8Runs', () => {
  it('decodes byte runs that are UTF-8 and leaves the rest', () => {
    expect(decodeUtf8Runs('\u00c3\u00a9\n')).toBe('é\n');
    expect(decodeUtf8Runs('a\u00e2\u0082\u00acb')).toBe('a€b');
    expect(decodeUtf8Runs('\u00f0\u009f\u0098\u0080')).toBe('😀');
    expect(decodeUtf8Runs('\u00c3x')).toBe('\u00c3x');
    expect(decodeUtf8Runs('\u00c0\u0080')).toBe('\u00c0\u0080');
    expect(decodeUtf8Runs('\u00ed\u00a0\u0080')).toBe('\u00ed\u00a0\u0080');
    expect(decodeUtf8Runs('café')).toBe('café');
  });

  it('inverts UTF-8 encoding into byte chars, and keeps text without byte pairs', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeUtf8Runs(asBytes(s)) === s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => /[\u00c2-\u00f4][\u0080-\u00bf]/.test(s) || decodeUtf8Runs(s) === s));
  });
});

// Debian 12, bash 5.2 in a UTF-8 terminal: printf '\303\251\n' prints é (2 bytes plus newline).
describe('octal and hex escapes render as UTF-8', () => {
  it('printf and echo -e', async () => {
    const sh = testShell();
    expect(await sh.run("printf '\\303\\251\\n'")).toEqual({ stdout: 'é\n', stderr: '', status: 0 });
    expect(await sh.run("echo -e 'caf\\xc3\\xa9'")).toEqual({ stdout: 'café\n', stderr: '', status: 0 });
    expect(await sh.run("printf '\\342\\202\\254%s\\n' 5")).toEqual({ stdout: '€5\n', stderr: '', status: 0 });
    expect(await sh.run("printf '\\303\\251' | wc -c")).toEqual({ stdout: '2\n', stderr: '', status: 0 });
  });
});
