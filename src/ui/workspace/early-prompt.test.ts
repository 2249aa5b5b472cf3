/**
 * Boot phase 1's prompt and the shell behind it: the page shows `firstPrompt` before the shell
 * exists, the learner types at it while the lab is set up, and the REPL, once started, runs those
 * lines in order and prompts as the shell itself would — with no second prompt for the first line.
 */
import { describe, expect, it, vi } from 'vitest';
import { bootLearner, setUpEnvironment } from '../../emulator/boot.ts';
import { createWorld } from '../../emulator/environment.ts';
import { primaryPrompt } from '../../shell/interp/repl.ts';
import { ShellSession } from '../../shell/session.ts';
import type { Terminal } from '../../shell/types.ts';
import { FakeScreen } from '../terminal/fake-screen.ts';
import { LineEditor } from '../terminal/line-editor.ts';
import { EarlyPromptTerminal } from './early-prompt.ts';
import { firstPrompt } from './first-prompt.ts';

/** A line editor on a fake screen, as the shell's terminal (xterm's part without a browser). */
function editorTerminal() {
  const screen = new FakeScreen(80);
  const editor = new LineEditor({ write: (d) => screen.write(d), columns: () => 80 });
  const terminal: Terminal = { columns: 80, rows: 24, readLine: (prompt) => editor.readLine(prompt), clear: () => undefined };
  return { screen, editor, terminal };
}

describe('firstPrompt', () => {
  it.each(['linux', 'docker', 'kubernetes'])('is the prompt the shell prints first (%s)', (environment) => {
    const world = createWorld({ environment, seed: 3 });
    const session = new ShellSession({ world });
    expect(firstPrompt(world.linux.loginShell())).toBe('root@petlab:~# ');
    expect(primaryPrompt(session.activeShell)).toBe(firstPrompt(world.linux.loginShell()));
  });

  it('abbreviates the home folder, keeps other folders and shows $ for a user', () => {
    const process = { user: 'ada', uid: 1000, hostname: 'box.example.org', cwd: '/home/ada/src', env: { HOME: '/home/ada' } };
    expect(firstPrompt(process)).toBe('ada@box:~/src$ ');
    expect(firstPrompt({ ...process, cwd: '/tmp' })).toBe('ada@box:/tmp$ ');
    expect(firstPrompt({ ...process, cwd: '/home/adam' })).toBe('ada@box:/home/adam$ ');
  });
});

describe('EarlyPromptTerminal', () => {
  it('gives the REPL the lines typed at the early prompt, in order, without prompting twice', async () => {
    const { screen, editor, terminal } = editorTerminal();
    const booted = bootLearner({ seed: 1 });
    const first = editor.readLine(firstPrompt(booted.learner.shell));
    // Typed while phase 2 runs: two lines and the start of a third.
    editor.feed('echo one\recho $((1+1))\rech');
    const world = setUpEnvironment(booted, () => {});
    const session = new ShellSession({ world, terminal: new EarlyPromptTerminal(terminal, first), stdout: { write: (d) => screen.write(d.replace(/\n/g, '\r\n')) } });
    void session.runInteractive();
    await vi.waitFor(() => expect(screen.text()).toBe('root@petlab:~# echo one\none\nroot@petlab:~# echo $((1+1))\n2\nroot@petlab:~# ech'), { timeout: 5000 });
    editor.feed('o three\r');
    await vi.waitFor(() => expect(screen.text()).toBe('root@petlab:~# echo one\none\nroot@petlab:~# echo $((1+1))\n2\nroot@petlab:~# echo three\nthree\nroot@petlab:~#'), { timeout: 5000 });
    editor.cancelRead(null);
  });

  it('passes every read through when there was no early prompt', async () => {
    const prompts: string[] = [];
    const inner: Terminal = { columns: 100, rows: 30, readLine: async (p) => (prompts.push(p), null), clear: () => undefined };
    const terminal = new EarlyPromptTerminal(inner, undefined);
    expect(await terminal.readLine('$ ')).toBeNull();
    expect([terminal.columns, terminal.rows, prompts]).toEqual([100, 30, ['$ ']]);
  });
});
