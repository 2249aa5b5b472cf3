/** The line editor's keys: editing, history, paste and typeahead, escape keys, Ctrl-C. */
import { describe, expect, it } from 'vitest';
import { setup } from './editor-fixture.ts';

describe('LineEditor editing keys', () => {
  it('reads a typed line and echoes it after the prompt', async () => {
    const { screen, editor } = setup();
    const line = editor.readLine('$ ');
    editor.feed('echo hi\r');
    expect(await line).toBe('echo hi');
    expect(screen.text()).toBe('$ echo hi');
    expect([screen.row, screen.col]).toEqual([1, 0]);
  });

  it('moves with ←/→, Home/End, Ctrl-A/E and Alt-B/F and inserts in the middle', async () => {
    const { screen, editor } = setup();
    const line = editor.readLine('$ ');
    editor.feed('kubectl pods');
    editor.feed('\x1bb'); // Alt-B: before "pods"
    editor.feed('get ');
    editor.feed('\x01X\x05Y'); // Ctrl-A, X, Ctrl-E, Y
    editor.feed('\x1b[H\x1b[C\x1b[C\x1b[DZ'); // Home →→← Z
    editor.feed('\x1b[F\x1bb\x1bb\x1bf!'); // End, Alt-B twice, Alt-F
    editor.feed('\r');
    expect(await line).toBe('XZkubectl get! podsY');
    expect(screen.text()).toBe('$ XZkubectl get! podsY');
  });

  it('kills with Ctrl-U/K/W and Alt-D, and yanks with Ctrl-Y', async () => {
    const { editor } = setup();
    let line = editor.readLine('$ ');
    editor.feed('docker run --rm alpine\x17\x17'); // Ctrl-W twice
    editor.feed('busybox\r');
    expect(await line).toBe('docker run busybox');
    line = editor.readLine('$ ');
    editor.feed('one two three\x1bb\x1bb\x0b'); // kill "two three"
    editor.feed('\x19\x19\r'); // yank twice
    expect(await line).toBe('one two threetwo three');
    line = editor.readLine('$ ');
    editor.feed('abc def\x01\x1bd\x05\x15xyz\r'); // Alt-D kills "abc", Ctrl-U the rest
    expect(await line).toBe('xyz');
  });

  it('builds one kill-ring entry from kills in a row, as readline does (backward kills prepend, forward ones append)', async () => {
    const { editor } = setup();
    let line = editor.readLine('$ ');
    editor.feed('kubectl get pods\x17\x17\x19\x19\r'); // Ctrl-W Ctrl-W, then yank twice
    expect(await line).toBe('kubectl get podsget pods'); // the second Ctrl-W took 'get ', prepended
    line = editor.readLine('$ ');
    editor.feed('a b c\x01\x1bd\x1bd\x05 \x19\r'); // Alt-D Alt-D from the start, yank at the end
    expect(await line).toBe(' c a b');
    line = editor.readLine('$ ');
    editor.feed('one two\x17\x01\x0b\x19\r'); // Ctrl-W, move, Ctrl-K: not in a row, a new entry
    expect(await line).toBe('one ');
  });

  it('deletes with Backspace, Delete and Ctrl-D on a non-empty line; Ctrl-D on an empty one is EOF', async () => {
    const { editor, screen } = setup();
    let line = editor.readLine('$ ');
    editor.feed('lsx\x7f -la\x01\x04\x1b[3~\x04 ');
    editor.feed('\r');
    expect(await line).toBe(' -la');
    line = editor.readLine('$ ');
    editor.feed('\x04');
    expect(await line).toBe(null);
    expect(screen.text()).toBe('$  -la\n$');
  });

  it('wraps long lines and redraws them correctly when editing in the middle', async () => {
    const { editor, screen } = setup({ columns: 10 });
    const line = editor.readLine('$ ');
    editor.feed('abcdefghijklmnop'); // 2 + 16 = 18 columns: two rows
    editor.feed('\x01\x1b[C\x1b[C--');
    expect(screen.text()).toBe('$ ab--cdef\nghijklmnop');
    editor.feed('\r');
    expect(await line).toBe('ab--cdefghijklmnop');
    expect([screen.row, screen.col]).toEqual([2, 0]);
  });

  it('soft-wraps a line that exactly fills the width (no newline written until Enter)', async () => {
    const { editor, screen } = setup({ columns: 10 });
    const writes: string[] = [];
    const write = screen.write.bind(screen);
    screen.write = (d: string) => {
      writes.push(d);
      write(d);
    };
    const line = editor.readLine('$ ');
    editor.feed('abcdefgh');
    expect(writes.join('').includes('\n')).toBe(false);
    expect([screen.text(), screen.row, screen.col]).toEqual(['$ abcdefgh', 1, 0]);
    editor.feed('\x7f\x7fgh\r');
    expect(await line).toBe('abcdefgh');
    expect([screen.text(), screen.row, screen.col]).toEqual(['$ abcdefgh', 2, 0]);
  });

  it('clears the screen with Ctrl-L and keeps the line', async () => {
    const { editor, screen } = setup();
    editor.readLine('$ ').then(() => undefined);
    screen.write('old output\r\n');
    const line = editor.readLine('$ ');
    editor.feed('ls\x0c');
    expect(screen.text()).toBe('$ ls');
    editor.feed('\r');
    expect(await line).toBe('ls');
  });

  it('Ctrl-C discards the line, shows ^C and a fresh prompt, and tells the host', async () => {
    const { editor, screen, interrupts } = setup();
    const line = editor.readLine('$ ');
    editor.feed('sleep 10\x03');
    expect(screen.text()).toBe('$ sleep 10^C\n$');
    expect(interrupts).toEqual([true]);
    editor.feed('true\r');
    expect(await line).toBe('true');
  });

  it('Ctrl-C while a command reads the terminal ends that read with null', async () => {
    const { editor, screen, interrupts } = setup({ commandRunning: true });
    const line = editor.readLine('');
    editor.feed('partial\x03');
    expect(await line).toBe(null);
    expect(interrupts).toEqual([true]);
    expect(screen.text()).toBe('partial');
  });

  it('Ctrl-C while a command runs flushes typeahead and interrupts it', async () => {
    const { editor, screen, interrupts } = setup();
    editor.feed('typed ahead\x03');
    expect(interrupts).toEqual([false]);
    expect(screen.text()).toBe('^C');
    editor.feed('after');
    const line = editor.readLine('\r\n$ ');
    editor.feed('\r');
    expect(await line).toBe('after');
  });
});

describe('LineEditor history', () => {
  it('walks history with ↑/↓ and restores the line being typed', async () => {
    const { editor, screen } = setup({ history: ['ls', 'pwd'] });
    const line = editor.readLine('$ ');
    editor.feed('ec');
    editor.feed('\x1b[A');
    expect(screen.text()).toBe('$ pwd');
    editor.feed('\x1b[A\x1b[A');
    expect(screen.text()).toBe('$ ls');
    editor.feed('\x1b[B\x1b[B');
    expect(screen.text()).toBe('$ ec');
    editor.feed('\x10\r'); // Ctrl-P
    expect(await line).toBe('pwd');
    expect(editor.history.entries).toEqual(['ls', 'pwd']);
  });

  it('records submitted lines the way HISTCONTROL=ignoreboth does', async () => {
    const { editor } = setup();
    for (const typed of ['ls', 'ls', ' secret', '', 'pwd']) {
      const line = editor.readLine('$ ');
      editor.feed(typed + '\r');
      await line;
    }
    expect(editor.history.entries).toEqual(['ls', 'pwd']);
  });

  it('searches backwards with Ctrl-R showing bash prompt, again with Ctrl-R, and runs on Enter', async () => {
    const { editor, screen } = setup({ columns: 80, history: ['kubectl get pods', 'ls', 'kubectl get svc', 'pwd'] });
    const line = editor.readLine('$ ');
    editor.feed('\x12');
    expect([screen.text(), screen.col]).toEqual(["(reverse-i-search)`':", 22]);
    editor.feed('kub');
    expect(screen.text()).toBe("(reverse-i-search)`kub': kubectl get svc");
    editor.feed('\x12');
    expect(screen.text()).toBe("(reverse-i-search)`kub': kubectl get pods");
    editor.feed('\x12');
    expect(screen.text()).toBe("(failed reverse-i-search)`kub': kubectl get pods");
    editor.feed('\r');
    expect(await line).toBe('kubectl get pods');
    expect(screen.text()).toBe("(failed reverse-i-search)`kub': kubectl get pods");
  });

  it('leaves search keeping the match on an editing key, and restores the line on Ctrl-G', async () => {
    const { editor, screen } = setup({ history: ['docker ps -a', 'ls'] });
    let line = editor.readLine('$ ');
    editor.feed('\x12ps\x05 -q');
    expect(screen.text()).toBe('$ docker ps -a -q');
    editor.feed('\r');
    expect(await line).toBe('docker ps -a -q');
    line = editor.readLine('$ ');
    editor.feed('draft\x12doc\x07');
    expect(screen.text().split('\n').pop()).toBe('$ draft');
    editor.feed('\r');
    expect(await line).toBe('draft');
  });
});

describe('LineEditor paste and typeahead', () => {
  it('submits each line of a multi-line paste to successive reads, here-document included', async () => {
    const { editor, screen } = setup();
    const got: (string | null)[] = [];
    editor.feed("cat <<'EOF' > web.yaml\rkind: Pod\rEOF\recho done\r");
    got.push(await editor.readLine('$ '));
    got.push(await editor.readLine('> '));
    got.push(await editor.readLine('> '));
    got.push(await editor.readLine('$ '));
    expect(got).toEqual(["cat <<'EOF' > web.yaml", 'kind: Pod', 'EOF', 'echo done']);
    expect(screen.text()).toBe("$ cat <<'EOF' > web.yaml\n> kind: Pod\n> EOF\n$ echo done");
  });
});

describe('LineEditor escape keys (docker detach)', () => {
  it('ends the read with Ctrl-P Ctrl-Q, dropping the line and echoing nothing', async () => {
    const { editor, screen, lines } = setup({ history: ['ls'] });
    const line = editor.readLine('/ # ', { escapeKeys: '\x10\x11' });
    editor.feed('echo hi\x10');
    expect([editor.isReading, editor.current, screen.text()]).toEqual([true, { text: 'echo hi', cursor: 7 }, '/ # echo hi']);
    editor.feed('\x11');
    expect(await line).toBe('\x10\x11');
    expect([editor.isReading, editor.current, screen.text(), screen.row, screen.col]).toEqual([false, { text: '', cursor: 0 }, '/ # echo hi', 0, 11]);
    expect([lines, editor.history.length]).toEqual([['\x10\x11'], 1]);
  });

  it('applies a held Ctrl-P as history-back, then the key that followed it', async () => {
    const { editor, screen } = setup({ history: ['ls /etc'] });
    const line = editor.readLine('/ # ', { escapeKeys: '\x10\x11' });
    editor.feed('\x10');
    expect(editor.current).toEqual({ text: '', cursor: 0 });
    editor.feed('X');
    expect([editor.current, screen.text()]).toEqual([{ text: 'ls /etcX', cursor: 8 }, '/ # ls /etcX']);
    editor.feed('\x10\x10\x11'); // Ctrl-P applies (no older entry), then Ctrl-P Ctrl-Q detaches.
    expect(await line).toBe('\x10\x11');
  });

  it('treats Ctrl-P as history-back at once without escape keys', async () => {
    const { editor } = setup({ history: ['ls /etc'] });
    const line = editor.readLine('$ ');
    editor.feed('\x10');
    expect(editor.current).toEqual({ text: 'ls /etc', cursor: 7 });
    editor.feed('\x11\r');
    expect(await line).toBe('ls /etc');
  });
});

describe('LineEditor Ctrl-C at a continuation prompt', () => {
  it('ends a read that has an interrupt value with it after ^C, without prompting again', async () => {
    const { editor, screen, lines, interrupts } = setup();
    const line = editor.readLine('> ', { interruptValue: '\x03', history: false });
    editor.feed('echo "b\x03');
    expect(await line).toBe('\x03');
    expect([screen.text(), screen.row, screen.col, editor.isReading, lines, interrupts]).toEqual(['> echo "b^C', 1, 0, false, [], [true]]);
  });

  it('prompts again at a read without one', async () => {
    const { editor, screen } = setup();
    const line = editor.readLine('$ ');
    editor.feed('echo\x03ls\r');
    expect(await line).toBe('ls');
    expect(screen.text()).toBe('$ echo^C\n$ ls');
  });
});
