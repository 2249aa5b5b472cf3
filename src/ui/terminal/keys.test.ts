import { describe, expect, it } from 'vitest';
import { decodeKeys } from './keys.ts';

describe('decodeKeys', () => {
  it('groups printable runs and names control keys', () => {
    expect(decodeKeys('ls -l\r')).toEqual([{ name: 'text', text: 'ls -l' }, { name: 'enter' }]);
    expect(decodeKeys('\x01\x05\x15\x0b\x17\x0c\x03\x04\x12\x7f\t')).toEqual(
      ['C-a', 'C-e', 'C-u', 'C-k', 'C-w', 'C-l', 'C-c', 'C-d', 'C-r', 'backspace', 'tab'].map((name) => ({ name })),
    );
  });

  it('decodes cursor keys in normal and application mode, Home/End/Delete and word moves', () => {
    expect(decodeKeys('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOH\x1b[F\x1b[1~\x1b[4~\x1b[3~\x1b[1;5D\x1b[1;5C')).toEqual(
      ['up', 'down', 'right', 'left', 'up', 'home', 'end', 'home', 'end', 'delete', 'word-left', 'word-right'].map(
        (name) => ({ name }),
      ),
    );
  });

  it('decodes Alt keys, a lone Escape and unknown sequences', () => {
    expect(decodeKeys('\x1bb\x1bF\x1b\x7f')).toEqual([{ name: 'M-b' }, { name: 'M-f' }, { name: 'M-backspace' }]);
    expect(decodeKeys('\x1b')).toEqual([{ name: 'escape' }]);
    expect(decodeKeys('\x1b[15~x')).toEqual([{ name: 'unknown' }, { name: 'text', text: 'x' }]);
  });

  it('treats CR LF of a paste as one Enter and bracketed-paste markers as keys', () => {
    expect(decodeKeys('\x1b[200~a\r\nb\n\x1b[201~')).toEqual([
      { name: 'paste-start' },
      { name: 'text', text: 'a' },
      { name: 'enter' },
      { name: 'text', text: 'b' },
      { name: 'enter' },
      { name: 'paste-end' },
    ]);
  });
});
