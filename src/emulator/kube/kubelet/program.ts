/**
 * A container's short-lived program (nslookup, echo, `sh -c …`) run for real through the shell's
 * runner: each output line goes to the container's log as it comes, and the container exits with
 * the program's status.
 */
import { rfc3339 } from '../api/meta.ts';
import type { Pod } from '../api/types.ts';
import type { KubeletHost, Run, Worker } from './worker.ts';

/**
 * Runs the container's program through the shell: each output line is logged as it comes, and
 * the container exits with the program's status. False when the container has no process.
 */
export function runProgram(k: KubeletHost, w: Worker, run: Run, pod: Pod, argv: string[], startedAt: number): boolean {
  const proc = k.runtime.processOf(pod, run.name);
  if (!proc || !k.programRunner) return false;
  const pending = { stdout: '', stderr: '' };
  const write = (stream: 'stdout' | 'stderr', text: string, flush = false) => {
    if (run.startedAt !== startedAt) return;
    const lines = (pending[stream] + text).split('\n');
    pending[stream] = flush ? '' : (lines.pop() ?? '');
    if (flush && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) k.log(w, run, `${rfc3339(k.store.world.now())} ${line}`);
  };
  // The program runs in host turns, not in virtual time: while it does, a 1 ms background tick
  // keeps a session's clock driver from jumping to the next timer (a probe seconds away) before
  // it ends. settle() ignores background timers.
  let running = true;
  const tick = () => {
    if (running) k.store.world.clock.after(1, tick, { background: true, label: `kubelet ${k.nodeName} program in flight` });
  };
  tick();
  const finish = (code: number) => {
    running = false;
    write('stdout', '', true);
    write('stderr', '', true);
    if (run.startedAt === startedAt) k.exited(w, run, code);
    k.store.world.markChanged();
  };
  k.programRunner(proc, argv, { stdout: (t) => write('stdout', t), stderr: (t) => write('stderr', t) }).then(finish, () => finish(1));
  return true;
}

