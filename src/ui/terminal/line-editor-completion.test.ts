/**
 * The line editor's Tab: completing, listing candidates in columns, readline's `Display all N
 * possibilities?` and `--More--` questions, and the pending command's lines sent with a
 * completion request at a continuation prompt.
 */
import { describe, expect, it } from 'vitest';
import type { Completer } from './completion/types.ts';
import { flush, setup } from './editor-fixture.ts';

describe('LineEditor completion', () => {
  const words = ['get', 'describe', 'delete', 'apply'];
  const completer: Completer = {
    complete({ line, cursor }) {
      const from = line.lastIndexOf(' ', cursor - 1) + 1;
      const word = line.slice(from, cursor);
      return { from, to: cursor, candidates: words.filter((w) => w.startsWith(word)) };
    },
  };

  it('completes a unique candidate with a space and a shared prefix without', async () => {
    const { editor, screen } = setup({ completer });
    const line = editor.readLine('$ ');
    editor.feed('kubectl g\t');
    await flush();
    expect([screen.text(), screen.col]).toEqual(['$ kubectl get', 14]);
    editor.feed('\x15kubectl d\t');
    await flush();
    expect(screen.text()).toBe('$ kubectl de');
    editor.feed('s\tpods\r');
    expect(await line).toBe('kubectl describe pods');
  });

  it('lists candidates on the second Tab and redraws the prompt below them', async () => {
    const { editor, screen } = setup({ completer });
    const line = editor.readLine('$ ');
    editor.feed('kubectl de\t');
    await flush();
    editor.feed('\t');
    await flush();
    await flush();
    expect(screen.text()).toBe('$ kubectl de\ndescribe  delete\n$ kubectl de');
    editor.feed('l\t\r');
    await flush();
    expect(await line).toBe('kubectl delete ');
  });

  it('keeps keys typed while the completer is busy in order', async () => {
    let release: () => void = () => undefined;
    const slow: Completer = {
      complete: ({ cursor }) =>
        new Promise((resolve) => {
          release = () => resolve({ from: cursor - 1, to: cursor, candidates: ['get'] });
        }),
    };
    const { editor } = setup({ completer: slow });
    const line = editor.readLine('$ ');
    editor.feed('g\tpods\r');
    await flush();
    release();
    expect(await line).toBe('get pods');
  });
});

describe('LineEditor completion at a continuation prompt', () => {
  it('passes the lines of the pending command with a PS2 read (one Ctrl-C ends), none at PS1 or for a command’s input', async () => {
    const seen: (string | undefined)[] = [];
    const recording: Completer = {
      complete: ({ cursor, continues }) => {
        seen.push(continues);
        return { from: cursor, to: cursor, candidates: [] };
      },
    };
    const { editor } = setup({ completer: recording });
    const ps2 = { history: false, interruptValue: '\x03' };
    const typed: (string | null)[] = [];
    const read = async (prompt: string, keys: string, options = {}) => {
      const line = editor.readLine(prompt, options);
      editor.feed(keys);
      await flush();
      editor.feed('\r');
      typed.push(await line);
    };
    await read('$ ', 'ls\t');
    await read('$ ', 'for f in /et\t');
    await read('> ', '/us\t', ps2);
    await read('> ', 'do\t', ps2);
    await read('', 'input\t', { history: false });
    await read('$ ', 'x\t');
    await read('> ', 'y\t', ps2);
    expect(typed).toEqual(['ls', 'for f in /et', '/us', 'do', 'input', 'x', 'y']);
    expect(seen).toEqual([undefined, undefined, 'for f in /et', 'for f in /et\n/us', undefined, undefined, 'x']);
  });
});

describe('LineEditor Display all N possibilities', () => {
  const label = (i: number) => `${i < 60 ? 'a' : 'b'}${String(i).padStart(3, '0')}`;
  const many: Completer = {
    complete: ({ line }) => ({ from: 0, to: line.length, candidates: Array.from({ length: 120 }, (_, i) => label(i)) }),
  };

  it('asks before listing 100 or more candidates and lists them in columns on y', async () => {
    const { editor, screen } = setup({ completer: many, columns: 80 });
    const line = editor.readLine('$ ');
    editor.feed('\t\t');
    await flush();
    await flush();
    expect(screen.text()).toBe('$\nDisplay all 120 possibilities? (y or n)');
    editor.feed('x'); // rings the bell, keeps asking
    expect(screen.text()).toBe('$\nDisplay all 120 possibilities? (y or n)');
    editor.feed('y');
    const rows = Array.from({ length: 10 }, (_, r) => Array.from({ length: 12 }, (_, c) => label(c * 10 + r)).join('  '));
    expect(screen.text()).toBe(['$', 'Display all 120 possibilities? (y or n)', ...rows, '$'].join('\n'));
    editor.feed('c\r');
    expect(await line).toBe('c');
  });

  it('prompts again without listing on n', async () => {
    const { editor, screen } = setup({ completer: many, columns: 80 });
    const line = editor.readLine('$ ');
    editor.feed('\t\t');
    await flush();
    await flush();
    editor.feed('nok\r');
    expect(await line).toBe('ok');
    expect(screen.text()).toBe('$\nDisplay all 120 possibilities? (y or n)\n$ ok');
  });
});

describe('LineEditor --More-- pager (readline page-completions)', () => {
  const items = Array.from({ length: 14 }, (_, i) => `${String.fromCharCode(97 + i)}00`); // a00 … n00
  const completer: Completer = { complete: ({ cursor }) => ({ from: cursor, to: cursor, candidates: items }) };
  const listed = (from: number, to: number) => items.slice(from, to);

  it('stops every screenful (height − 1 rows) at --More--: space shows a page, Enter one row, q stops and redraws the line', async () => {
    // 10 columns: one candidate a row (cells of 5 would fill it exactly); 5 rows: pages of 4
    const { editor, screen } = setup({ completer, columns: 10, rows: 5 });
    const line = editor.readLine('$ ');
    editor.feed('\t\t');
    await flush();
    await flush();
    expect(screen.text()).toBe(['$', ...listed(0, 4), '--More--'].join('\n'));
    editor.feed('x'); // not an answer: the bell, still waiting
    expect(screen.text()).toBe(['$', ...listed(0, 4), '--More--'].join('\n'));
    editor.feed(' ');
    expect(screen.text()).toBe(['$', ...listed(0, 8), '--More--'].join('\n'));
    editor.feed('\r');
    expect(screen.text()).toBe(['$', ...listed(0, 9), '--More--'].join('\n'));
    editor.feed('q');
    expect(screen.text()).toBe(['$', ...listed(0, 9), '$'].join('\n'));
    editor.feed('ok\r');
    expect(await line).toBe('ok');
  });

  it('lists the rest without asking once it fits, and lists everything when the host has no height', async () => {
    const paged = setup({ completer, columns: 10, rows: 5 });
    let line = paged.editor.readLine('$ ');
    paged.editor.feed('\t\t');
    await flush();
    await flush();
    paged.editor.feed('   '); // 14 rows: 4 + 4 + 4, then the last 2 fit
    expect(paged.screen.text()).toBe(['$', ...items, '$'].join('\n'));
    paged.editor.feed('\r');
    expect(await line).toBe('');
    const unpaged = setup({ completer, columns: 10 });
    line = unpaged.editor.readLine('$ ');
    unpaged.editor.feed('\t\t');
    await flush();
    await flush();
    expect(unpaged.screen.text()).toBe(['$', ...items, '$'].join('\n'));
    unpaged.editor.feed('\r');
    expect(await line).toBe('');
  });

  it('Ctrl-C at --More-- drops the listing and the line, as SIGINT does', async () => {
    const { editor, screen } = setup({ completer, columns: 10, rows: 5 });
    const line = editor.readLine('$ ');
    editor.feed('ab\t\t');
    await flush();
    await flush();
    editor.feed('\x03');
    expect(screen.text()).toBe(['$ ab', ...listed(0, 4), '$ ab^C', '$'].join('\n'));
    editor.feed('x\r');
    expect(await line).toBe('x');
  });
});
