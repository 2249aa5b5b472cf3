/**
 * Control-flow signals the interpreter throws to unwind: `exit`, `return`, `break`/`continue`,
 * and a fatal expansion error that ends the command line. They never reach the user.
 */
import type { Output } from '../types.ts';
import type { ExpansionError } from './expand.ts';

/** `exit`: unwinds to the shell's top. */
export class ExitSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/**
 * An expansion error that ends the command line being run (bash's jump to top level). With
 * `toTop`, it also unwinds every `eval`/`source` it runs inside (bash's `DISCARD`), as the
 * nesting limits do.
 */
export class AbortLine {
  readonly status: number;
  readonly toTop: boolean;
  constructor(status: number, toTop = false) {
    this.status = status;
    this.toTop = toTop;
  }
}

/** Prints an expansion error; for the fatal kind, unwinds the whole command line. */
export function reportExpansion(e: ExpansionError, io: { stderr: Output }): number {
  io.stderr.write(`${e.message}\n`);
  if (e.abort) throw new AbortLine(e.status);
  return e.status;
}

/** `return` from a function or sourced file. */
export class ReturnSignal {
  readonly status: number;
  constructor(status: number) {
    this.status = status;
  }
}

/** `break n` / `continue n`. */
export class LoopSignal {
  readonly kind: 'break' | 'continue';
  levels: number;
  constructor(kind: 'break' | 'continue', levels: number) {
    this.kind = kind;
    this.levels = levels;
  }
}
