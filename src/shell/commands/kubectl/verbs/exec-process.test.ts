/**
 * `kubectl exec` starts a process of its own in the container (the CRI ExecSync/Exec call: runc
 * exec joins the container's namespaces with the process spec's cwd and env), so `cd` in one
 * exec does not move the next, `ps` shows PID 1 (the container's command) and itself, and an
 * interactive `sh` in a busybox pod running `sleep` is BusyBox ash with PS1 `\w \$ ` (busybox
 * shell/ash.c; the StatefulSet tutorial on kubernetes.io shows `/ # ` in `kubectl run -it
 * --image busybox:1.28 … -- sh`).
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';
import type { Terminal } from '../../../types.ts';

/** A terminal that types `lines` and records every prompt it was asked to show. */
function typing(lines: string[]): { terminal: Terminal; prompts: string[] } {
  const prompts: string[] = [];
  const queue = [...lines];
  return { prompts, terminal: { columns: 80, rows: 24, clear() {}, readLine: async (p) => (prompts.push(p), queue.shift() ?? null) } };
}

describe('kubectl exec runs a process of its own in the container', () => {
  it('keeps each exec in the image working directory, and ps shows PID 1 and the exec', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    await sh.script(['kubectl run web --image=nginx', 'kubectl run box --image=busybox:1.28 --env=GREETING=hi -- sleep 3600', 'sleep 20', ''].join('\n'));
    expect(await sh.run(`kubectl exec web -- sh -c 'cd /tmp; pwd'`)).toEqual({ stdout: '/tmp\n', stderr: '', status: 0 });
    expect(await sh.run('kubectl exec web -- pwd')).toEqual({ stdout: '/\n', stderr: '', status: 0 });
    // BusyBox 1.28 ps: PID USER TIME COMMAND. PIDs in the pod's PID namespace are handed out in
    // order (the real first exec's number depends on runc's helper forks); each exec ends, so the
    // next one is a new process with the next PID and the first is gone.
    expect(await sh.run('kubectl exec box -- ps')).toEqual({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 ps\n',
      stderr: '',
      status: 0,
    });
    expect(await sh.run('kubectl exec box -- ps')).toEqual({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    3 root      0:00 ps\n',
      stderr: '',
      status: 0,
    });
  });

  it('runs sh -c as the exec process: one sh, its $$, and ps as its child', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    await sh.script(['kubectl run box --image=busybox:1.28 -- sleep 3600', 'sleep 20', ''].join('\n'));
    expect(await sh.run(`kubectl exec box -- sh -c 'ps; echo $$'`)).toEqual({
      stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 sh -c ps; echo $$\n    3 root      0:00 ps\n2\n',
      stderr: '',
      status: 0,
    });
  });

  it('gives the exec the container environment from the pod spec', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    await sh.script(['kubectl run box --image=busybox:1.28 --env=GREETING=hi -- sleep 3600', 'sleep 20', ''].join('\n'));
    expect(await sh.run(`kubectl exec box -- sh -c 'echo $GREETING $HOSTNAME $PWD'`)).toEqual({ stdout: 'hi box /\n', stderr: '', status: 0 });
  });

  it('gives BusyBox ash its prompt in a busybox pod running sleep', async () => {
    const { terminal, prompts } = typing([
      'kubectl run box --image=busybox:1.28 -- sleep 3600',
      'sleep 20',
      'kubectl exec -it box -- sh', 'cd /tmp', 'exit',
      'kubectl exec -it box -- sh', 'exit',
      'exit',
    ]);
    const sh = testShell({ environment: 'kubernetes', seed: 1, terminal });
    await sh.session.runInteractive();
    expect(prompts.filter((p) => !p.startsWith('root@petlab') && !p.startsWith('$'))).toEqual(['/ # ', '/tmp # ', '/ # ']);
  });
});
