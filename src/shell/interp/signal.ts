/** Ctrl-C as an object: one per foreground job, linked to its parent so interrupts propagate. */
import type { Interrupt } from '../types.ts';

/** An interrupt that can be triggered, and that follows a parent interrupt. */
export class InterruptSignal implements Interrupt {
  private fired = false;
  private listeners = new Set<() => void>();

  constructor(parent?: Interrupt) {
    if (parent) parent.onInterrupt(() => this.trigger());
  }

  get interrupted(): boolean {
    return this.fired;
  }

  onInterrupt(listener: () => void): () => void {
    if (this.fired) {
      listener();
      return () => {};
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Fires the interrupt once; later calls do nothing. */
  trigger(): void {
    if (this.fired) return;
    this.fired = true;
    const ls = [...this.listeners];
    this.listeners.clear();
    for (const l of ls) l();
  }
}

/** An interrupt that never fires. */
export const NEVER: Interrupt = {
  interrupted: false,
  onInterrupt: () => () => {},
};
