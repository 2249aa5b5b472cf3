/**
 * `trap` (bash 5.2 builtins/trap.def, trap.c, sig.c) and running the traps: EXIT when the shell
 * ends, ERR after a failing command where `set -e` would apply (not inside functions: no
 * errtrace), INT when the shell itself takes Ctrl-C: a script after the program it waited for
 * (no job control; the script goes on), an interactive shell only when it was running built-ins
 * (a foreground program gets the SIGINT alone: simple.ts runCommandObject); `trap '' INT`
 * ignores Ctrl-C.
 * Actions are kept by name: EXIT, DEBUG, ERR, RETURN, or a signal name without SIG.
 */
import type { IO, Shell } from './shell.ts';
import { ExitSignal } from './signals.ts';

/** Linux's signal numbers 1…31 (bash's signames on Linux: 29 is SIGIO). */
const SIGNALS = ['HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

/** bash's name for signal `n` (1…64, without 32 and 33): SIGHUP, SIGRTMIN+1, SIGRTMAX-14… */
function signalName(n: number): string | undefined {
  if (n >= 1 && n <= 31) return `SIG${SIGNALS[n - 1]}`;
  if (n === 34) return 'SIGRTMIN';
  if (n > 34 && n <= 49) return `SIGRTMIN+${n - 34}`;
  if (n >= 50 && n < 64) return `SIGRTMAX-${64 - n}`;
  if (n === 64) return 'SIGRTMAX';
  return undefined;
}

/** Trap keys in the order `trap -p` lists them: EXIT, the signals by number, DEBUG, ERR, RETURN. */
function order(key: string): number {
  if (key === 'EXIT') return 0;
  const pseudo = ['DEBUG', 'ERR', 'RETURN'].indexOf(key);
  if (pseudo >= 0) return 100 + pseudo;
  return signalNumber(key) ?? 99;
}

function signalNumber(key: string): number | undefined {
  for (let n = 1; n <= 64; n++) if (signalName(n) === `SIG${key}`) return n;
  return undefined;
}

/** A signal spec (`INT`, `SIGINT`, `int`, `2`, `EXIT`, `0`, `ERR`) as a trap key, or undefined. */
function decode(spec: string): string | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n === 0) return 'EXIT';
    return signalName(n)?.slice(3);
  }
  const up = spec.toUpperCase();
  if (['EXIT', 'DEBUG', 'ERR', 'RETURN'].includes(up)) return up;
  const bare = up.startsWith('SIG') ? up.slice(3) : up;
  return signalNumber(bare) !== undefined ? bare : undefined;
}

const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const shown = (key: string) => (order(key) === 0 || order(key) >= 100 ? key : `SIG${key}`);

/** Runs the `trap` built-in; status 1 for a bad signal spec, 2 for a bad option. */
export function runTrap(shell: Shell, args: string[], io: IO): number {
  let print = false;
  let list = false;
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i] !== '-'; i++) {
    const a = args[i];
    if (a === '--') {
      i++;
      break;
    }
    for (const f of a.slice(1)) {
      if (f === 'p') print = true;
      else if (f === 'l') list = true;
      else {
        io.stderr.write(`bash: trap: -${f}: invalid option\ntrap: usage: trap [-lp] [[arg] signal_spec ...]\n`);
        return 2;
      }
    }
  }
  const rest = args.slice(i);
  if (list) {
    let out = '';
    let column = 0;
    for (let n = 1; n <= 64; n++) {
      const name = signalName(n);
      if (!name) continue;
      out += `${String(n).padStart(2)}) ${name}${++column < 5 ? '\t' : '\n'}`;
      if (column === 5) column = 0;
    }
    io.stdout.write(column !== 0 ? `${out}\n` : out);
    return 0;
  }
  if (print || rest.length === 0) {
    let status = 0;
    let keys: string[];
    if (rest.length === 0) keys = [...shell.traps.keys()].sort((a, b) => order(a) - order(b));
    else {
      keys = [];
      for (const spec of rest) {
        const key = decode(spec);
        if (key === undefined) {
          io.stderr.write(`bash: trap: ${spec}: invalid signal specification\n`);
          status = 1;
        } else if (shell.traps.has(key)) keys.push(key);
      }
    }
    for (const key of keys) io.stdout.write(`trap -- ${quote(shell.traps.get(key) as string)} ${shown(key)}\n`);
    return status;
  }
  // `trap SIG…` (first word a signal spec) and `trap - SIG…` reset; otherwise the first is the action
  const reset = rest[0] === '-' || (rest.length === 1 && decode(rest[0]) !== undefined);
  const action = reset ? undefined : rest[0];
  const specs = rest[0] === '-' || !reset ? rest.slice(1) : rest;
  let status = 0;
  for (const spec of specs) {
    const key = decode(spec);
    if (key === undefined) {
      io.stderr.write(`bash: trap: ${spec}: invalid signal specification\n`);
      status = 1;
    } else if (action === undefined) shell.traps.delete(key);
    else shell.traps.set(key, action);
  }
  return status;
}

/** Runs trap `key`'s action (not while another trap runs); $? and PIPESTATUS are kept as they were. */
async function runAction(shell: Shell, key: string, io: IO): Promise<void> {
  const action = shell.traps.get(key);
  if (!action || shell.runningTrap) return;
  const status = shell.lastStatus;
  const pipestatus = shell.env.getArray('PIPESTATUS');
  shell.runningTrap = true;
  try {
    await shell.runText(`${action}\n`, io);
  } finally {
    shell.runningTrap = false;
    shell.lastStatus = status;
    if (pipestatus) shell.env.setArray('PIPESTATUS', pipestatus);
  }
}

/** After a failing command where `set -e` applies: the ERR trap (not inherited by functions). */
export async function runErrTrap(shell: Shell, io: IO): Promise<void> {
  if (!shell.inFunction) await runAction(shell, 'ERR', io);
}

/** After a command line Ctrl-C ended: the INT trap. */
export async function runIntTrap(shell: Shell, io: IO): Promise<void> {
  await runAction(shell, 'INT', io);
}

/**
 * The shell ends with `status`: runs the EXIT trap once, with $? = status. An `exit N` in the
 * trap changes the status (trap.c run_exit_trap); otherwise it stays.
 */
export async function runExitTrap(shell: Shell, io: IO, status: number): Promise<number> {
  const action = shell.traps.get('EXIT');
  if (!action) return status;
  shell.traps.delete('EXIT');
  shell.lastStatus = status;
  shell.runningTrap = true;
  try {
    await shell.runText(`${action}\n`, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    throw e;
  } finally {
    shell.runningTrap = false;
  }
  return status;
}
