/**
 * The read-eval-print loop of an interactive shell: prompt like Debian's bash
 * (`root@petlab:~# `), continuation lines with PS2 (`> `) while the input is incomplete,
 * history, job notices, and `exit`/Ctrl-D to leave.
 */
import { parse } from '../parser/parser.ts';
import type { Input, Output, Terminal } from '../types.ts';
import { ExitSignal } from './shell.ts';
import type { IO, Shell } from './shell.ts';

/** The primary prompt: `user@host:cwd# ` with $HOME shown as `~`. */
export function primaryPrompt(shell: Shell): string {
  const home = shell.env.get('HOME');
  let cwd = shell.cwd;
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) cwd = `~${cwd.slice(home.length)}`;
  const user = shell.process.user;
  return `${user}@${shell.process.hostname}:${cwd}${shell.process.uid === 0 ? '#' : '$'} `;
}

/** Reads lines from the terminal as stdin (`cat` typed at the prompt). */
export class TerminalInput implements Input {
  readonly isTTY = true;
  private readonly terminal: Terminal;
  constructor(terminal: Terminal) {
    this.terminal = terminal;
  }
  async read(): Promise<string | null> {
    const line = await this.terminal.readLine('');
    return line === null ? null : `${line}\n`;
  }
  readLine(): Promise<string | null> {
    return this.terminal.readLine('');
  }
  async readAll(): Promise<string> {
    let out = '';
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return out;
      out += chunk;
    }
  }
}

export interface ReplOptions {
  /** Print `exit` on Ctrl-D, as bash does. @default true */
  exitOnEof?: boolean;
  /** stdin for commands; @default the terminal */
  stdin?: Input;
}

/** Runs the loop until `exit` or end of input; resolves to the shell's exit status. */
export async function runRepl(shell: Shell, io: Omit<IO, 'stdin' | 'interrupt'> & Partial<IO>, options: ReplOptions = {}): Promise<number> {
  const terminal = shell.terminal;
  if (!terminal) return shell.lastStatus;
  const stdin = options.stdin ?? new TerminalInput(terminal);
  // What the prompt's commands print goes to the terminal: `ls` lays out columns there. An
  // output that says it is not a terminal (isTTY: false) keeps its word.
  const tty: Output = io.stdout.isTTY === undefined ? { write: (t) => io.stdout.write(t), isTTY: true } : io.stdout;
  for (;;) {
    // Let background jobs run before the next prompt, as they would while the user types.
    if (shell.hasRunningJobs()) await shell.foreground.yieldTurn();
    const notices = shell.finishedJobsReport();
    if (notices) io.stdout.write(notices);
    const nested = shell.foreground.current() !== undefined;
    const endPrompt = nested ? shell.foreground.atPrompt() : undefined;
    let first: string | null;
    try {
      first = await terminal.readLine(primaryPrompt(shell));
    } finally {
      endPrompt?.();
    }
    if (first === null) {
      if (options.exitOnEof ?? true) io.stdout.write('exit\n');
      return shell.lastStatus;
    }
    let text = first;
    let eof = false;
    for (;;) {
      const r = parse(`${text}\n`);
      if (r.kind !== 'incomplete') break;
      const more = await terminal.readLine('> ');
      if (more === null) {
        // Ctrl-D inside a construct: bash runs what it has (a here-document ends there, with a
        // warning) or reports the unfinished quote, then prompts again.
        eof = true;
        break;
      }
      text += `\n${more}`;
    }
    if (text.trim() !== '') shell.history.push(text);
    const job = shell.foreground.begin(shell.world.now());
    try {
      const status = await shell.runText(`${text}\n`, { stdin, stdout: tty, stderr: io.stderr, interrupt: job.signal }, eof);
      if (job.signal.interrupted && status >= 128) io.stdout.write('\n');

    } catch (e) {
      if (e instanceof ExitSignal) {
        if (options.exitOnEof ?? true) io.stdout.write('exit\n');
        return e.status;
      }
      throw e;
    } finally {
      job.end();
    }
  }
}
