/**
 * The read-eval-print loop of an interactive shell: prompt like Debian's bash
 * (`root@petlab:~# `), continuation lines with PS2 (`> `) while the input is incomplete,
 * history, job notices, and `exit`/Ctrl-D to leave.
 */
import { PendingInput } from '../parser/pending-input.ts';
import { READ_INTERRUPTED, type Input, type Output, type Terminal } from '../types.ts';
import { ExitSignal } from './shell.ts';
import type { IO, Shell } from './shell.ts';

/** Debian's PS1 for bash (/etc/bash.bashrc), without the chroot part. */
const DEBIAN_PS1 = '\\u@\\h:\\w\\$ ';

/**
 * The primary prompt. `$PS1` when set (its \u \h \H \w \W \$ \s \n escapes), else Debian's
 * bash prompt `root@petlab:~# `, or dash's `# ` for a shell started as `sh`.
 */
export function primaryPrompt(shell: Shell): string {
  const ps1 = shell.env.get('PS1');
  const name = shell.arg0.replace(/^-/, '').split('/').pop() ?? 'bash';
  if (ps1 === undefined && shell.dialect === 'ash') return expandPromptEscapes('\\w \\$ ', shell, name); // BusyBox ash initvar(): PS1=\w \$
  if (ps1 === undefined && (name === 'sh' || name === 'dash')) return shell.process.uid === 0 ? '# ' : '$ ';
  return expandPromptEscapes(ps1 ?? DEBIAN_PS1, shell, name);
}

function expandPromptEscapes(ps1: string, shell: Shell, name: string): string {
  const home = shell.env.get('HOME');
  let cwd = shell.cwd;
  if (home && home !== '/' && (cwd === home || cwd.startsWith(`${home}/`))) cwd = `~${cwd.slice(home.length)}`;
  const host = shell.process.hostname;
  return ps1.replace(/\\([uhHwW$sn\\])/g, (_m, c: string) => {
    switch (c) {
      case 'u':
        return shell.process.user;
      case 'h':
        return host.split('.')[0];
      case 'H':
        return host;
      case 'w':
        return cwd;
      case 'W':
        return cwd === '/' || cwd === '~' ? cwd : (cwd.split('/').pop() ?? cwd);
      case '$':
        return shell.process.uid === 0 ? '#' : '$';
      case 's':
        return name;
      case 'n':
        return '\n';
      default:
        return '\\';
    }
  });
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
  // bash says `exit` when it leaves; dash (sh) leaves silently.
  const name = shell.arg0.replace(/^-/, '').split('/').pop() ?? 'bash';
  const sayExit = (options.exitOnEof ?? true) && name !== 'sh' && name !== 'dash';
  // What the prompt's commands print goes to the terminal: `ls` lays out columns there. An
  // output that says it is not a terminal (isTTY: false) keeps its word.
  const tty: Output = io.stdout.isTTY === undefined ? { write: (t) => io.stdout.write(t), isTTY: true } : io.stdout;
  // lines read so far: an interactive bash numbers its input lines from its start (LINENO)
  let linesRead = 0;
  for (;;) {
    // Let background jobs run before the next prompt, as they would while the user types.
    if (shell.hasRunningJobs()) await shell.foreground.yieldTurn();
    const notices = shell.finishedJobsReport();
    if (notices) io.stdout.write(notices);
    const nested = shell.foreground.current() !== undefined;
    const endPrompt = nested ? shell.foreground.atPrompt(shell) : undefined;
    let first: string | null;
    try {
      first = await terminal.readLine(primaryPrompt(shell));
    } finally {
      endPrompt?.();
    }
    if (first === null) {
      if (sayExit) io.stdout.write('exit\n');
      return shell.lastStatus;
    }
    // PendingInput decides when the command is complete without re-parsing here-document bodies
    const pending = new PendingInput(first);
    let eof = false;
    let interrupted = false;
    while (pending.state === 'incomplete') {
      // A nested shell at PS2 is the shell the learner types to, as at its PS1 (completion, Ctrl-C).
      const endMore = nested ? shell.foreground.atPrompt(shell) : undefined;
      const more = await terminal.readLine('> ', { interruptible: true }).finally(() => endMore?.());
      if (more === READ_INTERRUPTED) {
        // Ctrl-C at PS2: bash drops the whole pending command and prompts afresh ($? is 130).
        interrupted = true;
        break;
      }
      if (more === null) {
        // Ctrl-D inside a construct: bash runs what it has (a here-document ends there, with a
        // warning) or reports the unfinished quote, then prompts again.
        eof = true;
        break;
      }
      pending.add(more);
    }
    const text = pending.text;
    const firstLine = linesRead + 1;
    linesRead += pending.lineCount;
    if (interrupted) {
      shell.lastStatus = 130;
      continue;
    }
    if (text.trim() !== '') shell.history.push(text);
    const job = shell.foreground.begin(shell.world.now());
    try {
      const status = await shell.runText(`${text}\n`, { stdin, stdout: tty, stderr: io.stderr, interrupt: job.signal }, { final: eof, firstLine });
      if (job.signal.interrupted && status >= 128) io.stdout.write('\n');

    } catch (e) {
      if (e instanceof ExitSignal) {
        if (sayExit) io.stdout.write('exit\n');
        return e.status;
      }
      throw e;
    } finally {
      job.end();
    }
  }
}
