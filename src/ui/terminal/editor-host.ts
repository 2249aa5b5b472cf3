/**
 * What the line editor needs from its surroundings (`LineEditorHost`: a terminal to write to,
 * Ctrl-C, completion, the journal) and what one read can ask of it (`ReadOptions`).
 */
import type { Completer } from './completion/types.ts';

export interface LineEditorHost {
  /** Writes bytes to the terminal. */
  write(data: string): void;
  /** The terminal's width in columns. */
  columns(): number;
  /** The terminal's height in rows: long completion lists stop at `--More--` every screenful. */
  rows?(): number;
  /**
   * Ctrl-C. `reading` says whether a line was being edited. Return true when a running command
   * took the interrupt (the host echoes `^C` then): a pending read, which was that command's
   * terminal input, ends with null. Return false at a prompt: the editor shows `^C`, discards
   * the line and prompts again.
   */
  interrupt?(reading: boolean): boolean;
  /** Tab completion; without it Tab inserts nothing. */
  completer?: Completer;
  /**
   * Every line submitted with Enter, or null for Ctrl-D, in order (the persistence journal
   * listens here). Reads ended by Ctrl-C are not reported: `interrupt` was.
   */
  onLine?(line: string | null): void;
}

/** Options of one `readLine`. */
export interface ReadOptions {
  /** Whether the line goes into history. @default true */
  history?: boolean;
  /**
   * Keys (bytes, e.g. docker's `'\x10\x11'` Ctrl-P Ctrl-Q) that end the read at once: the read
   * resolves with exactly this string, the line is dropped and nothing is echoed. A key that
   * starts the sequence is held; if the next key does not continue it, the held keys act as usual.
   */
  escapeKeys?: string;
  /**
   * Set for a read that Ctrl-C at a prompt should end (bash's PS2): the editor shows `^C`, moves
   * to a new line and resolves with this value instead of prompting again.
   */
  interruptValue?: string;
}
