/**
 * A tiny VT100 screen for tests: understands exactly the sequences the line editor writes
 * (printable text with auto-wrap, CR, LF, BS, BEL, CUU/CUD/CUF, ED, EL, CUP home) and keeps an
 * unbounded list of rows, so tests can assert what a learner would see. Not a terminal emulator.
 */
export class FakeScreen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;
  readonly columns: number;

  constructor(columns = 80) {
    this.columns = columns;
  }

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = data[i];
      if (ch === '\x1b') {
        // eslint-disable-next-line no-control-regex
        const m = /^\x1b\[(\d*)([ABCJKH])/.exec(data.slice(i)) ?? /^\x1b\[(2)(J)/.exec(data.slice(i));
        if (!m) throw new Error(`FakeScreen: unsupported sequence ${JSON.stringify(data.slice(i, i + 8))}`);
        this.csi(m[2], m[1] === '' ? undefined : Number(m[1]));
        i += m[0].length;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.moveRow(1);
        this.pendingWrap = false;
      } else if (ch === '\b') {
        this.col = Math.max(0, this.col - 1);
        this.pendingWrap = false;
      } else if (ch !== '\x07') {
        this.put(ch);
      }
      i++;
    }
  }

  /** The visible text, trailing spaces and trailing empty rows removed. */
  text(): string {
    const lines = this.rows.map((r) => r.join('').replace(/\s+$/, ''));
    while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  private put(ch: string): void {
    if (this.pendingWrap) {
      this.moveRow(1);
      this.col = 0;
      this.pendingWrap = false;
    }
    const r = this.rows[this.row];
    while (r.length < this.col) r.push(' ');
    r[this.col] = ch;
    if (this.col === this.columns - 1) this.pendingWrap = true;
    else this.col++;
  }

  private moveRow(delta: number): void {
    this.row = Math.max(0, this.row + delta);
    while (this.rows.length <= this.row) this.rows.push([]);
  }

  private csi(final: string, n: number | undefined): void {
    this.pendingWrap = false;
    const count = n ?? 1;
    if (final === 'A') this.row = Math.max(0, this.row - count);
    else if (final === 'B') this.moveRow(count);
    else if (final === 'C') this.col = Math.min(this.columns - 1, this.col + count);
    else if (final === 'K') this.rows[this.row].length = Math.min(this.rows[this.row].length, this.col);
    else if (final === 'H') {
      this.row = 0;
      this.col = 0;
    } else if (final === 'J') {
      if (n === 2) this.rows = [[]];
      else {
        this.rows[this.row].length = Math.min(this.rows[this.row].length, this.col);
        this.rows.length = this.row + 1;
      }
    }
  }
}
