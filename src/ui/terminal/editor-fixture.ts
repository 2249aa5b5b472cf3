/**
 * A line editor on a `FakeScreen` for tests: `setup` gives the editor, the screen, the lines it
 * reported and the Ctrl-C calls it made; `flush` lets queued promise work (a completer) run.
 */
import { FakeScreen } from './fake-screen.ts';
import { History } from './history.ts';
import { LineEditor, type LineEditorHost } from './line-editor.ts';
import type { Completer } from './completion/types.ts';

/** Options of `setup`: terminal size, history, completer, and whether a command runs (Ctrl-C). */
export interface EditorSetup {
  columns?: number;
  rows?: number;
  history?: string[];
  completer?: Completer;
  commandRunning?: boolean;
}

/** A line editor writing to a fresh `FakeScreen` (40 columns unless asked). */
export function setup(options: EditorSetup = {}) {
  const commandRunning = options.commandRunning ?? false;
  const screen = new FakeScreen(options.columns ?? 40);
  const lines: (string | null)[] = [];
  const interrupts: boolean[] = [];
  const host: LineEditorHost = {
    write: (d) => screen.write(d),
    columns: () => screen.columns,
    rows: options.rows === undefined ? undefined : () => options.rows as number,
    interrupt: (reading) => {
      interrupts.push(reading);
      if (!reading) screen.write('^C');
      return !reading || commandRunning;
    },
    completer: options.completer,
    onLine: (l) => lines.push(l),
  };
  const editor = new LineEditor(host, new History(options.history ?? []));
  return { screen, editor, lines, interrupts };
}

/** Lets pending promise work (a completer's answer) run. */
export const flush = (): Promise<unknown> => new Promise((r) => setTimeout(r, 0));
