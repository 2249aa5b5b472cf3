/**
 * Child shells: `bash`, `sh -c`, and the shells other commands start inside other processes
 * (`unshare … bash`, `nsenter -t 1 -a sh`, `kubectl exec -it`, `docker exec`). An interactive
 * child reads from the same terminal until `exit` or Ctrl-D, then the parent continues.
 */
import { exitChild, spawnChild } from '../linux-bridge.ts';
import type { ShellProcess } from '../linux-bridge.ts';
import type { Environment, SpawnShellOptions } from '../types.ts';
import { ShellEnvironment } from './env.ts';
import { runRepl } from './repl.ts';
import { ExitSignal, Shell } from './shell.ts';
import { runExitTrap } from './trap.ts';
import type { IO } from './shell.ts';

/** Runs a child shell as `options.in` (or a new child of `caller`); resolves to its exit status. */
export async function spawnShell(parent: Shell, caller: ShellProcess, options: SpawnShellOptions, io: IO, callerEnv: Environment = parent.env): Promise<number> {
  // `in` naming the calling shell's own process (no Linux model: commands run as it) is a child.
  const given = options.in !== parent.process ? (options.in as ShellProcess | undefined) : undefined;
  const argv = options.argv ?? ['sh'];
  const proc = given ?? spawnChild(parent.world, caller, argv, callerEnv.exported());
  const env = new ShellEnvironment(given ? given.env : callerEnv.exported());
  const terminal = parent.terminal && options.wrapTerminal ? options.wrapTerminal(parent.terminal) : parent.terminal;
  const interactive = options.script === undefined && terminal !== undefined;
  const child = new Shell({
    world: parent.world,
    process: proc,
    foreground: parent.foreground,
    terminal,
    env,
    arg0: options.arg0 ?? argv[0] ?? 'sh',
    positional: options.args ? [...options.args] : [],
    interactive,
  });
  const childIO: IO = {
    stdin: options.stdin ?? io.stdin,
    stdout: options.stdout ?? io.stdout,
    stderr: options.stderr ?? io.stderr,
    interrupt: io.interrupt,
  };
  let status = 0;
  const cwd = proc.cwd;
  try {
    try {
      if (options.script !== undefined) status = await child.runText(options.script, childIO);
      else if (interactive) status = await runRepl(child, childIO, { exitOnEof: true });
      else status = await child.runText(await childIO.stdin.readAll(), childIO);
    } catch (e) {
      if (e instanceof ExitSignal) status = e.status;
      else throw e;
    }
    status = await runExitTrap(child, childIO, status);
  } finally {
    if (!given && proc === caller) proc.cwd = cwd;
    if (!given) exitChild(parent.world, proc, caller, status);
  }
  return status;
}
