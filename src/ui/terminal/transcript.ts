/**
 * The terminal's transcript for the scrollback store: everything written since the last clear,
 * cut at the front to what the screen keeps (xterm's scrollback plus the visible rows), so a
 * command that prints without end (`yes`, `seq 1 100000000`) no longer grows it without bound.
 * Positions (`mark`) are absolute offsets into everything ever appended, so a mark taken before a
 * cut still finds its place, or the new start if it was cut away.
 */

export interface TranscriptLimits {
  /** Lines kept (the text after the last `maxLines` line feeds). */
  maxLines: number;
  /** Characters kept. */
  maxChars: number;
}

/** Cuts happen once the text is this much over a limit, so appends stay amortised O(length). */
const SLACK = 1.25;

/** A bounded tail of written text (see the module comment). Errors: none. */
export class Transcript {
  private readonly limits: TranscriptLimits;
  private text = '';
  /** Absolute offset of `text[0]` in everything appended since the last clear. */
  private base = 0;
  /** Line feeds in `text`. */
  private lines = 0;

  constructor(limits: TranscriptLimits) {
    this.limits = { maxLines: Math.max(1, limits.maxLines), maxChars: Math.max(1, limits.maxChars) };
  }

  /** Appends `data`, cutting old lines once over a limit. */
  append(data: string): void {
    if (data === '') return;
    this.text += data;
    this.lines += countLineFeeds(data);
    if (this.lines > this.limits.maxLines * SLACK || this.text.length > this.limits.maxChars * SLACK) this.cut();
  }

  /** Replaces everything with `text` (restored scrollback), cut to the limits. */
  reset(text = ''): void {
    this.text = text;
    this.base = 0;
    this.lines = countLineFeeds(text);
    this.cut();
  }

  /** The current end, as a position for `textBefore`. */
  mark(): number {
    return this.base + this.text.length;
  }

  /** The kept text before position `mark` (all of it when `mark` is undefined). */
  textBefore(mark?: number): string {
    if (mark === undefined) return this.text;
    return this.text.slice(0, Math.max(0, mark - this.base));
  }

  get length(): number {
    return this.text.length;
  }

  /** Keeps the last `maxLines` lines and at most `maxChars` characters, starting at a line if it can. */
  private cut(): void {
    let start = 0;
    if (this.lines > this.limits.maxLines) {
      // the position after the (lines - maxLines)th line feed
      let skip = this.lines - this.limits.maxLines;
      let i = -1;
      while (skip > 0) {
        i = this.text.indexOf('\n', i + 1);
        skip--;
      }
      start = i + 1;
    }
    if (this.text.length - start > this.limits.maxChars) {
      const from = this.text.length - this.limits.maxChars;
      const feed = this.text.indexOf('\n', from);
      // start after a line feed when one is near; else mid-line
      start = feed >= 0 && feed < this.text.length - 1 ? feed + 1 : from;
    }
    if (start === 0) return;
    this.lines -= countLineFeeds(this.text.slice(0, start));
    this.text = this.text.slice(start);
    this.base += start;
  }
}

function countLineFeeds(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
