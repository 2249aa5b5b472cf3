/**
 * Go's text/tabwriter algorithm, exactly: text is split into lines and tab-terminated cells;
 * a column block is a run of consecutive lines that have a cell in that column, and each block
 * gets its own width (max cell + padding, at least minwidth). The last cell of a line is never
 * padded. `kubectl describe` output depends on this (e.g. `Events:  <none>` aligning with the
 * lines before it, and `IPs:` breaking the block).
 */

interface Options {
  minwidth: number;
  padding: number;
}

function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Aligns tab-separated `text` like Go's tabwriter.NewWriter(out, minwidth, 8, padding, ' ', 0). */
export function goTabwrite(text: string, options: Options): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  let out = '';

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i];
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        if (j < widths.length && j < cells.length - 1) out += c + ' '.repeat(Math.max(0, widths[j] - width(c)));
        else out += c;
      }
      if (i < lines.length - 1 || endsWithNewline) out += '\n';
    }
  };

  formatRange(0, lines.length);
  return out;

  function formatRange(line0: number, line1: number): void {
    const column = widths.length;
    let cur = line0;
    while (cur < line1) {
      if (column >= lines[cur].length - 1) {
        cur++;
        continue;
      }
      writeLines(line0, cur);
      line0 = cur;
      let w = options.minwidth;
      while (cur < line1 && column < lines[cur].length - 1) {
        const cw = width(lines[cur][column]) + options.padding;
        if (cw > w) w = cw;
        cur++;
      }
      widths.push(w);
      formatRange(line0, cur);
      widths.pop();
      line0 = cur;
    }
    writeLines(line0, line1);
  }
}

/** kubectl describe's tabbedString: tabwriter.NewWriter(buf, 0, 8, 2, ' ', 0). */
export function describeTabs(text: string): string {
  return goTabwrite(text, { minwidth: 0, padding: 2 });
}
