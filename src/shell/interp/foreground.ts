/**
 * What the shells of one session share: the stack of foreground jobs (Ctrl-C interrupts the
 * innermost), and how to give the host event loop a turn.
 */
import { InterruptSignal } from './signal.ts';
import type { Interrupt } from '../types.ts';

type Scheduler = (fn: () => void) => void;

/** A macrotask scheduler that exists in browsers and Node without naming DOM or node: APIs. */
function pickScheduler(): Scheduler {
  const g = globalThis as unknown as {
    setImmediate?: (fn: () => void) => void;
    setTimeout?: (fn: () => void, ms: number) => void;
    MessageChannel?: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(v: unknown): void } };
  };
  if (typeof g.setImmediate === 'function') return (fn) => g.setImmediate?.(fn);
  if (typeof g.MessageChannel === 'function') {
    const channel = new g.MessageChannel();
    const queue: (() => void)[] = [];
    channel.port1.onmessage = () => queue.shift()?.();
    return (fn) => {
      queue.push(fn);
      channel.port2.postMessage(0);
    };
  }
  return (fn) => g.setTimeout?.(fn, 0);
}

const schedule = pickScheduler();

/** Resolves after `ms` of real time (host timers; used only to wait out host work such as module loading). */
export function realDelay(ms: number): Promise<void> {
  const g = globalThis as unknown as { setTimeout?: (fn: () => void, ms: number) => void };
  return new Promise((resolve) => (g.setTimeout ? g.setTimeout(resolve, ms) : schedule(resolve)));
}

/** Resolves after pending microtasks have run (one host macrotask later). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}

interface Job {
  signal: InterruptSignal;
  startedAt: number;
  /** `turns` when the job began: the busy-loop bound counts the job's own yields. */
  turnsAtStart: number;
  prompt?: boolean;
  /** The shell waiting at this prompt (completion reads its process, cwd and PATH). */
  shell?: unknown;
}

export class Foreground {
  private stack: Job[] = [];
  private busyWaiters: (() => void)[] = [];

  /** Resolves when the next foreground job begins. */
  whenBusy(): Promise<void> {
    return new Promise((resolve) => this.busyWaiters.push(resolve));
  }

  /** Starts a foreground job (one command line); returns its interrupt and a function to end it. */
  begin(now: number, parent?: Interrupt): { signal: InterruptSignal; end: () => void } {
    const entry: Job = { signal: new InterruptSignal(parent), startedAt: now, turnsAtStart: this.turns };
    this.stack.push(entry);
    for (const w of this.busyWaiters.splice(0)) w();
    return {
      signal: entry.signal,
      end: () => {
        const i = this.stack.indexOf(entry);
        if (i >= 0) this.stack.splice(i, 1);
      },
    };
  }

  /** The innermost running job, if any (undefined while a nested shell waits at its prompt). */
  current(): { signal: InterruptSignal; startedAt: number } | undefined {
    const top = this.stack[this.stack.length - 1];
    return top?.prompt ? undefined : top;
  }

  /**
   * Marks that a nested shell waits at its prompt: Ctrl-C then belongs to the terminal (a fresh
   * prompt), not to the command that started the nested shell. `shell` is the nested shell
   * itself, for `promptShell`. Returns the function ending it.
   */
  atPrompt(shell?: unknown): () => void {
    const entry: Job = { signal: new InterruptSignal(), startedAt: 0, turnsAtStart: this.turns, prompt: true, shell };
    this.stack.push(entry);
    return () => {
      const i = this.stack.indexOf(entry);
      if (i >= 0) this.stack.splice(i, 1);
      // the job below is running again
      for (const w of this.busyWaiters.splice(0)) w();
    };
  }

  /** The nested shell waiting at its prompt now (as given to `atPrompt`), or undefined. */
  promptShell(): unknown {
    const top = this.stack[this.stack.length - 1];
    return top?.prompt ? top.shell : undefined;
  }

  /** Interrupts the innermost running job; false when nothing runs. */
  interrupt(): boolean {
    const top = this.current();
    if (!top) return false;
    top.signal.trigger();
    return true;
  }

  /**
   * Interrupts the innermost running command line whole: every job above the innermost prompt
   * (a command a trapping script runs has a job of its own inside its line's). For the session's
   * own bounds, which stop a command whatever it traps. False when nothing runs.
   */
  interruptLine(): boolean {
    if (!this.current()) return false;
    for (let i = this.stack.length - 1; i >= 0 && !this.stack[i].prompt; i--) this.stack[i].signal.trigger();
    return true;
  }

  /** How many times running commands yielded on purpose (busy loops); the clock driver reads it. */
  turns = 0;

  /**
   * With the automatic clock: called (once per job) when the innermost job has yielded more
   * than `turns` times — a busy loop that never waits on the clock. Checked here, at the yield
   * itself, so the bound falls on the same iteration however fast the host runs.
   */
  busyBound?: { turns: number; exceeded: () => void };

  /** Lets the host run other work (timers, input, the clock driver). */
  yieldTurn(): Promise<void> {
    this.turns++;
    const top = this.stack[this.stack.length - 1];
    if (this.busyBound && top && !top.prompt && !top.signal.interrupted && this.turns - top.turnsAtStart > this.busyBound.turns) this.busyBound.exceeded();
    return macrotask();
  }
}
