/** Properties of chmod's MODE language (gnulib modechange.c semantics). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustMode, compileMode, permString } from './mode.ts';
import { modeString } from '../ls/format.ts';

const bits = fc.integer({ min: 0, max: 0o7777 });
const apply = (mode: string, old: number, dir = false) => {
  const c = compileMode(mode);
  if (!c) throw new Error(`invalid ${mode}`);
  return adjustMode(old, dir, 0o022, c);
};

describe('chmod modes', () => {
  it('an octal mode sets a file to exactly that mode', () => {
    fc.assert(fc.property(bits, bits, (m, old) => apply(m.toString(8), old) === m));
  });
  it('a directory keeps setuid/setgid under a short octal mode that does not name them, and loses them under 5 digits', () => {
    fc.assert(fc.property(bits, (old) => apply('755', old, true) === ((old & 0o6000) | 0o755) && apply('00755', old, true) === 0o755));
  });
  it('u+x then u-x clears just that bit; a=rwx then a-rwx leaves only set-id and sticky bits', () => {
    fc.assert(fc.property(bits, (old) => apply('u-x', apply('u+x', old)) === (old & ~0o100)));
    fc.assert(fc.property(bits, (old) => apply('a-rwx', apply('a=rwx', old)) === 0));
  });
  it('never throws on any text, and what compiles yields permission bits only', () => {
    const modeText = fc.stringMatching(/^[ugoarwxXst+=,\-0-9q]{0,12}$/);
    fc.assert(fc.property(fc.oneof(fc.string(), modeText), bits, fc.boolean(), (text, old, dir) => {
      const c = compileMode(text);
      return c === null || (adjustMode(old, dir, 0o022, c) & ~0o7777) === 0;
    }));
  });
  it('rejects what chmod calls an invalid mode', () => {
    for (const m of ['q', '8', '17777', 'u', 'u=755', 'u+x,', ',u+x', '', 'u+x,q', '+rwq']) expect(compileMode(m)).toBeNull();
  });
  it('prints permission bits as ls does, without the type letter', () => {
    fc.assert(fc.property(bits, (m) => `-${permString(m)}` === modeString({ type: 'file', size: 0, mode: m, uid: 0, gid: 0, mtime: 0, ino: 1, nlink: 1 })));
  });
});
