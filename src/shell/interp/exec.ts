/**
 * `exec` (bash 5.2 builtins/exec.def). Without a command, its redirections stay with the shell:
 * `exec >file` sends what later commands print to the file, `exec 3>file` opens fd 3 for
 * `>&3`, `exec 3>&-` closes it. With a command, the command replaces the shell: it runs, and
 * the shell ends with its status (the EXIT trap does not run, as after a real execve). A
 * command that cannot be found is `bash: exec: NAME: not found` (127); a non-interactive shell
 * then exits (no execfail).
 */
import type { SimpleCommand } from '../parser/ast.ts';
import type { Input, Output } from '../types.ts';
import type { IO, Shell } from './shell.ts';
import { ExitSignal } from './signals.ts';

/** `io` with the fds 0–2 that `exec` gave the shell in place of its own. */
export function withShellFds(shell: Shell, io: IO): IO {
  const { stdin, stdout, stderr } = shell.stdFds;
  if (!stdin && !stdout && !stderr) return io;
  return { stdin: stdin ?? io.stdin, stdout: stdout ?? io.stdout, stderr: stderr ?? io.stderr, interrupt: io.interrupt };
}

/** `exec` with redirections only: `before` is the shell's io, `fds` what the redirections made of it. */
export function keepRedirections(shell: Shell, before: IO, fds: readonly (Input | Output | undefined)[]): number {
  const std = shell.stdFds;
  if (fds[0] !== before.stdin) std.stdin = fds[0] as Input | undefined;
  if (fds[1] !== before.stdout) std.stdout = fds[1] as Output | undefined;
  if (fds[2] !== before.stderr) std.stderr = fds[2] as Output | undefined;
  for (let fd = 3; fd < Math.max(fds.length, 10); fd++) {
    const stream = fds[fd];
    if (stream === undefined) shell.openFds.delete(fd);
    else shell.openFds.set(fd, stream);
  }
  shell.fdVersion++;
  return 0;
}

const USAGE = 'exec: usage: exec [-cl] [-a name] [command [argument ...]] [redirection ...]\n';

/**
 * `exec command args…`: `run` runs the words as a simple command; `found` says whether a program
 * of that name exists. Throws ExitSignal with the command's status.
 */
export async function execCommand(
  shell: Shell,
  args: string[],
  io: IO,
  run: (cmd: SimpleCommand) => Promise<number>,
  found: (name: string) => boolean,
): Promise<number> {
  if (args[0] === '--') args = args.slice(1);
  else if (args[0]?.startsWith('-') && args[0].length > 1) {
    if (/^-[cla]+$/.test(args[0])) {
      io.stderr.write(`petlab: 'exec ${args[0]}' is not available in this lab\n`);
      return 1;
    }
    io.stderr.write(`bash: exec: ${args[0].slice(0, 2)}: invalid option\n${USAGE}`);
    return 2;
  }
  if (args.length === 0) return 0;
  if (!found(args[0])) {
    io.stderr.write(`bash: exec: ${args[0]}: not found\n`);
    if (shell.interactive) return 127;
    throw new ExitSignal(127);
  }
  const words = args.map((text) => ({ parts: [{ type: 'lit' as const, text, quoted: true }] }));
  // the program is not a function or builtin of this shell any more: run it as a file in $PATH
  const status = await run({ type: 'simple', assigns: [], words, redirs: [], line: 0 });
  shell.traps.delete('EXIT');
  throw new ExitSignal(status);
}
