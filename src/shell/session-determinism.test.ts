/**
 * Same seed + same commands ⇒ byte-identical transcripts, however long the host takes to load
 * command modules. Each script runs with a cold module cache where the file's first test gets it,
 * then warm, then with every load delayed by jittered real milliseconds; the transcripts must be
 * equal. Before the clock driver counted its bounds in the command's own turns (not driver
 * rounds) and stopped waiting real time for "invisible host work", a busy loop running while a
 * pipeline stage loaded got as many iterations as real time allowed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLoadDelayForTests } from './commands/registry.ts';
import { testShell } from './testing/run.ts';

/**
 * Delays the first load of each command by 0–`maxMs` real milliseconds (a fixed pseudo-random
 * sequence), as a cold module cache on a busy host does; later loads are as fast as usual.
 */
function jitter(maxMs: number): void {
  let state = 12345;
  const seen = new Set<string>();
  setLoadDelayForTests((name) => {
    if (seen.has(name)) return Promise.resolve();
    seen.add(name);
    state = (state * 48271) % 2147483647;
    const ms = state % (maxMs + 1);
    return new Promise((resolve) => setTimeout(resolve, ms));
  });
}

async function transcript(environment: string, script: string, maxBusyTurns?: number): Promise<string> {
  return (await testShell({ environment, seed: 7, maxBusyTurns }).script(script)).transcript;
}

/** Runs `script` cold-or-as-found, warm, and with jittered loads; expects one transcript. */
async function expectStable(environment: string, script: string): Promise<string> {
  const first = await transcript(environment, script);
  expect(await transcript(environment, script)).toBe(first);
  jitter(40);
  expect(await transcript(environment, script)).toBe(first);
  return first;
}

afterEach(() => setLoadDelayForTests(undefined));

describe('script transcripts do not depend on real time', () => {
  it('a busy loop beside a loading pipeline stage is bounded by its own turns', async () => {
    const script = [
      // The loop never waits on the clock; `true` and `tee` load beside it (cold, or jittered).
      '{ true; tee /dev/null </dev/null; } | { i=0; while true; do i=$((i+1)); echo $i > n; done; }',
      'cat n',
      'i=0; while [ $i -lt 300 ]; do i=$((i+1)); done; echo $i',
    ].join('\n');
    jitter(40);
    const cold = await transcript('linux', script, 40);
    setLoadDelayForTests(undefined);
    expect(await transcript('linux', script, 40)).toBe(cold);
    jitter(40);
    expect(await transcript('linux', script, 40)).toBe(cold);
    expect(cold).toMatch(/^\$ \{ true;.*\n\^C\n\$ cat n\n\d+\n\$ i=0; while \[.*\n300\n$/);
  }, 120_000);

  it('a kube world: apply, waits, deletes, exec into nested shells, loops', async () => {
    const out = await expectStable(
      'kubernetes',
      [
        'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
        'kubectl rollout status sts/web',
        'for i in 0 1; do kubectl exec "web-$i" -- sh -c \'hostname; echo $(hostname) | tr a-z A-Z\'; done',
        'kubectl delete pod -l app=nginx',
        'kubectl rollout status sts/web',
        'kubectl get pods -l app=nginx',
        'sleep 7; kubectl get pods -l app=nginx -o wide | sort | head -3',
      ].join('\n'),
    );
    expect(out).toContain('WEB-1\n');
  }, 180_000);

  it('a docker world: run, exec, logs, pipelines', async () => {
    const out = await expectStable(
      'docker',
      [
        'docker run -d --name web nginx',
        'sleep 3',
        'docker ps --format "{{.Names}} {{.Status}}"',
        'docker exec web sh -c \'hostname | wc -c; ls / | head -3\'',
        'docker logs web 2>&1 | tail -2',
        'docker stop web && docker rm web',
        'docker ps -a | cat',
      ].join('\n'),
    );
    expect(out).toContain('$ docker ps -a | cat\n');
  }, 180_000);
});
