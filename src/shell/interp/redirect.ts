/**
 * Redirections: `>`, `>>`, `<`, `2>`, `2>&1`, `>&2`, `&>`, `&>>`, here-documents and
 * here-strings. Files are written through the process's file system as output arrives.
 * Errors throw `RedirectError` with bash's message (`bash: x: No such file or directory`).
 */
import { redirectFailed } from './dialect.ts';
import { normalize } from '../../emulator/linux/fs/path.ts';
import type { Redirect } from '../parser/ast.ts';
import { parseHeredocBody } from '../parser/scanner.ts';
import type { Input, Output } from '../types.ts';
import { expandSingle, expandWords } from './expand.ts';
import type { IO, Shell } from './shell.ts';
import { EMPTY_INPUT, NULL_OUTPUT, StringInput } from './streams.ts';

export class RedirectError extends Error {
  readonly code = 'REDIRECT';
}

/** An output that appends each write to a file. */
class FileOutput implements Output {
  private readonly shell: Shell;
  private readonly path: string;
  private error: string | undefined;
  constructor(shell: Shell, path: string) {
    this.shell = shell;
    this.path = path;
  }
  write(text: string): void {
    if (text === '') return;
    try {
      this.shell.process.fs.appendFile(this.path, text);
    } catch (e) {
      // the file went away (rm while writing): like Linux, writes to an unlinked file vanish;
      // a device that refuses the write (/dev/full: ENOSPC) is a write error for the writer
      if ((e as { code?: unknown }).code !== 'ENOENT') this.error ??= e instanceof Error ? e.message : String(e);
    }
  }
  takeWriteError(): string | undefined {
    const error = this.error;
    this.error = undefined;
    return error;
  }
}

/** Applies `redirs` on top of `io`. Returns the new streams and a cleanup function. */
export async function applyRedirects(shell: Shell, redirs: readonly Redirect[], io: IO): Promise<{ io: IO; cleanup: () => void; fds: (Input | Output | undefined)[] }> {
  // fds 3–9 that `exec 3>file` left open are there for every command (`echo hi >&3`)
  const fds: (Input | Output | undefined)[] = [io.stdin, io.stdout, io.stderr];
  for (const [fd, stream] of shell.openFds) fds[fd] = stream;
  if (redirs.length === 0) return { io, cleanup: () => {}, fds };
  const host = shell.expansionHost(io);
  const fs = shell.process.fs;
  for (const r of redirs) {
    if (r.heredoc) {
      const body = r.heredoc.quoted ? r.heredoc.body : await expandSingle(parseHeredocBody(r.heredoc.body), host);
      fds[r.fd ?? 0] = new StringInput(body);
      continue;
    }
    if (r.op === '<<<') {
      fds[r.fd ?? 0] = new StringInput(`${await expandSingle(r.target, host)}\n`);
      continue;
    }
    const targets = await expandWords([r.target], host);
    const raw = await expandSingle(r.target, host);
    if (targets.length !== 1) throw new RedirectError(`bash: ${raw}: ambiguous redirect`);
    const target = targets[0];
    if (r.op === '>&' || r.op === '<&') {
      const fd = r.fd ?? (r.op === '>&' ? 1 : 0);
      if (target === '-') {
        fds[fd] = fd > 2 ? undefined : r.op === '>&' ? NULL_OUTPUT : EMPTY_INPUT;
        continue;
      }
      if (/^[0-9]+$/.test(target)) {
        const src = fds[Number(target)];
        if (src === undefined) throw new RedirectError(`bash: ${target}: Bad file descriptor`);
        fds[fd] = src;
        continue;
      }
      if (r.op === '<&') throw new RedirectError(`bash: ${target}: ambiguous redirect`);
      // `>& file` is `&> file`
      openOutput(target, false, [1, 2]);
      continue;
    }
    switch (r.op) {
      case '<':
      case '<>': {
        if (target === '/dev/null') {
          fds[r.fd ?? 0] = EMPTY_INPUT;
          break;
        }
        try {
          fds[r.fd ?? 0] = new StringInput(fs.readFile(target));
        } catch (e) {
          throw new RedirectError(redirectFailed(shell, 'open', target, e));
        }
        break;
      }
      case '>':
      case '>|':
        openOutput(target, false, [r.fd ?? 1]);
        break;
      case '>>':
        openOutput(target, true, [r.fd ?? 1]);
        break;
      case '&>':
        openOutput(target, false, [1, 2]);
        break;
      case '&>>':
        openOutput(target, true, [1, 2]);
        break;
    }
  }
  return {
    io: {
      stdin: (fds[0] as Input | undefined) ?? EMPTY_INPUT,
      stdout: (fds[1] as Output | undefined) ?? NULL_OUTPUT,
      stderr: (fds[2] as Output | undefined) ?? NULL_OUTPUT,
      interrupt: io.interrupt,
    },
    cleanup: () => {},
    fds,
  };

  function openOutput(target: string, append: boolean, to: number[]): void {
    let out: Output;
    if (target === '/dev/null') out = NULL_OUTPUT;
    else if (target === '/dev/stdout') out = io.stdout;
    else if (target === '/dev/stderr') out = io.stderr;
    else {
      try {
        if (append) fs.appendFile(target, '');
        else fs.writeFile(target, '');
      } catch (e) {
        throw new RedirectError(redirectFailed(shell, 'create', target, e));
      }
      out = new FileOutput(shell, normalize(target, shell.cwd));
    }
    for (const fd of to) fds[fd] = out;
  }
}
