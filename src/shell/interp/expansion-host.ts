/**
 * What word expansion sees of a shell: its variables (with `$RANDOM` drawn from the world's
 * rng), special parameters, `$(…)` run in a subshell, home directories and directory listings
 * for globbing.
 */
import type { ExpansionHost } from './expand.ts';
import { MAX_WORD_LENGTH, tooLong } from './expand.ts';
import { ExitSignal } from './signals.ts';
import type { IO, Shell } from './shell.ts';
import { InterruptSignal } from './signal.ts';
import { acquireFork } from './fork-limit.ts';
import type { Output } from '../types.ts';

/** Collects `$(…)` output up to MAX_WORD_LENGTH; past it, interrupts the producer. */
class CappedOutput implements Output {
  text = '';
  length = 0;
  readonly signal: InterruptSignal;
  constructor(signal: InterruptSignal) {
    this.signal = signal;
  }
  write(text: string): void {
    this.length += text.length;
    if (this.length > MAX_WORD_LENGTH) {
      this.signal.trigger();
      return;
    }
    this.text += text;
  }
}

/** The expansion host of `shell` for a command running with `io`. */
export function makeExpansionHost(shell: Shell, io: IO): ExpansionHost {
  return {
    getVar: (name) => (name === 'RANDOM' && shell.env.get('RANDOM') === undefined ? String(shell.world.rng.int(32768)) : shell.env.get(name)),
    setVar: (name, value) => shell.env.set(name, value),
    special: (name) => shell.special(name),
    positional: () => shell.positional,
    getArray: (name) => shell.env.getArray(name),
    commandSubstitution: async (source) => {
      const release = await acquireFork(shell, io.stderr);
      const out = new CappedOutput(new InterruptSignal(io.interrupt));
      const sub = shell.subshell();
      const cwd = shell.cwd;
      try {
        shell.lastStatus = await sub.runText(source, { ...io, stdout: out, interrupt: out.signal });
      } catch (e) {
        if (e instanceof ExitSignal) shell.lastStatus = e.status;
        else throw e;
      } finally {
        release();
        shell.cwd = cwd;
      }
      if (out.length > MAX_WORD_LENGTH && !io.interrupt.interrupted) throw tooLong(out.length);
      return out.text;
    },
    home: (user) => (user === '' ? (shell.env.get('HOME') ?? '/root') : user === 'root' ? '/root' : userHome(shell, user)),
    readdir: (dir) => {
      try {
        return shell.process.fs.readdir(dir);
      } catch {
        return undefined;
      }
    },
    cwd: () => shell.cwd,
    nounset: () => shell.options.nounset,
  };
}

function userHome(shell: Shell, user: string): string | undefined {
  try {
    const passwd = shell.process.fs.readFile('/etc/passwd');
    const line = passwd.split('\n').find((l) => l.startsWith(`${user}:`));
    return line?.split(':')[5];
  } catch {
    return undefined;
  }
}

/** `$?`, `$$`, `$#`, `$0`, `$1`…, `$!`, `$-`. */
export function specialParameter(shell: Shell, name: string): string | undefined {
  switch (name) {
    case '?':
      return String(shell.lastStatus);
    case '$':
      return String(shell.process.localPid ?? shell.process.pid);
    case '#':
      return String(shell.positional.length);
    case '0':
      return shell.arg0;
    case '!':
      return shell.lastBackgroundPid === undefined ? '' : String(shell.lastBackgroundPid);
    case '-':
      return `${shell.options.errexit ? 'e' : ''}hB${shell.interactive ? 'i' : ''}`;
    case '@':
    case '*':
      return shell.positional.join(' ');
  }
  if (/^[0-9]+$/.test(name)) return shell.positional[Number(name) - 1];
  return undefined;
}
