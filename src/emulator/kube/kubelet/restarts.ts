/**
 * A container's exit and restart per restartPolicy (Always, OnFailure, Never): the terminated
 * state, CrashLoopBackOff with back-off doubling from 10 s to 5 min (a definition change restarts
 * at once), the pod's final phase when nothing restarts.
 */
import { rfc3339 } from '../api/meta.ts';
import { goDuration, lookupImage } from './images.ts';
import { startContainer } from './image-pull.ts';
import type { ContainerRun } from './status.ts';
import { MAX_BACKOFF_MS, type KubeletHost, type Run, type Worker } from './worker.ts';

/** A container's process ended with `code`: record it and restart per restartPolicy. */
export function containerExited(k: KubeletHost, w: Worker, run: Run, code: number, changed = false): void {
  const pod = k.pod(w);
  if (!pod || !run.state.running) return;
  const now = k.store.world.now();
  k.runtime.stopContainer(pod, run.name, code);
  const terminated = {
    containerID: run.containerID,
    exitCode: code,
    finishedAt: rfc3339(now),
    reason: code === 0 ? 'Completed' : 'Error',
    startedAt: run.state.running.startedAt,
  };
  run.state = { terminated };
  run.ready = false;
  run.startedAt = undefined;
  const policy = pod.spec.restartPolicy ?? 'Always';
  const restart = policy === 'Always' || (policy === 'OnFailure' && code !== 0);
  if (!restart) {
    if (w.runs.every((r) => r.state.terminated)) w.view.finalPhase = w.runs.every((r) => r.state.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
    k.writeStatus(w);
    return;
  }
  // A definition change restarts at once and does not count toward the crash back-off.
  const delay = changed ? 0 : run.backoffMs;
  if (!changed) run.backoffMs = Math.min(run.backoffMs ? run.backoffMs * 2 : 10_000, MAX_BACKOFF_MS);
  if (delay > 0) {
    run.lastState = { terminated };
    run.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay).replace(/\.0+s$/, 's')} restarting failed container=${run.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})` } };
    k.event(w, 'Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, run.name);
  }
  k.writeStatus(w);
  k.timer(w, delay, () => restartContainer(k, w, run, terminated), delay > 0);
}

/** Starts the container again after its back-off (pulling first when its image changed). */
function restartContainer(k: KubeletHost, w: Worker, run: Run, last: NonNullable<ContainerRun['state']['terminated']>): void {
  if (w.terminating || !run.info) return;
  run.lastState = { terminated: last };
  run.restartCount++;
  run.previousLogs = run.logs;
  if (lookupImage(run.image)?.ref !== run.info.ref) {
    // A new image: pull it (as at first start) before creating the container again.
    startContainer(k, w, w.runs.indexOf(run), false);
    return;
  }
  k.event(w, 'Normal', 'Pulled', `Container image "${run.image}" already present on machine`, run.name);
  k.create(w, run, run.info);
}
