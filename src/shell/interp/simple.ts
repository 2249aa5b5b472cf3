/**
 * Simple commands: expansion, assignments, redirections, then lookup in bash's order —
 * functions, the shell's own control built-ins (`break`, `return`, `set`, `read`…), the command
 * registry, paths to script files — or `bash: foo: command not found` (127).
 */
import type { SimpleCommand, Word } from '../parser/ast.ts';
import { parse } from '../parser/parser.ts';
import { loadCommand, registry } from '../commands/registry.ts';
import type { Command, CommandContext, ShellControl, SpawnShellOptions } from '../types.ts';
import { exitChild, ForkError, hasLinuxModel, spawnChild } from '../linux-bridge.ts';
import { commandNotFound, forkFailed, noSuchProgram, programIsDirectory, programNotExecutable } from './dialect.ts';
import type { ShellProcess } from '../linux-bridge.ts';
import { ExpansionError, expandSingle } from './expand.ts';
import { ArithError, evaluateArithmetic } from './arith.ts';
import { applyRedirects, RedirectError } from './redirect.ts';
import { AbortLine, ExitSignal, LoopSignal, ReturnSignal, reportExpansion } from './shell.ts';
import type { IO, Shell } from './shell.ts';
import { InterruptibleInput } from './streams.ts';
import { INTERNAL_BUILTINS, runInternal } from './builtins.ts';
import { runDoubleBracket } from './double-bracket.ts';
import { spawnShell } from './spawn.ts';
import { execCommand, keepRedirections } from './exec.ts';
import { runIntTrap } from './trap.ts';
import { NEVER } from './signal.ts';

/** Real programs the lab does not have: they say so instead of "command not found". */
export const NOT_AVAILABLE = new Set([
  'apt', 'apt-get', 'dnf', 'emacs', 'helm', 'htop', 'journalctl', 'less', 'man', 'minikube', 'more', 'nano',
  'python', 'python3', 'scp', 'ssh', 'sudo', 'systemctl', 'top', 'vi', 'vim', 'yum',
]);

/** Commands bash runs inside itself (no child process, may change the shell). */
const BASH_BUILTINS = new Set(['.', ':', '[', 'cd', 'echo', 'exit', 'export', 'false', 'help', 'history', 'kill', 'printf', 'pwd', 'read', 'source', 'test', 'true', 'type', 'unset']);

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', 'function', '{', '}', '!', '[[', ']]', 'time']);

export async function runSimple(shell: Shell, cmd: SimpleCommand, io: IO): Promise<number> {
  const w0 = cmd.words[0]?.parts;
  if (w0?.length === 1 && w0[0].type === 'lit' && !w0[0].quoted && w0[0].text === '((' && cmd.words.length === 2) {
    // (( expr )): status 0 when the value is not zero
    let expr: string;
    try {
      expr = await expandSingle(cmd.words[1], shell.expansionHost(io));
      const value = evaluateArithmetic(expr, { get: (n) => shell.env.get(n), set: (n, v) => shell.env.set(n, v) });
      return value !== 0 ? 0 : 1;
    } catch (e) {
      if (e instanceof ExpansionError) return reportExpansion(e, io);
      if (e instanceof ArithError) {
        io.stderr.write(`bash: ${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  if (w0?.length === 1 && w0[0].type === 'lit' && !w0[0].quoted && w0[0].text === '[[') {
    const { io: redirected } = await applyRedirects(shell, cmd.redirs, io);
    return runDoubleBracket(shell, cmd.words, redirected);
  }
  const expanded = await shell.expandArgs(cmd.words, io);
  if (expanded === undefined) return 1;
  let argv = expanded;
  const first = cmd.words[0]?.parts;
  if (shell.aliases.size > 0 && first?.length === 1 && first[0].type === 'lit' && !first[0].quoted && shell.aliases.has(first[0].text)) {
    // Alias expansion (first word only, no recursion): the value is split and expanded as words.
    const value = shell.aliases.get(first[0].text) as string;
    const words = await shell.expandArgs(parseWords(value), io);
    if (words === undefined) return 1;
    argv = [...words, ...argv.slice(1)];
  }
  const host = shell.expansionHost(io);
  const assigns: [string, string][] = [];
  try {
    for (const a of cmd.assigns) {
      const array = a.value.parts.length === 1 && a.value.parts[0].type === 'array' ? a.value.parts[0] : undefined;
      if (array) {
        // NAME=(…) / NAME+=(…): an indexed array, set at once (bash does not allow it as a prefix)
        const values = await shell.expandArgs(array.words, io);
        if (values === undefined) return 1;
        shell.env.setArray(a.name, a.append ? [...(shell.env.getArray(a.name) ?? []), ...values] : values);
        continue;
      }
      const value = await expandSingle(a.value, host);
      assigns.push([a.name, a.append ? (shell.env.get(a.name) ?? '') + value : value]);
    }
  } catch (e) {
    if (e instanceof ExpansionError) return reportExpansion(e, io);
    throw e;
  }
  let redirected: IO;
  let fds: Awaited<ReturnType<typeof applyRedirects>>['fds'];
  try {
    ({ io: redirected, fds } = await applyRedirects(shell, cmd.redirs, io));
  } catch (e) {
    if (e instanceof ExpansionError) return reportExpansion(e, io);
    if (e instanceof RedirectError) {
      io.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (argv.length === 0) {
    for (const [name, value] of assigns) shell.env.set(name, value);
    // `x=$(false)` has the substitution's status
    return cmd.assigns.some((a) => a.value.parts.some((p) => p.type === 'cmd')) ? shell.lastStatus : 0;
  }
  if (shell.options.xtrace) redirected.stderr.write(`+ ${argv.join(' ')}\n`);
  const [name, ...args] = argv;
  if (name === 'exec' && !shell.functions.has(name)) {
    if (args.length === 0) return keepRedirections(shell, io, fds);
    const found = (n: string) => (n.includes('/') ? statFile(shell, n) === 'file' : hasLinuxModel(shell.world) ? findProgram(shell, n) !== undefined : Object.hasOwn(registry, n));
    return execCommand(shell, args, redirected, (c) => runSimple(shell, c, redirected), found);
  }

  if (shell.functions.has(name)) {
    const saved = assigns.map(([n]) => [n, shell.env.get(n)] as const);
    for (const [n, v] of assigns) shell.env.set(n, v);
    try {
      return await shell.callFunction(name, args, redirected);
    } finally {
      for (const [n, v] of saved) if (v === undefined) shell.env.unset(n);
      else shell.env.set(n, v);
    }
  }
  if (INTERNAL_BUILTINS.has(name)) {
    const status = await runInternal(shell, name, args, redirected);
    // stdout refused a write (alias > /dev/full): bash's sh_chkwrite
    const writeError = redirected.stdout.takeWriteError?.();
    if (writeError === undefined) return status;
    redirected.stderr.write(`bash: ${name}: write error: ${writeError}\n`);
    return 1;
  }

  let command: Command | undefined;
  let commandName = name;
  if (name.includes('/')) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const file = statFile(shell, name);
    if (file === 'missing') {
      redirected.stderr.write(noSuchProgram(shell, name));
      return 127;
    }
    if (file === 'dir') {
      redirected.stderr.write(programIsDirectory(shell, name));
      return 126;
    }
    if (file === 'not-executable') {
      redirected.stderr.write(programNotExecutable(shell, name));
      return 126;
    }
    if (/^\/(usr\/)?(s?bin)\//.test(name) && Object.hasOwn(registry, base)) commandName = base;
    else return runScriptFile(shell, name, args, redirected);
  } else if (!BASH_BUILTINS.has(name) && hasLinuxModel(shell.world) && findProgram(shell, name, assigns.find(([n]) => n === 'PATH')?.[1]) === undefined) {
    // Programs are files in $PATH of the process's own root: an nginx container has no kubectl.
    redirected.stderr.write(NOT_AVAILABLE.has(name) && shell.dialect === 'bash' ? `petlab: '${name}' is not available in this lab\n` : commandNotFound(shell, name));
    return 127;
  }
  try {
    command = await loadCommand(commandName);
  } catch (e) {
    redirected.stderr.write(`petlab: internal error in ${commandName}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  if (!command) {
    if (NOT_AVAILABLE.has(name) || hasLinuxModel(shell.world)) {
      // In $PATH (nginx, redis-cli…) but not emulated
      redirected.stderr.write(`petlab: '${[name, ...args.slice(0, 1)].join(' ')}' is not available in this lab\n`);
      return 1;
    }
    redirected.stderr.write(commandNotFound(shell, name));
    return 127;
  }
  return runCommandObject(shell, command, name, args, assigns, redirected);
}

/**
 * Where `name` is in the shell's $PATH (or `pathValue`, from `PATH=… cmd`) on its process's file
 * system (bash's default PATH when unset), or undefined. Directories named like the program do not count.
 */
export function findProgram(shell: Shell, name: string, pathValue?: string): string | undefined {
  const path = pathValue ?? shell.env.get('PATH') ?? DEFAULT_PATH;
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir.replace(/\/$/, '')}/${name}`;
    try {
      if (shell.process.fs.stat(candidate).type !== 'dir') return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** bash's PATH when none is set (config-top.h DEFAULT_PATH_VALUE). */
const DEFAULT_PATH = '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.';

/** The words of an alias value, parsed as a command line's words. */
function parseWords(text: string): Word[] {
  const r = parse(`${text}\n`, { final: true });
  if (r.kind !== 'ok') return [];
  const cmd = r.program.items[0]?.node.first.commands[0];
  return cmd?.type === 'simple' ? cmd.words : [];
}

function statFile(shell: Shell, path: string): 'file' | 'not-executable' | 'dir' | 'missing' {
  try {
    const st = shell.process.fs.stat(path);
    if (st.type === 'dir') return 'dir';
    // execve(2) needs an execute bit (root too): `./s.sh` before `chmod +x s.sh` is EACCES
    return typeof st.mode === 'number' && (st.mode & 0o111) === 0 ? 'not-executable' : 'file';
  } catch {
    return 'missing';
  }
}

/** `./script.sh`: runs the file's text in a child shell with `args` as $1…. */
async function runScriptFile(shell: Shell, path: string, args: string[], io: IO): Promise<number> {
  let text: string;
  try {
    text = shell.process.fs.readFile(path);
  } catch (e) {
    io.stderr.write(`bash: ${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 126;
  }
  const sub = shell.subshell();
  sub.positional = args;
  sub.arg0 = path;
  const cwd = shell.cwd;
  try {
    return await sub.runText(text, io);
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    throw e;
  } finally {
    shell.cwd = cwd;
  }
}

/** Runs a registered command in a child process with a full `CommandContext`. */
export async function runCommandObject(
  shell: Shell,
  command: Command,
  name: string,
  args: string[],
  assigns: [string, string][],
  io: IO,
): Promise<number> {
  if (BASH_BUILTINS.has(name) || !shell.traps.get('INT') || shell.runningTrap) return runCommandIn(shell, command, name, args, assigns, io);
  // A shell that traps SIGINT: the program it waits for gets a foreground job of its own, so
  // Ctrl-C kills that program and not the whole line. What follows is bash 5.2's jobs.c wait_for.
  const job = shell.foreground.begin(shell.foreground.current()?.startedAt ?? shell.world.now());
  let status: number;
  try {
    status = await runCommandIn(shell, command, name, args, assigns, { ...io, interrupt: job.signal });
  } finally {
    job.end();
  }
  if (!job.signal.interrupted || io.interrupt.interrupted) return status;
  if (shell.interactive) {
    // Job control: the program had the terminal, the shell got no SIGINT, so no trap runs. In a
    // loop the loop is broken as if it had (ADDINTERRUPT; throw_to_top_level's newline on
    // stderr); otherwise the newline goes to stdout and the command list goes on.
    if (shell.loopDepth > 0) {
      io.stderr.write('\n');
      throw new AbortLine(status, true);
    }
    io.stdout.write('\n');
    return status;
  }
  // A script (no job control) got the SIGINT too: a pending trap, run after the wait; the script
  // goes on (trap.c run_pending_traps). $? in the trap is the killed program's status.
  shell.lastStatus = status;
  await runIntTrap(shell, { ...io, interrupt: NEVER });
  return status;
}

async function runCommandIn(
  shell: Shell,
  command: Command,
  name: string,
  args: string[],
  assigns: [string, string][],
  io: IO,
): Promise<number> {
  const builtin = BASH_BUILTINS.has(name);
  let env = shell.env;
  if (assigns.length > 0) {
    env = shell.env.clone();
    for (const [n, v] of assigns) {
      env.set(n, v);
      env.export(n);
    }
  }
  const parent = shell.process;
  let child: ShellProcess;
  try {
    child = builtin ? parent : spawnChild(shell.world, parent, [name, ...args], env.exported());
  } catch (e) {
    if (!(e instanceof ForkError)) throw e;
    // bash's make_child: message, EX_NOEXEC (126), the rest of the line dropped (`bash -c`: 1)
    io.stderr.write(forkFailed(e.message));
    throw new AbortLine(shell.interactive ? 126 : 1);
  }
  const world = shell.world;
  const control = shellControl(shell);
  const ctx: CommandContext = {
    name,
    args,
    stdin: new InterruptibleInput(io.stdin, (fn) => io.interrupt.onInterrupt(fn)),
    stdout: io.stdout,
    stderr: io.stderr,
    env,
    cwd: shell.cwd,
    world,
    process: child as unknown as CommandContext['process'],
    interrupt: io.interrupt,
    terminal: io.stdin.isTTY ? shell.terminal : undefined,
    sleep: (ms) => sleepOn(shell, ms, io),
    spawnShell: (options: SpawnShellOptions) => spawnShell(shell, child, options, io, env),
    shell: control,
  };
  let status: number;
  try {
    // a full pipe blocks the writer: wait for the reader before producing more (loops of echo)
    if (io.stdout.drain?.() && !(await waitWritable(io))) status = 130;
    else status = await command.run(ctx);
    if (!Number.isInteger(status)) status = 0;
    // stdout refused a write (> /dev/full): bash's sh_chkwrite for built-ins, coreutils'
    // close_stdout (`argv[0]: write error: …`) for programs; both exit 1
    const writeError = io.stdout.takeWriteError?.();
    if (writeError !== undefined) {
      io.stderr.write(builtin ? `bash: ${name}: write error: ${writeError}\n` : `${name}: write error: ${writeError}\n`);
      status = 1;
    }
  } catch (e) {
    if (e instanceof ExitSignal || e instanceof ReturnSignal || e instanceof LoopSignal || e instanceof AbortLine) throw e;
    if (e instanceof ForkError) {
      exitChild(world, child, parent, 126);
      io.stderr.write(forkFailed(e.message));
      throw new AbortLine(shell.interactive ? 126 : 1);
    }
    io.stderr.write(`petlab: internal error in ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    status = 1;
  } finally {
    world.markChanged();
  }
  exitChild(world, child, parent, status);
  if (shell.exitRequested !== undefined) throw new ExitSignal(shell.exitRequested);
  return status & 0xff;
}

/**
 * Waits while `io.stdout` is backed up (Output.drain: a full pipe, a terminal still drawing);
 * resolves false when interrupted first.
 */
export async function waitWritable(io: IO): Promise<boolean> {
  for (;;) {
    if (io.interrupt.interrupted) return false;
    const pending = io.stdout.drain?.();
    if (!pending) return true;
    let dispose = () => {};
    const stopped = new Promise<void>((resolve) => {
      dispose = io.interrupt.onInterrupt(resolve);
    });
    await Promise.race([pending, stopped]);
    dispose();
  }
}

/**
 * Waits `ms` of virtual time, then until stdout can take more (a command's `ctx.sleep` between
 * chunks is where a write to a full pipe blocks); resolves false when interrupted first.
 */
export async function sleepOn(shell: Shell, ms: number, io: IO): Promise<boolean> {
  return (await sleepFor(shell, ms, io)) && waitWritable(io);
}

function sleepFor(shell: Shell, ms: number, io: IO): Promise<boolean> {
  if (io.interrupt.interrupted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = shell.world.clock.after(Math.max(0, ms), () => {
      dispose();
      resolve(true);
    }, { label: 'sleep' });
    const dispose = io.interrupt.onInterrupt(() => {
      timer.cancel();
      resolve(false);
    });
  });
}

function shellControl(shell: Shell): ShellControl {
  return {
    vars: shell.env,
    get cwd() {
      return shell.cwd;
    },
    setCwd(path: string) {
      shell.cwd = path;
    },
    exit(status: number) {
      shell.exitRequested = status < 0 ? shell.lastStatus : status & 0xff;
    },
    interactive: shell.interactive,
    get history() {
      return shell.history;
    },
    clearHistory() {
      shell.history.length = 0;
    },
    async source(text, io, args, file = 'source') {
      const saved = shell.positional;
      if (args) shell.positional = [...args];
      const sio = { ...io, interrupt: ioInterrupt(shell) };
      try {
        return await shell.nested('sourceDepth', file, sio, () => shell.runText(text, sio));
      } catch (e) {
        if (e instanceof ReturnSignal) return e.status;
        throw e;
      } finally {
        if (args) shell.positional = saved;
      }
    },
    kind(name: string) {
      if (KEYWORDS.has(name)) return 'keyword';
      if (shell.aliases.has(name)) return 'alias';
      if (shell.functions.has(name)) return 'function';
      if (INTERNAL_BUILTINS.has(name) || BASH_BUILTINS.has(name)) return 'builtin';
      if (Object.hasOwn(registry, name) && (!hasLinuxModel(shell.world) || findProgram(shell, name) !== undefined)) return 'file';
      return undefined;
    },
    aliasValue(name: string) {
      return shell.aliases.get(name);
    },
    functionText(name: string) {
      return shell.functions.get(name)?.text;
    },
  };
}

function ioInterrupt(shell: Shell) {
  return shell.foreground.current()?.signal ?? { interrupted: false, onInterrupt: () => () => {} };
}

export { BASH_BUILTINS, KEYWORDS };
