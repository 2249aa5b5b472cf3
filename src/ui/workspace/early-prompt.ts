/**
 * The shell's view of the terminal when the page showed the first prompt before the shell
 * existed (boot phase 1): the REPL's first `readLine` gets the line the learner is typing (or has
 * already submitted) at that prompt instead of printing a second one; every later read goes to
 * the terminal. The learner can so type while the lab's environment is set up (boot phase 2), and
 * a line submitted meanwhile runs, in order, once the REPL starts.
 */
import type { ReadLineOptions, Terminal } from '../../shell/types.ts';

export class EarlyPromptTerminal implements Terminal {
  private readonly inner: Terminal;
  private first: Promise<string | null> | undefined;

  /** `first`: the pending (or resolved) read of the prompt already on the screen; none to pass through. */
  constructor(inner: Terminal, first: Promise<string | null> | undefined) {
    this.inner = inner;
    this.first = first;
  }

  get columns(): number {
    return this.inner.columns;
  }

  get rows(): number {
    return this.inner.rows;
  }

  readLine(prompt: string, options?: ReadLineOptions): Promise<string | null> {
    const first = this.first;
    this.first = undefined;
    return first ?? this.inner.readLine(prompt, options);
  }

  clear(): void {
    this.inner.clear();
  }
}
