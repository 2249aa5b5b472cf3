/**
 * Starting a container's image: IfNotPresent/Always/Never, Pulling → Pulled with realistic
 * durations (cached images start at once), unknown images through ErrImagePull and
 * ImagePullBackOff with growing back-off, then the kubelet creates the container.
 */
import { goDuration, lookupImage, pullError, pullMs } from './images.ts';
import { MAX_BACKOFF_MS, type KubeletHost, type Worker } from './worker.ts';

/**
 * Whether `startContainer(k, w, i)` creates container `i` right away (its image is cached and
 * the pull policy is IfNotPresent), so the container's start writes the pod's status.
 */
export function startsAtOnce(k: KubeletHost, w: Worker, i: number): boolean {
  const run = w.runs[i];
  if (!run || w.terminating || (run.spec.imagePullPolicy ?? 'IfNotPresent') !== 'IfNotPresent') return false;
  const info = lookupImage(run.image);
  return info !== undefined && k.images.has(info.ref);
}

/** Pull (if needed), create and start container `i`, then the next one. */
export function startContainer(k: KubeletHost, w: Worker, i: number, chain = true): void {
  const run = w.runs[i];
  if (!run || w.terminating) return;
  const policy = run.spec.imagePullPolicy ?? 'IfNotPresent';
  const info = lookupImage(run.image);
  const cached = info !== undefined && k.images.has(info.ref);
  const next = () => {
    if (chain) startContainer(k, w, i + 1);
  };
  if (policy === 'Never' && !cached) {
    run.state = { waiting: { reason: 'ErrImageNeverPull', message: `Container image "${run.image}" is not present with pull policy of Never` } };
    k.event(w, 'Warning', 'ErrImageNeverPull', `Container image "${run.image}" is not present with pull policy of Never`, run.name);
    k.writeStatus(w);
    return next();
  }
  if (policy === 'IfNotPresent' && cached) {
    k.event(w, 'Normal', 'Pulled', `Container image "${run.image}" already present on machine`, run.name);
    k.create(w, run, info!);
    return next();
  }
  k.event(w, 'Normal', 'Pulling', `Pulling image "${run.image}"`, run.name);
  const ms = info ? pullMs(info, cached) : 1200;
  k.timer(w, ms, () => {
    if (!info) {
      const msg = pullError(run.image);
      k.event(w, 'Warning', 'Failed', `Failed to pull image "${run.image}": ${msg}`, run.name);
      k.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', run.name);
      run.state = { waiting: { reason: 'ErrImagePull', message: `${msg}` } };
      k.writeStatus(w);
      pullBackOff(k, w, i);
      return next();
    }
    k.images.add(info.ref);
    k.event(w, 'Normal', 'Pulled', `Successfully pulled image "${run.image}" in ${goDuration(ms)} (${goDuration(ms)} including waiting). Image size: ${info.size} bytes.`, run.name);
    k.create(w, run, info);
    next();
  });
}

function pullBackOff(k: KubeletHost, w: Worker, i: number): void {
  const run = w.runs[i];
  run.backoffMs = Math.min(run.backoffMs ? run.backoffMs * 2 : 10_000, MAX_BACKOFF_MS);
  k.timer(w, 500, () => {
    k.event(w, 'Normal', 'BackOff', `Back-off pulling image "${run.image}"`, run.name);
    k.event(w, 'Warning', 'Failed', 'Error: ImagePullBackOff', run.name);
    run.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${run.image}": ErrImagePull: ${pullError(run.image)}` } };
    k.writeStatus(w);
    k.timer(w, run.backoffMs, () => retryPull(k, w, i), true);
  }, run.backoffMs > 10_000);
}

function retryPull(k: KubeletHost, w: Worker, i: number): void {
  const run = w.runs[i];
  k.event(w, 'Normal', 'Pulling', `Pulling image "${run.image}"`, run.name);
  k.timer(w, 1200, () => {
    k.event(w, 'Warning', 'Failed', `Failed to pull image "${run.image}": ${pullError(run.image)}`, run.name);
    k.event(w, 'Warning', 'Failed', 'Error: ErrImagePull', run.name);
    run.state = { waiting: { reason: 'ErrImagePull', message: pullError(run.image) } };
    k.writeStatus(w);
    pullBackOff(k, w, i);
  }, true);
}

