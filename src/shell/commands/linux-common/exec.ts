/**
 * How `unshare`, `nsenter` and `ip netns exec` run their program inside the process they
 * prepared: a shell becomes a child shell session running as that process (interactive on the
 * terminal); any other program is looked up in the command registry and run with that process
 * as its own (exec), so `unshare --pid --fork --mount-proc ps aux` shows `ps aux` as PID 1.
 */
import type { Process } from '../../../emulator/linux/process.ts';
import type { CommandContext } from '../../types.ts';
import { loadCommand } from '../registry.ts';

const SHELLS = new Set(['bash', 'sh', 'dash', 'ash', 'zsh']);

/** The basename of a program path, without a login shell's leading `-`. */
export function programName(path: string): string {
  const base = path.split('/').pop() ?? path;
  return base.startsWith('-') ? base.slice(1) : base;
}

/**
 * Execs `argv` as `proc`. Returns the exit status, or undefined when the program does not exist
 * (the caller prints its own "failed to execute" message and returns 127).
 */
export async function execAs(ctx: CommandContext, proc: Process, argv: string[]): Promise<number | undefined> {
  const name = programName(argv[0]);
  proc.argv = argv;
  proc.comm = name.slice(0, 15);
  if (SHELLS.has(name)) {
    const c = argv.indexOf('-c');
    if (c >= 0 && c + 1 < argv.length) return ctx.spawnShell({ in: proc, argv, script: argv[c + 1] });
    return ctx.spawnShell({ in: proc, argv });
  }
  return runAs(ctx, proc, name, argv);
}

/**
 * Runs the registered command `name` with `argv` as process `proc` (already exec'd: its argv
 * set). Undefined when no such command is registered.
 */
export async function runAs(ctx: CommandContext, proc: Process, name: string, argv: string[]): Promise<number | undefined> {
  const command = await loadCommand(name);
  if (!command) return undefined;
  const sub = Object.create(ctx) as CommandContext;
  Object.defineProperties(sub, {
    name: { value: name },
    args: { value: argv.slice(1) },
    process: { value: proc },
    cwd: { value: proc.cwd },
    // An exec'd program is not the calling shell's built-in: `unshare -w /tmp pwd` prints /tmp.
    shell: { value: undefined },
  });
  return command.run(sub);
}

/** The login shell util-linux's exec_shell() starts: `-` + basename of $SHELL (default /bin/sh). */
export function defaultShell(ctx: CommandContext): string[] {
  const shell = ctx.env.get('SHELL') || '/bin/sh';
  return [`-${shell.split('/').pop()}`];
}
