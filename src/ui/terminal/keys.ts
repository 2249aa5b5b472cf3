/**
 * Decodes what a terminal emulator sends for keystrokes and pastes (xterm's `onData`) into
 * named keys for the line editor. Pure: no DOM. Unknown escape sequences decode to
 * `{ name: 'unknown' }` so the editor can ignore them instead of inserting garbage.
 */

/** One decoded key. Printable input arrives as `{ name: 'text', text }` (a run of characters). */
export interface Key {
  /**
   * 'text', 'enter', 'backspace', 'tab', 'delete', 'escape', 'left', 'right', 'up', 'down',
   * 'home', 'end', 'word-left', 'word-right', 'C-a'…'C-z' (control keys), 'M-b', 'M-f', 'M-d',
   * 'M-backspace' (Alt/Meta keys), 'paste-start', 'paste-end', 'unknown'.
   */
  readonly name: string;
  readonly text?: string;
}

const CSI_FINAL: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Record<string, string> = {
  '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '200': 'paste-start', '201': 'paste-end',
};

/** Splits `data` into keys. A lone ESC at the end of the chunk is the Escape key. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ name: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < data.length) {
    const ch = data[i];
    const code = ch.charCodeAt(0);
    if (ch === '\x1b') {
      flush();
      const [key, length] = decodeEscape(data, i);
      keys.push(key);
      i += length;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      flush();
      keys.push({ name: 'enter' });
      i += ch === '\r' && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (ch === '\x7f' || ch === '\b') {
      flush();
      keys.push({ name: 'backspace' });
    } else if (ch === '\t') {
      flush();
      keys.push({ name: 'tab' });
    } else if (code < 0x20) {
      flush();
      keys.push({ name: `C-${String.fromCharCode(code + 96)}` });
    } else {
      text += ch;
    }
    i++;
  }
  flush();
  return keys;
}

/** Decodes the escape sequence starting at `start` (an ESC); returns the key and its length. */
function decodeEscape(data: string, start: number): [Key, number] {
  const next = data[start + 1];
  if (next === undefined) return [{ name: 'escape' }, 1];
  if (next === '[') {
    let j = start + 2;
    while (j < data.length && !isFinal(data.charCodeAt(j))) j++;
    if (j >= data.length) return [{ name: 'unknown' }, data.length - start];
    const params = data.slice(start + 2, j);
    const final = data[j];
    const length = j - start + 1;
    if (final === '~') return [{ name: TILDE[params] ?? 'unknown' }, length];
    const name = CSI_FINAL[final];
    if (!name) return [{ name: 'unknown' }, length];
    // Ctrl/Alt + ←/→ (`1;5D`, `1;3C`) move by words, as in bash with the usual inputrc.
    if ((params === '1;5' || params === '1;3') && (name === 'left' || name === 'right')) {
      return [{ name: name === 'left' ? 'word-left' : 'word-right' }, length];
    }
    return [{ name }, length];
  }
  if (next === 'O') {
    const name = CSI_FINAL[data[start + 2] ?? ''];
    return [{ name: name ?? 'unknown' }, Math.min(3, data.length - start)];
  }
  if (next === '\x7f' || next === '\b') return [{ name: 'M-backspace' }, 2];
  if (next === '\x1b') return [{ name: 'escape' }, 1];
  if (next >= ' ' && next <= '~') return [{ name: `M-${next.toLowerCase()}` }, 2];
  return [{ name: 'escape' }, 1];
}

function isFinal(code: number): boolean {
  return code >= 0x40 && code <= 0x7e;
}
