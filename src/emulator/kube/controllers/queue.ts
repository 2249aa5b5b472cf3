/**
 * A rate-limited work queue like client-go's: keys are deduplicated while waiting, processed in
 * a queued world job, and re-added later on error with exponential back-off. Event handlers only
 * `add` keys; the sync function re-reads everything it needs (level-driven).
 */
import type { World } from '../../world.ts';
import type { TimerHandle } from '../../clock.ts';

export type SyncFn = (key: string) => void;

export class WorkQueue {
  private readonly world: World;
  readonly name: string;
  private readonly sync: SyncFn;
  private dirty = new Set<string>();
  private scheduled = false;
  private failures = new Map<string, number>();
  private delayed = new Map<string, TimerHandle>();
  /** The last error of each failing key (for debugging and tests). */
  readonly errors = new Map<string, unknown>();

  constructor(world: World, name: string, sync: SyncFn) {
    this.world = world;
    this.name = name;
    this.sync = sync;
  }

  /**
   * Queues `key` to sync at the current virtual time. The drain runs as a timer at "now", after
   * every other timer already due at this instant, so a burst of changes (a thousand kubelets
   * reporting at once) costs one sync per key, as an informer's resync batching would.
   */
  add(key: string): void {
    this.dirty.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    this.world.clock.at(this.world.now(), () => this.drain(), { label: `${this.name} queue` });
  }

  /**
   * Queues `key` after `ms` virtual ms (minReadySeconds, back-off). Background delays do not keep
   * `world.settle()` running. A later call replaces an earlier one only when it is sooner.
   */
  addAfter(key: string, ms: number, background = false): void {
    const at = this.world.now() + ms;
    const existing = this.delayed.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const handle = this.world.clock.after(
      ms,
      () => {
        this.delayed.delete(key);
        this.add(key);
      },
      { background, label: `${this.name}:${key}` },
    );
    this.delayed.set(key, handle);
  }

  private drain(): void {
    this.scheduled = false;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) {
      try {
        this.sync(key);
        this.failures.delete(key);
        this.errors.delete(key);
      } catch (e) {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        this.errors.set(key, e);
        // 5ms, 10ms … capped at 16s like the default controller rate limiter (kept background past a few tries).
        if (n <= 12) this.addAfter(key, Math.min(5 * 2 ** (n - 1), 16_000), n > 6);
      }
    }
  }
}
