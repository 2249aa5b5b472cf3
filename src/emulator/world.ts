/**
 * The World: one simulated universe that every view (shell, terminal, editor, diagrams, lab
 * checks, CLI) looks at. It owns the virtual clock, the seeded randomness, the event log and a
 * queue of ready work; subsystems (the Linux kernel model, Docker engines, a Kubernetes cluster)
 * hang off it and schedule their work through it.
 *
 * Time only moves through `advance` and `settle`. Work queued with `enqueue` runs "now" (at the
 * current virtual time) before any later timer fires, the way informer handlers and controller
 * queues drain before the next resync.
 */
import { VirtualClock, DEFAULT_START_TIME } from './clock.ts';
import { EventLog } from './events.ts';
import { Rng } from './rng.ts';
import { Linux } from './linux/linux.ts';

export interface WorldOptions {
  /** @default 1 */
  seed?: number;
  /** Virtual start time, ms since the epoch. @default DEFAULT_START_TIME (2026-11-29T10:00:00Z) */
  startTime?: number;
}

export interface SettleOptions {
  /** Stop after this much virtual time even if work remains. @default 3_600_000 (one hour) */
  maxMs?: number;
  /** Stop after this many steps (a guard against feedback loops). @default 1_000_000 */
  maxSteps?: number;
}

export interface SettleResult {
  /** Virtual ms that passed. */
  elapsedMs: number;
  /** False when a bound stopped it with foreground work still pending. */
  settled: boolean;
}

type Job = () => void;

/** Thrown when queued work keeps re-queueing itself without end. */
export class RunawayWorkError extends Error {
  readonly code = 'RUNAWAY_WORK';
  constructor(steps: number) {
    super(`the world did not settle: ${steps} steps of queued work at one instant`);
  }
}

export class World {
  readonly clock: VirtualClock;
  readonly rng: Rng;
  readonly events: EventLog;
  readonly seed: number;
  /** The Linux kernel model: hosts, processes, namespaces, file systems, network. */
  readonly linux: Linux;
  private ready: Job[] = [];
  private changeListeners = new Set<() => void>();
  private changePending = false;

  constructor(options: WorldOptions = {}) {
    this.seed = options.seed ?? 1;
    this.clock = new VirtualClock(options.startTime ?? DEFAULT_START_TIME);
    this.rng = new Rng(this.seed);
    this.events = new EventLog(() => this.clock.now());
    this.linux = new Linux(this);
  }

  /** Virtual now, ms since the epoch. */
  now(): number {
    return this.clock.now();
  }

  /** Queues work to run at the current virtual time (controller syncs, watch notifications). */
  enqueue(job: Job): void {
    this.ready.push(job);
  }

  /** Runs queued work until the queue is empty. Returns how many jobs ran. */
  runReady(maxSteps = 1_000_000): number {
    let steps = 0;
    while (this.ready.length > 0) {
      if (++steps > maxSteps) throw new RunawayWorkError(maxSteps);
      const batch = this.ready;
      this.ready = [];
      for (const job of batch) job();
    }
    if (steps > 0) this.markChanged();
    return steps;
  }

  /** Moves virtual time forward by `ms`, firing timers in order and running the work they queue. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    this.runReady();
    while (this.clock.fireNext(target)) this.runReady();
    this.clock.setTime(target);
    this.runReady();
    this.markChanged();
  }

  /**
   * Runs all pending foreground work, advancing virtual time from timer to timer, until nothing
   * but background timers (probes, resyncs) is left, or a bound is reached.
   */
  settle(options: SettleOptions = {}): SettleResult {
    const start = this.clock.now();
    const limit = start + (options.maxMs ?? 3_600_000);
    const maxSteps = options.maxSteps ?? 1_000_000;
    let steps = 0;
    this.runReady(maxSteps);
    for (;;) {
      const next = this.clock.nextDue(true);
      if (next === undefined) break;
      if (next > limit || ++steps > maxSteps) {
        this.clock.setTime(Math.min(limit, Math.max(next, this.clock.now())));
        this.markChanged();
        return { elapsedMs: this.clock.now() - start, settled: false };
      }
      // Fire everything due up to the next foreground timer, background timers included, in order.
      while (this.clock.fireNext(next)) this.runReady(maxSteps);
    }
    this.markChanged();
    return { elapsedMs: this.clock.now() - start, settled: true };
  }

  /** Whether foreground work (queued jobs or timers) remains. */
  isBusy(): boolean {
    return this.ready.length > 0 || this.clock.hasForegroundWork();
  }

  /**
   * Views subscribe here to redraw. Calls are coalesced: at most one per `runReady`/`advance`.
   * Returns a function that unsubscribes.
   */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Subsystems call this after a visible change made outside queued work (e.g. a command). */
  markChanged(): void {
    if (this.changePending) return;
    this.changePending = true;
    try {
      for (const listener of this.changeListeners) listener();
    } finally {
      this.changePending = false;
    }
  }
}
