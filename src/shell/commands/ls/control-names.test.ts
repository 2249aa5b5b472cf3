// Names with control characters (terminal escapes, newlines) are shown on a terminal as GNU ls
// shows them: gnulib quotearg's shell-escape style, e.g. `'a'$'\033''[31m'` (quotearg.c
// START_ESC/END_ESC; octal `\ooo` except the C escapes \a \b \f \n \r \t \v). Into a pipe
// (literal style) the bytes pass through unchanged.
import { describe, expect, it } from 'vitest';
import { testShell } from '../../testing/run.ts';
import { BufferOutput } from '../../interp/streams.ts';
import { shellEscape } from './format.ts';

describe('ls and control characters in names', () => {
  it('quotes escapes, newlines and DEL the way quotearg does', () => {
    expect(shellEscape('a\x1b[31m')).toBe("'a'$'\\033''[31m'");
    expect(shellEscape('\x1b[31mred\x1b[0m')).toBe("''$'\\033''[31mred'$'\\033''[0m'");
    expect(shellEscape('a\n\tb')).toBe("'a'$'\\n\\t''b'");
    expect(shellEscape('end\n')).toBe("'end'$'\\n'");
    expect(shellEscape("it's\x7f")).toBe("'it'\\''s'$'\\177'");
    expect(shellEscape('plain')).toBe('plain');
  });

  it('prints such names quoted on a terminal and raw into a pipe', async () => {
    const sh = testShell();
    const out = Object.assign(new BufferOutput(), { isTTY: true });
    await sh.session.execute("mkdir t && cd t && touch $'a\\033[31m' b && ls", { stdout: out });
    expect(out.text).toBe("'a'$'\\033''[31m'   b\n");
    expect(await sh.run('ls')).toEqual({ stdout: 'a\x1b[31m\nb\n', stderr: '', status: 0 });
  });
});
