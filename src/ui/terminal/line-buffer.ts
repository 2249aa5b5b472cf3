/**
 * Pure editing operations on one line of input, as GNU readline's emacs mode does them. Each
 * returns a new `LineState`; kill operations also return the killed text (for Ctrl-Y).
 */

/** The text being edited and the cursor position in it (0…text.length). */
export interface LineState {
  readonly text: string;
  readonly cursor: number;
}

export interface KillResult {
  readonly state: LineState;
  readonly killed: string;
}

/** Inserts `s` at the cursor. */
export function insert(line: LineState, s: string): LineState {
  return { text: line.text.slice(0, line.cursor) + s + line.text.slice(line.cursor), cursor: line.cursor + s.length };
}

/** Backspace: deletes the character before the cursor. */
export function deleteBackward(line: LineState): LineState {
  if (line.cursor === 0) return line;
  return { text: line.text.slice(0, line.cursor - 1) + line.text.slice(line.cursor), cursor: line.cursor - 1 };
}

/** Delete / Ctrl-D on a non-empty line: deletes the character under the cursor. */
export function deleteForward(line: LineState): LineState {
  if (line.cursor >= line.text.length) return line;
  return { text: line.text.slice(0, line.cursor) + line.text.slice(line.cursor + 1), cursor: line.cursor };
}

/** Moves the cursor to `cursor`, clamped to the line. */
export function moveTo(line: LineState, cursor: number): LineState {
  return { text: line.text, cursor: Math.max(0, Math.min(line.text.length, cursor)) };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** Where Alt-B lands: the start of the current or previous alphanumeric word. */
export function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

/** Where Alt-F lands: the end of the current or next alphanumeric word. */
export function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

/** Ctrl-U: kills from the start of the line to the cursor (unix-line-discard). */
export function killToStart(line: LineState): KillResult {
  return { state: { text: line.text.slice(line.cursor), cursor: 0 }, killed: line.text.slice(0, line.cursor) };
}

/** Ctrl-K: kills from the cursor to the end of the line. */
export function killToEnd(line: LineState): KillResult {
  return { state: { text: line.text.slice(0, line.cursor), cursor: line.cursor }, killed: line.text.slice(line.cursor) };
}

/** Ctrl-W: kills the whitespace-delimited word before the cursor (unix-word-rubout). */
export function killWordBackward(line: LineState): KillResult {
  let i = line.cursor;
  while (i > 0 && /\s/.test(line.text[i - 1])) i--;
  while (i > 0 && !/\s/.test(line.text[i - 1])) i--;
  return killRange(line, i, line.cursor);
}

/** Alt-Backspace: kills the alphanumeric word before the cursor (backward-kill-word). */
export function killAlnumWordBackward(line: LineState): KillResult {
  return killRange(line, wordStartBefore(line.text, line.cursor), line.cursor);
}

/** Alt-D: kills to the end of the next alphanumeric word (kill-word). */
export function killWordForward(line: LineState): KillResult {
  return killRange(line, line.cursor, wordEndAfter(line.text, line.cursor));
}

function killRange(line: LineState, from: number, to: number): KillResult {
  return {
    state: { text: line.text.slice(0, from) + line.text.slice(to), cursor: from },
    killed: line.text.slice(from, to),
  };
}
