/**
 * Streams between commands: pipes that carry chunks as they are written (so `ping | grep`
 * streams), string inputs (here-documents, files), collecting outputs, and the null devices.
 */
import type { Input, Output } from '../types.ts';

/** Splits buffered text into lines for `readLine` on any chunked source. */
abstract class ChunkedInput implements Input {
  readonly isTTY: boolean = false;
  /** Unread text is buffer.slice(offset): reading lines moves the offset instead of copying. */
  private buffer = '';
  private offset = 0;
  private ended = false;

  /** The next raw chunk from the source, or null at end. */
  protected abstract nextChunk(): Promise<string | null>;

  private take(): string {
    const out = this.buffer.slice(this.offset);
    this.buffer = '';
    this.offset = 0;
    return out;
  }

  private append(chunk: string): void {
    this.buffer = this.offset > 0 ? this.buffer.slice(this.offset) + chunk : this.buffer + chunk;
    this.offset = 0;
  }

  async read(): Promise<string | null> {
    if (this.offset < this.buffer.length) return this.take();
    if (this.ended) return null;
    const chunk = await this.nextChunk();
    if (chunk === null) this.ended = true;
    return chunk;
  }

  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.buffer.indexOf('\n', this.offset);
      if (nl >= 0) {
        const line = this.buffer.slice(this.offset, nl);
        this.offset = nl + 1;
        if (this.offset === this.buffer.length) {
          this.buffer = '';
          this.offset = 0;
        }
        return line;
      }
      if (this.ended) return this.offset < this.buffer.length ? this.take() : null;
      const chunk = await this.nextChunk();
      if (chunk === null) this.ended = true;
      else this.append(chunk);
    }
  }

  async readAll(): Promise<string> {
    let out = this.take();
    while (!this.ended) {
      const chunk = await this.nextChunk();
      if (chunk === null) this.ended = true;
      else out += chunk;
    }
    return out;
  }
}

/** An input that yields one fixed text, then end of input. */
export class StringInput extends ChunkedInput {
  private text: string | null;
  constructor(text: string) {
    super();
    this.text = text === '' ? null : text;
  }
  protected async nextChunk(): Promise<string | null> {
    const t = this.text;
    this.text = null;
    return t;
  }
}

/** /dev/null as input: end of input at once. */
export const EMPTY_INPUT: Input = new StringInput('');

/** /dev/null as output. */
export const NULL_OUTPUT: Output = { write() {} };

/** Collects everything written, for `$(…)` and tests. */
export class BufferOutput implements Output {
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

/** Linux's default pipe capacity (16 pages): a writer past it waits for the reader. */
export const PIPE_CAPACITY = 65_536;

/**
 * A pipe: the writer's chunks reach the reader in order as they are written. `close()` gives the
 * reader end of input; `closeReader()` (the reader exited) makes later writes vanish and calls
 * `onReaderGone` (the shell interrupts the writer, as SIGPIPE would). Past PIPE_CAPACITY unread
 * characters, `drain()` makes the writer wait until the reader has taken them, so a fast writer
 * into a slow (or sleeping) reader holds a bounded amount of memory.
 */
export class Pipe extends ChunkedInput implements Output {
  private queue: string[] = [];
  private queued = 0;
  private closed = false;
  private readerGone = false;
  private waiter: ((chunk: string | null) => void) | undefined;
  private drainers: (() => void)[] = [];
  onReaderGone: (() => void) | undefined;
  /** A write came after the reader had gone: on Linux, the writer would have had SIGPIPE. */
  wroteAfterReaderGone = false;

  write(text: string): void {
    if (this.readerGone && text !== '') this.wroteAfterReaderGone = true;
    if (this.closed || this.readerGone || text === '') return;
    this.queue.push(text);
    this.queued += text.length;
    this.wake();
  }

  /** See Output.drain: pending while more than PIPE_CAPACITY characters wait for the reader. */
  drain(): Promise<void> | undefined {
    if (this.queued <= PIPE_CAPACITY || this.readerGone) return undefined;
    return new Promise((resolve) => this.drainers.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  closeReader(): void {
    if (this.readerGone) return;
    this.readerGone = true;
    this.queue = [];
    this.queued = 0;
    this.releaseWriters();
    this.onReaderGone?.();
  }

  get isReaderGone(): boolean {
    return this.readerGone;
  }

  /** Characters written and not yet taken by the reader. */
  get buffered(): number {
    return this.queued;
  }

  protected nextChunk(): Promise<string | null> {
    if (this.queue.length > 0) return Promise.resolve(this.takeQueue());
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private takeQueue(): string {
    const text = this.queue.length === 1 ? this.queue[0] : this.queue.join('');
    this.queue = [];
    this.queued = 0;
    this.releaseWriters();
    return text;
  }

  private releaseWriters(): void {
    for (const resolve of this.drainers.splice(0)) resolve();
  }

  private wake(): void {
    const w = this.waiter;
    if (!w || (this.queue.length === 0 && !this.closed)) return;
    this.waiter = undefined;
    w(this.queue.length > 0 ? this.takeQueue() : null);
  }
}

/** An input that ends early (returns null) once `interrupted()` is true: Ctrl-C while reading. */
export class InterruptibleInput implements Input {
  private readonly inner: Input;
  private readonly stop: Promise<null>;
  constructor(inner: Input, onInterrupt: (fn: () => void) => void) {
    this.inner = inner;
    this.stop = new Promise((resolve) => onInterrupt(() => resolve(null)));
  }
  get isTTY(): boolean {
    return this.inner.isTTY;
  }
  read(): Promise<string | null> {
    return Promise.race([this.inner.read(), this.stop]);
  }
  readLine(): Promise<string | null> {
    return Promise.race([this.inner.readLine(), this.stop]);
  }
  async readAll(): Promise<string> {
    let out = '';
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return out;
      out += chunk;
    }
  }
}
