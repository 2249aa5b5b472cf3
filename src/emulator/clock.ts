/**
 * The world's virtual clock. Nothing in the emulator reads the real time: every timestamp
 * (creationTimestamp, AGE, ping RTTs, probe periods) comes from here, so the same seed and the
 * same commands give byte-identical output. Tests and CI move time with `advance`; the browser
 * moves it from a real-time driver.
 */

/** A scheduled callback; `cancel()` is idempotent. */
export interface TimerHandle {
  readonly at: number;
  cancel(): void;
}

export interface TimerOptions {
  /**
   * Background timers (periodic probes, resyncs) do not keep `World.settle()` going: settle
   * stops when only background timers are left.
   * @default false
   */
  background?: boolean;
  /** Shown in debugging output. */
  label?: string;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  background: boolean;
  label: string;
  cancelled: boolean;
}

/** 2026-11-29T10:00:00Z: the default start of a world, so AGE columns look like a real cluster's. */
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 29, 10, 0, 0);

/**
 * Timers live in two min-heaps ordered by (at, seq) — foreground and background — so settle's
 * "next foreground timer" question is O(1) however many periodic probes are pending. Equal times
 * fire in scheduling order across both heaps.
 */
export class VirtualClock {
  private time: number;
  private seq = 0;
  private readonly foregroundHeap = new TimerHeap();
  private readonly backgroundHeap = new TimerHeap();
  private foreground = 0;

  constructor(startTime: number = DEFAULT_START_TIME) {
    this.time = startTime;
  }

  /** Milliseconds since the Unix epoch, virtual. */
  now(): number {
    return this.time;
  }

  /** Runs `fn` when the clock reaches `at` (or on the next advance, if `at` is already past). */
  at(at: number, fn: () => void, options: TimerOptions = {}): TimerHandle {
    const timer: Timer = {
      at: Math.max(at, this.time),
      seq: this.seq++,
      fn,
      background: options.background ?? false,
      label: options.label ?? '',
      cancelled: false,
    };
    (timer.background ? this.backgroundHeap : this.foregroundHeap).push(timer);
    if (!timer.background) this.foreground++;
    return {
      at: timer.at,
      cancel: () => {
        if (timer.cancelled) return;
        timer.cancelled = true;
        if (!timer.background) this.foreground--;
      },
    };
  }

  /** Runs `fn` after `ms` virtual milliseconds. */
  after(ms: number, fn: () => void, options: TimerOptions = {}): TimerHandle {
    return this.at(this.time + Math.max(0, ms), fn, options);
  }

  /** When the next timer is due; with `foregroundOnly`, background timers are skipped. */
  nextDue(foregroundOnly = false): number | undefined {
    const fg = this.foregroundHeap.peek();
    if (foregroundOnly) return fg?.at;
    const bg = this.backgroundHeap.peek();
    if (!fg) return bg?.at;
    if (!bg) return fg.at;
    return Math.min(fg.at, bg.at);
  }

  /** Whether any foreground timer is pending. */
  hasForegroundWork(): boolean {
    return this.foreground > 0;
  }

  /**
   * Fires the earliest due timer whose time is ≤ `limit`, first moving the clock to its time.
   * Returns false when none is due by then. Callers interleave this with running ready work.
   */
  fireNext(limit: number): boolean {
    const fg = this.foregroundHeap.peek();
    const bg = this.backgroundHeap.peek();
    const heap = !bg || (fg && less(fg, bg)) ? this.foregroundHeap : this.backgroundHeap;
    const top = heap.peek();
    if (!top || top.at > limit) return false;
    heap.pop();
    if (top.at > this.time) this.time = top.at;
    top.cancelled = true;
    if (!top.background) this.foreground--;
    top.fn();
    return true;
  }

  /** Moves the clock to `time` (never backwards) without firing anything. */
  setTime(time: number): void {
    if (time > this.time) this.time = time;
  }

  /** Advances by `ms`, firing due timers in order. Prefer `World.advance`, which also runs queued work. */
  advance(ms: number): void {
    const target = this.time + Math.max(0, ms);
    while (this.fireNext(target)) {
      /* keep firing */
    }
    this.setTime(target);
  }
}

/** A binary min-heap of timers; `peek` skips (and drops) cancelled ones. */
class TimerHeap {
  private readonly h: Timer[] = [];

  peek(): Timer | undefined {
    while (this.h.length > 0 && this.h[0].cancelled) this.pop();
    return this.h[0];
  }

  push(timer: Timer): void {
    const h = this.h;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  pop(): Timer | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && less(h[l], h[m])) m = l;
        if (r < h.length && less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

function less(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
