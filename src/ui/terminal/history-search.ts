/**
 * readline's reverse-i-search (Ctrl-R) as a small state machine, split out of the line editor:
 * it owns the query, the matched history entry and the "failed" mark, and tells the editor what
 * to do with each key. No I/O: the editor draws and reads the line it is given.
 */
import type { History } from './history.ts';
import type { Key } from './keys.ts';
import type { LineState } from './line-buffer.ts';

interface SearchState {
  query: string;
  match: number | undefined;
  failed: boolean;
  original: LineState;
}

/**
 * What the editor does after a key in search mode: `render` the (possibly new) line; `abort`
 * (Ctrl-G) back to the line from before the search; `interrupt` (Ctrl-C); or leave the search
 * keeping the match and then `accept` it (Enter), just redraw (Escape), or handle `key` normally.
 */
export type SearchStep =
  | { kind: 'render'; line?: LineState }
  | { kind: 'abort'; line: LineState }
  | { kind: 'interrupt' }
  | { kind: 'leave'; then: 'accept' | 'redraw' | Key };

export class ReverseSearch {
  private readonly history: History;
  private state: SearchState | null = null;
  private lastQuery = '';

  constructor(history: History) {
    this.history = history;
  }

  get active(): boolean {
    return this.state !== null;
  }

  /** Starts a search from `line` (Ctrl-R). */
  start(line: LineState): void {
    this.state = { query: '', match: undefined, failed: false, original: line };
  }

  /** Ends the search without a decision (the read ended). */
  stop(): void {
    this.state = null;
  }

  /** bash's search prompt, or undefined outside a search. */
  prompt(): string | undefined {
    const s = this.state;
    if (!s) return undefined;
    return `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
  }

  /** What to draw after the prompt: the original line until something matched or failed. */
  view(line: LineState): LineState {
    const s = this.state;
    return s && s.match === undefined && !s.failed ? { text: s.original.text, cursor: 0 } : line;
  }

  /** Handles one key of the search; on a `leave` step the editor then calls `leave()`. */
  key(key: Key): SearchStep {
    const s = this.state as SearchState;
    const newest = this.history.length - 1;
    switch (key.name) {
      case 'text':
        s.query += key.text ?? '';
        this.lastQuery = s.query;
        return { kind: 'render', line: this.find(s, s.match ?? newest) };
      case 'C-r':
        if (s.query === '') s.query = this.lastQuery;
        return { kind: 'render', line: this.find(s, s.match === undefined ? newest : s.match - 1) };
      case 'backspace':
        s.query = s.query.slice(0, -1);
        s.match = undefined;
        s.failed = false;
        return { kind: 'render', line: s.query ? this.find(s, newest) : undefined };
      case 'C-g':
        this.state = null;
        return { kind: 'abort', line: s.original };
      case 'C-c':
        this.state = null;
        return { kind: 'interrupt' };
      case 'enter':
        return { kind: 'leave', then: 'accept' };
      case 'escape':
        return { kind: 'leave', then: 'redraw' };
      default:
        return { kind: 'leave', then: key };
    }
  }

  /** Leaves the search keeping the line; returns the matched history index, if any. */
  leave(): number | undefined {
    const match = this.state?.match;
    this.state = null;
    return match;
  }

  private find(s: SearchState, from: number): LineState | undefined {
    const found = this.history.searchBackward(s.query, from);
    if (found === undefined) {
      s.failed = s.query !== '';
      return undefined;
    }
    s.match = found;
    s.failed = false;
    const text = this.history.at(found) ?? '';
    return { text, cursor: Math.max(0, text.lastIndexOf(s.query)) };
  }
}
