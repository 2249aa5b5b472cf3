/**
 * The built-ins that steer the interpreter itself and so live here rather than in a command
 * folder: `:`, `break`, `continue`, `return`, `shift`, `set`, `local`, `eval`, `read`, `wait`,
 * `jobs`. Messages follow bash 5.2.
 */
import { ExitSignal, LoopSignal, ReturnSignal } from './shell.ts';
import type { IO, Shell } from './shell.ts';
import { runGetopts } from './getopts.ts';
import { runTrap } from './trap.ts';
import { runUlimit } from './ulimit.ts';

export const INTERNAL_BUILTINS = new Set([':', 'alias', 'break', 'continue', 'return', 'shift', 'set', 'local', 'eval', 'read', 'unalias', 'wait', 'jobs', 'getopts', 'trap', 'exec', 'ulimit']);

/** One-line summaries for `help`. */
export const INTERNAL_SUMMARIES: Record<string, string> = {
  ':': 'Null command: does nothing, successfully.',
  alias: 'Define or display aliases.',
  unalias: 'Remove each NAME from the list of defined aliases.',
  break: 'Exit for, while, or until loops.',
  continue: 'Resume the next iteration of the enclosing loop.',
  eval: 'Execute arguments as a shell command.',
  exec: 'Replace the shell with the given command.',
  trap: 'Trap signals and other events.',
  ulimit: 'Modify shell resource limits.',
  getopts: 'Parse option arguments.',
  jobs: 'Display status of jobs.',
  local: 'Define local variables.',
  read: 'Read a line from the standard input and split it into fields.',
  return: 'Return from a shell function.',
  set: 'Set or unset values of shell options and positional parameters.',
  shift: 'Shift positional parameters.',
  wait: 'Wait for job completion and return exit status.',
};

export async function runInternal(shell: Shell, name: string, args: string[], io: IO): Promise<number> {
  const err = (msg: string) => io.stderr.write(`bash: ${name}: ${msg}\n`);
  switch (name) {
    case ':':
      return 0;
    case 'alias': {
      const quote = (v: string) => `'${v.replace(/'/g, "'\\''")}'`;
      if (args.length === 0) {
        for (const [k, v] of [...shell.aliases].sort(([a], [b]) => (a < b ? -1 : 1))) io.stdout.write(`alias ${k}=${quote(v)}\n`);
        return 0;
      }
      let status = 0;
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) shell.aliases.set(a.slice(0, eq), a.slice(eq + 1));
        else if (shell.aliases.has(a)) io.stdout.write(`alias ${a}=${quote(shell.aliases.get(a) as string)}\n`);
        else {
          err(`${a}: not found`);
          status = 1;
        }
      }
      return status;
    }
    case 'unalias': {
      if (args[0] === '-a') {
        shell.aliases.clear();
        return 0;
      }
      let status = 0;
      for (const a of args) {
        if (!shell.aliases.delete(a)) {
          err(`${a}: not found`);
          status = 1;
        }
      }
      return status;
    }
    case 'break':
    case 'continue': {
      if (shell.loopDepth === 0) {
        err("only meaningful in a `for', `while', or `until' loop");
        return 0;
      }
      const n = args[0] === undefined ? 1 : Number(args[0]);
      if (!Number.isInteger(n) || n < 1) {
        err(`${args[0]}: ${Number.isInteger(n) ? 'loop count out of range' : 'numeric argument required'}`);
        return 1;
      }
      throw new LoopSignal(name, n);
    }
    case 'return': {
      if (!shell.inFunction) {
        err("can only `return' from a function or sourced script");
        return 2;
      }
      const n = args[0] === undefined ? shell.lastStatus : Number(args[0]);
      if (!Number.isInteger(n)) {
        err(`${args[0]}: numeric argument required`);
        throw new ReturnSignal(2);
      }
      throw new ReturnSignal(n & 0xff);
    }
    case 'shift': {
      const n = args[0] === undefined ? 1 : Number(args[0]);
      if (!Number.isInteger(n) || n < 0) {
        err(`${args[0]}: numeric argument required`);
        return 1;
      }
      if (n > shell.positional.length) return 1;
      shell.positional = shell.positional.slice(n);
      return 0;
    }
    case 'set':
      return runSet(shell, args, io);
    case 'local': {
      let status = 0;
      for (const a of args) {
        const eq = a.indexOf('=');
        const name = eq > 0 ? a.slice(0, eq) : a;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
          err(`\`${a}': not a valid identifier`);
          status = 1;
          continue;
        }
        if (!shell.declareLocal(name, eq > 0 ? a.slice(eq + 1) : undefined)) {
          err('can only be used in a function');
          return 1;
        }
      }
      return status;
    }
    case 'eval':
      return shell.nested('evalDepth', 'eval', io, () => shell.runText(args.join(' '), io));
    case 'read':
      return runRead(shell, args, io);
    case 'getopts':
      return runGetopts(shell, args, io);
    case 'ulimit':
      return runUlimit(shell, args, io);
    case 'trap':
      return runTrap(shell, args, io);
    case 'wait': {
      let status = 0;
      for (const j of shell.jobs) status = await j.promise;
      return status;
    }
    case 'jobs':
      for (const j of shell.jobs) {
        const state = j.status === undefined ? 'Running' : j.status === 0 ? 'Done' : `Exit ${String(j.status)}`;
        io.stdout.write(`[${j.id}]${j === shell.jobs[shell.jobs.length - 1] ? '+' : '-'}  ${state.padEnd(24)}${j.text}\n`);
      }
      return 0;
  }
  throw new ExitSignal(1);
}

function runSet(shell: Shell, args: string[], io: IO): number {
  if (args.length === 0) {
    for (const [k, v] of Object.entries(shell.env.all())) io.stdout.write(`${k}=${quoteValue(v)}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      shell.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      const on = a === '-o';
      if (opt === 'errexit') shell.options.errexit = on;
      else if (opt === 'pipefail') shell.options.pipefail = on;
      else if (opt === 'xtrace') shell.options.xtrace = on;
      else if (opt === 'nounset') shell.options.nounset = on;
      else if (opt === undefined) {
        for (const [k, v] of Object.entries(shell.options)) io.stdout.write(`${k.padEnd(15)}\t${v ? 'on' : 'off'}\n`);
      } else {
        io.stderr.write(`bash: set: ${opt}: invalid option name\n`);
        return 1;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'e') shell.options.errexit = on;
        else if (f === 'x') shell.options.xtrace = on;
        else if (f === 'u') shell.options.nounset = on;
        else {
          io.stderr.write(`bash: set: ${a[0]}${f}: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n`);
          return 2;
        }
      }
      continue;
    }
    shell.positional = args.slice(i);
    return 0;
  }
  return 0;
}

function quoteValue(v: string): string {
  return /^[A-Za-z0-9_./:@%+,-]*$/.test(v) ? v : `'${v.replace(/'/g, "'\\''")}'`;
}

async function runRead(shell: Shell, args: string[], io: IO): Promise<number> {
  let raw = false;
  let prompt = '';
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-r') raw = true;
    else if (a === '-p') prompt = args[++i] ?? '';
    else if (a.startsWith('-') && a.length > 1) {
      io.stderr.write(`bash: read: ${a}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
      return 2;
    } else names.push(a);
  }
  if (prompt) io.stderr.write(prompt);
  let line = await io.stdin.readLine();
  if (line === null) return 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  if (names.length === 0) names.push('REPLY');
  const ifs = shell.env.get('IFS') ?? ' \t\n';
  const fields = names.length === 1 ? [line.trim()] : line.trim().split(new RegExp(`[${ifs.replace(/[\\\]^-]/g, '\\$&')}]+`));
  names.forEach((n, i) => {
    const value = i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
    shell.env.set(n, value);
  });
  return 0;
}
