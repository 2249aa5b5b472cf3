/**
 * Waiting on the cluster in virtual time: re-check a condition on every watch event of the
 * given resources until it holds, the timeout passes, or Ctrl-C. The timeout timer is a
 * background timer that is cancelled when the wait ends, so it never holds the world busy.
 */
import type { WatchEvent } from '../../../../emulator/kube/api/index.ts';
import type { KubectlEnv } from '../env.ts';

export type WaitResult = 'done' | 'timeout' | 'interrupted';

/** Waits until `check()` is true. `timeoutMs` undefined or ≤ 0 waits without limit. */
export function waitFor(env: KubectlEnv, resources: readonly string[], check: (event?: WatchEvent) => boolean, timeoutMs?: number): Promise<WaitResult> {
  if (check()) return Promise.resolve('done');
  return new Promise<WaitResult>((resolve) => {
    let finished = false;
    const stops: (() => void)[] = [];
    const finish = (r: WaitResult): void => {
      if (finished) return;
      finished = true;
      for (const s of stops) s();
      resolve(r);
    };
    for (const r of resources) stops.push(env.store.watch(r, {}, (e) => check(e) && finish('done')));
    if (timeoutMs !== undefined && timeoutMs > 0) {
      const handle = env.ctx.world.clock.after(timeoutMs, () => finish(check() ? 'done' : 'timeout'), { background: true, label: 'kubectl wait timeout' });
      stops.push(() => handle.cancel());
    }
    stops.push(env.ctx.interrupt.onInterrupt(() => finish('interrupted')));
  });
}
