/**
 * Listing completion candidates below the line as readline does (complete.c
 * rl_display_match_list): `Display all N possibilities? (y or n)` first when there are many,
 * then columns, a screenful at a time with the `--More--` pager. A small state machine the line
 * editor feeds keys to while a question waits; it writes through its host and asks the editor
 * to redraw the prompt and line when the listing is over.
 */
import { queryAnswer, queryText } from './completion/apply.ts';
import type { Key } from './keys.ts';
import { formatColumns } from './render.ts';

export interface ListingHost {
  write(data: string): void;
  columns(): number;
  /** The terminal's height; without it lists are not paged. */
  rows?(): number;
  /** The listing is over: draw the prompt and line again below it. */
  redraw(): void;
  /** Ctrl-C at `--More--`: the listing stops and the line is dropped, as SIGINT does. */
  interrupt(): void;
}

/** What answers a key while a question waits; `rest`: typed characters after the answering one. */
export interface ListingAnswer {
  readonly rest?: Key;
}

export class Listing {
  private readonly host: ListingHost;
  /** Candidates waiting for the answer to `Display all N possibilities?`. */
  private query: readonly string[] | null = null;
  /** Rows still to show while `--More--` waits. */
  private more: readonly string[] | null = null;

  constructor(host: ListingHost) {
    this.host = host;
  }

  /** Whether a question (`Display all…?` or `--More--`) waits for a key. */
  get waiting(): boolean {
    return this.query !== null || this.more !== null;
  }

  /** Forgets a pending question (a new read starts). */
  reset(): void {
    this.query = null;
    this.more = null;
  }

  /** Lists `labels` (the cursor is on a fresh line); `ask`: ask `Display all N possibilities?` first. */
  start(labels: readonly string[], ask: boolean): void {
    if (!ask) return this.show(formatColumns(labels, this.host.columns()), this.pageSize());
    this.host.write(queryText(labels.length));
    this.query = labels;
  }

  /** A key while a question waits. */
  key(key: Key): ListingAnswer {
    const rest = key.name === 'text' && (key.text ?? '').length > 1 ? { name: 'text', text: (key.text ?? '').slice(1) } : undefined;
    if (this.query) this.answerQuery(key);
    else if (this.more) this.answerMore(key);
    return { rest };
  }

  /** `Display all N possibilities? (y or n)`: list, decline, or ring and keep asking. */
  private answerQuery(key: Key): void {
    const answer = queryAnswer(key);
    if (answer === undefined) return this.host.write('\x07');
    const labels = this.query ?? [];
    this.query = null;
    this.host.write('\r\n');
    if (answer) return this.show(formatColumns(labels, this.host.columns()), this.pageSize());
    this.host.redraw();
  }

  /** Rows a screenful holds before `--More--` (readline: screen height − 1); unbounded without rows. */
  private pageSize(): number {
    const rows = this.host.rows?.();
    return rows === undefined ? Infinity : Math.max(1, rows - 1);
  }

  /**
   * Writes up to `count` rows; with rows left, asks `--More--` (readline's _rl_internal_pager,
   * page-completions on by default), else the listing is over.
   */
  private show(rows: readonly string[], count: number): void {
    for (const row of rows.slice(0, count)) this.host.write(row + '\r\n');
    const rest = rows.slice(count);
    if (rest.length > 0) {
      this.host.write('--More--');
      this.more = rest;
      return;
    }
    this.host.redraw();
  }

  /**
   * A key at `--More--` (readline's get_y_or_n for the pager): y, Y or space show the next
   * screenful, Enter one more row; n, N, q, Q, Backspace and Ctrl-G stop the listing, Ctrl-C
   * drops the line too; anything else rings the bell. The `--More--` line is erased either way.
   */
  private answerMore(key: Key): void {
    const ch = key.name === 'text' ? key.text?.[0] : undefined;
    const page = ch === 'y' || ch === 'Y' || ch === ' ';
    const line = key.name === 'enter';
    const stop = ch === 'n' || ch === 'N' || ch === 'q' || ch === 'Q' || ['backspace', 'C-g', 'C-c'].includes(key.name);
    if (!page && !line && !stop) return this.host.write('\x07');
    const rows = this.more ?? [];
    this.more = null;
    this.host.write('\r\x1b[K');
    if (key.name === 'C-c') return this.host.interrupt();
    if (stop) return this.host.redraw();
    this.show(rows, page ? this.pageSize() : 1);
  }
}
