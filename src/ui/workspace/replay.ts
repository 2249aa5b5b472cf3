/**
 * Rebuilds a lab after a reload: feeds the journal's inputs to the shell again, each at its
 * recorded virtual time, into a world made with the same seed — the emulator is deterministic,
 * so the world comes back as it was. Output is muted meanwhile (the saved scrollback is shown
 * instead). A command still running at the end of the journal (the page was closed during
 * `kubectl get -w`) is interrupted, as closing the terminal would.
 */
import type { JournalEntry } from '../persistence/lab-store.ts';

export interface ReplayTarget {
  /** Virtual now (ms since the epoch) and a way to move it. */
  now(): number;
  advance(ms: number): void;
  /** Feeds terminal input (the line editor's `feed`). */
  feed(data: string): void;
  /** Whether the shell waits at a prompt or for terminal input. */
  isReading(): boolean;
  /** Saves a file as the editor did. */
  writeFile(path: string, content: string): void;
  /** Waits a little real time (lazy command modules load asynchronously). */
  pause(ms: number): Promise<void>;
}

export interface ReplayOptions {
  /** Virtual time the world started at (ms since the epoch). */
  start: number;
  /** Virtual ms since the start when the journal was last saved; replay catches up to it. */
  elapsed: number;
  /** Real ms to wait for a command to return to the prompt before moving on. @default 1500 */
  patienceMs?: number;
}

/** Replays `journal` into `target`. Resolves when the world has caught up. */
export async function replayJournal(journal: readonly JournalEntry[], target: ReplayTarget, options: ReplayOptions): Promise<void> {
  const patience = options.patienceMs ?? 1500;
  const catchUp = async (at: number) => {
    if (at > target.now()) target.advance(at - target.now());
    await target.pause(0);
  };
  const waitForPrompt = async () => {
    for (let waited = 0; waited < patience && !target.isReading(); waited += 5) await target.pause(5);
  };
  for (const entry of journal) {
    await catchUp(options.start + entry.t);
    if (entry.k === 'line') {
      await waitForPrompt();
      target.feed(entry.v === null ? '\x04' : `${entry.v}\r`);
    } else if (entry.k === 'int') {
      target.feed('\x03');
    } else {
      target.writeFile(entry.path, entry.content);
    }
    await target.pause(0);
  }
  await waitForPrompt();
  await catchUp(options.start + options.elapsed);
  if (!target.isReading()) {
    target.feed('\x03');
    await waitForPrompt();
  }
}
