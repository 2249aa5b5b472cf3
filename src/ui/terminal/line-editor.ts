/**
 * A readline-style line editor, framework-free: it receives the raw bytes a terminal emulator
 * sends (`feed`), keeps the line, cursor, history and reverse-search state, and writes the escape
 * sequences that redraw the line through `host.write`. The xterm binding plugs a real terminal
 * into it; tests drive it with strings.
 *
 * Keys: ←/→, Home/End, Ctrl-A/E/B/F, Alt-B/F (words), Ctrl-U/K/W, Alt-D, Alt-Backspace, Ctrl-Y
 * (yank), Ctrl-L (clear screen), Ctrl-C (interrupt), Ctrl-D (EOF on an empty line, else delete),
 * ↑/↓ and Ctrl-P/N (history), Ctrl-R (reverse-i-search; Ctrl-G aborts it), Tab (completion; a
 * second Tab lists candidates, a screenful at a time with readline's `--More--`). Input that arrives while no line is being read (typeahead, the
 * rest of a multi-line paste) is queued and fed to the following `readLine` calls in order.
 */
import { History } from './history.ts';
import { ReverseSearch } from './history-search.ts';
import { EscapeMatcher } from './escape-keys.ts';
import { decodeKeys, type Key } from './keys.ts';
import * as edit from './line-buffer.ts';
import type { LineState } from './line-buffer.ts';
import { displayWidth, moveBelow, renderLine } from './render.ts';
import type { CompletionResult } from './completion/types.ts';
import type { LineEditorHost, ReadOptions } from './editor-host.ts';
import { planCompletion } from './completion/apply.ts';
import { Listing } from './listing.ts';

export type { LineEditorHost, ReadOptions } from './editor-host.ts';

/** Keys that kill text (their kills in a row accumulate). */
const KILL_KEYS = new Set(['C-u', 'C-k', 'C-w', 'M-backspace', 'M-d']);

interface PendingRead {
  prompt: string;
  history: boolean;
  interruptValue: string | undefined;
  resolve: (line: string | null) => void;
}

export class LineEditor {
  readonly history: History;
  private readonly host: LineEditorHost;
  private reading: PendingRead | null = null;
  private line: LineState = { text: '', cursor: 0 };
  private cursorRow = 0;
  private historyIndex = 0;
  private savedLine: LineState = { text: '', cursor: 0 };
  private readonly search: ReverseSearch;
  private queue: Key[] = [];
  private busy = false;
  /** Candidates listed below the line, with readline's questions (`Display all…?`, `--More--`). */
  private readonly listing: Listing;
  /** The pending read's escape keys (an empty sequence never matches). */
  private escape = new EscapeMatcher('');
  private lastKey = '';
  private killed = '';
  /**
   * The lines of the command being continued: the last line accepted at a primary prompt and
   * those accepted at continuation (PS2) prompts since; completion at PS2 reads them.
   */
  private continued: string[] = [];

  constructor(host: LineEditorHost, history: History = new History()) {
    this.host = host;
    this.history = history;
    this.search = new ReverseSearch(history);
    this.listing = new Listing({
      write: (data) => host.write(data),
      columns: () => host.columns(),
      rows: host.rows ? () => host.rows?.() ?? 0 : undefined,
      redraw: () => this.render(0),
      interrupt: () => this.interruptLine(),
    });
  }

  /** Whether a `readLine` is waiting for input. */
  get isReading(): boolean {
    return this.reading !== null;
  }

  /** The line being edited (for tests and the accessibility mirror). */
  get current(): LineState {
    return this.line;
  }

  /**
   * Prints `prompt` and resolves with the next edited line (without newline), or null on Ctrl-D
   * at an empty line (see `ReadOptions` for the escape keys and Ctrl-C). Only one read may be
   * pending; a second call cancels the first with null.
   */
  readLine(prompt: string, options: ReadOptions = {}): Promise<string | null> {
    if (this.reading) this.cancelRead(null);
    return new Promise((resolve) => {
      this.reading = {
        prompt,
        history: options.history ?? true,
        interruptValue: options.interruptValue,
        resolve,
      };
      this.escape = new EscapeMatcher(options.escapeKeys ?? '');
      this.listing.reset();
      this.line = { text: '', cursor: 0 };
      this.historyIndex = this.history.length;
      this.savedLine = this.line;
      this.cursorRow = 0;
      this.lastKey = '';
      this.host.write(prompt);
      this.cursorRow = Math.floor(displayWidth(prompt) / Math.max(1, this.host.columns()));
      this.pump();
    });
  }

  /** Ends the pending read with `value` without touching the screen. */
  cancelRead(value: string | null): void {
    const pending = this.reading;
    if (!pending) return;
    this.reading = null;
    this.search.stop();
    pending.resolve(value);
  }

  /** Feeds bytes from the terminal (keystrokes or a paste). */
  feed(data: string): void {
    for (const key of decodeKeys(data)) {
      if (key.name === 'C-c' && !this.reading) {
        // Like a tty's ISIG: Ctrl-C reaches the running command at once and flushes typeahead.
        this.queue = [];
        this.host.interrupt?.(false);
        continue;
      }
      this.queue.push(key);
    }
    this.pump();
  }

  /** Clears the screen and redraws the line being edited (Ctrl-L, or `clear` from the shell). */
  clearScreen(): void {
    this.host.write('\x1b[H\x1b[2J');
    this.cursorRow = 0;
    if (this.reading) this.render(0);
  }

  /** Draws the prompt and line afresh at the cursor (after output was muted, e.g. a replay). */
  redraw(): void {
    this.cursorRow = 0;
    if (this.reading) this.render(0);
  }

  /** Drops queued typeahead (used by Reset). */
  discardInput(): void {
    this.queue = [];
  }

  private pump(): void {
    while (this.reading && !this.busy && this.queue.length > 0) {
      const key = this.queue.shift() as Key;
      if (this.listing.waiting) {
        const { rest } = this.listing.key(key);
        if (rest) this.queue.unshift(rest); // one character answers; the rest is typing
        continue;
      }
      if (this.escape.sequence && !this.search.active && this.holdEscape(key)) continue;
      if (this.search.active) this.handleSearchKey(key);
      else this.handleKey(key);
      this.lastKey = key.name;
    }
  }

  /** Runs `key` through the read's escape keys; true when it was used up (held or matched). */
  private holdEscape(key: Key): boolean {
    const step = this.escape.push(key);
    if (step.kind === 'matched') {
      this.line = { text: '', cursor: 0 };
      this.finish(this.escape.sequence);
      return true;
    }
    if (step.kind === 'held') return true;
    // Held keys act as usual, then the key that broke the sequence; if a held key ended the
    // read or started a completion, that key waits in the queue for what comes next.
    for (const k of step.keys.slice(0, -1)) {
      if (this.reading && !this.busy) this.handleKey(k);
      this.lastKey = k.name;
    }
    // The breaking key may start the sequence anew.
    if (this.reading && !this.busy) return step.keys.length > 1 ? this.holdEscape(key) : false;
    this.queue.unshift(key);
    return true;
  }

  private handleKey(key: Key): void {
    const line = this.line;
    switch (key.name) {
      case 'text':
        return this.insertText(key.text ?? '');
      case 'enter':
        return this.accept(line.text);
      case 'backspace':
        return this.set(edit.deleteBackward(line));
      case 'delete':
        return this.set(edit.deleteForward(line));
      case 'left':
      case 'C-b':
        return this.set(edit.moveTo(line, line.cursor - 1));
      case 'right':
      case 'C-f':
        return this.set(edit.moveTo(line, line.cursor + 1));
      case 'home':
      case 'C-a':
        return this.set(edit.moveTo(line, 0));
      case 'end':
      case 'C-e':
        return this.set(edit.moveTo(line, line.text.length));
      case 'word-left':
      case 'M-b':
        return this.set(edit.moveTo(line, edit.wordStartBefore(line.text, line.cursor)));
      case 'word-right':
      case 'M-f':
        return this.set(edit.moveTo(line, edit.wordEndAfter(line.text, line.cursor)));
      case 'C-u':
        return this.kill(edit.killToStart(line), 'backward');
      case 'C-k':
        return this.kill(edit.killToEnd(line), 'forward');
      case 'C-w':
        return this.kill(edit.killWordBackward(line), 'backward');
      case 'M-backspace':
        return this.kill(edit.killAlnumWordBackward(line), 'backward');
      case 'M-d':
        return this.kill(edit.killWordForward(line), 'forward');
      case 'C-y':
        return this.set(edit.insert(line, this.killed));
      case 'C-l':
        return this.clearScreen();
      case 'C-c':
        return this.interruptLine();
      case 'C-d':
        if (line.text === '') return this.finish(null);
        return this.set(edit.deleteForward(line));
      case 'up':
      case 'C-p':
        return this.historyMove(-1);
      case 'down':
      case 'C-n':
        return this.historyMove(1);
      case 'C-r':
        this.search.start(line);
        return this.render();
      case 'tab':
        return this.complete();
      default:
        return; // Escape, unknown sequences, paste markers: nothing to do.
    }
  }

  private insertText(text: string): void {
    const line = this.line;
    const next = edit.insert(line, text);
    const columns = Math.max(1, this.host.columns());
    const total = displayWidth(this.reading?.prompt ?? '') + [...next.text].length;
    if (line.cursor === line.text.length && total % columns !== 0) {
      // Typing at the end: echo the characters instead of redrawing (kinder to screen readers).
      this.line = next;
      this.host.write(text);
      this.cursorRow = Math.floor(total / columns);
      return;
    }
    this.set(next);
  }

  /**
   * A kill: the text goes to the kill buffer Ctrl-Y yanks. Kills in a row build one entry, as
   * readline's kill ring does (a backward kill prepends, a forward one appends), so Ctrl-W
   * Ctrl-W Ctrl-Y gives both words back.
   */
  private kill(result: edit.KillResult, direction: 'backward' | 'forward'): void {
    if (result.killed) {
      const again = KILL_KEYS.has(this.lastKey);
      this.killed = !again ? result.killed : direction === 'backward' ? result.killed + this.killed : this.killed + result.killed;
    }
    this.set(result.state);
  }

  private set(next: LineState): void {
    if (next.text === this.line.text && next.cursor === this.line.cursor) return;
    this.line = next;
    this.render();
  }

  private historyMove(delta: number): void {
    const target = this.historyIndex + delta;
    if (target < 0 || target > this.history.length) return;
    if (this.historyIndex === this.history.length) this.savedLine = this.line;
    this.historyIndex = target;
    const text = target === this.history.length ? this.savedLine.text : (this.history.at(target) ?? '');
    this.line = { text, cursor: text.length };
    this.render();
  }

  private interruptLine(): void {
    if (this.host.interrupt?.(true)) {
      this.line = { text: '', cursor: 0 };
      this.finish(null, false);
      return;
    }
    this.line = edit.moveTo(this.line, this.line.text.length);
    this.render();
    this.host.write('^C\r\n');
    this.line = { text: '', cursor: 0 };
    const value = this.reading?.interruptValue;
    if (value !== undefined) return this.finish(value, false);
    this.historyIndex = this.history.length;
    this.cursorRow = 0;
    if (this.reading) {
      this.host.write(this.reading.prompt);
      this.cursorRow = Math.floor(displayWidth(this.reading.prompt) / Math.max(1, this.host.columns()));
    }
  }

  private accept(text: string): void {
    const prompt = this.search.prompt() ?? this.reading?.prompt ?? '';
    this.host.write(
      moveBelow({ prompt, text: this.line.text, cursor: this.line.cursor, columns: this.host.columns(), cursorRow: this.cursorRow }),
    );
    if (this.reading?.history) this.history.add(text);
    if (this.reading?.history) this.continued = [text];
    else if (this.reading?.interruptValue !== undefined) this.continued.push(text);
    this.finish(text);
  }

  private finish(value: string | null, notify = true): void {
    const pending = this.reading;
    if (!pending) return;
    this.reading = null;
    this.search.stop();
    this.cursorRow = 0;
    if (notify) this.host.onLine?.(value);
    pending.resolve(value);
  }

  // --- completion -------------------------------------------------------------------------

  private complete(): void {
    const completer = this.host.completer;
    if (!completer) return;
    // a PS2 read (one Ctrl-C ends) continues the lines accepted before it
    const continues = this.reading?.interruptValue !== undefined ? this.continued.join('\n') : undefined;
    const request = { line: this.line.text, cursor: this.line.cursor, continues };
    const listing = this.lastKey === 'tab';
    this.busy = true;
    Promise.resolve()
      .then(() => completer.complete(request))
      .then(
        (result) => this.applyCompletion(result, listing),
        () => undefined, // A completer failure completes nothing; the line stays as typed.
      )
      .finally(() => {
        this.busy = false;
        this.pump();
      });
  }

  private applyCompletion(result: CompletionResult, listing: boolean): void {
    if (!this.reading) return;
    const step = planCompletion(result, this.line, listing);
    if (step.kind === 'bell') return this.host.write('\x07');
    if (step.kind === 'replace') {
      this.set(step.line);
      if (step.bell) this.host.write('\x07'); // rl_complete_internal: "other matches remaining"
      return;
    }
    const prompt = this.reading.prompt;
    this.host.write(
      moveBelow({ prompt, text: this.line.text, cursor: this.line.cursor, columns: this.host.columns(), cursorRow: this.cursorRow }),
    );
    this.cursorRow = 0;
    this.listing.start(step.labels, step.ask);
  }

  private handleSearchKey(key: Key): void {
    const step = this.search.key(key);
    if (step.kind === 'render') {
      if (step.line) this.line = step.line;
      return this.render();
    }
    if (step.kind === 'abort') {
      this.line = step.line;
      return this.render();
    }
    if (step.kind === 'interrupt') return this.interruptLine();
    const match = this.search.leave();
    if (match !== undefined) this.historyIndex = match;
    if (step.then === 'accept') return this.accept(this.line.text);
    this.render();
    if (step.then !== 'redraw') this.handleKey(step.then);
  }

  private render(previousCursorRow = this.cursorRow): void {
    if (!this.reading) return;
    const prompt = this.search.prompt() ?? this.reading.prompt;
    const { text, cursor } = this.search.view(this.line);
    const out = renderLine({ prompt, text, cursor, columns: this.host.columns(), previousCursorRow });
    this.host.write(out.output);
    this.cursorRow = out.cursorRow;
  }
}

