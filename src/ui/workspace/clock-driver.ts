/**
 * Moves a world's virtual clock in real time for the browser: every tick it advances the world
 * by the real time elapsed times the speed (paused = 0, normal = 1, fast-forward = 10). The
 * timer is injected (`Ticker`), owned by the driver and released by `dispose()`, so tests drive
 * it by hand.
 */

/** The one thing the driver needs from a world. */
export interface Advanceable {
  advance(ms: number): void;
}

/** A periodic timer source: real `setInterval` + `performance.now` in the browser. */
export interface Ticker {
  now(): number;
  /** Calls `fn` every `ms` real milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export type Speed = 0 | 1 | 10;

export interface ClockDriverState {
  readonly running: boolean;
  readonly speed: Speed;
}

export interface ClockDriverOptions {
  /** Real ms between ticks. @default 100 */
  intervalMs?: number;
  /**
   * The most virtual time one tick may advance (a tab in the background gets its timers
   * throttled; this keeps the catch-up bounded). @default 60_000
   */
  maxStepMs?: number;
}

export class ClockDriver {
  private readonly world: Advanceable;
  private readonly ticker: Ticker;
  private readonly intervalMs: number;
  private readonly maxStepMs: number;
  private stop: (() => void) | undefined;
  private last = 0;
  private speedValue: Speed = 1;
  private listeners = new Set<(state: ClockDriverState) => void>();
  private disposed = false;

  constructor(world: Advanceable, ticker: Ticker, options: ClockDriverOptions = {}) {
    this.world = world;
    this.ticker = ticker;
    this.intervalMs = options.intervalMs ?? 100;
    this.maxStepMs = options.maxStepMs ?? 60_000;
  }

  get state(): ClockDriverState {
    return { running: this.stop !== undefined && this.speedValue > 0, speed: this.speedValue };
  }

  /** Starts ticking (idempotent). */
  start(): void {
    if (this.stop || this.disposed) return;
    this.last = this.ticker.now();
    this.stop = this.ticker.every(this.intervalMs, () => this.tick());
    this.emit();
  }

  /** Stops ticking; virtual time stands still until `start`. */
  pause(): void {
    this.tick();
    this.stop?.();
    this.stop = undefined;
    this.emit();
  }

  /** 1 = real time, 10 = fast-forward. A speed change keeps the time already elapsed. */
  setSpeed(speed: 1 | 10): void {
    this.tick();
    this.speedValue = speed;
    this.emit();
  }

  /** Calls `listener` on every state change; returns an unsubscribe function. */
  subscribe(listener: (state: ClockDriverState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the timer for good and drops listeners. */
  dispose(): void {
    this.stop?.();
    this.stop = undefined;
    this.disposed = true;
    this.listeners.clear();
  }

  private tick(): void {
    if (!this.stop) return;
    const now = this.ticker.now();
    const elapsed = Math.max(0, now - this.last);
    this.last = now;
    const step = Math.min(this.maxStepMs, Math.round(elapsed * this.speedValue));
    if (step > 0) this.world.advance(step);
  }

  private emit(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}

/** The browser's ticker: `setInterval` and `performance.now`. */
export const browserTicker: Ticker = {
  now: () => performance.now(),
  every(ms, fn) {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};
