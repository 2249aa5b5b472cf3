/**
 * docker/cli's table output: Go's text/tabwriter as the formatter sets it up
 * (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`: minimum cell width 10, padding 3). Cells end
 * at tabs; the last cell of a line is not padded.
 */
export function tabwrite(lines: string[][]): string {
  const widths: number[] = [];
  for (const cells of lines) {
    for (let i = 0; i < cells.length - 1; i++) {
      const w = Math.max(10, [...cells[i]].length + 3);
      widths[i] = Math.max(widths[i] ?? 0, w);
    }
  }
  return lines
    .map((cells) => cells.map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(widths[i] - [...c].length) : c)).join(''))
    .map((l) => `${l}\n`)
    .join('');
}
