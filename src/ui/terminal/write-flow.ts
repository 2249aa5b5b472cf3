/**
 * Flow control for output to xterm.js, as its guide "Flow control" describes: `write(data,
 * callback)` calls back once xterm has parsed the chunk, so the characters handed over and not
 * yet parsed are known. Past the high watermark `drain()` tells the producer (the shell's
 * `Output.drain`) to wait; the wait ends when xterm has caught up to the low watermark. A
 * producer like `yes` then holds at most about `high` characters in xterm's write buffer instead
 * of piling up without end (which froze the tab).
 */

/** What the flow writes to: xterm's `write(data, callback)`. */
export interface FlowSink {
  write(data: string, callback: () => void): void;
}

export interface WriteFlowOptions {
  /** Pending characters above which `drain()` makes producers wait. @default 131072 */
  high?: number;
  /** Pending characters at or below which waiting producers go on. @default 16384 */
  low?: number;
}

/** Default watermarks: xterm parses ~128 K characters in well under a frame's budget of slices. */
export const FLOW_HIGH = 131_072;
export const FLOW_LOW = 16_384;

/**
 * Counts the characters given to a sink and not yet acknowledged by its callback. Errors: none;
 * `dispose()` releases every waiting producer (a disposed xterm never calls back).
 */
export class WriteFlow {
  private readonly sink: FlowSink;
  private readonly high: number;
  private readonly low: number;
  private pendingChars = 0;
  private waiters: (() => void)[] = [];
  private disposed = false;

  constructor(sink: FlowSink, options: WriteFlowOptions = {}) {
    this.sink = sink;
    this.high = options.high ?? FLOW_HIGH;
    this.low = Math.min(options.low ?? FLOW_LOW, this.high);
  }

  /** Hands `data` to the sink and counts it until the sink calls back. */
  write(data: string): void {
    if (data === '') return;
    const size = data.length;
    this.pendingChars += size;
    this.sink.write(data, () => this.acknowledge(size));
  }

  /** Characters handed to the sink and not yet acknowledged. */
  get pending(): number {
    return this.pendingChars;
  }

  /** Whether producers are asked to wait (above the high watermark). */
  get blocked(): boolean {
    return !this.disposed && this.pendingChars > this.high;
  }

  /**
   * The shell's `Output.drain`: undefined while at or below the high watermark, else a promise
   * that resolves once the pending characters are down to the low watermark (or on dispose).
   */
  drain(): Promise<void> | undefined {
    if (!this.blocked) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Releases every waiting producer and stops asking them to wait. */
  dispose(): void {
    this.disposed = true;
    this.release();
  }

  private acknowledge(size: number): void {
    this.pendingChars = Math.max(0, this.pendingChars - size);
    if (this.pendingChars <= this.low) this.release();
  }

  private release(): void {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
