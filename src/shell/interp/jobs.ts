/**
 * Background jobs (`cmd &`): each runs in a subshell that is a process of its own, prints
 * `[1] 1001` when started interactively, and is reported as `[1]+  Done  cmd` at the next prompt.
 */
import type { AndOr } from '../parser/ast.ts';
import { exitChild, ForkError, spawnChild } from '../linux-bridge.ts';
import type { ShellProcess } from '../linux-bridge.ts';
import { forkFailed } from './dialect.ts';
import { acquireFork } from './fork-limit.ts';
import { AbortLine, ExitSignal } from './signals.ts';
import type { IO, Shell } from './shell.ts';
import { InterruptSignal } from './signal.ts';

export interface Job {
  id: number;
  pid: number;
  text: string;
  status?: number;
  reported: boolean;
  promise: Promise<number>;
}

/**
 * Starts `node` in the background. A fork past the host's process bound prints bash's EAGAIN
 * lines and throws AbortLine (fork-limit.ts); the model's ENOMEM prints `bash: fork: Cannot
 * allocate memory` and throws AbortLine(126, or 1 in a non-interactive shell).
 */
export async function startJob(shell: Shell, node: AndOr, text: string, io: IO): Promise<void> {
  const release = await acquireFork(shell, io.stderr);
  const id = shell.jobs.filter((j) => !j.reported).reduce((m, j) => Math.max(m, j.id), 0) + 1;
  let proc: ShellProcess;
  try {
    proc = spawnChild(shell.world, shell.process, [...shell.process.argv]);
  } catch (e) {
    release();
    if (!(e instanceof ForkError)) throw e;
    io.stderr.write(forkFailed(e.message));
    throw new AbortLine(shell.interactive ? 126 : 1);
  }
  const sub = shell.subshell(proc);
  const signal = new InterruptSignal();
  const pid = proc === shell.process ? shell.process.pid + 1 + shell.jobs.length : (proc.localPid ?? proc.pid);
  const job: Job = { id, pid, text, reported: false, promise: Promise.resolve(0) };
  job.promise = sub
    .runAndOr(node, { ...io, interrupt: signal })
    .catch((e) => (e instanceof ExitSignal ? e.status : 1))
    .then((status) => {
      job.status = status;
      release();
      exitChild(shell.world, proc, shell.process, status);
      return status;
    });
  shell.jobs.push(job);
  shell.lastBackgroundPid = pid;
  if (shell.interactive) io.stderr.write(`[${id}] ${pid}\n`);
}

/** Jobs that finished since the last prompt, as bash reports them (`[1]+  Done  sleep 5`). */
export function finishedJobsReport(shell: Shell): string {
  let out = '';
  const done = shell.jobs.filter((j) => j.status !== undefined && !j.reported);
  for (const j of done) {
    j.reported = true;
    const mark = j === shell.jobs[shell.jobs.length - 1] ? '+' : '-';
    const state = j.status === 0 ? 'Done' : `Exit ${String(j.status)}`;
    out += `[${j.id}]${mark}  ${state.padEnd(24)}${j.text}\n`;
  }
  shell.jobs = shell.jobs.filter((j) => !j.reported);
  return out;
}
