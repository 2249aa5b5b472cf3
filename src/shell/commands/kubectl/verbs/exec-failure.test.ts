/**
 * `kubectl exec` of a program the container does not have fails in the runtime, before any
 * process runs: kubectl 1.34 against containerd 2.x / runc 1.2 prints the nested error below and
 * exits 1 (no "command terminated with exit code"). Wording: see exec-failure.ts; checked against
 * pastes from real clusters (e.g. `kubectl exec … -- wget …` and `-- sh` in 2025–2026 pastes,
 * which end at `in $PATH`; containerd 1.7 clusters add `: unknown`). The exec ids are the world's
 * seeded rng (seed 1) in call order, not real containerd ids.
 */
import { describe, expect, it } from 'vitest';
import { testShell } from '../../../testing/run.ts';

const refused = (id: string, what: string) =>
  `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: ${what}\n`;

describe('kubectl exec of a missing program', () => {
  it('prints the runtime error for a name, a path and a shell the image lacks; exit 1', async () => {
    const sh = testShell({ environment: 'kubernetes', seed: 1 });
    await sh.script(['kubectl run web --image=nginx', 'kubectl run box --image=busybox:1.28 -- sleep 3600', 'sleep 20', ''].join('\n'));
    expect(await sh.run('kubectl exec web -- nosuchprog')).toEqual({
      stdout: '',
      stderr: refused('2122f148280f719e111f68af9daecb630acc4f88aba532a7bc06aed3609fa50d', '"nosuchprog": executable file not found in $PATH'),
      status: 1,
    });
    expect(await sh.run('kubectl exec web -- /usr/bin/nosuch -x')).toEqual({
      stdout: '',
      stderr: refused('94bfb9f439812451d9ff62793afa5541f54acad8916c1648392439094c81c6df', '"/usr/bin/nosuch": stat /usr/bin/nosuch: no such file or directory'),
      status: 1,
    });
    // busybox has sh but no bash, also for an interactive shell
    expect(await sh.run('kubectl exec -it box -- bash')).toEqual({
      stdout: '',
      stderr: refused('5188e7e7e1b15bc9121834d4ed6deec233461a187b07b3262f31ff53be3652a6', '"bash": executable file not found in $PATH'),
      status: 1,
    });
    // a program that exists and fails is still the program's own failure
    expect(await sh.run('kubectl exec web -- ls /nope')).toEqual({
      stdout: '',
      stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n",
      status: 2,
    });
  });
});
