/**
 * Turns the line editor's state into the escape sequences that redraw it on a VT100-style
 * terminal of a given width, wrapping over several rows. Pure: returns the bytes to write and
 * which row (relative to the row where the prompt starts) the cursor ends on, so the next
 * redraw can move back up.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

/** Display width of `s`: escape sequences count 0, every other code point 1. */
export function displayWidth(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

export interface RenderInput {
  readonly prompt: string;
  readonly text: string;
  readonly cursor: number;
  readonly columns: number;
  /** Row of the cursor after the previous render (0 = the prompt's first row). */
  readonly previousCursorRow: number;
}

export interface RenderOutput {
  readonly output: string;
  readonly cursorRow: number;
}

/** Redraws prompt + text from the prompt's first row, clearing what was below. */
export function renderLine(input: RenderInput): RenderOutput {
  const columns = Math.max(1, input.columns);
  const promptWidth = displayWidth(input.prompt);
  const total = promptWidth + [...input.text].length;
  const before = promptWidth + [...input.text.slice(0, input.cursor)].length;
  let out = up(input.previousCursorRow) + '\r\x1b[J' + input.prompt + input.text;
  // After exactly filling a row the terminal's cursor waits in the last column ("pending wrap").
  // Like readline, print a space to make the terminal wrap (so the row stays a soft-wrapped part
  // of the line, which copy and reflow keep whole) and return to the new row's start.
  if (total > 0 && total % columns === 0) out += ' \r';
  const endRow = Math.floor(total / columns);
  const cursorRow = Math.floor(before / columns);
  const cursorCol = before % columns;
  out += up(endRow - cursorRow) + '\r' + (cursorCol > 0 ? `\x1b[${cursorCol}C` : '');
  return { output: out, cursorRow };
}

/** Moves from the cursor row to the row after the last row of the line (used on Enter). */
export function moveBelow(input: Omit<RenderInput, 'previousCursorRow'> & { cursorRow: number }): string {
  const columns = Math.max(1, input.columns);
  const total = displayWidth(input.prompt) + [...input.text].length;
  const textRow = total > 0 && total % columns === 0 ? total / columns - 1 : Math.floor(total / columns);
  const lastRow = Math.max(textRow, input.cursorRow);
  const down = lastRow - input.cursorRow;
  return (down > 0 ? `\x1b[${down}B` : '') + '\r\n';
}

function up(rows: number): string {
  return rows > 0 ? `\x1b[${rows}A` : '';
}

/**
 * Lays out completion candidates in columns the way readline lists them (sorted down the
 * columns, two spaces apart), one string per row.
 */
export function formatColumns(items: readonly string[], width: number): string[] {
  if (items.length === 0) return [];
  // readline's rl_display_match_list: `limit = cols / max` with max = widest + 2, one fewer
  // when they fill the width exactly (the last column's padding would wrap), at least one
  const cell = Math.max(...items.map((s) => displayWidth(s))) + 2;
  let perRow = Math.floor(width / cell);
  if (perRow !== 1 && perRow * cell === width) perRow--;
  perRow = Math.max(1, perRow);
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) continue;
      const last = items[(c + 1) * rows + r] === undefined;
      line += last ? item : item.padEnd(cell - 2 + (item.length - displayWidth(item))) + '  ';
    }
    lines.push(line);
  }
  return lines;
}
