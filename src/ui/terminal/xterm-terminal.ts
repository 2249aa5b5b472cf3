/**
 * The browser terminal: an `@xterm/xterm` screen with the fit addon, driven by the `LineEditor`,
 * implementing the shell's `Terminal` interface. It owns its listeners (data, resize observer,
 * key handler) and releases them in `dispose()`.
 *
 * Keyboard: Tab completes, so to leave the terminal press Escape, then Tab (or Shift-Tab).
 * Ctrl-C copies when text is selected (otherwise it interrupts); Ctrl-Shift-C/V copy and paste.
 */
import { Terminal as Xterm, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { READ_INTERRUPTED, type ReadLineOptions, type Terminal } from '../../shell/types.ts';
import type { Completer } from './completion/types.ts';
import { History } from './history.ts';
import { LineEditor } from './line-editor.ts';
import { Transcript } from './transcript.ts';
import { WriteFlow } from './write-flow.ts';

/** Lines xterm keeps above the screen; the stored transcript keeps as many (plus a screenful). */
const SCROLLBACK = 5000;
/** Rows of a tall screen, for the transcript's cap. */
const MAX_ROWS = 200;
/** Characters of transcript kept (5000 lines of ~200 characters, escapes included). */
const TRANSCRIPT_CHARS = 1_000_000;

export interface XtermTerminalOptions {
  /** Accessible name of the terminal's input. */
  label: string;
  completer?: Completer;
  history?: readonly string[];
  /** Ctrl-C; see `LineEditorHost.interrupt`. */
  interrupt?(reading: boolean): boolean;
  /** Every line a read returns (for the persistence journal). */
  onLine?(line: string | null): void;
  theme?: ITheme;
}

export const DARK_THEME: ITheme = { background: '#17181c', foreground: '#e6e6e6', cursor: '#e6e6e6', selectionBackground: '#4a5568' };
export const LIGHT_THEME: ITheme = {
  background: '#fbfbfb', foreground: '#1f2328', cursor: '#1f2328', selectionBackground: '#b4d5fe',
  black: '#1f2328', red: '#b3261e', green: '#116329', yellow: '#7a5c00', blue: '#0550ae', magenta: '#8250df', cyan: '#1b7c83', white: '#6e7781',
  brightBlack: '#57606a', brightRed: '#a40e26', brightGreen: '#1a7f37', brightYellow: '#633c01', brightBlue: '#0969da', brightMagenta: '#8250df', brightCyan: '#3192aa', brightWhite: '#8c959f',
};

export class XtermTerminal implements Terminal {
  readonly xterm: Xterm;
  readonly editor: LineEditor;
  /** What was written since the last clear, cut to what the screen keeps, for the scrollback store. */
  private readonly transcript = new Transcript({ maxLines: SCROLLBACK + MAX_ROWS, maxChars: TRANSCRIPT_CHARS });
  /** Where the current prompt starts in the transcript (scrollback is saved up to it). */
  private promptStart = 0;
  /** Characters given to xterm and not yet parsed: `drain()` holds fast producers back. */
  private readonly flow: WriteFlow;
  private readonly fit = new FitAddon();
  private readonly disposers: (() => void)[] = [];
  private escapePressed = false;
  private muted = false;
  private prompted = false;

  /**
   * Opens a terminal in `container`, which should be in the document already (xterm measures its
   * cell size and the fit addon the container's size when opening).
   */
  constructor(container: HTMLElement, options: XtermTerminalOptions) {
    this.xterm = new Xterm({
      convertEol: true,
      cursorBlink: false,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      scrollback: SCROLLBACK,
      theme: options.theme ?? DARK_THEME,
    });
    this.xterm.loadAddon(this.fit);
    const xterm = this.xterm;
    this.flow = new WriteFlow({ write: (data, callback) => xterm.write(data, callback) });
    this.editor = new LineEditor(
      {
        write: (data) => this.write(data),
        columns: () => this.xterm.cols,
        rows: () => this.xterm.rows,
        completer: options.completer,
        interrupt: options.interrupt,
        onLine: options.onLine,
      },
      new History(options.history ?? []),
    );
    this.xterm.open(container);
    this.xterm.textarea?.setAttribute('aria-label', options.label);
    this.xterm.attachCustomKeyEventHandler((event) => this.keyFilter(event));
    const data = this.xterm.onData((d) => this.editor.feed(d));
    this.disposers.push(() => data.dispose());
    // Fit once now (the container is in the document); the observer refits when its size changes
    // (its first report, of the size just fitted, finds nothing to resize).
    this.refit();
    const observer = new ResizeObserver(() => this.refit());
    observer.observe(container);
    this.disposers.push(() => observer.disconnect());
  }

  get columns(): number {
    return this.xterm.cols;
  }

  get rows(): number {
    return this.xterm.rows;
  }

  /** Reads a line; lines read without a prompt (a command's stdin) or as PS2 stay out of ↑ history. */
  readLine(prompt: string, options: ReadLineOptions = {}): Promise<string | null> {
    this.promptStart = this.transcript.mark();
    if (!this.prompted && !this.muted) {
      // The first interactive prompt: browser tests measure load → prompt from this mark.
      this.prompted = true;
      performance.mark('petlab:prompt');
    }
    return this.editor.readLine(prompt, {
      history: prompt !== '' && prompt !== '> ',
      escapeKeys: options.escapeKeys,
      interruptValue: options.interruptible ? READ_INTERRUPTED : undefined,
    });
  }

  /** `clear`: clears the screen and the scrollback, as ncurses' clear does with E3. */
  clear(): void {
    this.write('\x1b[H\x1b[2J\x1b[3J');
    this.transcript.reset();
    this.promptStart = 0;
  }

  /** Writes output (a command's stdout/stderr, the editor's redraws). */
  write(data: string): void {
    if (this.muted) return;
    this.transcript.append(data);
    this.flow.write(data);
  }

  /**
   * The shell's `Output.drain`: undefined while xterm keeps up, else a promise that resolves once
   * xterm has parsed its backlog down to the low watermark (see `WriteFlow`).
   */
  drain(): Promise<void> | undefined {
    return this.flow.drain();
  }

  /** While muted, nothing reaches the screen (replaying a journal after a reload). */
  setMuted(muted: boolean): void {
    this.muted = muted;
    if (!muted && this.editor.isReading && !this.prompted) {
      this.prompted = true;
      performance.mark('petlab:prompt');
    }
  }

  /** Writes restored scrollback straight to the screen and starts the transcript from it. */
  restore(scrollback: string): void {
    this.transcript.reset(scrollback);
    this.flow.write(scrollback);
  }

  /** What to save as scrollback: everything written, minus the prompt being edited. */
  getScrollback(): string {
    return this.transcript.textBefore(this.editor.isReading ? this.promptStart : undefined);
  }

  setScreenReaderMode(on: boolean): void {
    this.xterm.options.screenReaderMode = on;
  }

  setTheme(theme: ITheme): void {
    this.xterm.options.theme = theme;
  }

  focus(): void {
    this.xterm.focus();
  }

  /** Fits the terminal to its container (the line editor's wrapping follows the new width). */
  refit(): void {
    try {
      this.fit.fit();
    } catch {
      // Hidden (display: none) containers have no size yet; the next resize fits.
    }
  }

  dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.flow.dispose();
    this.xterm.dispose();
  }

  /** Decides which keys xterm handles; false leaves the key to the browser. */
  private keyFilter(event: KeyboardEvent): boolean {
    if (event.type !== 'keydown') return true;
    if (event.key === 'Tab' && this.escapePressed) {
      this.escapePressed = false;
      return false; // Escape, then Tab: let the browser move focus out of the terminal.
    }
    this.escapePressed = event.key === 'Escape';
    const ctrl = event.ctrlKey || event.metaKey;
    if (ctrl && event.shiftKey && (event.key === 'C' || event.key === 'V' || event.key === 'c' || event.key === 'v')) return false;
    if (ctrl && (event.key === 'c' || event.key === 'C') && this.xterm.hasSelection()) return false;
    if (ctrl && (event.key === 'v' || event.key === 'V')) return false; // the browser's paste event reaches xterm
    return true;
  }
}
