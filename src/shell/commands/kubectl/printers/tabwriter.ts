/**
 * Column alignment as kubectl prints tables: Go's text/tabwriter (liggitt/tabwriter fork) with
 * minwidth 6, padding 3, pad char ' ' and RememberWidths (cli-runtime `printers.GetNewTabWriter`).
 * Every cell but the last one of a line is padded to its column's width; the last cell is not.
 */

const MIN_WIDTH = 6;
const NON_ASCII = /[^ -~]/;
const PADDING = 3;

/** Renders lines of cells (one string[] per line) with kubectl's tab alignment. */
export class TabWriter {
  /** Column widths remembered across `render` calls (`kubectl get -w` keeps rows aligned). */
  private remembered: number[] = [];

  /** Aligns `lines` and returns the text, each line ending in "\n". */
  render(lines: readonly (readonly string[])[]): string {
    const widths = [...this.remembered];
    for (const line of lines) {
      for (let j = 0; j < line.length - 1; j++) {
        const w = Math.max(MIN_WIDTH, runeLength(line[j]) + PADDING);
        if (widths[j] === undefined || w > widths[j]) widths[j] = w;
      }
    }
    this.remembered = widths;
    const parts: string[] = [];
    for (const line of lines) {
      const last = line.length - 1;
      for (let j = 0; j < last; j++) {
        const cell = line[j];
        parts.push(cell, pad(widths[j] - runeLength(cell)));
      }
      parts.push(last >= 0 ? line[last] : '', '\n');
    }
    return parts.join('');
  }

  /** Forgets remembered widths (kubectl does this between resource kinds). */
  reset(): void {
    this.remembered = [];
  }
}

const PADS: string[] = [];

function pad(n: number): string {
  if (n <= 0) return '';
  return (PADS[n] ??= ' '.repeat(n));
}

function runeLength(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** One-shot alignment of `lines`. */
export function alignColumns(lines: readonly (readonly string[])[]): string {
  return new TabWriter().render(lines);
}
