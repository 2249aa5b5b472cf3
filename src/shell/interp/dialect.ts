/**
 * The shell's own error messages in the wording of the shell the process runs: GNU bash on the
 * learner's host and Debian-based images, BusyBox ash as `sh` in alpine/busybox containers.
 *
 * Sources: bash 5.2 `execute_cmd.c` ("command not found"), `redir.c` (strerror after the file
 * name), `jobs.c` make_child ("fork" + strerror, status EX_NOEXEC 126, back to the top level, where
 * `bash -c`'s parse_and_execute (evalstring.c, DISCARD) makes it EXECUTION_FAILURE 1);
 * BusyBox 1.36 `shell/ash.c` ash_vmsg ("$0: " prefix), shellexec (`errmsg(e, "not found")`,
 * 127), openredirect ("can't create %s: %s" with `errmsg(errno, "nonexistent directory")`,
 * "can't open %s: %s" with `errmsg(errno, "no such file")`): errmsg gives the second text for
 * ENOENT and strerror otherwise.
 */
import type { Shell } from './shell.ts';

/** `foo` is nowhere in $PATH (status 127). */
export function commandNotFound(shell: Shell, name: string): string {
  return shell.dialect === 'ash' ? `${shell.arg0}: ${name}: not found\n` : `bash: ${name}: command not found\n`;
}

/** A path-named program (`./x`, `/usr/bin/x`) that does not exist (status 127). */
export function noSuchProgram(shell: Shell, name: string): string {
  return shell.dialect === 'ash' ? `${shell.arg0}: ${name}: not found\n` : `bash: ${name}: No such file or directory\n`;
}

/** A path-named program that is a directory (status 126). */
export function programIsDirectory(shell: Shell, name: string): string {
  return shell.dialect === 'ash' ? `${shell.arg0}: ${name}: Permission denied\n` : `bash: ${name}: Is a directory\n`;
}

/** A path-named program without an execute bit (status 126): execve's EACCES, in both shells. */
export function programNotExecutable(shell: Shell, name: string): string {
  return shell.dialect === 'ash' ? `${shell.arg0}: ${name}: Permission denied\n` : `bash: ${name}: Permission denied\n`;
}

/** A redirection could not open its file (without the newline: RedirectError adds it). */
export function redirectFailed(shell: Shell, mode: 'create' | 'open', target: string, e: unknown): string {
  const code = (e as { code?: unknown }).code;
  const text = e instanceof Error ? e.message : String(e);
  if (shell.dialect !== 'ash') return `bash: ${target}: ${text}`;
  const reason = code === 'ENOENT' ? (mode === 'create' ? 'nonexistent directory' : 'no such file') : text;
  return `${shell.arg0}: can't ${mode} ${target}: ${reason}`;
}

/**
 * fork(2) failed (`unshare --pid` without `--fork` after the namespace's init exited). Only a
 * host's bash gets there, so only bash's wording is modelled.
 */
export function forkFailed(message: string): string {
  return `bash: fork: ${message}\n`;
}
