/**
 * Readiness and liveness probes on their schedule (initialDelaySeconds, periodSeconds): readiness
 * gates the container's Ready after successThreshold passes and drops it after failureThreshold
 * failures; liveness failures restart the container (Killing, then exit 0 or 137).
 */
import type { Probe } from '../api/types.ts';
import { runProbe } from './probes.ts';
import type { KubeletHost, Run, Worker } from './worker.ts';

/** Runs the probe after `delayMs`, then every periodSeconds while this container instance (`instance`, its start time) runs. */
export function scheduleProbe(k: KubeletHost, w: Worker, run: Run, kind: 'readiness' | 'liveness', probe: Probe, delayMs: number, instance: number): void {
  const background = kind === 'liveness' || run.decided;
  k.timer(
    w,
    Math.max(1, delayMs),
    () => {
      if (run.startedAt !== instance || !run.state.running) return;
      probeOnce(k, w, run, kind, probe);
      if (run.startedAt === instance && run.state.running) scheduleProbe(k, w, run, kind, probe, (probe.periodSeconds ?? 10) * 1000, instance);
    },
    background,
  );
}

/** One probe of the container: the verdict updates readiness, or counts toward a liveness kill. */
function probeOnce(k: KubeletHost, w: Worker, run: Run, kind: 'readiness' | 'liveness', probe: Probe): void {
  const pod = k.pod(w);
  if (!pod) return;
  const r = runProbe(k.runtime, pod, run.spec, probe);
  const title = kind === 'readiness' ? 'Readiness' : 'Liveness';
  if (kind === 'readiness') {
    if (r.ok) {
      run.failStreak = 0;
      run.readyStreak++;
      if (!run.ready && run.readyStreak >= (probe.successThreshold ?? 1)) {
        run.ready = true;
        run.decided = true;
        k.writeStatus(w);
      }
    } else {
      run.readyStreak = 0;
      run.failStreak++;
      k.event(w, 'Warning', 'Unhealthy', `${title} probe failed: ${r.message}`, run.name);
      if (run.failStreak >= (probe.failureThreshold ?? 3)) {
        run.decided = true;
        if (run.ready) {
          run.ready = false;
          k.writeStatus(w);
        }
      }
    }
    return;
  }
  if (r.ok) {
    run.liveFails = 0;
    return;
  }
  run.liveFails++;
  k.event(w, 'Warning', 'Unhealthy', `${title} probe failed: ${r.message}`, run.name);
  if (run.liveFails >= (probe.failureThreshold ?? 3)) {
    // Probing stops once the kill is decided (a new instance probes afresh).
    run.startedAt = -1;
    k.event(w, 'Normal', 'Killing', `Container ${run.name} failed liveness probe, will be restarted`, run.name);
    const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
    const stopMs = run.behaviour?.handlesSigterm ? 200 : grace * 1000;
    k.timer(w, stopMs, () => run.startedAt === -1 && k.exited(w, run, run.behaviour?.handlesSigterm ? 0 : 137), true);
  }
}

